"""Reads for moderators: what is waiting for them."""

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationDecision


def moderation_queue():
    """Comments waiting for a moderator: held, and not withdrawn by their author."""
    return Comment.objects.filter(state=Comment.State.PENDING, withdrawn_at__isnull=True)


def with_unanswered_reports(comments: QuerySet) -> QuerySet:
    """Annotates `unanswered_reports`: the reports made since each comment was last published.
    A moderator who publishes a reported comment has answered the reports before, so those
    neither count towards the threshold that holds it nor call for a moderator again."""
    last_published = ModerationDecision.objects.filter(
        comment=OuterRef("pk"), to_state=Comment.State.PUBLISHED).order_by("-created_at").values("created_at")[:1]
    return comments.annotate(last_published_at=Subquery(last_published)).annotate(unanswered_reports=Count(
        "reports", distinct=True,
        filter=Q(last_published_at__isnull=True) | Q(reports__created_at__gt=F("last_published_at"))))


def reported_comments():
    """Public comments with reports no moderator has answered (at the threshold they are held)."""
    return with_unanswered_reports(Comment.objects.public()).filter(unanswered_reports__gt=0)
