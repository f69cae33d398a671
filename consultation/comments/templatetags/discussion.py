"""The discussion under a focus area, an idea or a delivery option, for the catalogue's and
the delivery models' pages: they load this tag instead of importing the comments app."""

from django import template

from consultation.comments import selectors, threads
from consultation.comments.forms import CommentForm

register = template.Library()


@register.inclusion_tag("consultation/_discussion.html", takes_context=True)
def discussion(context, *, subject_title, comment_url, follow_url="", focus_area=None, idea=None,
               delivery_option=None):
    request = context["request"]
    order = request.GET.get("order", "newest")
    order = order if order in selectors.ORDERS else "newest"
    subject = selectors.subject_filter(focus_area=focus_area, idea=idea, delivery_option=delivery_option)
    signed_in = request.user.is_authenticated
    return {
        **context.flatten(),
        "subject_title": subject_title,
        "comment_url": comment_url,
        "follow_url": follow_url,
        "discussion": threads.discussion_page(
            viewer=request.user, subject=subject, order=order, after=request.GET.get("after"),
            before=request.GET.get("before"), is_open=context.get("consultation_is_open", False),
            with_official=focus_area is not None and idea is None,
        ),
        "order": order,
        "comment_form": CommentForm() if signed_in else None,
        "is_following": (
            selectors.is_following(request.user, focus_area=focus_area, idea=idea)
            if signed_in and focus_area is not None and follow_url else False
        ),
    }
