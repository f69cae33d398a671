"""Reads for moderators: what is waiting for them."""

from consultation.comments.models import Comment


def moderation_queue():
    """Comments waiting for a moderator: held, and not withdrawn by their author."""
    return Comment.objects.filter(state=Comment.State.PENDING, withdrawn_at__isnull=True)


def reported_comments():
    """Public comments that someone has reported (above the threshold they are held)."""
    return Comment.objects.public().filter(reports__isnull=False).distinct()
