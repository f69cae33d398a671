"""What every part of the benchmark shares: where it writes, the one host it talks to."""

import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
HOST = "127.0.0.1"  # the only address the benchmark ever talks to


def log(message: str) -> None:
    print(message, flush=True)


def peak_rss_kb() -> int:
    """This process's own high-water mark (VmHWM). Not getrusage's ru_maxrss: Linux keeps that
    across exec, so a process the benchmark starts reported the benchmark's own peak (1.2 GB
    after seeding ten times the data) instead of its own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
