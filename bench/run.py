"""`make bench`: seed PostgreSQL, serve the portal under gunicorn, drive it with wrk, report.

    .venv/bin/python -m bench.run                 # the full benchmark (make bench)
    .venv/bin/python -m bench.run --scaling       # one read page, 1 vs 2 gunicorn workers
    .venv/bin/python -m bench.run --reseed        # drop the benchmark database and seed again

Everything runs on 127.0.0.1: PostgreSQL database coe_bench (created here), Redis database 9
(flushed at the start of each run), gunicorn on a free port. Results go to
bench-results/results.md and results.json (scaling: scaling.md and scaling.json).
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess  # noqa: S404 (runs gunicorn, wrk and the digest with fixed arguments)
import sys
import time
import urllib.parse
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
HOST = "127.0.0.1"  # the only address the benchmark ever talks to
SEED_VERSION = 1  # bump when the seed's shape changes: the next run seeds again
DEFAULTS = {
    "database_url": f"postgres://postgres@{HOST}:5432/coe_bench",
    "redis_url": f"redis://{HOST}:6379/9",
}
BUSY_PAGES_TARGET = {"anonymous": 0.50, "signed_in": 0.25, "post": 0.10}
P99_TARGET_MS = 100


def log(message: str) -> None:
    print(message, flush=True)


# --- The database ---------------------------------------------------------------------------

def _admin_connection(database_url: str):
    import psycopg

    parts = urllib.parse.urlparse(database_url)
    return psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                           dbname="postgres", autocommit=True)


def _database_name(database_url: str) -> str:
    return urllib.parse.urlparse(database_url).path.lstrip("/")


def create_database(database_url: str, *, drop: bool = False) -> None:
    from psycopg import sql

    name = _database_name(database_url)
    with _admin_connection(database_url) as admin:
        if drop:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            log(f"Created database {name}")


def configure_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def migrate(database_url: str) -> None:
    from django.core.management import call_command
    from django.db import connections

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except Exception as error:  # a migration renamed under our feet: start from a clean database
        log(f"migrate failed on the existing benchmark database ({error}); recreating it")
        connections.close_all()
        create_database(database_url, drop=True)
        call_command("migrate", interactive=False, verbosity=0)


MARKER_TABLE = "bench_seed_marker"


def seeded_marker() -> dict | None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(f"SELECT version, seconds, counts FROM {MARKER_TABLE} ORDER BY seeded_at DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
    if row is None or row[0] != SEED_VERSION:
        return None
    counts = row[2] if isinstance(row[2], dict) else json.loads(row[2])
    return {"seconds": row[1], "counts": counts}


def write_marker(seconds: float, counts: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (version integer, seeded_at timestamptz, "
                       "seconds double precision, counts jsonb)")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} VALUES (%s, now(), %s, %s)",  # noqa: S608
                       [SEED_VERSION, seconds, json.dumps(counts)])


def ensure_seeded(database_url: str, reseed: bool) -> dict:
    """Seeds once; later runs find the marker row and the expected counts and reuse the data."""
    from django.db import connections, transaction

    from bench import seed
    from consultation.comments.models import Comment
    from consultation.responses.models import Response

    create_database(database_url, drop=reseed)
    migrate(database_url)
    marker = seeded_marker()
    if marker and Comment.objects.count() >= seed.FULL_VOLUME["comments"] \
            and Response.objects.count() == seed.FULL_VOLUME["responses"]:
        log(f"Reusing the seeded database (seeded in {marker['seconds']:.1f} s): {marker['counts']}")
        return {"reused": True, **marker}
    if Comment.objects.exists() or Response.objects.exists():
        log("The benchmark database is partly seeded or outdated: recreating it")
        connections.close_all()
        create_database(database_url, drop=True)
        migrate(database_url)
    log("Seeding {users:,} people, {responses:,} responses, {comments:,} comments and replies".format(
        **seed.FULL_VOLUME))
    started = time.perf_counter()
    with transaction.atomic():
        counts = seed.seed(**seed.FULL_VOLUME, log=log)
    analysing = time.perf_counter()
    seed.analyse()
    log(f"  ANALYZE ({time.perf_counter() - analysing:.1f} s)")
    seconds = time.perf_counter() - started
    write_marker(seconds, counts)
    log(f"Seeded in {seconds:.1f} s")
    return {"reused": False, "seconds": seconds, "counts": counts}


def prepare_actors(password: str) -> dict:
    """The benchmark's own people, signed in through the real form: a reader, a poster, an analyst."""
    from allauth.account.models import EmailAddress
    from django.db.models import Count, ProtectedError

    from bench.seed import open_consultation
    from consultation.comments.models import Comment
    from consultation.people.models import User
    from consultation.people.roles import Role
    from ideas.models import FocusArea

    open_consultation()
    actors = {}
    for key, extra in [("reader", {}), ("poster", {}), ("analyst", {"is_staff": True, "is_superuser": True})]:
        user, _ = User.objects.get_or_create(email=f"bench-{key}@example.org")
        user.display_name, user.role = f"Bench {key}", Role.LA_DATA
        for name, value in extra.items():
            setattr(user, name, value)
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=user.email,
                                              defaults={"verified": True, "primary": True})
        actors[key] = user
    busiest = (Comment.objects.filter(idea__isnull=True).values("focus_area")
               .annotate(n=Count("pk")).order_by("-n").first())
    area = FocusArea.objects.get(pk=busiest["focus_area"])
    # The reader has comments of their own on the busiest page, one still awaiting moderation,
    # so the signed-in page exercises "published, or mine whatever its state".
    if not Comment.objects.filter(author=actors["reader"]).exists():
        for n, state in enumerate([Comment.State.PUBLISHED, Comment.State.PENDING]):
            Comment.objects.create(author=actors["reader"], focus_area=area, state=state,
                                   body=f"The benchmark reader's comment {n}.",
                                   submission_key=f"00000000-0000-4000-8000-{n:012d}")
    # What the last run's poster wrote goes, so runs stay comparable.
    try:
        removed, _ = Comment.objects.filter(author=actors["poster"]).delete()
    except ProtectedError:
        removed = 0
        log("  (the poster's earlier comments are kept: another table protects them)")
    if removed:
        log(f"  removed {removed} rows written by the last run's poster")
    return {"actors": actors, "busiest": area, "busiest_count": busiest["n"]}


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # database 9: the benchmark's own


# --- The server -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(env: dict) -> dict:
    return {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "bench.settings", "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": HOST, "DEBUG": "false",
            "LOG_LEVEL": "WARNING", "CELERY_TASK_ALWAYS_EAGER": "false",
            "RATE_LIMIT_COMMENTS": ""}  # one account posts flat out: no abuse limit


class Gunicorn:
    def __init__(self, env: dict, workers: int):
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.origin = f"https://{HOST}:{self.port}"
        RESULTS.mkdir(exist_ok=True)
        self.log_path = RESULTS / "gunicorn.log"
        self.log_file = self.log_path.open("a")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603
            [str(gunicorn), "coe.wsgi:application", "--bind", f"{HOST}:{self.port}", "--workers", str(workers),
             "--worker-class", "sync", "--log-level", "warning", "--error-logfile", str(self.log_path)],
            env=server_environment(env), cwd=ROOT, stdout=self.log_file, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, _ = request(self, "GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"gunicorn did not start: see {self.log_path}")
            time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log_file.close()


def request(server, method: str, path: str, *, cookies: dict | None = None, form: dict | None = None):
    """One request as the HTTPS proxy would pass it on. Returns status, headers, body."""
    connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
    headers = {"X-Forwarded-Proto": "https", "Host": f"{HOST}:{server.port}"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": server.origin,
                        "Referer": server.origin + path})
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _update_cookies(cookies: dict, headers) -> None:
    # The cookies are Secure (production); a browser behind HTTPS sends them back, and so do we.
    for header in headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            cookies[name] = morsel.value


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def sign_in(server, email: str, password: str) -> dict:
    """Through the real allauth form: GET it for the CSRF cookie and token, POST the credentials."""
    cookies: dict = {}
    status, headers, body = request(server, "GET", "/accounts/login/")
    _update_cookies(cookies, headers)
    token = CSRF_FIELD.search(body)
    if status != 200 or not token:
        raise SystemExit(f"sign-in page answered {status} without a CSRF token")
    status, headers, body = request(server, "POST", "/accounts/login/", cookies=cookies, form={
        "login": email, "password": password, "csrfmiddlewaretoken": token.group(1)})
    _update_cookies(cookies, headers)
    if status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"signing in as {email} answered {status}, not a redirect with a session")
    return cookies


# --- Load -----------------------------------------------------------------------------------

def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench does this)")
    return wrk


def run_wrk(server, path: str, *, seconds: float, connections: int, threads: int,
            cookies: dict | None = None, post_body: str | None = None) -> dict:
    env = {**os.environ, "BENCH_COOKIE": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items()),
           "BENCH_ORIGIN": server.origin, "BENCH_POST_BODY": post_body or ""}
    command = [ensure_wrk(), "--latency", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s",
               "--timeout", "5s", "-s", str(Path(__file__).with_name("wrk.lua")), server.base + path]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60,  # noqa: S603
                              check=False)
    line = next((line for line in finished.stdout.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result for {path}:\n{finished.stdout}\n{finished.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    latency = raw["latency_us"]
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(latency["p50"] / 1000, 1), "p90_ms": round(latency["p90"] / 1000, 1),
        "p95_ms": round(latency["p95"] / 1000, 1), "p99_ms": round(latency["p99"] / 1000, 1),
        "max_ms": round(latency["max"] / 1000, 1),
        "errors": sum(raw["errors"].values()), "error_detail": raw["errors"],
    }


def _check(server, scenario) -> str | None:
    """One request first: the right status and page, so wrk measures what it claims to."""
    path, cookies = scenario["path"], scenario.get("cookies")
    if scenario.get("post"):
        status, headers, _ = request(server, "POST", path, cookies=cookies, form={
            **scenario["post"], "submission_key": secrets.token_hex(16)})
        location = headers.get("Location", "")
        if status != 302 or "comment-" not in location:
            return f"posting answered {status} {location}: not a posted comment"
        return None
    status, _, body = request(server, "GET", path, cookies=cookies)
    expected = scenario.get("expect_text")
    if status != 200:
        return f"answered {status}"
    if expected and expected not in body:
        return f"page lacks {expected!r}"
    return None


def settle(server, timeout: float = 120) -> None:
    """Waits until gunicorn has served every request left queued by the last run.

    A sync worker finishes requests whose client has gone; a ceiling request queued behind
    them answers only once they are done, so the next scenario starts on an idle server.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.perf_counter()
        request(server, "GET", "/bench/ceiling")
        if time.perf_counter() - started < 0.05:
            return


def measure(server, scenarios, *, seconds, connections, threads) -> list[dict]:
    results = []
    settle(server)
    for scenario in scenarios:
        row = {key: scenario[key] for key in ("key", "name", "path", "kind")}
        if scenario.get("skip"):
            row["skipped"] = scenario["skip"]
            log(f"  {scenario['name']}: skipped ({scenario['skip']})")
            results.append(row)
            continue
        problem = _check(server, scenario)
        if problem:
            row["skipped"] = problem
            log(f"  {scenario['name']}: not measured, {problem}")
            results.append(row)
            continue
        post_body = None
        if scenario.get("post"):
            post_body = urllib.parse.urlencode(scenario["post"])
        options = {"connections": connections, "threads": threads, "cookies": scenario.get("cookies"),
                   "post_body": post_body}
        for _ in range(3):  # warm each worker's connections and caches, one request at a time
            _check(server, scenario)
        row.update(run_wrk(server, scenario["path"], seconds=seconds, **options))
        if row["requests"] == 0:
            row["errors"] = max(row["errors"], 1)
            row["note"] = f"no request finished within {seconds} s"
        settle(server)  # wrk has gone, but gunicorn still works through what it queued
        log(f"  {scenario['name']:<38} {row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>6.1f} ms  "
            f"p99 {row['p99_ms']:>7.1f} ms  errors {row['errors']}")
        results.append(row)
    return results


def scenarios_for(server, prepared, sessions) -> list[dict]:
    area = prepared["busiest"]
    focus_path = f"/ideas/{area.slug}/"
    reader, poster, analyst = sessions["reader"], sessions["poster"], sessions["analyst"]
    # The posting form's CSRF token, as the page gives it to the signed-in poster.
    _, _, body = request(server, "GET", focus_path, cookies=poster)
    token = CSRF_FIELD.search(body)
    analysis_status, _, _ = request(server, "GET", "/analysis/", cookies=analyst)
    analysis_skip = None
    if analysis_status == 404:
        analysis_skip = "not built yet: /analysis/ answers 404 (issue 7)"
    return [
        {"key": "ceiling", "name": "Ceiling (bare Django view)", "path": "/bench/ceiling", "kind": "ceiling"},
        {"key": "start", "name": "Start page", "path": "/", "kind": "anonymous"},
        {"key": "catalogue", "name": "Catalogue (anonymous)", "path": "/ideas/", "kind": "anonymous",
         "expect_text": area.title},
        {"key": "focus_area", "name": "Busiest focus area (anonymous)", "path": focus_path,
         "kind": "anonymous", "expect_text": "Discussion"},
        {"key": "focus_area_signed_in", "name": "Busiest focus area (signed in)", "path": focus_path,
         "kind": "signed_in", "cookies": reader, "expect_text": "Post comment"},
        {"key": "post_comment", "name": "Post a comment (signed in)",
         "path": f"/focus-areas/{area.slug}/comments/", "kind": "post", "cookies": poster,
         "post": {"csrfmiddlewaretoken": token.group(1) if token else "", "reflection_kind": "general",
                  "body": "A benchmark comment, posted through the real form."}},
        {"key": "analysis", "name": "Analysis overview (staff)", "path": "/analysis/", "kind": "signed_in",
         "cookies": analyst, "skip": analysis_skip},
    ]


def profile_pages(scenarios, prepared) -> dict:
    """Each page once, unloaded, in this process with Django's test client: time and queries.

    The query count is what the test suite asserts per page; the slowest queries are kept in
    results.json to show where the time goes.
    """
    import uuid

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    profiles = {}
    for scenario in scenarios:
        if scenario["kind"] == "ceiling" or scenario.get("skip"):
            continue
        client = Client()
        actor = {"focus_area_signed_in": "reader", "post_comment": "poster", "analysis": "analyst"}.get(scenario["key"])
        if actor:
            client.force_login(prepared["actors"][actor])

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
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        profiles[scenario["key"]] = {
            "status": response.status_code, "ms": round(elapsed * 1000, 1), "queries": len(queries),
            "slowest_queries": [{"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"][:400]} for q in slowest],
        }
    return profiles


# --- Report ---------------------------------------------------------------------------------

def _target(row) -> tuple[str, bool | None]:
    kind = row["kind"]
    if kind == "ceiling" or "rps" not in row:
        return "", None
    share = BUSY_PAGES_TARGET[kind]
    wanted = f"≥ {share:.0%}"
    met = row["ratio"] >= share and row["errors"] == 0
    if kind != "post":
        wanted += f", p99 < {P99_TARGET_MS} ms"
        met = met and row["p99_ms"] < P99_TARGET_MS
    return wanted, met


def report(results, *, meta, seed_info, digest) -> str:
    ceiling = next((r.get("rps") for r in results if r["key"] == "ceiling"), None)
    lines = [
        f"# Benchmark results ({meta['finished']})", "",
        f"gunicorn {meta['workers']} sync workers, wrk {meta['threads']} threads × {meta['connections']} "
        f"connections × {meta['seconds']} s per scenario, all on {HOST} ({os.cpu_count()} CPUs, shared).",
        f"Data: {_counts(seed_info['counts'])}; seed {'reused, first built' if seed_info['reused'] else 'built'} "
        f"in {seed_info['seconds']:.1f} s. Busiest focus area: {meta['busiest']}.", "",
        "| Scenario | Path | Req/s | vs ceiling | p50 ms | p95 ms | p99 ms | Errors | Target | Met "
        "| Alone ms | Queries | Notes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |",
    ]
    for row in results:
        alone = row.get("alone") or {}
        alone_cells = f"{alone.get('ms', '–')} | {alone.get('queries', '–')}"
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
              "benchmark process), with its number of SQL queries; the slowest queries are in results.json."]
    lines += ["", "Design-team digest build (target: under 5 s and 300 MB):", ""]
    if digest.get("status") == "ok":
        lines.append(f"- `{digest['function']}`: {digest['seconds']} s, {digest['queries']} queries, "
                     f"peak Python allocations {digest['peak_python_mb']} MB, process peak RSS "
                     f"{digest['peak_rss_mb']} MB (of which {digest['rss_before_mb']} MB before the build)")
    else:
        lines.append(f"- {digest.get('status')}: {digest.get('note', '')}")
    return "\n".join(lines) + "\n"


def _percent(ratio) -> str:
    if ratio is None:
        return "–"
    return f"{ratio:.0%}" if ratio >= 0.1 else f"{ratio:.1%}"


COUNT_ORDER = ["users", "responses", "scores", "flags", "comments", "follows", "reports"]


def _counts(counts: dict) -> str:
    names = sorted(counts, key=lambda name: COUNT_ORDER.index(name) if name in COUNT_ORDER else 99)
    return ", ".join(f"{counts[name]:,} {name}" for name in names)


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
    parser.add_argument("--reseed", action="store_true", help="drop the benchmark database and seed again")
    parser.add_argument("--scaling", action="store_true", help="one read page with 1 and 2 gunicorn workers")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    env = {"DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULTS["database_url"]),
           "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULTS["redis_url"]),
           "DJANGO_SETTINGS_MODULE": "bench.settings"}
    for url in env["DATABASE_URL"], env["REDIS_URL"]:
        if urllib.parse.urlparse(url).hostname != HOST:
            raise SystemExit(f"the benchmark only talks to {HOST}, not {url}")
    ensure_wrk()
    # This process seeds and times pages alone; DEBUG off as in production (templates, static).
    configure_django({**env, "LOG_LEVEL": "WARNING", "DEBUG": "false"})
    seed_info = ensure_seeded(env["DATABASE_URL"], args.reseed)
    migrate(env["DATABASE_URL"])  # again: a migration may have landed while the seed ran
    password = secrets.token_urlsafe(24)
    prepared = prepare_actors(password)
    flush_redis(env["REDIS_URL"])
    collect_static()
    from django.db import connections

    connections.close_all()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "gunicorn.log").write_text("")
    options = {"seconds": args.seconds, "connections": args.connections, "threads": args.threads}

    if args.scaling:
        return scaling(env, prepared, seed_info, options)

    server = Gunicorn(env, args.workers)
    try:
        sessions = {key: sign_in(server, user.email, password) for key, user in prepared["actors"].items()}
        log(f"gunicorn ({args.workers} workers) on {server.base}; {args.seconds:g} s per scenario")
        scenarios = scenarios_for(server, prepared, sessions)
        results = measure(server, scenarios, **options)
    finally:
        server.stop()
    log("Timing each page alone, with its queries")
    profiles = profile_pages(scenarios, prepared)
    for row in results:
        row["alone"] = profiles.get(row["key"])
    log("Timing the design-team digest build")
    digest = time_digest(env)
    meta = {"finished": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "workers": args.workers,
            "busiest": f"{prepared['busiest'].slug} ({prepared['busiest_count']:,} comments on its own page)",
            "total_seconds": None, **options}
    table = report(results, meta=meta, seed_info=seed_info, digest=digest)
    meta["total_seconds"] = round(time.perf_counter() - started, 1)
    (RESULTS / "results.md").write_text(table)
    (RESULTS / "results.json").write_text(json.dumps(
        {"meta": meta, "seed": seed_info, "scenarios": results, "digest": digest}, indent=2, default=str))
    print("\n" + table)
    log(f"Written to {RESULTS / 'results.md'} and results.json in {meta['total_seconds']} s")
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
