"""Deleting an account, and the retention period after a consultation closes (UK GDPR).

Deleting an account and the retention period do the same thing, `account_anonymise`: the
row stays (comments, the response and reports point at it) but nothing on it identifies
anyone any more. Why the response's scores are kept: docs/decisions/0004-account-deletion.md.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from coe.cache import content_changed
from consultation.comments.models import Comment, Follow, Report
from consultation.digests.models import DigestDelivery
from consultation.moderation.lifecycle import author_comments_withdraw
from consultation.people.models import Consultation, User
from consultation.responses.models import OptionRating, Response

FORMER_PARTICIPANT = "A former participant"


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
        author_comments_withdraw(author=user, now=now)
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
