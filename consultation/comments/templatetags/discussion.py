"""The discussion under a focus area, an idea, a delivery option or a part of the paper, for the catalogue's and
the delivery models' pages: they load this tag instead of importing the comments app."""

from django import template

from consultation.comments import selectors
from consultation.comments.forms import CommentForm

register = template.Library()


@register.inclusion_tag("consultation/_discussion.html", takes_context=True)
def discussion(context, *, subject_title, comment_url, follow_url="", focus_area=None, idea=None,
               delivery_option=None, paper_part=""):
    request = context["request"]
    order = request.GET.get("order", "newest")
    order = order if order in selectors.ORDERS else "newest"
    on_focus_area = focus_area is not None and idea is None
    return {
        **context.flatten(),
        "subject_title": subject_title,
        "comment_url": comment_url,
        "follow_url": follow_url,
        "official_responses": selectors.official_responses_for(focus_area) if on_focus_area else [],
        "comments_page": selectors.discussion(
            viewer=request.user, focus_area=focus_area, idea=idea, delivery_option=delivery_option,
            paper_part=paper_part,
            order=order, page_number=request.GET.get("page", 1),
        ),
        "order": order,
        "comment_form": CommentForm(),
        "is_following": (
            selectors.is_following(request.user, focus_area=focus_area, idea=idea)
            if focus_area is not None else False
        ),
    }
