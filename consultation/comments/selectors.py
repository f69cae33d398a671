"""Reads of the discussion, each in a fixed number of queries. Visibility always comes from
`Comment.objects.public()` / `visible_to()` (consultation/comments/models.py)."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch

from coe.cache import get_or_compute
from consultation.comments.models import Comment, Follow, OfficialResponse, visible_q

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


def _threads(viewer, subject, order_by=None):
    visible = visible_q(viewer)
    # Only asked of threads the reader cannot see themselves (rare). The created_at bound
    # is always true (a reply follows its comment); it keeps PostgreSQL from hashing every
    # reply in the table and makes it probe the (parent, created_at) index per row instead.
    visible_replies = Comment.objects.filter(
        visible, parent=OuterRef("pk"), created_at__gte=OuterRef("created_at")
    )
    threads = _with_author().filter(visible | Exists(visible_replies), parent__isnull=True, **subject)
    return threads.order_by(*order_by) if order_by else threads


class _CountedPaginator(Paginator):
    """A paginator told its count, so that a page does not count every thread."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @property
    def count(self):
        return self._count


def thread_count(viewer, subject) -> int:
    """Threads everyone can see (cached until content changes), plus the viewer's own
    threads that only they can see (pending or hidden, with no public replies).

    Not counted: a thread visible to the viewer only through their own pending reply
    under a comment nobody else can see. Rare; at worst it drops off the last page.
    """
    name = "threads:" + ":".join(f"{k}={v}" for k, v in sorted(subject.items()))
    public = get_or_compute(name, lambda: _threads(None, subject).count())
    if viewer is None or not viewer.is_authenticated:
        return public
    public_replies = Comment.objects.public().filter(parent=OuterRef("pk"))
    own_private = (
        Comment.objects.filter(parent__isnull=True, author=viewer, withdrawn_at__isnull=True, **subject)
        .exclude(state=Comment.State.PUBLISHED)
        .exclude(Exists(public_replies))
        .count()
    )
    return public + own_private


def discussion(*, viewer, focus_area=None, idea=None, delivery_option=None, paper_part="", order="newest",
               page_number=1):
    """One page of top-level comments on a subject, each with its visible replies.

    A top-level comment that is not visible (withdrawn, hidden) still appears as a
    placeholder when replies hang from it, so the replies stay readable.
    """
    subject = subject_filter(focus_area=focus_area, idea=idea, delivery_option=delivery_option,
                             paper_part=paper_part)
    threads = _threads(viewer, subject, ORDERS.get(order, ORDERS["newest"])).prefetch_related(
        Prefetch("replies", queryset=comments_visible_to(viewer).order_by("created_at"))
    )
    paginator = _CountedPaginator(threads, COMMENTS_PER_PAGE, count=thread_count(viewer, subject))
    return paginator.get_page(page_number)


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
    if not user.is_authenticated:
        return False
    if idea is not None:
        return Follow.objects.filter(follower=user, idea=idea).exists()
    return Follow.objects.filter(follower=user, focus_area=focus_area, idea__isnull=True).exists()


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
