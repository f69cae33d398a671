"""What the benchmark measures besides pages: gunicorn workers' peak memory, and the
measurements other parts of the portal add as `bench/<name>.py` modules with a `run()`
returning a dict of figures (screening, themes, imports), each skipped until it exists."""

import importlib
import importlib.util
import time
from pathlib import Path

from bench.common import log

HOOKS = {
    "screening": "screening of comments and names",
    "themes": "finding themes in the comments",
    "imports": "importing responses from the old forms",
}


def worker_memory(master_pid: int) -> list[dict]:
    """Each gunicorn worker's peak resident memory (VmHWM) and its memory now (VmRSS), in MB,
    read from /proc while the server still runs (Linux only; empty elsewhere)."""
    workers = []
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if not children.exists():
        return workers
    for pid in children.read_text().split():
        status = Path(f"/proc/{pid}/status")
        if not status.exists():
            continue
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        kilobytes = {name: int(fields[name].split()[0]) for name in ("VmHWM", "VmRSS") if name in fields}
        workers.append({"pid": int(pid), "peak_mb": round(kilobytes.get("VmHWM", 0) / 1024, 1),
                        "now_mb": round(kilobytes.get("VmRSS", 0) / 1024, 1)})
    return workers


def run_hooks() -> dict:
    results = {}
    for name, what in HOOKS.items():
        if importlib.util.find_spec(f"bench.{name}") is None:
            results[name] = {"status": "skipped", "note": f"bench/{name}.py not there yet ({what})"}
            continue
        log(f"Running bench/{name}.py ({what})")
        started = time.perf_counter()
        try:
            figures = importlib.import_module(f"bench.{name}").run()
        except Exception as error:  # noqa: BLE001 (one hook failing must not lose the page figures)
            results[name] = {"status": "error", "note": f"{type(error).__name__}: {error}"[:500]}
            continue
        results[name] = {"status": "ok", "seconds": round(time.perf_counter() - started, 1), "figures": figures}
    return results
