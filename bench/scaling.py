"""`make bench-scaling`: one read page with 1 and 2 gunicorn workers, and Celery with 1 and 2
worker processes."""

import json
import os
import subprocess  # noqa: S404 (runs Celery workers with fixed arguments)
import sys
import time
from pathlib import Path

from bench.common import HOST, RESULTS, ROOT, log
from bench.server import Gunicorn, measure, server_environment


def scaling(env, prepared, seed_info, options) -> int:
    """Throughput with 1 and then 2 gunicorn workers: the ceiling, the start page (a read page
    whose cost is Django and its template) and the busiest focus area (whose cost is PostgreSQL)."""
    focus_path = f"/ideas/{prepared['busiest'].slug}/"
    rows = []
    for workers in (1, 2):
        server = Gunicorn(env, workers)
        try:
            log(f"gunicorn with {workers} worker{'s' if workers > 1 else ''}")
            for row in measure(server, [
                {"key": "ceiling", "name": "Ceiling", "path": "/bench/ceiling", "kind": "ceiling"},
                {"key": "start", "name": "Start page", "path": "/", "kind": "anonymous"},
                {"key": "focus_area", "name": "Busiest focus area (anonymous)", "path": focus_path,
                 "kind": "anonymous", "expect_text": "Discussion"},
            ], **options):
                rows.append({"workers": workers, **row})
        finally:
            server.stop()
    lines = ["# Scaling: gunicorn web workers on one machine", "",
             f"wrk {options['threads']} threads × {options['connections']} connections × {options['seconds']} s, "
             f"on {HOST} with {os.cpu_count()} CPUs shared by wrk, gunicorn and PostgreSQL.", "",
             "| Scenario | Workers | Req/s | p50 ms | p99 ms | Errors | 2 workers ÷ 1 |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    one = {r["key"]: r.get("rps") for r in rows if r["workers"] == 1}
    for r in sorted(rows, key=lambda r: (list(one).index(r["key"]), r["workers"])):
        rps = r.get("rps") or 0
        gain = f"{rps / one[r['key']]:.2f}×" if r["workers"] == 2 and one.get(r["key"]) else ""
        lines.append(f"| {r['name']} | {r['workers']} | {rps:,.{0 if rps >= 10 else 1}f} | {r.get('p50_ms', '–')} | "
                     f"{r.get('p99_ms', '–')} | {r.get('errors', '–')} | {gain} |")
    celery_rows = celery_scaling(env)
    lines += ["", "# Scaling: Celery worker processes", "",
              f"{CELERY_DELIVERIES} followers' digests (real queries, templates and an email each, "
              "sent to a discarding backend) queued through Redis, timed until every row is done.", "",
              "| Worker processes | Seconds | Digests/s | 2 ÷ 1 |", "| ---: | ---: | ---: | ---: |"]
    for row in celery_rows:
        gain = f"{row['per_second'] / celery_rows[0]['per_second']:.2f}×" if row is not celery_rows[0] else ""
        lines.append(f"| {row['workers']} | {row['seconds']} | {row['per_second']} | {gain} |")
    table = "\n".join(lines) + "\n"
    (RESULTS / "scaling.md").write_text(table)
    (RESULTS / "scaling.json").write_text(json.dumps({"seed": seed_info, "rows": rows, "celery": celery_rows,
                                                      **options}, indent=2, default=str))
    print("\n" + table)
    return 0


CELERY_DELIVERIES = 600


def celery_scaling(env: dict) -> list[dict]:
    """The same batch of digest deliveries with 1 and then 2 worker processes."""
    from coe.celery import app
    from consultation.comments.models import Comment
    from consultation.digests import periods, sending
    from consultation.digests.models import DigestDelivery
    from consultation.digests.tasks import send_digest

    latest = Comment.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    period = periods.week_start(latest.date()) if latest else periods.last_complete_week()
    sending.digest_plan(DigestDelivery.Kind.FOLLOWERS, period)
    ids = list(DigestDelivery.objects.filter(kind="followers", period_start=period)
               .order_by("pk").values_list("pk", flat=True)[:CELERY_DELIVERIES])
    rows = []
    celery = Path(sys.executable).with_name("celery")
    worker_env = {**server_environment(env), "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    for workers in (1, 2):
        DigestDelivery.objects.filter(pk__in=ids).update(status="pending", sent_at=None, attempts=0)
        app.control.purge()
        log(f"celery with {workers} worker process{'es' if workers > 1 else ''}: {len(ids)} digests")
        worker_log = (RESULTS / "celery.log").open("a")
        process = subprocess.Popen(  # noqa: S603
            [str(celery), "-A", "coe", "worker", "--pool=prefork", f"--concurrency={workers}",
             "--loglevel=WARNING", "--without-gossip", "--without-mingle", "-n", f"bench-{workers}@%h"],
            env=worker_env, cwd=ROOT, stdout=worker_log, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while not app.control.ping(timeout=0.5):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the Celery worker did not start")
            started = time.perf_counter()
            for delivery_id in ids:
                send_digest.delay(delivery_id)
            while DigestDelivery.objects.filter(pk__in=ids, status__in=["pending", "sending"]).exists():
                if time.perf_counter() - started > 240:
                    break
                time.sleep(0.2)
            seconds = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(timeout=30)
            worker_log.close()
        done = DigestDelivery.objects.filter(pk__in=ids).exclude(status__in=["pending", "sending"]).count()
        rows.append({"workers": workers, "seconds": round(seconds, 1), "done": done,
                     "per_second": round(done / seconds, 1)})
    return rows


