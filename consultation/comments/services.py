"""Writes of the comments app that are not a comment's state (that is
consultation.moderation.lifecycle's job)."""

from django.db import transaction

from consultation.comments import selectors
from consultation.comments.models import Follow


def follow_set(*, follower, following: bool, focus_area=None, idea=None) -> bool:
    """Follows, or stops following, a focus area or an idea, as the person asked: setting the
    state, not flipping it, so a second click or an out-of-date page cannot undo the first.
    Returns True when now following."""
    lookup = {"follower": follower, "focus_area": None if idea else focus_area, "idea": idea}
    if following:
        Follow.objects.get_or_create(**lookup)  # a concurrent click's row is found, not added twice
    else:
        Follow.objects.filter(**lookup).delete()
    selectors.followed_subjects_forget(follower.pk)
    transaction.on_commit(lambda: selectors.followed_subjects_store(follower.pk), robust=True)
    return following
