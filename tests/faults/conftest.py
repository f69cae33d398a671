"""The fault-injection suite's equipment: a Redis of its own (to stop), a port that accepts
and never answers, SMTP servers that fail or hang, and the portal as a real server process
(runserver, DEBUG off, Celery publishing to the broker with no worker) driven over HTTP by a
browser-like client that fills in the real forms."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} stopped while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # polling for a condition, not racing a timer
    pytest.fail(f"{what} did not start")


class SilentPort:
    """Accepts connections and never says a word: a hung Redis or a hung mail server."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(50)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        self.listener.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent_port():
    port = SilentPort()
    yield port
    port.close()


class OwnRedis:
    """A redis-server of the suite's own, on a free port: stopping it touches nobody else."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server")
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--save", "", "--appendonly", "no"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, self.process, "redis-server")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()  # a crash, not a polite shutdown
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server installed (Debian package redis-server)")
    redis = OwnRedis()
    redis.start()
    yield redis
    redis.stop()


class FailingSmtp:
    """An SMTP server (aiosmtpd) that refuses every message with a temporary failure."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "451 Requested action aborted: local error in processing"


@pytest.fixture
def failing_smtp():
    server = FailingSmtp()
    server.controller.start()
    yield server
    server.controller.stop()


def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the fault suite runs the portal as a server on the test PostgreSQL database")


class Portal:
    """The portal as a real server process on the test database."""

    def __init__(self, *, redis_url: str, smtp_port: int, name: str):
        postgres_only()
        self.port = free_port()
        self.name = name
        base = settings.DATABASES["default"]
        env = {
            **os.environ,
            "DATABASE_URL": (f"postgres://{base['USER']}@{base['HOST']}:{base['PORT']}/"
                             f"{connection.settings_dict['NAME']}?application_name={name}"),
            "REDIS_URL": redis_url, "CELERY_TASK_ALWAYS_EAGER": "false", "DEBUG": "false",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "PAGE_CACHE_ENABLED": "true",
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
        }
        # Its log goes to a file: a pipe nobody reads would fill and stop the server.
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process, "the portal")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        output = self.log.read()
        self.log.close()
        return output


@pytest.fixture
def start_portal():
    started = []

    def start(**kwargs) -> Portal:
        portal = Portal(**kwargs)
        started.append(portal)
        return portal

    yield start
    for portal in started:
        portal.stop()


# --- A browser that fills in the real forms --------------------------------------------------


class Forms(HTMLParser):
    """Every <form> of a page with its fields' current values (what a browser would send)."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "image"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.current["fields"].append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.current["fields"].append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.current["fields"].append((self.textarea, ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.current:
            name, value = self.current["fields"][-1]
            self.current["fields"][-1] = (name, value + data)


class Visitor:
    """One person's browser: cookies, CSRF from the page, and the time of every answer."""

    def __init__(self, portal: Portal, journal: list):
        self.portal, self.journal = portal, journal
        self.session = requests.Session()

    def _timed(self, journey, method, path, **kwargs):
        started = time.monotonic()
        response = self.session.request(method, self.portal.url(path), allow_redirects=False, timeout=60, **kwargs)
        self.journal.append((journey, method, path, response.status_code, time.monotonic() - started))
        return response

    def get(self, journey, path):
        return self._timed(journey, "GET", path)

    def submit(self, journey, path, *, form_action=None, data=None, drop=(), page=None):
        """GETs `path` (unless given its page), takes the form whose action contains
        `form_action` (or the first with a CSRF token), overrides `data`, POSTs it."""
        html = page if page is not None else self.get(journey, path).text
        parser = Forms()
        parser.feed(html)
        candidates = [f for f in parser.forms if any(n == "csrfmiddlewaretoken" for n, _ in f["fields"])
                      and "logout" not in f["action"]]
        if form_action:
            candidates = [f for f in candidates if form_action in f["action"]]
        assert candidates, f"no form for {form_action or path} on the page"
        form = candidates[0]
        fields = [(n, v) for n, v in form["fields"] if n not in (data or {}) and n not in drop]
        for name, value in (data or {}).items():
            fields.extend((name, v) for v in (value if isinstance(value, list) else [value]))
        target = form["action"] or path
        return self._timed(journey, "POST", target, data=fields, headers={"Referer": self.portal.url(path)})


def link_in(text: str, pattern: str) -> str:
    found = re.search(r"https?://[^/\s]+(" + pattern + r"[^\s\"<]*)", text)
    assert found, f"no link like {pattern} in {text[:300]}"
    return found.group(1)
