"""A person's own data (UK GDPR): their copy of it, deleting their account, and the
retention period after a consultation closes.

Deleting an account and the retention period do the same thing, `account_anonymise`: the
row stays (comments, the response and reports point at it) but nothing on it identifies
anyone any more. Why the response's scores are kept: docs/decisions/0004-account-deletion.md.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from coe.page_cache import content_changed
from consultation.models import (
    Comment,
    Consultation,
    DigestDelivery,
    ExportRecord,
    Follow,
    ModerationDecision,
    OfficialResponse,
    OptionRating,
    Report,
    Response,
    User,
)

FORMER_PARTICIPANT = "A former participant"


# --- Download your data -------------------------------------------------------------

def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _subject(comment) -> dict:
    if comment.idea_id:
        return {"kind": "idea", "title": comment.idea.verb, "focus_area": comment.focus_area.title}
    if comment.delivery_option_id:
        return {"kind": "delivery option", "title": comment.delivery_option.title}
    return {"kind": "focus area", "title": comment.focus_area.title}


def _decision(decision: ModerationDecision) -> dict:
    # Who moderated is not the person's data: "a moderator" or "the portal" (automatic).
    return {
        "at": _when(decision.created_at),
        "from_state": decision.get_from_state_display(),
        "to_state": decision.get_to_state_display(),
        "by": "a moderator" if decision.moderator_id else "the portal (automatic check)",
        "reason": decision.reason,
    }


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "display_name": user.display_name,
        "role": user.get_role_display() if user.role else "",
        "organisation": user.organisation.name if user.organisation_id else "",
        "organisation_name": user.organisation_name,
        "preferences": {
            "weekly_email_about_what_i_follow": user.wants_followers_digest,
            "design_team_weekly_digest": user.wants_design_team_digest,
        },
        "staff": user.is_staff,
        "staff_groups": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": _when(user.date_joined),
        "last_sign_in": _when(user.last_login),
    }


def _responses(user: User) -> list[dict]:
    responses = (
        Response.objects.filter(respondent=user)
        .select_related("consultation")
        .prefetch_related("scores__focus_area", "flags__idea__focus_area", "option_ratings__option",
                          "important_considerations")
        .order_by("created_at")
    )
    return [
        {
            "consultation": response.consultation.title,
            "status": response.get_status_display(),
            "created_at": _when(response.created_at),
            "updated_at": _when(response.updated_at),
            "submitted_at": _when(response.submitted_at),
            "focus_area_scores": [
                {"focus_area": score.focus_area.title, "usefulness": score.usefulness,
                 "likelihood": score.likelihood}
                for score in sorted(response.scores.all(), key=lambda s: s.focus_area.title)
            ],
            "ideas_to_explore_further": [
                {"idea": flag.idea.verb, "focus_area": flag.idea.focus_area.title}
                for flag in response.flags.all()
            ],
            "delivery_option_ratings": [
                {"option": rating.option.title, "score": rating.score, "reason": rating.reason}
                for rating in response.option_ratings.all()
            ],
            "important_considerations": [c.title for c in response.important_considerations.all()],
            "anything_else": response.anything_else,
        }
        for response in responses
    ]


def _comments(user: User) -> list[dict]:
    comments = (
        Comment.objects.filter(author=user)
        .select_related("focus_area", "idea", "delivery_option")
        .prefetch_related("decisions")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": comment.pk,
            "address": settings.SITE_URL + comment.get_absolute_url(),
            "on": _subject(comment),
            "in_reply_to_comment": comment.parent_id,
            "kind_of_comment": comment.get_reflection_kind_display() if comment.reflection_kind else "",
            "text": comment.body,
            "state": comment.get_state_display(),
            "moderator_reason": comment.moderation_reason,
            "why_held_for_review": comment.held_reason,
            "created_at": _when(comment.created_at),
            "edited_at": _when(comment.edited_at),
            "withdrawn_at": _when(comment.withdrawn_at),
            "moderation_history": [_decision(d) for d in sorted(comment.decisions.all(),
                                                                key=lambda d: (d.created_at, d.pk))],
        }
        for comment in comments
    ]


def _reports(user: User) -> list[dict]:
    return [
        {
            "comment": report.comment_id,
            "address": settings.SITE_URL + report.comment.get_absolute_url(),
            "reason": report.get_reason_display(),
            "note": report.note,
            "created_at": _when(report.created_at),
        }
        for report in Report.objects.filter(reporter=user).select_related("comment").order_by("created_at")
    ]


def _follows(user: User) -> list[dict]:
    follows = Follow.objects.filter(follower=user).select_related("focus_area", "idea").order_by("created_at")
    return [
        {"kind": "idea" if follow.idea_id else "focus area",
         "title": follow.idea.verb if follow.idea_id else follow.focus_area.title,
         "since": _when(follow.created_at)}
        for follow in follows
    ]


def _digests(user: User) -> list[dict]:
    return [
        {"kind": delivery.get_kind_display(), "week_beginning": delivery.period_start.isoformat(),
         "status": delivery.get_status_display(), "sent_at": _when(delivery.sent_at)}
        for delivery in DigestDelivery.objects.filter(recipient=user).order_by("period_start", "kind")
    ]


def _staff_work(user: User) -> dict:
    """What a member of staff did in the portal: also data about them."""
    return {
        "exports_taken": [
            {"kind": record.kind, "format": record.file_format, "filters": record.filters,
             "rows": record.row_count, "taken_at": _when(record.taken_at)}
            for record in ExportRecord.objects.filter(taken_by=user).order_by("taken_at")
        ],
        "moderation_decisions": [
            {"comment": decision.comment_id, **_decision(decision), "by": "you"}
            for decision in ModerationDecision.objects.filter(moderator=user).order_by("created_at", "pk")
        ],
        "official_responses": [
            {"title": response.title, "focus_area": response.focus_area.title,
             "published": response.is_published, "published_at": _when(response.published_at)}
            for response in OfficialResponse.objects.filter(author=user).select_related("focus_area")
        ],
    }


def person_data_export(user: User) -> dict:
    """Everything the portal holds about one person, and nothing about anyone else
    (not who reported their comments, not which moderator decided)."""
    data = {
        "service": settings.SERVICE_NAME,
        "exported_at": timezone.now().isoformat(),
        "about": "Everything this portal holds about you. Questions: " + settings.FEEDBACK_EMAIL,
        "account": _account(user),
        "responses": _responses(user),
        "comments": _comments(user),
        "reports_you_made": _reports(user),
        "following": _follows(user),
        "digest_emails": _digests(user),
    }
    if user.is_staff:
        data["staff_work"] = _staff_work(user)
    return data


# --- Delete your account --------------------------------------------------------------

def placeholder_email(user: User) -> str:
    """Unique (it carries the id) and unusable: `.invalid` never resolves (RFC 2606)."""
    return f"deleted-{user.pk}@invalid"


@transaction.atomic
def account_anonymise(user: User, *, remove_comments: bool = False, now: datetime | None = None) -> User:
    """Removes everything that identifies a person and keeps what others' reading relies on.

    Goes: email (a placeholder in its place), email addresses, display name, organisation,
    password (unusable, so every session ends: the session hash changes and the account is
    inactive), staff rights, follows, digest records. Stays: their comments, shown as
    "A former participant" (or blanked like a withdrawal when `remove_comments`; replies to
    them stay under a placeholder), their response's scores, their reports on others'
    comments, the moderation record. Safe to run twice.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_deleted:
        return user
    now = now or timezone.now()
    if remove_comments:
        Comment.objects.filter(author=user, withdrawn_at__isnull=True).update(body="", withdrawn_at=now)
        # Their own words in the response go with their comments; the scores stay.
        Response.objects.filter(respondent=user).update(anything_else="")
        OptionRating.objects.filter(response__respondent=user).update(reason="")
    Follow.objects.filter(follower=user).delete()
    DigestDelivery.objects.filter(recipient=user).delete()
    EmailAddress.objects.filter(user=user).delete()  # and their confirmations, by cascade
    user.groups.clear()
    user.user_permissions.clear()

    user.email = placeholder_email(user)
    user.display_name = ""
    user.organisation = None
    user.organisation_name = ""
    user.wants_followers_digest = False
    user.wants_design_team_digest = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.deleted_at = now
    user.save()
    content_changed()  # cached pages showed their name
    return user


def account_delete(user: User, *, remove_comments: bool) -> User:
    """The person asked for their account to go (the "Delete your account" page)."""
    return account_anonymise(user, remove_comments=remove_comments)


# --- Retention ----------------------------------------------------------------------

def retention_ends_at(consultation: Consultation) -> datetime | None:
    if consultation.retention_days is None:
        return None
    return consultation.closes_at + timedelta(days=consultation.retention_days)


def participants_of(consultation: Consultation) -> set[int]:
    """Accounts that took part: responded to it, or signed up, commented, reported or
    followed while it was open."""
    window = (consultation.opens_at, consultation.closes_at)
    ids = set(Response.objects.filter(consultation=consultation).values_list("respondent_id", flat=True))
    ids |= set(Comment.objects.filter(created_at__range=window).values_list("author_id", flat=True).distinct())
    ids |= set(Report.objects.filter(created_at__range=window).values_list("reporter_id", flat=True).distinct())
    ids |= set(Follow.objects.filter(created_at__range=window).values_list("follower_id", flat=True).distinct())
    ids |= set(User.objects.filter(date_joined__range=window).values_list("pk", flat=True))
    return ids


@dataclass
class RetentionRun:
    now: datetime
    dry_run: bool
    expired: list[tuple[Consultation, datetime]] = field(default_factory=list)
    kept: list[Consultation] = field(default_factory=list)  # no period set, or not over yet
    account_ids: list[int] = field(default_factory=list)


def retention_enforce(now: datetime | None = None, *, dry_run: bool = False) -> RetentionRun:
    """Anonymises every non-staff account that took part in a consultation whose retention
    period is over, unless it also took part in one whose period is not (or has none).
    Comments stay readable as "A former participant". A rerun finds nothing more to do."""
    run = RetentionRun(now=now or timezone.now(), dry_run=dry_run)
    for consultation in Consultation.objects.order_by("closes_at"):
        ends_at = retention_ends_at(consultation)
        if ends_at is not None and ends_at <= run.now:
            run.expired.append((consultation, ends_at))
        else:
            run.kept.append(consultation)
    due: set[int] = set()
    for consultation, _ in run.expired:
        due |= participants_of(consultation)
    for consultation in run.kept:
        due -= participants_of(consultation)
    run.account_ids = list(
        User.objects.filter(pk__in=due, deleted_at__isnull=True, is_staff=False, is_superuser=False)
        .order_by("pk").values_list("pk", flat=True)
    )
    if not dry_run:
        for user in User.objects.filter(pk__in=run.account_ids):
            account_anonymise(user, remove_comments=False, now=run.now)
    return run
