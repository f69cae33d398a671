"""`make bench`: seed PostgreSQL, serve the portal under gunicorn, drive it with wrk, report.

    .venv/bin/python -m bench.run                 # the full benchmark (make bench)
    .venv/bin/python -m bench.run --scale 10      # the same on ten times the data (make bench-10x)
    .venv/bin/python -m bench.run --scaling       # one read page, 1 vs 2 gunicorn workers
    .venv/bin/python -m bench.run --reseed        # drop the benchmark database and seed again
    .venv/bin/python -m bench.run --only focus_area_signed_in,focus_area_deep   # a few scenarios

Everything runs on 127.0.0.1: PostgreSQL database coe_bench (coe_bench_10x at ten times the
data; created here), Redis database 9 (flushed at the start of each run), gunicorn on a free
port. Results go to bench-results/results.md and results.json (results-10x.*; scaling:
scaling.md and scaling.json).
"""

import argparse
import json
import os
import secrets
import subprocess  # noqa: S404 (runs the digest with fixed arguments)
import sys
import time
import urllib.parse
from datetime import UTC, datetime

from bench import extras
from bench.common import HOST, RESULTS, ROOT, log
from bench.database import configure_django, ensure_seeded, flush_redis, migrate, prepare_actors
from bench.report import report
from bench.server import CSRF_FIELD, Gunicorn, ensure_wrk, measure, request, sign_in

DEFAULTS = {
    "database_url": f"postgres://postgres@{HOST}:5432/coe_bench",
    "redis_url": f"redis://{HOST}:6379/9",
}
DEEP_OFFSET = 20_000  # the thread a deep comment page starts at


def deep_cursors(area) -> dict:
    """Where the pages at offset 20,000 start: the busiest discussion's threads (newest
    first, as its page links go) and the API's published comments (by id)."""
    from consultation.comments import selectors
    from consultation.comments.models import Comment

    threads = selectors.public_threads(selectors.subject_filter(focus_area=area)).order_by(*selectors.ORDERS["newest"])
    total = threads.count()
    offset = min(DEEP_OFFSET, max(total - selectors.COMMENTS_PER_PAGE, 0))
    key = threads.values_list("created_at", "pk")[offset - 1] if offset else None
    api_offset = min(DEEP_OFFSET, Comment.objects.public().count() - 1)
    api_after = Comment.objects.public().order_by("pk").values_list("pk", flat=True)[api_offset - 1]
    return {"threads": total, "offset": offset, "cursor": selectors.encode_cursor(key) if key else "",
            "api_offset": api_offset, "api_after": api_after}


def scenarios_for(server, prepared, sessions) -> list[dict]:
    area, deep = prepared["busiest"], prepared["deep"]
    focus_path = f"/ideas/{area.slug}/"
    reader, poster, analyst = sessions["reader"], sessions["poster"], sessions["analyst"]
    # The posting form's CSRF token, as the page gives it to the signed-in poster.
    _, _, body = request(server, "GET", focus_path, cookies=poster)
    token = CSRF_FIELD.search(body)

    def not_yet(path, cookies=None, who="other helpers"):
        """Pages other issues are building: measured once their URL answers."""
        status, _, _ = request(server, "GET", path, cookies=cookies)
        return f"not built yet: {path} answers {status} ({who})" if status == 404 else None

    deep_note = (f"thread {deep['offset']:,} of {deep['threads']:,}"
                 + ("" if deep["offset"] == DEEP_OFFSET else f" (fewer than {DEEP_OFFSET:,} threads)"))
    return [
        {"key": "ceiling", "name": "Ceiling (bare Django view)", "path": "/bench/ceiling", "kind": "ceiling"},
        {"key": "start", "name": "Start page", "path": "/", "kind": "anonymous"},
        {"key": "catalogue", "name": "Catalogue (anonymous)", "path": "/ideas/", "kind": "anonymous",
         "expect_text": area.title},
        {"key": "focus_area", "name": "Busiest focus area (anonymous)", "path": focus_path,
         "kind": "anonymous", "expect_text": "Discussion"},
        {"key": "focus_area_signed_in", "name": "Busiest focus area (signed in)", "path": focus_path,
         "kind": "signed_in", "cookies": reader, "actor": "reader", "expect_text": "Post comment"},
        {"key": "focus_area_deep", "name": "Comment page at offset 20,000 (signed in)",
         "path": f"{focus_path}?order=newest&after={deep['cursor']}", "kind": "deep", "cookies": reader,
         "actor": "reader", "expect_text": "Newer comments", "note": deep_note},
        {"key": "post_comment", "name": "Post a comment (signed in)",
         "path": f"/focus-areas/{area.slug}/comments/", "kind": "post", "cookies": poster, "actor": "poster",
         "post": {"csrfmiddlewaretoken": token.group(1) if token else "", "reflection_kind": "general",
                  "body": "A benchmark comment, posted through the real form."}},
        {"key": "analysis", "name": "Analysis overview (staff)", "path": "/analysis/", "kind": "staff",
         "cookies": analyst, "actor": "analyst", "skip": not_yet("/analysis/", analyst, "issue 7")},
        {"key": "api_comments", "name": "API: published comments", "path": "/api/v1/comments/", "kind": "api",
         "skip": not_yet("/api/v1/comments/", who="the API issue")},
        {"key": "api_comments_deep", "name": "API: published comments at offset 20,000",
         "path": f"/api/v1/comments/?cursor={deep['api_after']}", "kind": "api",
         "skip": not_yet("/api/v1/comments/", who="the API issue"), "note": f"after comment {deep['api_offset']:,}"},
        {"key": "you_said_we_did", "name": "You said, we did (anonymous)", "path": "/you-said-we-did/",
         "kind": "anonymous", "skip": not_yet("/you-said-we-did/", who="the themes issue")},
        {"key": "themes", "name": "Themes overview (staff)", "path": "/analysis/themes/", "kind": "staff",
         "cookies": analyst, "actor": "analyst", "skip": not_yet("/analysis/themes/", analyst, "the themes issue")},
    ]


def profile_pages(scenarios, prepared) -> dict:
    """Each page once, unloaded, in this process with Django's test client: time and queries,
    warm (the caches filled, as under load) and with the page and fragment caches off.

    The query count is what the test suite asserts per page; the slowest queries are kept in
    results.json to show where the time goes.
    """
    import uuid

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    profiles = {}
    for scenario in scenarios:
        if scenario["kind"] == "ceiling" or scenario.get("skip"):
            continue
        client = Client()
        if scenario.get("actor"):
            client.force_login(prepared["actors"][scenario["actor"]])

        def hit(client=client, scenario=scenario):
            if scenario.get("post"):
                return client.post(scenario["path"], {**scenario["post"], "submission_key": str(uuid.uuid4())})
            return client.get(scenario["path"])

        for _ in range(2):
            hit()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = hit()
            elapsed = time.perf_counter() - started
        captured = list(queries.captured_queries)  # before the next request resets Django's log
        with override_settings(PAGE_CACHE_ENABLED=False):
            hit()
            cold = time.perf_counter()
            hit()
            cold = time.perf_counter() - cold
        slowest = sorted(captured, key=lambda q: -float(q["time"]))[:3]
        profiles[scenario["key"]] = {
            "status": response.status_code, "ms": round(elapsed * 1000, 1), "queries": len(captured),
            "uncached_ms": round(cold * 1000, 1),
            "slowest_queries": [{"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"][:400]} for q in slowest],
        }
    return profiles


def time_digest(env: dict) -> dict:
    finished = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.digest"], env={**os.environ, **env, "LOG_LEVEL": "WARNING"},
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    line = next((line for line in finished.stdout.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        return {"status": "error", "note": (finished.stderr or finished.stdout).strip()[-500:]}
    return json.loads(line.removeprefix("BENCH_JSON "))


def collect_static() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 2)))
    parser.add_argument("--scale", type=int, default=1, help="times the seeded volume (10: make bench-10x)")
    parser.add_argument("--only", default="", help="comma-separated scenario keys (the ceiling always runs)")
    parser.add_argument("--reseed", action="store_true", help="drop the benchmark database and seed again")
    parser.add_argument("--scaling", action="store_true", help="one read page with 1 and 2 gunicorn workers")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    suffix = "" if args.scale == 1 else f"-{args.scale}x"
    env = {"DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULTS["database_url"] + suffix.replace("-", "_")),
           "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULTS["redis_url"]),
           "DJANGO_SETTINGS_MODULE": "bench.settings"}
    for url in env["DATABASE_URL"], env["REDIS_URL"]:
        if urllib.parse.urlparse(url).hostname != HOST:
            raise SystemExit(f"the benchmark only talks to {HOST}, not {url}")
    ensure_wrk()
    # This process seeds and times pages alone; DEBUG off as in production (templates, static).
    configure_django({**env, "LOG_LEVEL": "WARNING", "DEBUG": "false"})
    seed_info = ensure_seeded(env["DATABASE_URL"], args.reseed, args.scale)
    migrate(env["DATABASE_URL"])  # again: a migration may have landed while the seed ran
    password = secrets.token_urlsafe(24)
    prepared = prepare_actors(password)
    prepared["deep"] = deep_cursors(prepared["busiest"])
    flush_redis(env["REDIS_URL"])
    collect_static()
    from django.db import connections

    connections.close_all()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "gunicorn.log").write_text("")
    options = {"seconds": args.seconds, "connections": args.connections, "threads": args.threads}

    if args.scaling:
        from bench.scaling import scaling

        return scaling(env, prepared, seed_info, options)

    only = {key for key in args.only.split(",") if key}
    server = Gunicorn(env, args.workers)
    try:
        sessions = {key: sign_in(server, user.email, password) for key, user in prepared["actors"].items()}
        log(f"gunicorn ({args.workers} workers) on {server.base}; {args.seconds:g} s per scenario")
        scenarios = [s for s in scenarios_for(server, prepared, sessions)
                     if not only or s["key"] in only or s["kind"] == "ceiling"]
        results = measure(server, scenarios, **options)
        memory = extras.worker_memory(server.process.pid)
    finally:
        server.stop()
    log("Timing each page alone, with its queries")
    profiles = profile_pages(scenarios, prepared)
    for row in results:
        row["alone"] = profiles.get(row["key"])
    log("Timing the design-team digest build")
    digest = time_digest(env)
    others = extras.run_hooks()
    meta = {"finished": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "workers": args.workers,
            "busiest": f"{prepared['busiest'].slug} ({prepared['busiest_count']:,} comments on its own page)",
            "scale": args.scale, "worker_memory": memory, "total_seconds": None, **options}
    baseline = None
    if args.scale != 1 and (RESULTS / "results.json").exists():
        baseline = json.loads((RESULTS / "results.json").read_text())
    table = report(results, meta=meta, seed_info=seed_info, digest=digest, others=others, baseline=baseline)
    meta["total_seconds"] = round(time.perf_counter() - started, 1)
    (RESULTS / f"results{suffix}.md").write_text(table)
    (RESULTS / f"results{suffix}.json").write_text(json.dumps(
        {"meta": meta, "seed": seed_info, "scenarios": results, "digest": digest, "others": others},
        indent=2, default=str))
    print("\n" + table)
    log(f"Written to {RESULTS / f'results{suffix}.md'} and .json in {meta['total_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
