import time

import pytest

from coe.tasks import ping

pytestmark = pytest.mark.redis


def test_a_task_round_trips_through_redis_and_a_real_worker(real_broker, settings):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    started = time.monotonic()
    result = ping.delay("hello from the test")
    assert result.get(timeout=20) == "hello from the test"
    assert result.successful()
    assert time.monotonic() - started < 20
    # It went through the broker to the worker process, not run here in-process.
    assert type(result).__name__ == "AsyncResult"
    assert real_broker.poll() is None

