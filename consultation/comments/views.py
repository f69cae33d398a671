"""Reading a comment on its own page, and following subjects. Writing a comment is the
lifecycle's (consultation/moderation/views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coe.rate_limits import rate_limit_consume, too_many_requests
from consultation.comments import selectors, services
from consultation.people.access import safe_next
from ideas.models import FocusArea, Idea


def comment_detail(request, pk):
    comment = selectors.comment_for_reader(request.user, pk)
    if comment is None:
        raise Http404
    thread = comment.parent or comment
    replies = selectors.comments_visible_to(request.user).filter(parent=thread).order_by("created_at")
    return render(request, "consultation/comment_detail.html",
                  {"thread": thread, "replies": replies, "highlight": comment})


def _wants_to_follow(request) -> bool:
    # The form says which; a bare POST (no field) means follow.
    return request.POST.get("follow", "1") != "0"


def _follow(request, subject, **which):
    if (retry_after := rate_limit_consume(request, "follow")) is not None:
        return too_many_requests(request, retry_after)
    following = services.follow_set(follower=request.user, following=_wants_to_follow(request), **which)
    messages.success(request, f"You are {'now following' if following else 'no longer following'} {subject.title}")
    return redirect(safe_next(request, subject.get_absolute_url()))


@require_POST
@login_required
def follow_focus_area(request, slug):
    area = get_object_or_404(FocusArea, slug=slug)
    return _follow(request, area, focus_area=area)


@require_POST
@login_required
def follow_idea(request, area_slug, slug):
    idea = get_object_or_404(Idea.objects.select_related("focus_area"), focus_area__slug=area_slug, slug=slug)
    return _follow(request, idea, idea=idea)


@login_required
def following(request):
    return render(request, "consultation/following.html", {"follows": selectors.follows_of(request.user)})
