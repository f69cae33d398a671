"""The weekly digests: what goes in them (built from aggregate queries), who gets them, and
the exactly-once bookkeeping of sending them.

A digest covers one week, Monday 00:00 to Monday 00:00 Europe/London, named by its Monday.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Avg, Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from coe.page_cache import versioned_key
from consultation.emails import absolute, build_email
from consultation.models import (
    Comment,
    DigestDelivery,
    FocusAreaScore,
    Follow,
    IdeaFlag,
    OfficialResponse,
    Organisation,
    Response,
    User,
)
from consultation.roles import Role
from ideas.models import FocusArea, Idea

UNSUBSCRIBE_SALT = "digest-unsubscribe"
BUSY_AREAS_SHOWN = 3
COMMENTS_PER_BUSY_AREA = 3
TOP_FLAGGED = 5


# --- Periods ---------------------------------------------------------------


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_complete_week(now: datetime | None = None) -> date:
    """The Monday of the week that ended most recently (the one a Monday digest reports)."""
    today = timezone.localdate(now or timezone.now())
    return week_start(today) - timedelta(days=7)


def period_bounds(period_start: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(period_start, time.min, tzinfo=zone)
    return start, datetime.combine(period_start + timedelta(days=7), time.min, tzinfo=zone)


# --- The design team's digest ------------------------------------------------


@dataclass
class AreaSummary:
    area: FocusArea
    new_comments: int = 0
    respondents: int = 0
    usefulness_mean: float | None = None
    likelihood_mean: float | None = None
    usefulness_change: float | None = None
    likelihood_change: float | None = None
    usefulness_counts: list[int] = field(default_factory=lambda: [0] * 5)
    likelihood_counts: list[int] = field(default_factory=lambda: [0] * 5)
    recent_comments: list = field(default_factory=list)


@dataclass
class DesignTeamDigest:
    period_start: date
    period_end: date
    new_responses: int
    new_comments: int
    areas: list[AreaSummary]
    busy_areas: list[AreaSummary]
    top_flagged: list[tuple[Idea, int, int]]
    roles: list[tuple[str, int]]
    regions: list[tuple[str, int]]
    councils_heard: int
    councils_total: int
    councils_new: int
    pending: int
    reported: int
    admin_queue_url: str
    admin_reported_url: str

    @property
    def is_empty(self) -> bool:
        return not (self.new_responses or self.new_comments or self.pending or self.reported)


def _score_means(until) -> dict[int, tuple]:
    rows = (
        FocusAreaScore.objects.filter(response__status=Response.Status.SUBMITTED,
                                      response__submitted_at__lt=until)
        .values("focus_area_id")
        .annotate(u=Avg("usefulness"), lk=Avg("likelihood"), n=Count("response__respondent", distinct=True))
    )
    return {row["focus_area_id"]: (row["u"], row["lk"], row["n"]) for row in rows}


def _change(now_value, before_value):
    if now_value is None or before_value is None:
        return None
    return round(now_value - before_value, 2)


def build_design_team_digest(period_start: date) -> DesignTeamDigest:
    """Everything the design team's weekly email says, in a fixed number of queries."""
    start, end = period_bounds(period_start)
    published = Comment.objects.filter(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True)
    submitted = Response.objects.filter(status=Response.Status.SUBMITTED)

    areas = {area.pk: AreaSummary(area=area) for area in FocusArea.objects.select_related("theme")}
    for row in (published.filter(created_at__gte=start, created_at__lt=end, focus_area__isnull=False)
                .values("focus_area_id").annotate(n=Count("pk"))):
        areas[row["focus_area_id"]].new_comments = row["n"]

    now_means, before_means = _score_means(end), _score_means(start)
    for area_id, (usefulness, likelihood, respondents) in now_means.items():
        summary = areas[area_id]
        summary.usefulness_mean = round(usefulness, 2) if usefulness is not None else None
        summary.likelihood_mean = round(likelihood, 2) if likelihood is not None else None
        summary.respondents = respondents
        before = before_means.get(area_id, (None, None, 0))
        summary.usefulness_change = _change(usefulness, before[0])
        summary.likelihood_change = _change(likelihood, before[1])
    for question in ("usefulness", "likelihood"):
        rows = (FocusAreaScore.objects.filter(response__status=Response.Status.SUBMITTED,
                                              response__submitted_at__lt=end, **{f"{question}__isnull": False})
                .values("focus_area_id", question).annotate(n=Count("pk")))
        for row in rows:
            getattr(areas[row["focus_area_id"]], f"{question}_counts")[row[question] - 1] = row["n"]

    busy = sorted((a for a in areas.values() if a.new_comments), key=lambda a: -a.new_comments)[:BUSY_AREAS_SHOWN]
    if busy:
        recent = (published.filter(created_at__gte=start, created_at__lt=end,
                                   focus_area__in=[a.area for a in busy])
                  .select_related("author__organisation", "idea").order_by("-created_at"))
        by_area = defaultdict(list)
        for comment in recent[: BUSY_AREAS_SHOWN * 50]:
            if len(by_area[comment.focus_area_id]) < COMMENTS_PER_BUSY_AREA:
                by_area[comment.focus_area_id].append(comment)
        for summary in busy:
            summary.recent_comments = by_area[summary.area.pk]

    flags_total = Count("pk")
    flags_new = Count("pk", filter=Q(response__submitted_at__gte=start))
    flag_rows = (IdeaFlag.objects.filter(response__status=Response.Status.SUBMITTED, response__submitted_at__lt=end)
                 .values("idea_id").annotate(total=flags_total, new=flags_new).order_by("-total", "idea_id")[:TOP_FLAGGED])
    flag_rows = list(flag_rows)
    ideas = Idea.objects.select_related("focus_area").in_bulk([row["idea_id"] for row in flag_rows])
    top_flagged = [(ideas[row["idea_id"]], row["total"], row["new"]) for row in flag_rows]

    week = submitted.filter(submitted_at__gte=start, submitted_at__lt=end)
    role_labels = dict(Role.choices)
    roles = [(role_labels.get(row["respondent__role"], "Not given"), row["n"]) for row in
             week.values("respondent__role").annotate(n=Count("pk")).order_by("-n")]
    regions = [(row["respondent__organisation__region"] or "Not a local authority", row["n"]) for row in
               week.values("respondent__organisation__region").annotate(n=Count("pk")).order_by("-n")]

    la_responses = submitted.filter(respondent__organisation__kind=Organisation.Kind.LOCAL_AUTHORITY)
    councils_heard = la_responses.filter(submitted_at__lt=end).values("respondent__organisation").distinct().count()
    councils_before = la_responses.filter(submitted_at__lt=start).values("respondent__organisation").distinct().count()

    queue = reverse("admin:consultation_comment_changelist")
    return DesignTeamDigest(
        period_start=period_start,
        period_end=period_start + timedelta(days=6),
        new_responses=week.count(),
        new_comments=sum(a.new_comments for a in areas.values()),
        areas=list(areas.values()),
        busy_areas=busy,
        top_flagged=top_flagged,
        roles=roles,
        regions=regions,
        councils_heard=councils_heard,
        councils_total=Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY).count(),
        councils_new=councils_heard - councils_before,
        pending=Comment.objects.filter(state=Comment.State.PENDING).count(),
        reported=Comment.objects.filter(state=Comment.State.PUBLISHED, reports__isnull=False).distinct().count(),
        admin_queue_url=absolute(queue + "?state__exact=pending"),
        admin_reported_url=absolute(queue + "?reported=yes"),
    )


def median_of_counts(counts: list[int]) -> float | None:
    values = [score for score, n in enumerate(counts, start=1) for _ in range(n)]
    return statistics.median(values) if values else None


# --- The followers' digest ----------------------------------------------------


@dataclass
class FollowedItem:
    subject: object
    comments: list
    official_responses: list
    total_comments: int = 0

    @property
    def more_comments(self) -> int:
        return self.total_comments - len(self.comments)


COMMENTS_PER_FOLLOWED_ITEM = 5


def _latest_per(queryset, partition: str, ids) -> tuple[dict, dict]:
    """The newest few comments and the total, per followed subject: two queries whatever
    the number of comments (a busy area can have thousands in a week)."""
    scoped = queryset.filter(**{f"{partition}__in": ids})
    totals = {row[partition]: row["n"] for row in scoped.values(partition).annotate(n=Count("pk"))}
    ranked = scoped.annotate(
        rank=Window(RowNumber(), partition_by=[F(partition)], order_by=[F("created_at").desc(), F("pk").desc()])
    ).filter(rank__lte=COMMENTS_PER_FOLLOWED_ITEM)
    latest = defaultdict(list)
    for comment in ranked.select_related("author__organisation", "focus_area", "idea__focus_area", "parent"):
        latest[getattr(comment, partition)].append(comment)
    for comments in latest.values():
        comments.sort(key=lambda c: (c.created_at, c.pk))
    return latest, totals


def build_followers_digest(person: User, period_start: date) -> list[FollowedItem]:
    """What is new this week in what a person follows; an empty list means no email."""
    start, end = period_bounds(period_start)
    follows = list(Follow.objects.filter(follower=person).select_related("focus_area", "idea__focus_area"))
    if not follows:
        return []
    area_ids = [f.focus_area_id for f in follows if f.focus_area_id]
    idea_ids = [f.idea_id for f in follows if f.idea_id]
    new = (
        Comment.objects.filter(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True,
                               created_at__gte=start, created_at__lt=end)
        .exclude(author=person)
    )
    by_area, area_totals = _latest_per(new, "focus_area_id", area_ids) if area_ids else ({}, {})
    by_idea, idea_totals = _latest_per(new, "idea_id", idea_ids) if idea_ids else ({}, {})
    official = defaultdict(list)
    for response in (OfficialResponse.objects.filter(is_published=True, focus_area_id__in=area_ids,
                                                     published_at__gte=start, published_at__lt=end)
                     .select_related("focus_area")):
        official[response.focus_area_id].append(response)
    items = []
    for follow in follows:
        if follow.idea_id:
            comments, total, extra = by_idea.get(follow.idea_id, []), idea_totals.get(follow.idea_id, 0), []
        else:
            comments = by_area.get(follow.focus_area_id, [])
            total = area_totals.get(follow.focus_area_id, 0)
            extra = official.get(follow.focus_area_id, [])
        if comments or extra:
            items.append(FollowedItem(subject=follow.subject, comments=comments, official_responses=extra,
                                      total_comments=total))
    return items


# --- Who gets them ---------------------------------------------------------


def recipients(kind: str):
    people = User.objects.filter(is_active=True)
    if kind == DigestDelivery.Kind.DESIGN_TEAM:
        return people.filter(is_staff=True, wants_design_team_digest=True)
    return people.filter(wants_followers_digest=True, follows__isnull=False).distinct()


def unsubscribe_token(person: User, kind: str) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"u": person.pk, "k": kind})


def unsubscribe(token: str) -> tuple[User, str] | None:
    """Turns off one kind of digest for the person the token was made for."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    kind = data.get("k")
    person = User.objects.filter(pk=data.get("u")).first()
    if person is None or kind not in DigestDelivery.Kind.values:
        return None
    preference = "wants_design_team_digest" if kind == DigestDelivery.Kind.DESIGN_TEAM else "wants_followers_digest"
    setattr(person, preference, False)
    person.save(update_fields=[preference])
    return person, kind


# --- Sending, exactly once -----------------------------------------------------


def digest_plan(kind: str, period_start: date) -> list[int]:
    """Creates the week's delivery rows (once, whoever asks) and returns those still to send."""
    people = list(recipients(kind).values_list("pk", flat=True))
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(kind=kind, period_start=period_start, recipient_id=pk) for pk in people],
        ignore_conflicts=True,
    )
    return list(
        DigestDelivery.objects.filter(kind=kind, period_start=period_start, status=DigestDelivery.Status.PENDING)
        .values_list("pk", flat=True)
    )


def _claim(delivery_id: int) -> DigestDelivery | None:
    """Moves a pending row to 'sending'. Only one worker can: the others find nothing to do."""
    with transaction.atomic():
        delivery = (DigestDelivery.objects.select_for_update(skip_locked=True)
                    .filter(pk=delivery_id, status=DigestDelivery.Status.PENDING)
                    .select_related("recipient").first())
        if delivery is None:
            return None
        delivery.status = DigestDelivery.Status.SENDING
        delivery.claimed_at = timezone.now()
        delivery.attempts += 1
        delivery.save(update_fields=["status", "claimed_at", "attempts"])
        return delivery


def design_team_digest_for(period_start: date) -> DesignTeamDigest:
    """Built once per week and content version, not once per member of staff."""
    key = versioned_key(f"digest:design-team:{period_start.isoformat()}")
    digest = cache.get(key)
    if digest is None:
        digest = build_design_team_digest(period_start)
        cache.set(key, digest, 3600)
    return digest


def digest_message(delivery: DigestDelivery):
    """The email for a delivery, or None when there is nothing new for this person."""
    person, kind = delivery.recipient, delivery.kind
    if kind == DigestDelivery.Kind.FOLLOWERS and not person.wants_followers_digest:
        return None
    if kind == DigestDelivery.Kind.DESIGN_TEAM and not (person.wants_design_team_digest and person.is_staff):
        return None
    token = unsubscribe_token(person, kind)
    unsubscribe_url = absolute(reverse("consultation:unsubscribe", args=[token]))
    context = {"person": person, "unsubscribe_url": unsubscribe_url,
               "preferences_url": absolute(reverse("consultation:profile")),
               "period_start": delivery.period_start, "period_end": delivery.period_start + timedelta(days=6)}
    if kind == DigestDelivery.Kind.DESIGN_TEAM:
        digest = design_team_digest_for(delivery.period_start)
        context["digest"] = digest
        template = "digest_design_team"
    else:
        items = build_followers_digest(person, delivery.period_start)
        if not items:
            return None
        context["items"] = items
        template = "digest_followers"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return build_email(to=person.email, template=template, context=context, headers=headers)


def digest_send(delivery_id: int) -> str:
    """Sends one delivery if it is still pending. Mail-server errors put it back to pending
    (so the task's retry can send it) and are raised; every outcome is left on the row."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return "nothing to do"
    try:
        message = digest_message(delivery)
        if message is None:
            _finish(delivery, DigestDelivery.Status.SKIPPED)
            return "skipped"
        message.send()
    except Exception as error:
        delivery.status = DigestDelivery.Status.PENDING
        delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
        delivery.save(update_fields=["status", "last_error"])
        raise
    _finish(delivery, DigestDelivery.Status.SENT)
    return "sent"


def _finish(delivery, status):
    delivery.status = status
    delivery.sent_at = timezone.now() if status == DigestDelivery.Status.SENT else None
    delivery.last_error = ""
    delivery.save(update_fields=["status", "sent_at", "last_error"])


def digest_mark_failed(delivery_id: int, error: str) -> None:
    DigestDelivery.objects.filter(pk=delivery_id, status=DigestDelivery.Status.PENDING).update(
        status=DigestDelivery.Status.FAILED, last_error=error[:2000]
    )


