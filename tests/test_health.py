"""Liveness (/healthz: the process and the database) apart from readiness (/readyz: also
Redis, where Redis down is "degraded" and still 200, since pages work without it)."""

import socket
import threading
import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def test_liveness_is_the_process_and_the_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert response["Cache-Control"].startswith("max-age=0")


def test_liveness_stays_up_when_only_redis_is_down(client, settings):
    settings.REDIS_URL = DEAD_REDIS
    assert client.get(reverse("healthz")).status_code == 200


def test_readiness_reports_redis(client, settings):
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    expected = "ok" if settings.REDIS_URL else "not configured"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": expected}}


def test_readiness_says_degraded_without_failing_when_redis_is_down(client, settings):
    settings.REDIS_URL = DEAD_REDIS
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "redis": "down"}}


def test_readiness_answers_quickly_when_redis_is_hung(client, settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    settings.REDIS_URL = f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    started = time.monotonic()
    response = client.get(reverse("readyz"))
    # One REDIS_TIMEOUT (0.3 s); before, 1 s with redis-py's 3 retries and backoff (~8 s). Room for load.
    assert time.monotonic() - started < 3
    assert response.json()["checks"]["redis"] == "down" and response.status_code == 200
    listener.close()


def test_both_fail_when_the_database_is_down(client, monkeypatch):
    from coe import health

    monkeypatch.setattr(health, "connection", None)  # any use of it fails
    for name in ("healthz", "readyz"):
        response = client.get(reverse(name))
        assert response.status_code == 503
        assert response.json()["checks"]["database"] == "down"
