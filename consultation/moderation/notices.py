"""Telling an author what a moderator decided: at most once per decision, and only while
the decision still stands (an approval of a comment since withdrawn tells nobody anything).

A sender claims the decision before sending and marks it sent after, as coe.outbox does for
account emails: two tasks for one decision (its own and the sweep's) send one email. A
failed send releases the claim for the sweep; a claim whose sender died mid-send expires
after CLAIM_EXPIRY (the mail server may have taken it, so not sooner)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coe.emails import absolute, build_email
from consultation.comments.models import Comment
from consultation.moderation.models import REASON_REQUIRED, ModerationDecision

CLAIM_EXPIRY = timedelta(minutes=10)


def notice_due_q() -> Q:
    """Decisions whose author should be told: a moderator removed the comment, or let a held
    one through."""
    removed = Q(to_state__in=REASON_REQUIRED)
    approved_after_hold = Q(from_state=Comment.State.PENDING, to_state=Comment.State.PUBLISHED)
    return (removed | approved_after_hold) & Q(moderator__isnull=False)


def decisions_awaiting_notice(*, before) -> list[int]:
    """Decisions whose author should have been told and has not been yet, and that nobody
    is sending now."""
    stale = timezone.now() - CLAIM_EXPIRY
    return list(
        ModerationDecision.objects.filter(notice_due_q(), author_notified_at__isnull=True, created_at__lt=before,
                                          comment__author__deleted_at__isnull=True, comment__author__imported=False)
        .exclude(notice_claimed_at__gt=stale)
        .values_list("pk", flat=True)
    )


def _why_not(decision: ModerationDecision) -> str:
    """Why this decision's notice must not go ("" when it should)."""
    comment = decision.comment
    if comment.author.is_deleted or comment.author.imported:
        return "no one to tell"  # a deleted account has no address; an imported respondent is never emailed
    if comment.state != decision.to_state or comment.is_withdrawn:
        return "superseded"  # a later change (an edit held again, a withdrawal) overtook it
    return ""


def _claim(decision_id: int) -> tuple[ModerationDecision | None, str]:
    """The decision, claimed for this sender; or None and why there is nothing to send."""
    stale = timezone.now() - CLAIM_EXPIRY
    with transaction.atomic():
        # skip_locked: a sender that finds another claiming the row leaves it to that one.
        decision = (ModerationDecision.objects.select_for_update(skip_locked=True, of=("self",))
                    .select_related("comment__author", "comment__focus_area", "comment__idea")
                    .filter(pk=decision_id).first())
        if decision is None:
            return None, "nothing to do"
        if decision.author_notified_at:
            return None, "already sent"  # a retried or duplicated task sends nothing twice
        if decision.notice_claimed_at and decision.notice_claimed_at > stale:
            return None, "nothing to do"  # another sender has it now
        if why_not := _why_not(decision):
            return None, why_not
        ModerationDecision.objects.filter(pk=decision.pk).update(notice_claimed_at=timezone.now())
        return decision, ""


def decision_notice_send(decision_id: int) -> str:
    """Sends one decision's notice if nobody has. A mail-server error releases the claim (the
    task's retry or the sweep sends it later) and is raised."""
    decision, outcome = _claim(decision_id)
    if decision is None:
        return outcome
    comment = decision.comment
    live = decision.to_state == Comment.State.PUBLISHED
    try:
        build_email(
            to=comment.author.email,
            template="comment_live" if live else "comment_removed",
            context={
                "person": comment.author,
                "comment": comment,
                "decision": decision,
                "comment_url": absolute(comment.get_absolute_url()),
                "your_feedback_url": absolute("/your-feedback/"),
            },
        ).send()
    except Exception:
        ModerationDecision.objects.filter(pk=decision.pk).update(notice_claimed_at=None)
        raise
    ModerationDecision.objects.filter(pk=decision.pk).update(author_notified_at=timezone.now())
    return "sent"
