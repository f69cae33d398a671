"""A Redis cache that fails open: when Redis is down or hung the portal keeps serving, uncached.

Pages, counts and rate limits all use the cache; none of them is worth a 500 or a slow page.
Every call has short connect and socket timeouts (REDIS_TIMEOUT). A failed call answers as
a miss (or does nothing), opens the circuit breaker for REDIS_RETRY_AFTER seconds (no call
reaches Redis meanwhile, so a hung Redis costs one timeout, not one per call) and is logged
once a minute at most. The Celery publisher has a breaker of its own (coe/celery.py).
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)


class Breaker:
    """Stops trying Redis for a while after a failure; one per process."""

    def __init__(self):
        self._opened_at = None
        self._last_warning = 0.0
        self._lock = threading.Lock()
        self.trips = 0  # failures so far
        self.settled_trips = 0  # of which coe.cache has made good what they may have missed

    def retry_after(self) -> float:
        return getattr(settings, "REDIS_RETRY_AFTER", 30)

    def is_open(self) -> bool:
        opened = self._opened_at
        return opened is not None and time.monotonic() - opened < self.retry_after()

    def trip(self, what: str, error) -> None:
        with self._lock:
            now = time.monotonic()
            self._opened_at = now
            self.trips += 1
            if now - self._last_warning > 60:
                self._last_warning = now
                logger.warning("Redis unavailable (%s), not tried again for %ss: %s",
                               what, self.retry_after(), error)

    def close(self) -> None:
        self._opened_at = None


_breakers: dict[str, Breaker] = {}


def breaker_for(url: str, purpose: str) -> Breaker:
    """One breaker per Redis server (host and port) and purpose ("cache" or "broker"): a slow
    cache call must not stop tasks being queued, nor the other way round."""
    parts = urlsplit(url)
    server = f"{parts.hostname}:{parts.port or 6379}" if parts.hostname else url
    return _breakers.setdefault(f"{purpose}@{server}", Breaker())


class ReusedClient(RedisCacheClient):
    """One redis-py client per connection pool, not one per call: building a client sets up
    its ~170 response callbacks, which cost more than a page's cache read itself (measured:
    a tenth of the signed-in focus-area page's CPU). A client with a pool is thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # Django's choice of server, and its pool
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


_UNREACHED = object()
MAX_OWED_DELETES = 10_000


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient
        self.breaker = breaker_for(self._servers[0], "cache")
        # Deletes that could not reach Redis (a signed-out session, a dropped copy): Redis
        # still holds those values, so they are deleted again once it answers (coe.cache).
        self.owed_deletes: set[tuple] = set()

    def _safely(self, method, default, *args, **kwargs):
        if self.breaker.is_open():
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNAVAILABLE as error:
            self.breaker.trip("cache", error)
            return default

    def get(self, key, default=None, version=None):
        return self._safely("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._safely("get_many", {}, keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True ("added") when Redis is away: allauth takes its rate-limit lock with add(), and
        # a lock that can never be taken would refuse every sign-in (fail closed).
        return self._safely("add", True, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        deleted = self._safely("delete", _UNREACHED, key, version)
        if deleted is _UNREACHED:
            self._owe_deletes([key], version)
            return False
        return deleted

    def delete_many(self, keys, version=None):
        keys = list(keys)
        if self._safely("delete_many", _UNREACHED, keys, version) is _UNREACHED:
            self._owe_deletes(keys, version)

    def _owe_deletes(self, keys, version):
        if len(self.owed_deletes) < MAX_OWED_DELETES:  # beyond that, the values' own expiry
            self.owed_deletes.update((key, version) for key in keys)

    def settle_deletes(self) -> None:
        """Deletes again what could not be deleted while Redis was away."""
        for key, version in list(self.owed_deletes):
            if self._safely("delete", _UNREACHED, key, version) is _UNREACHED:
                return
            self.owed_deletes.discard((key, version))

    def has_key(self, key, version=None):
        return self._safely("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as Django's contract says.
        return self._safely("incr", delta, key, delta, version)

    def clear(self):
        return self._safely("clear", None)
