"""The benchmark's report and hooks on made-up figures, so `make bench` cannot rot unseen."""

from bench import extras
from bench.report import report


def row(key, kind, rps, p99=20.0, **extra):
    return {"key": key, "name": key, "path": f"/{key}/", "kind": kind, "rps": rps, "requests": 1000,
            "p50_ms": 5.0, "p95_ms": 10.0, "p99_ms": p99, "errors": 0,
            "error_detail": {"timeout": 0, "status": 0, "connect": 0, "read": 0, "write": 0}, **extra}


META = {"finished": "now", "workers": 2, "threads": 2, "connections": 16, "seconds": 10, "busiest": "x",
        "scale": 10, "worker_memory": [{"pid": 1, "peak_mb": 90.5, "now_mb": 88.0}]}
SEED = {"reused": True, "seconds": 1.0, "counts": {"comments": 10}}


def test_the_report_checks_issue_17s_targets_against_the_same_runs_ceiling():
    results = [row("ceiling", "ceiling", 1000), row("start", "anonymous", 700), row("signed", "signed_in", 150),
               row("deep", "deep", 300, alone={"ms": 2.0, "uncached_ms": 15.0, "queries": 5}),
               row("slow", "anonymous", 900, p99=150.0),
               {"key": "api", "name": "API", "path": "/api/", "kind": "api", "skipped": "not built yet"}]
    baseline = {"meta": {"finished": "before"}, "scenarios": [row("start", "anonymous", 800), row("signed", "signed_in", 300)]}
    text = report(results, meta=META, seed_info=SEED, digest={"status": "not built"}, baseline=baseline,
                  others={"themes": {"status": "skipped", "note": "bench/themes.py not there yet"}})
    met = {r["key"]: r.get("met") for r in results}
    assert met == {"ceiling": None, "start": True, "signed": False, "deep": True, "slow": False, "api": None}
    assert "not built yet" in text and "90.5 MB" in text and "bench/themes.py not there yet" in text
    assert "| signed | 300 | 150 | 2.0× |" in text and "| start | 800 | 700 | 1.14× |" in text


def test_hooks_are_skipped_until_their_module_exists_and_a_failing_one_is_reported(monkeypatch):
    results = extras.run_hooks()
    assert set(results) == {"screening", "themes", "imports"}
    for name, result in results.items():
        assert result["status"] in {"skipped", "ok", "error"}, name

    class Broken:
        @staticmethod
        def run():
            raise RuntimeError("no data")

    monkeypatch.setattr(extras.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setattr(extras.importlib, "import_module", lambda name: Broken)
    assert extras.run_hooks()["themes"] == {"status": "error", "note": "RuntimeError: no data"}


def test_worker_memory_reads_the_children_of_a_process():
    import os
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])  # noqa: S603
    try:
        for _ in range(50):  # until the child has started and shows in /proc
            workers = extras.worker_memory(os.getpid())
            if any(worker["pid"] == child.pid and worker["peak_mb"] > 0 for worker in workers):
                break
            time.sleep(0.05)
    finally:
        child.kill()
        child.wait()
    assert any(worker["pid"] == child.pid and worker["peak_mb"] > 0 for worker in workers)
