"""Thin Celery tasks: take ids, load rows, call one function, retry when mail fails."""

from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from consultation.emails import absolute, build_email
from consultation.models import Comment, ModerationDecision

MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(bind=True, autoretry_for=MAIL_ERRORS, retry_backoff=30, retry_backoff_max=3600,
             max_retries=10, acks_late=True)
def notify_author_of_decision(self, decision_id: int) -> str:
    decision = ModerationDecision.objects.select_related("comment__author", "comment__focus_area",
                                                        "comment__idea").get(pk=decision_id)
    if decision.author_notified_at:
        return "already sent"  # a retried or duplicated task sends nothing twice
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
