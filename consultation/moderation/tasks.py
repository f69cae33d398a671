"""Thin Celery tasks: take ids, call one function, retry when mail fails.

Registered under their original names (`consultation.tasks.…`) so that messages queued
before the apps were split still find their task after a deploy.
"""

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from consultation.moderation import notices

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(name="consultation.tasks.notify_author_of_decision", bind=True, autoretry_for=MAIL_ERRORS,
             retry_backoff=30, retry_backoff_max=3600, max_retries=10, acks_late=True)
def notify_author_of_decision(self, decision_id: int) -> str:
    return notices.decision_notice_send(decision_id)


@shared_task(name="consultation.tasks.send_waiting_notices", ignore_result=False)
def send_waiting_notices(older_than_seconds: int = 120) -> int:
    """The durable outbox for moderation notices: queues every one that has not gone yet
    (for example because the broker was down when it was decided)."""
    before = timezone.now() - timedelta(seconds=older_than_seconds)
    waiting = notices.decisions_awaiting_notice(before=before)
    for decision_id in waiting:
        notify_author_of_decision.delay(decision_id)
    return len(waiting)
