import os
import time

import pytest
from django.conf import settings
from django.core.cache import cache

from consultation.people.loaders import load_local_authorities
from consultation.people.models import Organisation
from ideas.loaders import load_catalogue
from ideas.models import DeliveryStrand, FocusArea, Idea, Theme

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    # The look for changes Redis missed (coe/cache_recovery.py) runs every few seconds in a
    # real process; here only where a test asks, so query counts stay exact and collection
    # (which builds the API's schema) never touches the database.
    import coe.cache_recovery

    coe.cache_recovery._next_check = float("inf")
    # Under CI the suite must run on the real services, never quietly on the defaults.
    if IN_CI:
        engine = settings.DATABASES["default"]["ENGINE"]
        if engine != "django.db.backends.postgresql":
            pytest.exit(f"CI=true but the database engine is {engine}", returncode=3)
        if not settings.REDIS_URL:
            pytest.exit("CI=true but REDIS_URL is not set", returncode=3)


def pytest_terminal_summary(terminalreporter):
    from tests import summary

    if summary.COUNTS["matrix_requests"]:
        summary.line(f"Authorisation matrix: {summary.COUNTS['matrix_requests']} requests made")
    if summary.COUNTS["hypothesis_examples"]:
        summary.line(f"Hypothesis: {summary.COUNTS['hypothesis_examples']} examples run")
    if summary.LINES:
        terminalreporter.section("figures")
        for text in summary.LINES:
            terminalreporter.write_line(text)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # the real cache (Redis where it runs): no page cached by an earlier test
    monkeypatch.setattr("coe.cache_recovery._next_check", float("inf"))  # see pytest_configure


class FrozenClock:
    """Stands in for the `time` module where a rate limiter reads it: `time()` answers `now`,
    which only `advance` moves; everything else is the real module's."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def __getattr__(self, name):
        return getattr(time, name)


# 2026-01-01 00:00:01 UTC: one second into an hour, so into a minute and a day too.
RATE_LIMIT_NOW = 1_767_225_600 + 1


@pytest.fixture
def frozen_rate_clock(monkeypatch):
    """Freezes the clocks the abuse limits count attempts by (ours, coe.rate_limits, and
    allauth's), at the start of a window: a window cannot roll over between two requests
    of a test, so a count that should reach the limit does, however slow the machine."""
    clock = FrozenClock(RATE_LIMIT_NOW)
    monkeypatch.setattr("coe.rate_limits.time", clock)
    monkeypatch.setattr("allauth.core.internal.ratelimit.time", clock)
    return clock


@pytest.fixture
def no_abuse_limits(settings):
    """For tests that send many forms from one account; the limits have their own tests."""
    settings.CONSULTATION_RATE_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def catalogue(db):
    """The real catalogue. Migrations load it; a transactional test's flush removes it."""
    if not Theme.objects.exists():
        load_catalogue(Theme, DeliveryStrand, FocusArea, Idea)
    return FocusArea.objects.select_related("theme", "delivery_strand")


@pytest.fixture
def local_authorities(db):
    if not Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY).exists():
        load_local_authorities(Organisation)
    return Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY)


class SmtpSink:
    """A real SMTP server on loopback that keeps what it is sent (aiosmtpd)."""

    def __init__(self):
        import socket

        from aiosmtpd.controller import Controller

        with socket.socket() as probe:  # aiosmtpd needs a real port to check it started
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        from email import message_from_bytes

        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted"


@pytest.fixture(scope="session")
def smtp_sink():
    sink = SmtpSink()
    sink.controller.start()
    yield sink
    sink.controller.stop()


def _worker_environment(database_name: str, smtp_port: int) -> dict:
    env = dict(os.environ)
    env["CELERY_TASK_ALWAYS_EAGER"] = "false"
    env["EMAIL_BACKEND"] = "django.core.mail.backends.smtp.EmailBackend"
    env["EMAIL_HOST"], env["EMAIL_PORT"] = "127.0.0.1", str(smtp_port)
    base = settings.DATABASES["default"]
    env["DATABASE_URL"] = (
        f"postgres://{base['USER']}@{base['HOST']}:{base['PORT']}/{database_name}"
    )
    return env


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, smtp_sink):
    """A real Celery worker process on the real Redis broker, using the test database."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    from django.db import connection

    if not settings.REDIS_URL or connection.vendor != "postgresql":
        if IN_CI:
            pytest.fail("CI=true: the worker tests need PostgreSQL and Redis")
        pytest.skip("needs PostgreSQL and Redis (they run under CI)")

    from coe.celery import app

    app.control.purge()
    celery = Path(sys.executable).with_name("celery")
    process = subprocess.Popen(
        [str(celery), "-A", "coe", "worker", "--pool=solo", "--loglevel=WARNING", "--without-heartbeat",
         "--without-gossip", "--without-mingle", "-n", "test-worker@%h"],
        env=_worker_environment(connection.settings_dict["NAME"], smtp_sink.port),
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the Celery worker did not start")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def real_broker(settings, celery_worker):
    """Sends tasks through Redis to the worker instead of running them in-process."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    return celery_worker


@pytest.fixture
def consultation(db):
    """The current consultation, open now (the migration's dates may be changed by a test)."""
    from datetime import timedelta

    from django.utils import timezone

    from consultation.people.models import Consultation

    now = timezone.now()
    current = Consultation.objects.first() or Consultation(title="Test round")
    current.opens_at = now - timedelta(days=30)
    current.closes_at = now + timedelta(days=30)
    current.save()
    # Most tests look at comments once moderation lets them through; the moderation
    # tests choose their own policy.
    from consultation.moderation.models import ModerationSettings

    ModerationSettings.objects.update_or_create(
        pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH}
    )
    return current


@pytest.fixture
def participant(db, local_authorities):
    from tests.factories import UserFactory

    return UserFactory(organisation=local_authorities.get(name="Barnsley"))


@pytest.fixture
def other_participant(db):
    from tests.factories import UserFactory

    return UserFactory(display_name="Someone Else")


@pytest.fixture
def no_page_cache(settings):
    """Query-count tests measure the page's own work, not a cache hit."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def area(catalogue):
    """The focus area most tests comment on."""
    return catalogue.get(slug="improving-data-quality")


@pytest.fixture
def moderator(db):
    """A member of the Moderators group (staff, not a superuser)."""
    from django.contrib.auth.models import Group

    from consultation.people.staff_groups import MODERATORS
    from tests.factories import UserFactory

    person = UserFactory(is_staff=True, display_name="Mo the moderator", email="mo@moderation.example")
    person.groups.add(Group.objects.get(name=MODERATORS))
    return person
