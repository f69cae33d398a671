"""The cost of theme finding (issue 16): themes for 10,000 comments, placing 100 new ones, and
what the dependencies add to the install.

    .venv/bin/python -m bench.themes              # prints a table, writes bench-results/themes.json
    .venv/bin/python -m bench.themes --comments 20000

Each measurement runs in a fresh process so its peak memory (the process's maximum resident
set, Python and the libraries included) is its own. The comments are made from the
evaluation set's sentences, recombined so that nearly every one is different. The timings
are of the finder and the vectors (`consultation.themes.finding`), which is where the time
goes; the database writes of a run (bulk inserts) are not included.
"""

import argparse
import json
import random
import subprocess  # noqa: S404 (runs this module again with fixed arguments)
import sys
import time
from importlib import metadata
from pathlib import Path

from bench.common import peak_rss_kb

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
TARGETS = {"build_seconds": 60, "build_peak_mb": 1536, "assign_seconds": 5}
PACKAGES = ("scikit-learn", "scipy", "numpy", "joblib", "threadpoolctl")


def comments(n: int, seed: int = 16) -> list[str]:
    from tests.themes.evaluation_set import OFF_TOPIC, THEMES

    rng = random.Random(seed)  # noqa: S311 made-up comments, not secrets
    themes = list(THEMES.values())
    made = []
    for _ in range(n):
        texts = rng.choice(themes) if rng.random() > 0.03 else OFF_TOPIC
        words = rng.choice(texts).split()
        extra = rng.choice(texts).split()
        cut = rng.randint(0, len(extra) // 2)
        made.append(" ".join(words + extra[cut:cut + rng.randint(3, 8)]))
    return made


def peak_mb() -> float:
    return peak_rss_kb() / 1024


def measure_build(n: int) -> dict:
    from consultation.themes import finding

    texts = comments(n)
    started, cpu = time.perf_counter(), time.process_time()
    result = finding.find(texts)
    return {"comments": n, "build_seconds": round(time.perf_counter() - started, 2),
            "build_cpu_seconds": round(time.process_time() - cpu, 2),
            "themes": len(result.groups), "unthemed": int((result.labels == -1).sum()), "build_peak_mb": round(peak_mb())}


def measure_assign(n: int, new: int = 100) -> dict:
    """What the hourly sweep does for one subject (consultation/themes/building.assign_new):
    vectors for a sample of each theme's members and the new comments, the themes' centres,
    and the nearest centre for each new comment."""
    import numpy as np

    from consultation.themes import finding

    texts = comments(n + new)
    result = finding.find(texts[:n])
    started, cpu = time.perf_counter(), time.process_time()
    sample = [[texts[i] for i in g.members[:finding.SAMPLE_PER_THEME]] for g in result.groups]
    parameters = finding.Parameters()
    points = finding.vectors([t for members in sample for t in members] + texts[n:], parameters)
    centres, start = [], 0
    for members in sample:
        centres.append(points[start:start + len(members)].mean(axis=0))
        start += len(members)
    finding.nearest(points[start:], np.array(centres), parameters.min_similarity)
    return {"new_comments": new, "assign_seconds": round(time.perf_counter() - started, 2),
            "assign_cpu_seconds": round(time.process_time() - cpu, 2), "assign_peak_mb": round(peak_mb())}


def install_size() -> dict:
    """Bytes on disk of the packages theme finding adds (their installed files)."""
    sizes = {}
    for name in PACKAGES:
        distribution = metadata.distribution(name)
        sizes[name] = sum(Path(distribution.locate_file(f)).stat().st_size
                           for f in distribution.files or [] if Path(distribution.locate_file(f)).is_file())
    return {"packages": {k: round(v / 1e6, 1) for k, v in sizes.items()}, "total_mb": round(sum(sizes.values()) / 1e6, 1)}


def in_fresh_process(what: str, n: int) -> dict:
    output = subprocess.run(  # noqa: S603 this module, fixed arguments
        [sys.executable, "-m", "bench.themes", "--measure", what, "--comments", str(n)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def run(n: int = 10_000) -> dict:
    """For `make bench` (bench/extras.py): the issue's 10,000 comments, each step in a fresh process."""
    figures = {**in_fresh_process("build", n), **in_fresh_process("assign", n), "install": install_size()}
    return {**figures, "met": {key: figures[key] <= limit for key, limit in TARGETS.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--measure", choices=["build", "assign"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps((measure_build if args.measure == "build" else measure_assign)(args.comments)))
        return 0
    figures = {**in_fresh_process("build", args.comments), **in_fresh_process("assign", args.comments),
               "install": install_size()}
    checks = {key: figures[key] <= limit for key, limit in TARGETS.items()}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "themes.json").write_text(json.dumps({**figures, "targets": TARGETS, "met": checks}, indent=2))
    print(f"Themes for {figures['comments']:,} comments: {figures['build_seconds']} s "
          f"({figures['build_cpu_seconds']} s of CPU; target < 60), "
          f"peak {figures['build_peak_mb']} MB (target < 1,536), {figures['themes']} themes")
    print(f"Placing {figures['new_comments']} new comments: {figures['assign_seconds']} s "
          f"({figures['assign_cpu_seconds']} s of CPU; target < 5)")
    print(f"Install size added: {figures['install']['total_mb']} MB ({figures['install']['packages']})")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
