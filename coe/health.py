"""Reachability checks for the health endpoint."""

import redis
from django.conf import settings
from django.db import connection
from redis.backoff import NoBackoff
from redis.retry import Retry


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "down"; the reason goes to the log, not the page
        return "down"
    return "ok"


def redis_status() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        # Always asked, breaker or not: this is how an operator sees that Redis is back.
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=settings.REDIS_TIMEOUT,
                                      socket_timeout=settings.REDIS_TIMEOUT, retry=Retry(NoBackoff(), 0))
        client.ping()
    except (redis.RedisError, OSError):
        return "down"
    return "ok"
