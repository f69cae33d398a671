"""A change made while Redis is hung must not leave Redis's old copies to be served once it
answers again: the process that missed the change settles it (coe.cache._settle_after_outage).
The Redis here is real, and hung the way a real one hangs: its process stopped (SIGSTOP)."""

import os
import signal
from contextlib import contextmanager

import pytest
from django.core.cache import cache

from coe.cache import content_changed, get_or_compute

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


def test_a_change_made_while_redis_hung_is_seen_once_it_answers(redis_cache, own_redis):
    assert get_or_compute("discussion:test", lambda: "with the withdrawn comment") == "with the withdrawn comment"
    with hung(own_redis):
        content_changed()  # the comment is withdrawn; the bump cannot reach Redis
    assert redis_cache.breaker.trips >= 1
    assert get_or_compute("discussion:test", lambda: "without it") == "without it"


def test_an_unversioned_value_dropped_while_redis_hung_is_dropped_once_it_answers(redis_cache, own_redis):
    name = "consultation:test"
    assert get_or_compute(name, lambda: "open", versioned=False, copied=True) == "open"
    with hung(own_redis):
        redis_cache.delete(name)  # the consultation is closed; dropping its copy fails
    assert get_or_compute(name, lambda: "closed", versioned=False, copied=True) == "closed"


def test_nothing_is_dropped_again_when_redis_never_failed(redis_cache):
    assert get_or_compute("figures:test", lambda: "first") == "first"
    assert get_or_compute("figures:test", lambda: "second") == "first"
