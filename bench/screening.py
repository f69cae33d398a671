"""Screening time per comment: p99 over comments of 2,000 characters made from the labelled
corpus (tests/screening/corpus.txt), screened one after another on one core.

    .venv/bin/python -m bench.screening          # prints the figures as JSON
    from bench.screening import measure; measure()   # the same, as a dict (for bench.run)
"""

import json
import random
import statistics
import time
from pathlib import Path

from consultation.screening import screen

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "screening" / "corpus.txt"
COMMENT_CHARS = 2000
P99_TARGET_MS = 20


def comments(count: int, *, seed: int = 13) -> list[str]:
    """`count` comments of 2,000 characters, each a random mix of the corpus's texts."""
    lines = [line.partition("|")[2] for line in CORPUS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    chooser = random.Random(seed)  # noqa: S311 (a repeatable sample, not a secret)
    made = []
    for _ in range(count):
        text = ""
        while len(text) < COMMENT_CHARS:
            text += chooser.choice(lines) + " "
        made.append(text[:COMMENT_CHARS])
    return made


def measure(count: int = 500) -> dict:
    texts = comments(count)
    for text in texts[:20]:
        screen(text)  # warm the word lists and the compiled patterns
    wall, cpu = [], []
    for text in texts:
        started, started_cpu = time.perf_counter(), time.thread_time()
        screen(text)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    wall.sort()
    cpu.sort()
    return {
        "comments": count,
        "characters_each": COMMENT_CHARS,
        "median_ms": round(statistics.median(wall), 2),
        "p99_ms": round(_p99(wall), 2),
        "max_ms": round(wall[-1], 2),
        # CPU time of this thread alone: what one core spends, whatever else the machine runs.
        "cpu_median_ms": round(statistics.median(cpu), 2),
        "cpu_p99_ms": round(_p99(cpu), 2),
        "p99_target_ms": P99_TARGET_MS,
        "meets_target": _p99(cpu) < P99_TARGET_MS,
    }


def run() -> dict:
    """For `make bench` (bench/extras.py)."""
    return measure()


def _p99(sorted_times: list[float]) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * 0.99))]


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
