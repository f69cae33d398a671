"""Times one build of the design-team digest at the seeded volume, in its own process.

Run by bench/run.py as `python -m bench.digest` with the benchmark database configured.
Prints one line: BENCH_JSON {...}. The digest is issue 6's work: until
consultation.digests.design_team.build_design_team_digest exists this reports "not built yet".
"""

import dataclasses
import importlib
import inspect
import json
import time
import tracemalloc
from datetime import date, datetime, timedelta

import django

from bench.common import peak_rss_kb

CANDIDATES = [("consultation.digests.design_team", "build_design_team_digest")]


def _find():
    for module_name, name in CANDIDATES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if callable(getattr(module, name, None)):
            return f"{module_name}.{name}", getattr(module, name)
    return None, None


def _arguments(function) -> dict:
    """Last week (Monday to Monday) for any required parameter that names a week or period."""
    from django.utils import timezone

    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday() + 7)
    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is not parameter.empty or parameter.kind in (
            parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD,
        ):
            continue
        name = parameter.name
        if any(word in name for word in ("week", "start", "period", "since", "day")):
            arguments[name] = monday
        elif "end" in name or "until" in name:
            arguments[name] = monday + timedelta(days=7)
        elif "now" in name or name == "at":
            arguments[name] = timezone.now()
        else:
            raise TypeError(f"does not know what to pass for its parameter {name!r}")
    return arguments


def _size(result) -> int:
    """Makes lazy results concrete (querysets, generators) so their cost is in the timing."""
    if isinstance(result, dict):
        return sum(_size(value) for value in result.values())
    if isinstance(result, (list, tuple)):
        return sum(_size(value) for value in result)
    if isinstance(result, (str, bytes, int, float, date, datetime)) or result is None:
        return 1
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return sum(_size(getattr(result, field.name)) for field in dataclasses.fields(result))
    if hasattr(result, "__iter__"):
        return sum(_size(value) for value in list(result))
    return 1


def main() -> dict:
    django.setup()
    from django.db import connection

    path, function = _find()
    if function is None:
        return {"status": "not built yet",
                "note": "consultation.digests.design_team.build_design_team_digest does not exist yet (issue 6)"}
    try:
        arguments = _arguments(function)
    except TypeError as error:
        return {"status": "error", "function": path, "note": str(error)}
    queries = []
    rss_before_kb = peak_rss_kb()
    try:
        # First build: timed, queries counted. Second: under tracemalloc, for peak memory
        # (tracing slows Python down, so it is kept out of the timing).
        started = time.perf_counter()
        with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
            _size(function(**arguments))
        seconds = time.perf_counter() - started
        tracemalloc.start()
        _size(function(**arguments))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    except Exception as error:  # report, do not hide: the table says what broke
        return {"status": "error", "function": path, "note": f"{type(error).__name__}: {error}"}
    return {
        "status": "ok", "function": path, "arguments": {k: str(v) for k, v in arguments.items()},
        "seconds": round(seconds, 3), "queries": len(queries),
        "peak_python_mb": round(peak / 2**20, 1),
        "peak_rss_mb": round(peak_rss_kb() / 1024, 1),
        "rss_before_mb": round(rss_before_kb / 1024, 1),
    }


if __name__ == "__main__":
    print("BENCH_JSON " + json.dumps(main()), flush=True)
