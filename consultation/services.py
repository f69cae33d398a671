"""Writes that change the consultation's state. Each is one named function, one transaction."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from consultation.models import (
    Comment,
    Consultation,
    FocusAreaScore,
    Follow,
    IdeaFlag,
    ModerationDecision,
    ModerationSettings,
    OptionRating,
    Report,
    Response,
)
from consultation.personal_data import held_reason_for


class ConsultationClosed(Exception):
    """Raised when someone writes outside the consultation window."""


def ensure_open(consultation: Consultation | None) -> None:
    if consultation is None or not consultation.is_open():
        raise ConsultationClosed


def comment_create(
    *, author, consultation, focus_area=None, idea=None, delivery_option=None, parent=None, body,
    reflection_kind="", submission_key: uuid.UUID,
) -> tuple[Comment, bool]:
    """Creates a comment or reply once per submission key: a resent form returns the first."""
    ensure_open(consultation)
    if parent is not None:
        # One level of replies: a reply to a reply joins its thread.
        parent = parent.parent or parent
        focus_area, idea, delivery_option = parent.focus_area, parent.idea, parent.delivery_option
    state, held_reason = initial_state_for(author, body)
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                author=author,
                focus_area=focus_area,
                idea=idea,
                delivery_option=delivery_option,
                parent=parent,
                body=body,
                reflection_kind=reflection_kind,
                submission_key=submission_key,
                state=state,
                held_reason=held_reason,
            )
            if state == Comment.State.PENDING:
                ModerationDecision.objects.create(
                    comment=comment, from_state=Comment.State.PENDING,
                    to_state=Comment.State.PENDING, reason=held_reason,
                )
    except IntegrityError:
        return Comment.objects.get(author=author, submission_key=submission_key), False
    return comment, True


def initial_state_for(author, body) -> tuple[str, str]:
    """Published, or pending with the reason it was held (personal data beats policy)."""
    personal = held_reason_for(body)
    if personal:
        return Comment.State.PENDING, personal
    settings = ModerationSettings.current()
    if settings.policy == ModerationSettings.Policy.HOLD_ALL:
        return Comment.State.PENDING, "Every comment is held for review"
    if settings.policy == ModerationSettings.Policy.HOLD_NEW_ACCOUNTS:
        earlier = Comment.objects.filter(author=author).count()
        if earlier < settings.first_comments_to_hold:
            return Comment.State.PENDING, "A new account's first comment"
    return Comment.State.PUBLISHED, ""


def comment_edit(*, comment: Comment, consultation, body, reflection_kind) -> Comment:
    ensure_open(consultation)
    if comment.body == body and comment.reflection_kind == reflection_kind:
        return comment
    with transaction.atomic():
        comment.body = body
        comment.reflection_kind = reflection_kind
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "reflection_kind", "edited_at"])
        reason = held_reason_for(body)
        if reason and comment.state == Comment.State.PUBLISHED:
            # An edit cannot slip personal data past the checks a new comment gets.
            _transition(comment, Comment.State.PENDING, moderator=None, reason=reason, held_reason=reason)
    return comment


class ModerationError(Exception):
    pass


REASON_REQUIRED = {Comment.State.HIDDEN, Comment.State.REJECTED}


def _transition(comment, to_state, *, moderator, reason, held_reason=None):
    decision = ModerationDecision.objects.create(
        comment=comment, moderator=moderator, from_state=comment.state, to_state=to_state,
        reason=reason,
    )
    comment.state = to_state
    fields = ["state"]
    if to_state in REASON_REQUIRED:
        comment.moderation_reason = reason
        fields.append("moderation_reason")
    if held_reason is not None:
        comment.held_reason = held_reason
        fields.append("held_reason")
    comment.save(update_fields=fields)
    return decision


@transaction.atomic
def comment_moderate(*, comment: Comment, moderator, to_state: str, reason: str = "") -> ModerationDecision | None:
    """A moderator approves, hides or rejects a comment. Nothing is deleted; all is recorded.

    Returns None when the comment is already in that state (a repeated bulk action).
    """
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if to_state not in {Comment.State.PUBLISHED, Comment.State.HIDDEN, Comment.State.REJECTED}:
        raise ModerationError("A moderator can publish, hide or reject a comment")
    reason = reason.strip()
    if to_state in REASON_REQUIRED and not reason:
        raise ModerationError("Give a reason: the author will see it")
    if comment.state == to_state:
        return None
    was_held = comment.state == Comment.State.PENDING
    decision = _transition(comment, to_state, moderator=moderator, reason=reason)
    if to_state in REASON_REQUIRED or (was_held and to_state == Comment.State.PUBLISHED):
        from consultation.tasks import notify_author_of_decision

        # robust: with the broker down the decision still stands; the sweep sends it later.
        transaction.on_commit(lambda: notify_author_of_decision.delay(decision.pk), robust=True)
    return decision


def comment_report(*, comment: Comment, reporter, reason: str, note: str = "") -> tuple[Report, bool]:
    """A reader reports a comment, once. Enough distinct reporters hide it for review."""
    try:
        with transaction.atomic():
            report = Report.objects.create(comment=comment, reporter=reporter, reason=reason, note=note)
    except IntegrityError:
        return Report.objects.get(comment=comment, reporter=reporter), False
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        threshold = ModerationSettings.current().report_threshold
        if locked.state == Comment.State.PUBLISHED and locked.reports.count() >= threshold:
            _transition(
                locked, Comment.State.PENDING, moderator=None,
                reason=f"Reported by {threshold} or more people",
                held_reason=f"Reported by {threshold} or more people",
            )
    return report, True


def comment_withdraw(*, comment: Comment, consultation) -> Comment:
    """The author takes their words back: the text goes, the thread stays readable."""
    ensure_open(consultation)
    if comment.withdrawn_at is None:
        comment.body = ""
        comment.withdrawn_at = timezone.now()
        comment.save(update_fields=["body", "withdrawn_at"])
    return comment


@transaction.atomic
def response_save(*, respondent, consultation, scores, flagged_ideas, anything_else, submit,
                  option_ratings=None, considerations=None):
    """Saves a draft or submits it. `scores` maps focus area to (usefulness, likelihood);
    `option_ratings` maps delivery option to (score, reason)."""
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

    if option_ratings is not None:
        rated = {option.pk: values for option, values in option_ratings.items() if values[0] or values[1]}
        OptionRating.objects.filter(response=response).exclude(option_id__in=rated).delete()
        existing_ratings = {rating.option_id: rating for rating in response.option_ratings.all()}
        for option_id, (score, reason) in rated.items():
            rating = existing_ratings.get(option_id) or OptionRating(response=response, option_id=option_id)
            rating.score, rating.reason = score, reason
            rating.save()
    if considerations is not None:
        response.important_considerations.set(considerations)
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


def decisions_awaiting_notice(*, before) -> list[int]:
    """Decisions whose author should have been told and has not been yet."""
    removed = Q(to_state__in=REASON_REQUIRED)
    approved_after_hold = Q(from_state=Comment.State.PENDING, to_state=Comment.State.PUBLISHED)
    return list(
        ModerationDecision.objects.filter(removed | approved_after_hold, moderator__isnull=False,
                                          author_notified_at__isnull=True, created_at__lt=before,
                                          comment__author__deleted_at__isnull=True)
        .values_list("pk", flat=True)
    )
