"""What every part of the benchmark shares: where it writes, the one host it talks to."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
HOST = "127.0.0.1"  # the only address the benchmark ever talks to


def log(message: str) -> None:
    print(message, flush=True)
