"""Writes of the comments app that are not a comment's state (that is
consultation.moderation.lifecycle's job)."""

from django.db import IntegrityError, transaction

from consultation.comments.models import Follow


def follow_toggle(*, follower, focus_area=None, idea=None) -> bool:
    """Follows, or stops following, a focus area or an idea. Returns True when now following."""
    lookup = {"follower": follower, "focus_area": None if idea else focus_area, "idea": idea}
    deleted, _ = Follow.objects.filter(**lookup).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Follow.objects.create(**lookup)
    except IntegrityError:
        pass  # a concurrent click already followed it
    return True
