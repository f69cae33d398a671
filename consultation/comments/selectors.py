"""Reads of the discussion, each in a fixed number of queries. Visibility always comes from
`Comment.objects.public()` / `visible_to()` (consultation/comments/models.py)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from coe.cache import FIGURES_TIMEOUT, get_or_compute
from consultation.comments.models import Comment, Follow, OfficialResponse, public_q, visible_q

COMMENTS_PER_PAGE = 20
ORDERS = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}


def _with_author(queryset=None):
    return (queryset if queryset is not None else Comment.objects.all()).select_related(
        "author", "author__organisation"
    )


def comments_visible_to(viewer):
    return _with_author(Comment.objects.visible_to(viewer))


def subject_filter(*, focus_area=None, idea=None, delivery_option=None, paper_part="") -> dict:
    """The columns that name one subject's own comments (an idea's are not its area's)."""
    columns = {
        "focus_area_id": focus_area.pk if focus_area else None,
        "idea_id": idea.pk if idea else None,
        "delivery_option_id": delivery_option.pk if delivery_option else None,
    }
    if paper_part:
        columns["paper_part"] = str(paper_part)
    return columns


def _threads(viewer, subject):
    visible = visible_q(viewer)
    # Only asked of threads the reader cannot see themselves (rare). The created_at bound
    # is always true (a reply follows its comment); it keeps PostgreSQL from hashing every
    # reply in the table and makes it probe the (parent, created_at) index per row instead.
    visible_replies = Comment.objects.filter(
        visible, parent=OuterRef("pk"), created_at__gte=OuterRef("created_at")
    )
    return _with_author().filter(visible | Exists(visible_replies), parent__isnull=True, **subject)


def public_threads(subject):
    """Every thread anyone may read on a subject (a public comment, or a placeholder that
    public replies hang from), not yet ordered."""
    return _threads(None, subject)


# --- Keyset pagination: a page deep in a long discussion costs what the first one does ---

Key = tuple[datetime, int]  # (created_at, pk): the order of threads, newest or oldest first
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def thread_key(comment) -> Key:
    return (comment.created_at, comment.pk)


def encode_cursor(key: Key) -> str:
    return f"{(key[0] - _EPOCH) // timedelta(microseconds=1)}.{key[1]}"


def decode_cursor(text) -> Key | None:
    """A cursor from a link (`?after=` or `?before=`); None for anything malformed."""
    micros, _, pk = str(text or "").partition(".")
    # ASCII digits only: "²".isdigit() is true, and int() refuses it.
    if not (micros.isascii() and pk.isascii() and micros.isdigit() and pk.isdigit()) or len(micros) > 18 or len(pk) > 18:
        return None
    try:
        return (_EPOCH + timedelta(microseconds=int(micros)), int(pk))
    except OverflowError:  # a date past the year 9999
        return None


def _beyond(key: Key, descending: bool) -> Q:
    """Rows after `key` in the given order, written so that PostgreSQL walks the thread
    index from `key` on (a range on created_at, then the tie on id)."""
    created, pk = key
    if descending:
        return Q(created_at__lte=created) & (Q(created_at__lt=created) | Q(pk__lt=pk))
    return Q(created_at__gte=created) & (Q(created_at__gt=created) | Q(pk__gt=pk))


@dataclass
class ThreadPage:
    """One page of threads everyone can see. The page covers the keys after `after`
    (exclusive; None: from the start) up to `last` (inclusive; None: to the end), so a
    reader's own unpublished threads in that span can be shown on it too."""

    threads: list
    after: Key | None
    last: Key | None
    newer: str | None  # cursor for the "previous" link (`before=`); "" for the first page
    older: str | None  # cursor for the "next" link (`after=`)

    def covers(self, key: Key, descending: bool) -> bool:
        def before(a, b):
            return a > b if descending else a < b
        return (self.after is None or before(self.after, key)) and (self.last is None or not before(self.last, key))


def public_thread_page(subject, *, order="newest", after: Key | None = None, before: Key | None = None) -> ThreadPage:
    """The threads anyone may read on a subject, a page at a time, each with its public
    replies (`visible_replies`): two queries, wherever the page is."""
    order_by = ORDERS.get(order, ORDERS["newest"])
    descending = order_by[0].startswith("-")
    reverse = tuple(column.removeprefix("-") if column.startswith("-") else f"-{column}" for column in order_by)
    replies = Prefetch("replies", to_attr="visible_replies",
                       queryset=_with_author(Comment.objects.public()).order_by("created_at", "pk"))
    threads = public_threads(subject).prefetch_related(replies)
    if before is not None and after is None:
        rows = list(threads.filter(_beyond(before, not descending)).order_by(*reverse)[:COMMENTS_PER_PAGE + 1])
        if len(rows) > COMMENTS_PER_PAGE:
            page = rows[COMMENTS_PER_PAGE - 1::-1]
            return ThreadPage(page, thread_key(rows[COMMENTS_PER_PAGE]), thread_key(page[-1]),
                              encode_cursor(thread_key(page[0])), encode_cursor(thread_key(page[-1])))
        after = None  # fewer than a page before it: that is the first page
    rows = list((threads.filter(_beyond(after, descending)) if after else threads)
                .order_by(*order_by)[:COMMENTS_PER_PAGE + 1])
    page, more = rows[:COMMENTS_PER_PAGE], len(rows) > COMMENTS_PER_PAGE
    last = thread_key(page[-1]) if more else None
    newer = None if after is None else (encode_cursor(thread_key(page[0])) if page else "")
    return ThreadPage(page, after, last, newer, encode_cursor(last) if more else None)


def own_unpublished(viewer, subject) -> list[Comment]:
    """What only the viewer can see on a subject: their own comments and replies that are
    not public (awaiting moderation, hidden or rejected), not withdrawn. One query; people
    have few of these, so the caller places them on the page in Python."""
    if viewer is None or not viewer.is_authenticated:
        return []
    return list(
        Comment.objects.filter(visible_q(viewer), author=viewer, **subject)
        .exclude(public_q())
        .select_related("author__organisation", "parent__author__organisation")
        .order_by("created_at", "pk")
    )


def comment_for_reader(viewer, pk: int) -> Comment | None:
    """A comment the viewer may open on its own page: public, their own, or a placeholder
    that public replies hang from. None when they may not."""
    comment = (
        Comment.objects.select_related("author__organisation", "focus_area", "idea__focus_area",
                                       "delivery_option", "parent")
        .filter(pk=pk).first()
    )
    if comment is None:
        return None
    own = viewer.is_authenticated and comment.author_id == viewer.pk
    if comment.is_public or own or Comment.objects.public().filter(parent=comment).exists():
        return comment
    return None


def public_comment_counts(column: str) -> dict[int, int]:
    """Public comments per focus area or delivery option (`column`), cached until content
    changes: one grouped query over every comment."""

    def compute():
        rows = (Comment.objects.public().filter(**{f"{column}__isnull": False})
                .values(column).annotate(n=Count("pk")).order_by())
        return {row[column]: row["n"] for row in rows}

    return get_or_compute(f"comment-counts:{column}", compute)


def follows_of(user):
    return Follow.objects.filter(follower=user).select_related("focus_area", "idea__focus_area")


def is_following(user, *, focus_area=None, idea=None) -> bool:
    """Read on every signed-in visit to a page with a discussion. The focus area and idea may
    be given as rows or as ids."""
    if not user.is_authenticated:
        return False
    area_id, idea_id = getattr(focus_area, "pk", focus_area), getattr(idea, "pk", idea)
    subject = f"idea-{idea_id}" if idea_id is not None else f"area-{area_id}"
    return subject in get_or_compute(_following_key(user.pk), lambda: _subjects_followed(user.pk), versioned=False)


def followed_subjects_forget(user_id) -> None:
    """What a person follows has changed (services.follow_set): read it afresh. A follow moves
    no content version: nobody else's page shows it, and a version moved by every click would
    empty every reader's cached pages."""
    cache.delete(_following_key(user_id))  # repeated once Redis answers, if it cannot be reached now


def followed_subjects_store(user_id) -> None:
    """Once the change has committed: written through, over anything a reader cached between."""
    cache.set(_following_key(user_id), _subjects_followed(user_id), FIGURES_TIMEOUT)


def _following_key(user_id) -> str:
    return f"following:{user_id}"


def _subjects_followed(user_id) -> frozenset[str]:
    rows = Follow.objects.filter(follower_id=user_id).values_list("focus_area_id", "idea_id")
    return frozenset(f"idea-{idea}" if idea is not None else f"area-{area}" for area, idea in rows)


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
