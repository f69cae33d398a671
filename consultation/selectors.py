"""Reads of people's feedback, with visibility rules, each in a fixed number of queries."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from coe.page_cache import versioned_key
from consultation.models import (
    CURRENT_CONSULTATION_CACHE_KEY,
    Comment,
    Consultation,
    FocusAreaScore,
    Follow,
    OfficialResponse,
    OptionRating,
    Response,
)

COMMENTS_PER_PAGE = 20
ORDERS = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}


def current_consultation() -> Consultation | None:
    """The consultation now running (the latest to open). Cached; saving one clears it."""
    consultation = cache.get(CURRENT_CONSULTATION_CACHE_KEY)
    if consultation is None:
        consultation = Consultation.objects.first()
        cache.set(CURRENT_CONSULTATION_CACHE_KEY, consultation or False, 300)
    return consultation or None


def _visible(viewer) -> Q:
    """Published, not withdrawn; and the viewer's own comments whatever their state."""
    public = Q(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True)
    if viewer is not None and viewer.is_authenticated:
        return public | Q(author=viewer, withdrawn_at__isnull=True)
    return public


def _with_author():
    return Comment.objects.select_related("author", "author__organisation")


def comments_visible_to(viewer):
    return _with_author().filter(_visible(viewer))


def _threads(viewer, subject_filter, order_by=None):
    visible = _visible(viewer)
    # Only asked of threads the reader cannot see themselves (rare). The created_at bound
    # is always true (a reply follows its comment); it keeps PostgreSQL from hashing every
    # reply in the table and makes it probe the (parent, created_at) index per row instead.
    visible_replies = Comment.objects.filter(
        visible, parent=OuterRef("pk"), created_at__gte=OuterRef("created_at")
    )
    threads = _with_author().filter(visible | Exists(visible_replies), parent__isnull=True, **subject_filter)
    return threads.order_by(*order_by) if order_by else threads


class _CountedPaginator(Paginator):
    """A paginator told its count, so that a page does not count every thread."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @property
    def count(self):
        return self._count


def thread_count(viewer, subject_filter) -> int:
    """Threads everyone can see (cached until content changes), plus the viewer's own
    threads that only they can see (pending or hidden, with no public replies).

    Not counted: a thread visible to the viewer only through their own pending reply
    under a comment nobody else can see. Rare; at worst it drops off the last page.
    """
    key = versioned_key("threads:" + ":".join(f"{k}={v}" for k, v in sorted(subject_filter.items())))
    public = cache.get(key)
    if public is None:
        public = _threads(None, subject_filter).count()
        cache.set(key, public, 3600)
    if viewer is None or not viewer.is_authenticated:
        return public
    public_replies = Comment.objects.filter(parent=OuterRef("pk"), state=Comment.State.PUBLISHED,
                                            withdrawn_at__isnull=True)
    own_private = (
        Comment.objects.filter(parent__isnull=True, author=viewer, withdrawn_at__isnull=True, **subject_filter)
        .exclude(state=Comment.State.PUBLISHED)
        .exclude(Exists(public_replies))
        .count()
    )
    return public + own_private


def discussion(*, viewer, focus_area=None, idea=None, delivery_option=None, order="newest", page_number=1):
    """One page of top-level comments on a subject, each with its visible replies.

    A top-level comment that is not visible (withdrawn, hidden) still appears as a
    placeholder when replies hang from it, so the replies stay readable.
    """
    subject_filter = {
        "focus_area_id": focus_area.pk if focus_area else None,
        "idea_id": idea.pk if idea else None,
        "delivery_option_id": delivery_option.pk if delivery_option else None,
    }
    threads = _threads(viewer, subject_filter, ORDERS.get(order, ORDERS["newest"])).prefetch_related(
        Prefetch("replies", queryset=comments_visible_to(viewer).order_by("created_at"))
    )
    paginator = _CountedPaginator(threads, COMMENTS_PER_PAGE, count=thread_count(viewer, subject_filter))
    return paginator.get_page(page_number)


def activity_by_focus_area() -> dict[int, dict]:
    """Published comment and respondent counts per focus area, cached until content changes."""
    key = versioned_key("activity:focus-areas")
    activity = cache.get(key)
    if activity is None:
        activity = _activity_by_focus_area()
        cache.set(key, activity, 3600)
    return activity


def _activity_by_focus_area() -> dict[int, dict]:
    """Two grouped queries over every comment and score: why the result is cached."""
    activity: dict[int, dict] = {}
    comments = (
        Comment.objects.filter(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True)
        .values("focus_area_id")
        .annotate(n=Count("pk"))
    )
    for row in comments:
        activity.setdefault(row["focus_area_id"], {"comments": 0, "respondents": 0})["comments"] = row["n"]
    respondents = (
        FocusAreaScore.objects.filter(response__status=Response.Status.SUBMITTED)
        .values("focus_area_id")
        .annotate(n=Count("response__respondent", distinct=True))
    )
    for row in respondents:
        activity.setdefault(row["focus_area_id"], {"comments": 0, "respondents": 0})["respondents"] = row["n"]
    return activity


def attach_activity(focus_areas) -> None:
    activity = activity_by_focus_area()
    for area in focus_areas:
        counts = activity.get(area.pk, {})
        area.comment_count = counts.get("comments", 0)
        area.respondent_count = counts.get("respondents", 0)


def follows_of(user):
    return Follow.objects.filter(follower=user).select_related("focus_area", "idea__focus_area")


def is_following(user, *, focus_area=None, idea=None) -> bool:
    if not user.is_authenticated:
        return False
    if idea is not None:
        return Follow.objects.filter(follower=user, idea=idea).exists()
    return Follow.objects.filter(follower=user, focus_area=focus_area, idea__isnull=True).exists()


def response_of(user, consultation):
    if consultation is None:
        return None
    return (
        Response.objects.filter(respondent=user, consultation=consultation)
        .prefetch_related("scores", "flags", "option_ratings", "important_considerations")
        .first()
    )


def own_comments(user):
    """Everything a person has written, whatever its state, for "Your feedback"."""
    return (
        Comment.objects.filter(author=user)
        .select_related("focus_area", "idea__focus_area", "delivery_option", "parent__author")
        .order_by("-created_at")
    )


def official_responses_for(focus_area):
    return list(
        OfficialResponse.objects.filter(focus_area=focus_area, is_published=True).order_by("-published_at")
    )


def activity_by_delivery_option() -> dict[int, dict]:
    key = versioned_key("activity:delivery-options")
    activity = cache.get(key)
    if activity is None:
        activity = _activity_by_delivery_option()
        cache.set(key, activity, 3600)
    return activity


def _activity_by_delivery_option() -> dict[int, dict]:
    """Published comments and submitted ratings per delivery option: two grouped queries."""
    activity: dict[int, dict] = {}
    comments = (
        Comment.objects.filter(delivery_option__isnull=False, state=Comment.State.PUBLISHED,
                               withdrawn_at__isnull=True)
        .values("delivery_option_id").annotate(n=Count("pk"))
    )
    for row in comments:
        activity.setdefault(row["delivery_option_id"], {"comments": 0, "respondents": 0})["comments"] = row["n"]
    ratings = (
        OptionRating.objects.filter(response__status=Response.Status.SUBMITTED, score__isnull=False)
        .values("option_id").annotate(n=Count("response__respondent", distinct=True))
    )
    for row in ratings:
        activity.setdefault(row["option_id"], {"comments": 0, "respondents": 0})["respondents"] = row["n"]
    return activity


def attach_option_activity(options) -> None:
    activity = activity_by_delivery_option()
    for option in options:
        counts = activity.get(option.pk, {})
        option.comment_count = counts.get("comments", 0)
        option.respondent_count = counts.get("respondents", 0)


def option_ratings_of(response):
    return list(response.option_ratings.select_related("option").order_by("option__position"))
