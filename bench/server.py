"""gunicorn serving the portal, requests as the HTTPS proxy would pass them on, and wrk."""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess  # noqa: S404 (runs gunicorn and wrk with fixed arguments)
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

from bench.common import HOST, RESULTS, ROOT, log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(env: dict) -> dict:
    return {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "bench.settings", "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": HOST, "DEBUG": "false",
            "LOG_LEVEL": "WARNING", "CELERY_TASK_ALWAYS_EAGER": "false",
            "RATE_LIMIT_COMMENTS": "", "RATE_LIMIT_API": ""}  # one client flat out: no abuse limits


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
            if morsel["max-age"] == "0" or not morsel.value:  # the server deleting it
                cookies.pop(name, None)
            else:
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
    # Like a browser: the page signed into shows "signed in" once and so clears the message,
    # which would otherwise ride along on every benchmark request.
    landing = urllib.parse.urlsplit(headers.get("Location") or "/")
    status, headers, _ = request(server, "GET", landing.path + (f"?{landing.query}" if landing.query else ""),
                                 cookies=cookies)
    _update_cookies(cookies, headers)
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
        if scenario.get("note"):
            row["note"] = scenario["note"]
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
            row["note"] = "; ".join(filter(None, [row.get("note"), f"no request finished within {seconds} s"]))
        settle(server)  # wrk has gone, but gunicorn still works through what it queued
        log(f"  {scenario['name']:<38} {row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>6.1f} ms  "
            f"p99 {row['p99_ms']:>7.1f} ms  errors {row['errors']}")
        results.append(row)
    return results

