"""A change made while Redis is away must not leave Redis's old copies to be served once it
answers again: the process that missed the change settles it, and so does every other process,
from the row the change left in the database (coe/cache_recovery.py).
The Redis here is real, and hangs the way a real one hangs: its process stopped (SIGSTOP)."""

import os
import signal
from contextlib import contextmanager

import pytest
from django.core.cache import cache

from coe import cache_recovery
from coe.cache import content_changed, get_or_compute
from coe.models import ContentChangeOwed

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(own_redis, settings):
    settings.CACHES = {"default": {
        "BACKEND": "coe.cache_backend.ResilientRedisCache", "LOCATION": own_redis.url,
        "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
    }}
    settings.REDIS_RETRY_AFTER = 0  # the breaker lets the next call through: no waiting here
    yield cache
    cache.clear()


@contextmanager
def hung(redis):
    os.kill(redis.process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)


@contextmanager
def away(cache, redis, settings):
    """Redis stops answering one call (the breaker opens), so what the block does never
    reaches it; then the retry window passes. (A call sent to the stopped process itself may
    still run when it resumes, which would hide the fault.)"""
    settings.REDIS_RETRY_AFTER = 3600
    with hung(redis):
        cache.get("anything")
    assert cache.breaker.is_open()
    yield
    cache.breaker.close()


def test_a_change_made_while_redis_was_away_is_seen_once_it_answers(redis_cache, own_redis, settings):
    assert get_or_compute("discussion:test", lambda: "with the withdrawn comment") == "with the withdrawn comment"
    with away(redis_cache, own_redis, settings):
        content_changed()  # the comment is withdrawn; the bump cannot reach Redis
    assert get_or_compute("discussion:test", lambda: "without it") == "without it"


def test_a_change_another_process_made_while_redis_was_away_is_seen_here_too(redis_cache, own_redis, settings,
                                                                            monkeypatch):
    """A process that never saw the outage (or a command or task that made the change and
    exited) trusts Redis's old values: it learns of the change from the database."""
    monkeypatch.setattr(cache_recovery, "OWED_CHECK_SECONDS", 0.0)
    monkeypatch.setattr(cache_recovery, "_next_check", 0.0)
    assert get_or_compute("discussion:test", lambda: "with the withdrawn comment") == "with the withdrawn comment"
    with away(redis_cache, own_redis, settings):
        content_changed()
    assert ContentChangeOwed.objects.exists()
    redis_cache.breaker.settled_trips = redis_cache.breaker.trips  # as a process that never failed
    assert get_or_compute("discussion:test", lambda: "without it") == "without it"
    assert not ContentChangeOwed.objects.exists()  # settled once, by whichever process looked first
    assert get_or_compute("discussion:test", lambda: "again") == "without it"


def test_a_process_that_never_saw_an_outage_looks_only_every_few_seconds(redis_cache, monkeypatch,
                                                                         django_assert_num_queries):
    monkeypatch.setattr(cache_recovery, "_next_check", 0.0)
    with django_assert_num_queries(1):  # one look for owed changes: none
        get_or_compute("figures:test", lambda: "first")
    with django_assert_num_queries(0):
        get_or_compute("figures:test", lambda: "second")


def test_an_unversioned_value_dropped_while_redis_was_away_is_dropped_once_it_answers(redis_cache, own_redis,
                                                                                        settings):
    name = "consultation:test"
    assert get_or_compute(name, lambda: "open", versioned=False, copied=True) == "open"
    with away(redis_cache, own_redis, settings):
        redis_cache.delete(name)  # the consultation is closed; dropping its copy fails
    assert get_or_compute(name, lambda: "closed", versioned=False, copied=True) == "closed"


def test_nothing_is_dropped_again_when_redis_never_failed(redis_cache):
    assert get_or_compute("figures:test", lambda: "first") == "first"
    assert get_or_compute("figures:test", lambda: "second") == "first"


def test_a_session_signed_out_while_redis_was_away_is_gone_once_it_answers(redis_cache, own_redis, settings):
    """Sessions are read through the cache (cached_db): a sign-out whose cache delete never
    reached Redis must not leave the session there to be read again once it answers."""
    from importlib import import_module

    from django.contrib.sessions.models import Session

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    store = import_module(settings.SESSION_ENGINE).SessionStore
    session = store()
    session["_auth_user_id"] = "42"
    session.create()
    key = session.session_key
    with away(redis_cache, own_redis, settings):
        store(key).flush()  # signing out: the database row goes, the cache delete is skipped
    assert not Session.objects.filter(session_key=key).exists()
    get_or_compute("anything:test", lambda: "a read settles the outage")
    assert store(key).get("_auth_user_id") is None
