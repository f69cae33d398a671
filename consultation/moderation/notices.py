"""Telling an author what a moderator decided: at most once per decision, and only while
the decision still stands (an approval of a comment since withdrawn tells nobody anything)."""

from django.db.models import Q
from django.utils import timezone

from coe.emails import absolute, build_email
from consultation.comments.models import Comment
from consultation.moderation.models import REASON_REQUIRED, ModerationDecision


def notice_due_q() -> Q:
    """Decisions whose author should be told: a moderator removed the comment, or let a held
    one through."""
    removed = Q(to_state__in=REASON_REQUIRED)
    approved_after_hold = Q(from_state=Comment.State.PENDING, to_state=Comment.State.PUBLISHED)
    return (removed | approved_after_hold) & Q(moderator__isnull=False)


def decisions_awaiting_notice(*, before) -> list[int]:
    """Decisions whose author should have been told and has not been yet."""
    return list(
        ModerationDecision.objects.filter(notice_due_q(), author_notified_at__isnull=True, created_at__lt=before,
                                          comment__author__deleted_at__isnull=True, comment__author__imported=False)
        .values_list("pk", flat=True)
    )


def decision_notice_send(decision_id: int) -> str:
    decision = ModerationDecision.objects.select_related(
        "comment__author", "comment__focus_area", "comment__idea").get(pk=decision_id)
    if decision.author_notified_at:
        return "already sent"  # a retried or duplicated task sends nothing twice
    comment = decision.comment
    if comment.author.is_deleted or comment.author.imported:
        return "no one to tell"  # a deleted account has no address; an imported respondent is never emailed
    if comment.state != decision.to_state or comment.is_withdrawn:
        return "superseded"  # a later change (an edit held again, a withdrawal) overtook it
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
