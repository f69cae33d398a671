"""Thin Celery tasks: take ids, load rows, call one function, retry when mail fails."""

import logging
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from consultation.emails import absolute, build_email
from consultation.models import Comment, ModerationDecision

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError, OSError)
logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=MAIL_ERRORS, retry_backoff=30, retry_backoff_max=3600,
             max_retries=10, acks_late=True)
def notify_author_of_decision(self, decision_id: int) -> str:
    decision = ModerationDecision.objects.select_related("comment__author", "comment__focus_area",
                                                        "comment__idea").get(pk=decision_id)
    if decision.author_notified_at:
        return "already sent"  # a retried or duplicated task sends nothing twice
    if decision.comment.author.is_deleted:
        return "no one to tell"  # the account was deleted: no address, nobody to write to
    comment = decision.comment
    live = decision.to_state == Comment.State.PUBLISHED
    message = build_email(
        to=comment.author.email,
        template="comment_live" if live else "comment_removed",
        context={
            "person": comment.author,
            "comment": comment,
            "decision": decision,
            "comment_url": absolute(comment.get_absolute_url()),
            "your_feedback_url": absolute("/your-feedback/"),
        },
    )
    message.send()
    decision.author_notified_at = timezone.now()
    decision.save(update_fields=["author_notified_at"])
    return "sent"


# --- Weekly digests ---------------------------------------------------------------

DIGEST_MAX_RETRIES = 6


@shared_task
def send_weekly_digests(period_start: str | None = None) -> dict:
    """Beat's weekly entry point: plans both digests for the last complete week."""
    from datetime import date

    from consultation import digests
    from consultation.models import DigestDelivery

    period = date.fromisoformat(period_start) if period_start else digests.last_complete_week()
    planned = {}
    for kind in DigestDelivery.Kind.values:
        ids = digests.digest_plan(kind, period)
        for delivery_id in ids:
            try:
                send_digest.delay(delivery_id)
            except Exception:  # noqa: BLE001 in-process runs: one failure must not stop the rest
                logger.exception("Digest delivery %s failed; it is left for a retry", delivery_id)
        planned[kind] = len(ids)
    return {"period": period.isoformat(), **planned}


@shared_task(bind=True, acks_late=True, max_retries=DIGEST_MAX_RETRIES)
def send_digest(self, delivery_id: int) -> str:
    from consultation import digests

    try:
        return digests.digest_send(delivery_id)
    except MAIL_ERRORS as error:
        if self.request.retries >= self.max_retries:
            digests.digest_mark_failed(delivery_id, f"{type(error).__name__}: {error}")
            return "failed"
        raise self.retry(exc=error, countdown=min(3600, 30 * 2 ** self.request.retries)) from error


@shared_task
def send_waiting_notices(older_than_seconds: int = 120) -> int:
    """The durable outbox: queues every author notice and digest that has not gone yet
    (for example because the broker was down when it was due)."""
    from datetime import timedelta

    from consultation.models import DigestDelivery
    from consultation.services import decisions_awaiting_notice

    before = timezone.now() - timedelta(seconds=older_than_seconds)
    waiting = decisions_awaiting_notice(before=before)
    for decision_id in waiting:
        notify_author_of_decision.delay(decision_id)
    # Digest rows a broken run left pending (their retries were never queued).
    digests_waiting = list(DigestDelivery.objects.filter(status=DigestDelivery.Status.PENDING,
                                                         created_at__lt=before).values_list("pk", flat=True))
    for delivery_id in digests_waiting:
        send_digest.delay(delivery_id)
    return len(waiting) + len(digests_waiting)


# --- Privacy ------------------------------------------------------------------------

@shared_task
def enforce_retention() -> int:
    """Anonymises accounts past their consultation's retention period (consultation/privacy.py)."""
    from consultation.privacy import retention_enforce

    return len(retention_enforce().account_ids)
