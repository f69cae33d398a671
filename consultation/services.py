"""Writes that change the consultation's state. Each is one named function, one transaction."""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from consultation.models import Comment, Consultation, FocusAreaScore, Follow, IdeaFlag, Response


class ConsultationClosed(Exception):
    """Raised when someone writes outside the consultation window."""


def ensure_open(consultation: Consultation | None) -> None:
    if consultation is None or not consultation.is_open():
        raise ConsultationClosed


def comment_create(
    *, author, consultation, focus_area, idea=None, parent=None, body, reflection_kind="",
    submission_key: uuid.UUID,
) -> tuple[Comment, bool]:
    """Creates a comment or reply once per submission key: a resent form returns the first."""
    ensure_open(consultation)
    if parent is not None:
        # One level of replies: a reply to a reply joins its thread.
        parent = parent.parent or parent
        focus_area, idea = parent.focus_area, parent.idea
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                author=author,
                focus_area=focus_area,
                idea=idea,
                parent=parent,
                body=body,
                reflection_kind=reflection_kind,
                submission_key=submission_key,
            )
    except IntegrityError:
        return Comment.objects.get(author=author, submission_key=submission_key), False
    return comment, True


def comment_edit(*, comment: Comment, consultation, body, reflection_kind) -> Comment:
    ensure_open(consultation)
    if comment.body == body and comment.reflection_kind == reflection_kind:
        return comment
    comment.body = body
    comment.reflection_kind = reflection_kind
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "reflection_kind", "edited_at"])
    return comment


def comment_withdraw(*, comment: Comment, consultation) -> Comment:
    """The author takes their words back: the text goes, the thread stays readable."""
    ensure_open(consultation)
    if comment.withdrawn_at is None:
        comment.body = ""
        comment.withdrawn_at = timezone.now()
        comment.save(update_fields=["body", "withdrawn_at"])
    return comment


@transaction.atomic
def response_save(*, respondent, consultation, scores, flagged_ideas, anything_else, submit):
    """Saves a draft or submits it. `scores` maps focus area to (usefulness, likelihood)."""
    ensure_open(consultation)
    response, _ = Response.objects.select_for_update().get_or_create(
        respondent=respondent, consultation=consultation
    )
    now = timezone.now()
    response.anything_else = anything_else
    response.updated_at = now
    if submit:
        response.status = Response.Status.SUBMITTED
        response.submitted_at = response.submitted_at or now
    response.save()

    answered = {area.pk: values for area, values in scores.items() if any(v is not None for v in values)}
    FocusAreaScore.objects.filter(response=response).exclude(focus_area_id__in=answered).delete()
    existing = {score.focus_area_id: score for score in response.scores.all()}
    for area_id, (usefulness, likelihood) in answered.items():
        score = existing.get(area_id) or FocusAreaScore(response=response, focus_area_id=area_id)
        score.usefulness, score.likelihood = usefulness, likelihood
        score.save()

    wanted = {idea.pk for idea in flagged_ideas}
    IdeaFlag.objects.filter(response=response).exclude(idea_id__in=wanted).delete()
    have = set(response.flags.values_list("idea_id", flat=True))
    IdeaFlag.objects.bulk_create(IdeaFlag(response=response, idea_id=pk) for pk in wanted - have)
    return response


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
