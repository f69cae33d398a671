"""Queuing a task never holds up a request: with the broker refusing or hung, one short
attempt, then the breaker skips it; the caller gets None and the work waits in the database."""

import time

import pytest
from celery import Celery, current_app

from coe.cache_backend import breaker_for
from coe.celery import OutboxTask


def app_with_broker(url):
    # Not the current app: shared tasks elsewhere in the run must keep the portal's broker.
    app = Celery("publishing-test", task_cls=OutboxTask, set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")  # the portal's settings
    app.conf.broker_url = url
    app.conf.task_always_eager = False
    return app


@pytest.fixture
def refused_url():
    url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    breaker_for(url, "broker").close()
    yield url
    breaker_for(url, "broker").close()


@pytest.fixture
def hung_url(silent_port):
    url = f"redis://127.0.0.1:{silent_port.port}/0"
    yield url
    breaker_for(url, "broker").close()


@pytest.mark.parametrize("broker", ["refused_url", "hung_url"])
def test_a_dead_or_hung_broker_costs_one_short_attempt_then_nothing(broker, request):
    url = request.getfixturevalue(broker)
    app = app_with_broker(url)

    @app.task(name="publishing-test.noop", shared=False)
    def noop(pk):
        return pk

    started = time.monotonic()
    assert noop.delay(1) is None
    first = time.monotonic() - started
    assert breaker_for(url, "broker").is_open()
    started = time.monotonic()
    assert noop.delay(2) is None
    second = time.monotonic() - started
    # Before: publishing retried (about 2 s refused), and subscribing to the result ~19 s.
    assert first < 1.5 and second < 0.1, (first, second)
    assert current_app.main != "publishing-test"
