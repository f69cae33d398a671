"""The discussion under a focus area, an idea, a delivery option or a part of the paper, for the catalogue's and
the delivery models' pages: they load this tag instead of importing the comments app."""

import uuid
from functools import cache

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from consultation.comments import selectors, threads
from consultation.comments.forms import CommentForm

register = template.Library()
KEY_PLACEHOLDER = "00000000-0000-4000-8000-00000000c0e1"


@cache
def _blank_comment_form_cached() -> str:
    return str(CommentForm(initial={"submission_key": KEY_PLACEHOLDER}))


def blank_comment_form() -> str:
    """The empty comment form: the same markup for everyone but its submission key, so
    rendered once per process (each render while DEBUG, for template edits) with a fresh
    key put in per request."""
    markup = str(CommentForm(initial={"submission_key": KEY_PLACEHOLDER})) if settings.DEBUG \
        else _blank_comment_form_cached()
    return mark_safe(markup.replace(KEY_PLACEHOLDER, str(uuid.uuid4())))  # noqa: S308 (rendered by the form's templates)


@register.inclusion_tag("consultation/_discussion.html", takes_context=True)
def discussion(context, *, subject_title, comment_url, follow_url="", focus_area=None, idea=None,
               delivery_option=None, paper_part=""):
    request = context["request"]
    order = request.GET.get("order", "newest")
    order = order if order in selectors.ORDERS else "newest"
    subject = selectors.subject_filter(focus_area=focus_area, idea=idea, delivery_option=delivery_option,
                                       paper_part=paper_part)
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
        "comment_form": blank_comment_form() if signed_in else None,
        "is_following": (
            selectors.is_following(request.user, focus_area=focus_area, idea=idea)
            if signed_in and focus_area is not None and follow_url else False
        ),
    }
