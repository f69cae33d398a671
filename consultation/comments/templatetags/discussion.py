"""The discussion under a focus area, an idea, a delivery option or a part of the paper, for the catalogue's and
the delivery models' pages: they load this tag instead of importing the comments app."""

import uuid
from functools import cache

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from coe.shells import SUBMISSION_KEY_MARK as KEY_PLACEHOLDER
from coe.shells import in_shell, slot
from consultation.comments import selectors, slots, threads
from consultation.comments.forms import CommentForm

register = template.Library()


@cache
def _blank_comment_form_cached() -> str:
    return str(CommentForm(initial={"submission_key": KEY_PLACEHOLDER}))


def blank_comment_form(*, for_shell=False) -> str:
    """The empty comment form: the same markup for everyone but its submission key, so
    rendered once per process (each render while DEBUG, for template edits) with a fresh
    key put in per request (by coe.shells in a page shell)."""
    markup = str(CommentForm(initial={"submission_key": KEY_PLACEHOLDER})) if settings.DEBUG \
        else _blank_comment_form_cached()
    return mark_safe(markup if for_shell else markup.replace(KEY_PLACEHOLDER, str(uuid.uuid4())))  # noqa: S308


@register.inclusion_tag("consultation/_discussion.html", takes_context=True)
def discussion(context, *, subject_title, comment_url, follow_url="", focus_area=None, idea=None,
               delivery_option=None, paper_part=""):
    """In a page shell (coe.shells) the threads and the Follow button are slots, filled per
    reader by consultation/comments/slots.py; anywhere else they are rendered here."""
    request = context["request"]
    order = request.GET.get("order", "newest")
    order = order if order in selectors.ORDERS else "newest"
    page = {
        "subject": selectors.subject_filter(focus_area=focus_area, idea=idea, delivery_option=delivery_option,
                                            paper_part=paper_part),
        "order": order, "after": request.GET.get("after"), "before": request.GET.get("before"),
        "is_open": context.get("consultation_is_open", False),
        "with_official": focus_area is not None and idea is None,
    }
    following = {"follow_url": follow_url, "subject_title": subject_title,
                 "focus_area_id": getattr(focus_area, "pk", None), "idea_id": getattr(idea, "pk", None)}
    signed_in = request.user.is_authenticated
    shared_only = in_shell(context)  # the reader's own parts are filled per request
    shared = threads.discussion_page(viewer=None if shared_only else request.user, **page)
    follow_form = ""
    if signed_in and follow_url and focus_area is not None:
        follow_form = slot(context, "follow", **following) or slots.follow_form(request, **following)
    return {
        **context.flatten(),
        "subject_title": subject_title,
        "comment_url": comment_url,
        "discussion": shared,
        "threads_block": slot(context, "threads", **page) or slots.threads_block(shared, page["is_open"]),
        "follow_form": follow_form,
        "order": order,
        "comment_form": blank_comment_form(for_shell=shared_only) if signed_in else None,
    }
