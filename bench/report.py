"""The results table (bench-results/results.md)."""

import os

from bench.common import HOST

# Issue 17's targets: share of the ceiling measured in the same run, by kind of page.
SHARE_TARGET = {"anonymous": 0.60, "signed_in": 0.20, "post": 0.10, "staff": 0.25}
P99_TARGET_MS = 100  # every read page, at 16 connections, with no errors
DEEP_ALONE_TARGET_MS = 20  # a comment page at offset 20,000, alone
SLOWER_AT_10X = 1.5  # no page more than this much slower at ten times the data


def _target(row) -> tuple[str, bool | None]:
    kind = row["kind"]
    if kind == "ceiling" or "rps" not in row:
        return "", None
    wanted, met = [], row["errors"] == 0
    if kind in SHARE_TARGET:
        wanted.append(f"≥ {SHARE_TARGET[kind]:.0%}")
        met = met and row["ratio"] >= SHARE_TARGET[kind]
    if kind != "post":
        wanted.append(f"p99 < {P99_TARGET_MS} ms")
        met = met and row["p99_ms"] < P99_TARGET_MS
    if kind == "deep":
        wanted.append(f"alone < {DEEP_ALONE_TARGET_MS} ms")
        met = met and (row.get("alone") or {}).get("uncached_ms", 1e9) < DEEP_ALONE_TARGET_MS
    return ", ".join(wanted), met


def report(results, *, meta, seed_info, digest, others=None, baseline=None) -> str:
    ceiling = next((r.get("rps") for r in results if r["key"] == "ceiling"), None)
    lines = [
        f"# Benchmark results ({meta['finished']})", "",
        f"gunicorn {meta['workers']} sync workers, wrk {meta['threads']} threads × {meta['connections']} "
        f"connections × {meta['seconds']} s per scenario, all on {HOST} ({os.cpu_count()} CPUs, shared).",
        f"Data: {_counts(seed_info['counts'])}; seed {'reused, first built' if seed_info['reused'] else 'built'} "
        f"in {seed_info['seconds']:.1f} s. Busiest focus area: {meta['busiest']}.", "",
        "| Scenario | Path | Req/s | vs ceiling | p50 ms | p95 ms | p99 ms | Errors | Target | Met "
        "| Alone ms | Uncached ms | Queries | Notes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |",
    ]
    for row in results:
        alone = row.get("alone") or {}
        alone_cells = f"{alone.get('ms', '–')} | {alone.get('uncached_ms', '–')} | {alone.get('queries', '–')}"
        if "rps" not in row:
            lines.append(f"| {row['name']} | `{row['path']}` | – | – | – | – | – | – | | | {alone_cells} | "
                         f"{row['skipped']} |")
            continue
        row["ratio"] = round(row["rps"] / ceiling, 3) if ceiling else None
        row["target"], row["met"] = _target(row)
        met = "" if row["met"] is None else ("yes" if row["met"] else "**no**")
        notes = [row["note"]] if row.get("note") else []
        if 0 < row["requests"] < 100:
            notes.append(f"only {row['requests']} requests finished")
        detail = row["error_detail"]
        if detail["timeout"]:
            notes.append(f"{detail['timeout']} timed out (> 5 s, left out of the percentiles)")
        if detail["status"]:
            notes.append(f"{detail['status']} answered 4xx/5xx")
        socket_errors = detail["connect"] + detail["read"] + detail["write"]
        if socket_errors:
            notes.append(f"{socket_errors} socket errors")
        lines.append(
            f"| {row['name']} | `{row['path']}` | {row['rps']:,.{0 if row['rps'] >= 10 else 1}f} | {_percent(row['ratio'])} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['p99_ms']} | {row['errors']} | {row['target']} | {met} | {alone_cells} | "
            f"{'; '.join(notes)} |"
        )
    lines += ["", "*Alone*: one request with nothing else running on the server (Django's test client in the "
              "benchmark process), with its number of SQL queries, after the caches are filled as under load; "
              "*Uncached*: the same with the page and fragment caches off (PAGE_CACHE_ENABLED=false). "
              "The slowest queries are in results.json."]
    memory = meta.get("worker_memory") or []
    if memory:
        lines += ["", "gunicorn workers' peak memory (VmHWM) after the run: " + ", ".join(
            f"{worker['peak_mb']} MB (now {worker['now_mb']} MB)" for worker in memory) + "."]
    if baseline:
        lines += _compared(results, baseline, meta["scale"])
    lines += ["", "Design-team digest build (target: under 5 s and 300 MB):", ""]
    if digest.get("status") == "ok":
        lines.append(f"- `{digest['function']}`: {digest['seconds']} s, {digest['queries']} queries, "
                     f"peak Python allocations {digest['peak_python_mb']} MB, process peak RSS "
                     f"{digest['peak_rss_mb']} MB (of which {digest['rss_before_mb']} MB before the build)")
    else:
        lines.append(f"- {digest.get('status')}: {digest.get('note', '')}")
    if others:
        lines += ["", "Other measurements (bench/screening.py, bench/themes.py, bench/imports.py):", ""]
        for name, result in others.items():
            figures = result.get("figures") or {}
            detail = ", ".join(f"{key}: {value}" for key, value in figures.items()) if result["status"] == "ok" \
                else result.get("note", "")
            took = f" in {result['seconds']} s" if "seconds" in result else ""
            lines.append(f"- {name}: {result['status']}{took}; {detail}")
    return "\n".join(lines) + "\n"


def _compared(results, baseline, scale) -> list[str]:
    """Each page at this scale beside the 1× run in results.json (the latest `make bench`)."""
    before = {row["key"]: row for row in baseline.get("scenarios", [])}
    lines = ["", f"Against the 1× run of {baseline.get('meta', {}).get('finished', '?')} (bench-results/results.json); "
             f"target: no page more than {SLOWER_AT_10X}× slower at {scale}× the data:", "",
             f"| Scenario | 1× req/s | {scale}× req/s | Slower by | 1× alone ms | {scale}× alone ms | Met |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in results:
        one = before.get(row["key"]) or {}
        if row["kind"] == "ceiling" or "rps" not in row or not one.get("rps"):
            continue
        slower = round(one["rps"] / row["rps"], 2) if row["rps"] else None
        alone, alone_one = (row.get("alone") or {}).get("ms", "–"), (one.get("alone") or {}).get("ms", "–")
        met = "yes" if slower is not None and slower <= SLOWER_AT_10X else "**no**"
        lines.append(f"| {row['name']} | {one['rps']:,.0f} | {row['rps']:,.0f} | {slower}× | {alone_one} | {alone} | {met} |")
    return lines


def _percent(ratio) -> str:
    if ratio is None:
        return "–"
    return f"{ratio:.0%}" if ratio >= 0.1 else f"{ratio:.1%}"


COUNT_ORDER = ["users", "responses", "scores", "flags", "comments", "follows", "reports"]


def _counts(counts: dict) -> str:
    names = sorted(counts, key=lambda name: COUNT_ORDER.index(name) if name in COUNT_ORDER else 99)
    return ", ".join(f"{counts[name]:,} {name}" for name in names)

