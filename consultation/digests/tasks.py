"""Thin Celery tasks for the digests: take ids, call one function, retry when mail fails.

Registered under their original names (`consultation.tasks.…`) so that messages queued
before the apps were split still find their task after a deploy.
"""

import logging
from datetime import date, timedelta
from smtplib import SMTPException

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from consultation.digests import periods, sending
from consultation.digests.models import DigestDelivery

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError, OSError)
DIGEST_MAX_RETRIES = 6
logger = logging.getLogger(__name__)


def digests_queue(kind: str, period: date) -> int:
    """Plans a week's deliveries of one kind (once, whoever asks) and queues those still to
    send. A delivery that cannot be queued waits as a pending row for the outbox sweep."""
    ids = sending.digest_plan(kind, period)
    for delivery_id in ids:
        try:
            send_digest.delay(delivery_id)
        except Exception:  # noqa: BLE001 one failure must not stop the rest
            logger.exception("Digest delivery %s was not queued; the sweep will send it", delivery_id)
    return len(ids)


@shared_task(name="consultation.tasks.send_weekly_digests", ignore_result=False)
def send_weekly_digests(period_start: str | None = None) -> dict:
    """Beat's weekly entry point: both digests for the last complete week."""
    period = date.fromisoformat(period_start) if period_start else periods.last_complete_week()
    return {"period": period.isoformat(), **{kind: digests_queue(kind, period) for kind in DigestDelivery.Kind.values}}


@shared_task(name="consultation.tasks.send_digest", bind=True, acks_late=True, max_retries=DIGEST_MAX_RETRIES)
def send_digest(self, delivery_id: int) -> str:
    try:
        return sending.digest_send(delivery_id)
    except MAIL_ERRORS as error:
        if self.request.retries >= self.max_retries:
            sending.digest_mark_failed(delivery_id, f"{type(error).__name__}: {error}")
            return "failed"
        raise self.retry(exc=error, countdown=min(3600, 30 * 2 ** self.request.retries)) from error
    except DatabaseError:
        raise  # the row is as the database left it: the sweep sends it again
    except Exception as error:
        # Not the mail server (a template or a setting is wrong): trying again would fail the
        # same way, every ten minutes, for ever. Left failed, with why, for a person to look.
        sending.digest_mark_failed(delivery_id, f"{type(error).__name__}: {error}")
        raise


@shared_task(name="consultation.tasks.send_waiting_digests", ignore_result=False)
def send_waiting_digests(older_than_seconds: int = 120) -> int:
    """The durable outbox for digests: rows a broken run left pending (their retries were
    never queued, for example because the broker was down)."""
    before = timezone.now() - timedelta(seconds=older_than_seconds)
    waiting = sending.deliveries_waiting(before=before)
    for delivery_id in waiting:
        send_digest.delay(delivery_id)
    return len(waiting)
