"""The comment lifecycle: every change of a comment's state, in one place.

create → published, or pending (held) with the reason;
edit → screened like a new comment: a published comment whose new text must be held goes
back to pending (it waits, unseen by others, until a moderator approves the new text);
withdraw → the text goes, the comment leaves the queue, and it can never be public again;
report → enough distinct reporters hold it for review;
approve, hide, reject → a moderator's decision. Approval publishes only the revision the
moderator saw: if the author changed the text since, nothing is published and the comment
stays in the queue with the new text.

Every transition, the portal's own holds included, writes a ModerationDecision (the audit
trail). Which comments anyone may read is `Comment.objects.public()` / `visible_to()`.
"""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from consultation.comments.models import Comment, Report
from consultation.moderation.models import REASON_REQUIRED, ModerationDecision, ModerationSettings
from consultation.moderation.selectors import with_unanswered_reports
from consultation.moderation.tasks import notify_author_of_decision
from consultation.people.access import ensure_open
from consultation.people.sources import Source
from consultation.screening import KINDS, kinds_found, kinds_found_in_reply

Held = Comment.HeldReason
MODERATOR_STATES = {Comment.State.PUBLISHED, Comment.State.HIDDEN, Comment.State.REJECTED}


class ModerationError(Exception):
    pass


class ChangedSinceSeen(ModerationError):
    """The author edited the comment after the moderator opened it: nothing was published."""


class PersonalDataNotConfirmed(ModerationError):
    """Publishing a text the screening flags needs the moderator's word that it is not personal data."""


def kinds_in_words(kinds: list[str]) -> str:
    """"a phone number and a postcode": what the author is told to remove, never the detail itself."""
    labels = [KINDS[kind] for kind in kinds]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def hold_text(reason: str, kinds: list[str]) -> str:
    """The hold in words, for the audit trail."""
    if reason == Held.PERSONAL_DATA:
        return f"{Held.PERSONAL_DATA.label}: {', '.join(KINDS[kind] for kind in kinds)}"
    return Held(reason).label if reason else ""


def is_trusted(author, settings: ModerationSettings) -> bool:
    """Under the new-account policy: has a moderator let enough of this person's comments
    through? Until then every contribution is held: replies and option comments too."""
    wanted = settings.first_comments_to_hold
    approved = Comment.objects.filter(author=author, state=Comment.State.PUBLISHED).order_by().values("pk")[:wanted]
    return approved.count() >= wanted  # counts no further than it needs: a prolific author costs the same


def hold_reason(author, body: str, source: str = Source.ONLINE, *, answering: str = "") -> tuple[str, list[str]]:
    """Why a new or edited text must wait for a moderator ("" when it need not), and the kinds
    of personal data in it. Personal data beats policy: the author is told what to remove.
    A reply is read with the comment it answers (`answering`): "That is Keeley, isn't it?"
    names the child the comment described. Feedback from another channel (an old form, an
    email) always waits: its writer never chose to publish it."""
    kinds = kinds_found_in_reply(body, answering) if answering else kinds_found(body)
    if kinds:
        return Held.PERSONAL_DATA, kinds
    if source != Source.ONLINE:
        return Held.NOT_ONLINE, []
    settings = ModerationSettings.current()
    if settings.policy == ModerationSettings.Policy.HOLD_ALL:
        return Held.HOLD_ALL, []
    if settings.policy == ModerationSettings.Policy.HOLD_NEW_ACCOUNTS and not is_trusted(author, settings):
        return Held.NEW_ACCOUNT, []
    return "", []


def _record(comment, to_state, *, moderator=None, reason="", held_reason=None, held_kinds=None,
            personal_data_confirmed=False) -> ModerationDecision:
    """Writes the audit row and moves the comment to `to_state`."""
    decision = ModerationDecision.objects.create(
        comment=comment, moderator=moderator, from_state=comment.state, to_state=to_state,
        reason=reason, revision=comment.revision, personal_data_confirmed=personal_data_confirmed,
    )
    fields = ["state"]
    comment.state = to_state
    if to_state in REASON_REQUIRED:
        comment.moderation_reason = reason
        fields.append("moderation_reason")
    if held_reason is not None:
        comment.held_reason = held_reason
        fields.append("held_reason")
    if held_kinds is not None:
        comment.held_kinds = " ".join(held_kinds)
        fields.append("held_kinds")
    comment.save(update_fields=fields)
    return decision


def comment_create(
    *, author, consultation, focus_area=None, idea=None, delivery_option=None, parent=None, body,
    reflection_kind="", submission_key: uuid.UUID, paper_part="", source: str = Source.ONLINE,
    created_at=None,
) -> tuple[Comment, bool]:
    """Creates a comment or reply once per submission key: a resent form returns the first.
    Feedback from another channel (`source`) keeps the date it was given and is not bound
    to the window: it was given while the consultation was open, or is recorded late."""
    if source == Source.ONLINE:
        ensure_open(consultation)
    answering = parent.body if parent is not None else ""
    if parent is not None:
        # One level of replies: a reply to a reply joins its thread.
        parent = parent.parent or parent
        focus_area, idea, delivery_option = parent.focus_area, parent.idea, parent.delivery_option
        paper_part = parent.paper_part
    reason, kinds = hold_reason(author, body, source, answering=answering)
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                author=author, focus_area=focus_area, idea=idea, delivery_option=delivery_option,
                paper_part=paper_part, parent=parent, body=body, reflection_kind=reflection_kind,
                submission_key=submission_key, state=Comment.State.PENDING if reason else Comment.State.PUBLISHED,
                held_reason=reason, held_kinds=" ".join(kinds), source=source,
                created_at=created_at or timezone.now(),
            )
            if reason:
                ModerationDecision.objects.create(
                    comment=comment, from_state=Comment.State.PENDING, to_state=Comment.State.PENDING,
                    reason=hold_text(reason, kinds), revision=comment.revision,
                )
    except IntegrityError:
        return Comment.objects.get(author=author, submission_key=submission_key), False
    return comment, True


def comment_sent_before(author, submission_key) -> bool:
    """Whether this form already made its comment (a double click, a resend)."""
    return Comment.objects.filter(author=author, submission_key=submission_key).exists()  # the unique index


@transaction.atomic
def comment_edit(*, comment: Comment, consultation, body: str, reflection_kind: str) -> Comment:
    """The author changes their words. The new text is screened like a new comment."""
    ensure_open(consultation)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_withdrawn:
        raise ModerationError("A withdrawn comment cannot be edited")
    if comment.body == body and comment.reflection_kind == reflection_kind:
        return comment
    comment.body, comment.reflection_kind = body, reflection_kind
    comment.edited_at = timezone.now()
    comment.revision += 1
    comment.save(update_fields=["body", "reflection_kind", "edited_at", "revision"])
    reason, kinds = hold_reason(comment.author, body, answering=comment.parent.body if comment.parent_id else "")
    if comment.state == Comment.State.PUBLISHED and reason:
        _record(comment, Comment.State.PENDING, reason=f"Edited: {hold_text(reason, kinds)}", held_reason=reason,
                held_kinds=kinds)
    elif comment.state == Comment.State.PENDING:
        # Still in the queue, now with the new text: the record says which revision waits.
        _record(comment, Comment.State.PENDING,
                reason=f"Edited while awaiting moderation. {hold_text(reason, kinds)}".strip(),
                held_reason=reason or comment.held_reason, held_kinds=kinds)
    elif comment.held_kinds:
        comment.held_kinds = ""
        comment.save(update_fields=["held_kinds"])
    return comment


@transaction.atomic
def comment_withdraw(*, comment: Comment, consultation) -> Comment:
    """The author takes their words back: the text goes, the thread stays readable, and
    the comment leaves the moderation queue for good."""
    ensure_open(consultation)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.withdrawn_at is None:
        comment.body = ""
        comment.withdrawn_at = timezone.now()
        comment.save(update_fields=["body", "withdrawn_at"])
        ModerationDecision.objects.create(
            comment=comment, from_state=comment.state, to_state=comment.state,
            reason="Withdrawn by its author", revision=comment.revision,
        )
    return comment


def author_comments_withdraw(*, author, now=None) -> int:
    """An account deleted with its words: every comment withdrawn at once, each recorded.
    No window check: people may delete their account whenever they like."""
    now = now or timezone.now()
    comments = list(Comment.objects.select_for_update().filter(author=author, withdrawn_at__isnull=True))
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(body="", withdrawn_at=now)
    ModerationDecision.objects.bulk_create(
        ModerationDecision(comment=c, from_state=c.state, to_state=c.state, revision=c.revision,
                           reason="Withdrawn: its author deleted their account", created_at=now)
        for c in comments
    )
    return len(comments)


def comment_report(*, comment: Comment, reporter, reason: str, note: str = "") -> tuple[Report, bool]:
    """A reader reports a comment, once. Enough distinct reporters hold it for review."""
    try:
        with transaction.atomic():
            report = Report.objects.create(comment=comment, reporter=reporter, reason=reason, note=note)
    except IntegrityError:
        return Report.objects.get(comment=comment, reporter=reporter), False
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        threshold = ModerationSettings.current().report_threshold
        if locked.is_public and _unanswered_reports(locked) >= threshold:
            _record(locked, Comment.State.PENDING, reason=f"Reported by {threshold} or more people",
                    held_reason=Held.REPORTED)
    return report, True


def _unanswered_reports(comment: Comment) -> int:
    return with_unanswered_reports(Comment.objects.filter(pk=comment.pk)).values_list(
        "unanswered_reports", flat=True).get()


def comment_moderate_check(comment: Comment, to_state: str, seen_revision: int | None = None,
                           personal_data_confirmed: bool = False) -> None:
    """Raises ModerationError when a moderator may not make this change now."""
    if to_state not in MODERATOR_STATES:
        raise ModerationError("A moderator can publish, hide or reject a comment")
    if to_state == Comment.State.PUBLISHED:
        if comment.is_withdrawn:
            raise ModerationError("Its author withdrew this comment: it cannot be published")
        if seen_revision is not None and seen_revision != comment.revision:
            raise ChangedSinceSeen("Its author changed the text after you opened it: read the new text first")
        if not personal_data_confirmed and kinds_found(comment.body):
            raise PersonalDataNotConfirmed(
                "Confirm that the highlighted detail is not personal data, or hide or reject the comment")


@transaction.atomic
def comment_moderate(*, comment: Comment, moderator, to_state: str, reason: str = "",
                     seen_revision: int | None = None,
                     personal_data_confirmed: bool = False) -> ModerationDecision | None:
    """A moderator approves, hides or rejects a comment. Nothing is deleted; all is recorded.

    Returns None when the comment is already in that state (a repeated bulk action). Raises
    ChangedSinceSeen when approving a revision other than the one the moderator saw: the
    comment then stays in the queue with its new text. Publishing a text the screening flags
    needs `personal_data_confirmed` (recorded in the decision), else PersonalDataNotConfirmed.
    """
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment_moderate_check(comment, to_state, seen_revision, personal_data_confirmed)
    reason = reason.strip()
    if to_state in REASON_REQUIRED and not reason:
        raise ModerationError("Give a reason: the author will see it")
    if comment.state == to_state:
        return None
    was_held = comment.state == Comment.State.PENDING
    confirmed = personal_data_confirmed and to_state == Comment.State.PUBLISHED and bool(kinds_found(comment.body))
    decision = _record(comment, to_state, moderator=moderator, reason=reason, personal_data_confirmed=confirmed)
    if to_state in REASON_REQUIRED or (was_held and to_state == Comment.State.PUBLISHED):
        # robust: with the broker down the decision still stands; the sweep sends it later.
        transaction.on_commit(lambda: notify_author_of_decision.delay(decision.pk), robust=True)
    return decision


def status_message(comment: Comment, *, action: str) -> str:
    """What the author is told after posting or editing: the truth about who can see it.
    For personal data, which kind of detail to remove, judged on the text as it is now."""
    noun = "reply" if comment.parent_id else "comment"
    if comment.is_public:
        return f"Your {noun} has been {action}"
    kinds = kinds_found(comment.body)
    if kinds:
        return (f"Your {noun} has been saved but is not public yet: it may contain {kinds_in_words(kinds)}. "
                f"Edit it to remove anything that could identify a person, or wait for a moderator to check it.")
    return f"Your {noun} will appear once a moderator has checked it"
