"""The parts of a discussion that differ per reader, filled into a page shell per request
(coe.shells) and rendered the same way on any other page: the threads, with the reader's own
links and comments, and the Follow button."""

from django.template.loader import render_to_string

from coe.shells import csrf_token, slot_filler
from consultation.comments import selectors, threads


def threads_block(discussion: threads.Discussion, is_open: bool) -> str:
    return render_to_string("consultation/_discussion_threads.html", {"discussion": discussion, "is_open": is_open})


def follow_form(request, *, follow_url, subject_title, focus_area_id, idea_id) -> str:
    # Rendered with its token given, not with the request: a slot is filled on every signed-in
    # visit, and the context processors would run again for four lines of HTML.
    return render_to_string("consultation/_follow_form.html", {
        "follow_url": follow_url, "subject_title": subject_title, "csrf_token": csrf_token(request),
        "is_following": selectors.is_following(request.user, focus_area=focus_area_id, idea=idea_id),
    })


@slot_filler("threads")
def fill_threads(request, **page) -> str:
    return threads_block(threads.discussion_page(viewer=request.user, **page), page["is_open"])


@slot_filler("follow")
def fill_follow(request, **following) -> str:
    return follow_form(request, **following)
