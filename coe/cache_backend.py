"""A Redis cache that fails open: when Redis is down the portal keeps serving, uncached.

Pages, counts and rate limits all use the cache; none of them is worth a 500. A failed
call answers as a miss (or does nothing) and is logged once a minute at most.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)
_last_warning = 0.0


def _warn(error):
    global _last_warning
    if time.monotonic() - _last_warning > 60:
        _last_warning = time.monotonic()
        logger.warning("Cache unavailable, serving without it: %s", error)


class ResilientRedisCache(RedisCache):
    def _safely(self, method, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNAVAILABLE as error:
            _warn(error)
            return default

    def get(self, key, default=None, version=None):
        return self._safely("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._safely("get_many", {}, keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._safely("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._safely("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._safely("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as Django's contract says.
        return self._safely("incr", delta, key, delta, version)

    def clear(self):
        return self._safely("clear", None)
