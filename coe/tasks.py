"""The frame's tasks: the wiring check and the account emails' outbox."""

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from coe import outbox

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(ignore_result=False)
def ping(payload: str = "pong") -> str:
    """Round-trips a value through the broker and a worker: proves the wiring."""
    return payload


@shared_task(name="coe.tasks.send_account_email", bind=True, autoretry_for=MAIL_ERRORS,
             retry_backoff=15, retry_backoff_max=600, max_retries=8, acks_late=True)
def send_account_email(self, email_id: int) -> str:
    return outbox.outgoing_email_send(email_id)


@shared_task(name="coe.tasks.send_waiting_account_emails", ignore_result=False)
def send_waiting_account_emails(older_than_seconds: int = 30) -> int:
    """The sweep: queues every account email not sent yet (the broker was down, or the mail
    server failed), and forgets those sent over a week ago."""
    waiting = outbox.emails_waiting(before=timezone.now() - timedelta(seconds=older_than_seconds))
    for email_id in waiting:
        send_account_email.delay(email_id)
    outbox.emails_forget_sent()
    return len(waiting)
