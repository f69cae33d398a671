"""Times `manage.py import_feedback` on a generated file of the old forms' records, and its
peak memory, under /usr/bin/time -v (issue 19; not part of the test suite).

    .venv/bin/python -m bench.imports                    # 100,000 records
    .venv/bin/python -m bench.imports --records 5000

Needs PostgreSQL on 127.0.0.1 (BENCH_IMPORTS_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/coe_imports_bench): the database is dropped, created and
migrated each run, then the file is imported, then imported again (the rerun adds nothing).
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/coe_imports_bench"


def _fresh_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _write_file(path: Path, count: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coe.settings")
    django.setup()
    from bench.import_records import records

    kinds: dict = {}
    with path.open("w", encoding="utf-8") as handle:
        for kind, line in records(count):
            kinds[kind] = kinds.get(kind, 0) + 1
            handle.write(line + "\n")
    return kinds


def _timed_import(path: Path, env: dict, limit: float | None) -> dict:
    """Runs the import under /usr/bin/time -v; past `limit` seconds it is interrupted (as
    Ctrl-C would) and reports how far it got."""
    command = ["/usr/bin/time", "-v", sys.executable, "manage.py", "import_feedback", str(path)]
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err, text=True,  # noqa: S603
                                   start_new_session=True)
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)  # time ignores it; the import stops cleanly
            process.wait()
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        summary, problems = out.read().strip().splitlines(), err.read()
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", problems).group(1))
    read = next(int(line.split()[-1].replace(",", "")) for line in summary if line.startswith("Read"))
    return {"seconds": round(seconds, 1), "read": read, "interrupted": "Interrupted after" in problems,
            "peak_rss_mb": round(peak / 1024, 1), "records_per_second": round(read / seconds), "summary": summary}


def run(records: int = 5_000) -> dict:
    """For `make bench` (bench/extras.py): a few thousand records and the rerun, so the whole
    benchmark stays short; `python -m bench.imports` does the 100,000."""
    url = os.environ.get("BENCH_IMPORTS_DATABASE_URL", DEFAULT_URL)
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false", "DJANGO_ENV": "development", "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    _fresh_database(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "old-forms.jsonl"
        _write_file(path, records)
        first, rerun = _timed_import(path, env, None), _timed_import(path, env, None)
    keep = ("seconds", "read", "records_per_second", "peak_rss_mb")
    return {"records": records, "import": {k: first[k] for k in keep}, "rerun": {k: rerun[k] for k in keep}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--limit-seconds", type=float, default=None,
                        help="Interrupt the import after this long and report the part done")
    parser.add_argument("--no-rerun", action="store_true", help="Skip timing the second run (all duplicates)")
    args = parser.parse_args()
    url = os.environ.get("BENCH_IMPORTS_DATABASE_URL", DEFAULT_URL)
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false", "DJANGO_ENV": "development",
           "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)  # the in-memory cache: the import's own cost, not Redis's
    _fresh_database(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "old-forms.jsonl"
        kinds = _write_file(path, args.records)
        size_mb = path.stat().st_size / 1e6
        first = _timed_import(path, env, args.limit_seconds)
        rerun = None if args.no_rerun else _timed_import(path, env, args.limit_seconds)
    result = {"records": args.records, "file_mb": round(size_mb, 1), "kinds": kinds, "import": first, "rerun": rerun}
    for name in ("import", "rerun") if rerun else ("import",):
        run = result[name]
        part = f" (interrupted: {run['read']:,} of {args.records:,} read)" if run["interrupted"] else ""
        print(f"{name}: {run['read']:,} records in {run['seconds']} s = {run['records_per_second']:,}/s, "
              f"peak memory {run['peak_rss_mb']} MB{part}")
    print("\n".join(first["summary"]))
    print("BENCH_JSON " + json.dumps(result, default=str))


if __name__ == "__main__":
    main()
