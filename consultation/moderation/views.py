"""The author's side of the comment lifecycle: post, reply, edit, withdraw, report."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from coe.rate_limits import rate_limit_consume, too_many_requests
from consultation.comments.forms import CommentEditForm, CommentForm, ReplyForm, ReportForm
from consultation.comments.models import Comment
from consultation.comments.selectors import comment_for_reader
from consultation.moderation import lifecycle
from consultation.people.access import participant_required
from consultation.people.selectors import current_consultation
from consultation.screening import kinds_found
from ideas.models import FocusArea, Idea
from models_of_delivery.models import DeliveryOption

logger = logging.getLogger(__name__)


def _render_comment_form(request, form, *, subject, parent=None, status=200):
    return render(request, "consultation/comment_form.html",
                  {"form": form, "subject": subject, "parent": parent}, status=status)


def _tell_author(request, comment, action: str) -> None:
    """A green "Success" banner only when the words are public; otherwise "Important". Held
    for personal data: which kind to remove (never the detail itself) and a link to edit."""
    message = lifecycle.status_message(comment, action=action)
    if comment.is_public:
        messages.success(request, message)
    elif kinds_found(comment.body):
        edit = reverse("consultation:comment_edit", args=[comment.pk])
        messages.info(request, format_html('{} <a class="govuk-notification-banner__link" href="{}">Edit your {}</a>',
                                           message, edit, "reply" if comment.parent_id else "comment"))
    else:
        messages.info(request, message)


def _create(request, form, *, focus_area=None, idea=None, delivery_option=None, parent=None, paper_part=""):
    # A form sent again makes nothing new, so it does not count towards the limit.
    resent = form.is_valid() and lifecycle.comment_sent_before(request.user, form.cleaned_data["submission_key"])
    if not resent and (retry_after := rate_limit_consume(request, "comment")) is not None:
        return too_many_requests(request, retry_after)
    subject = idea or focus_area or delivery_option or paper_part or parent.subject
    if form.is_from_a_bot():
        # Answer as a held comment would, so the bot learns nothing; nothing is stored.
        logger.warning("Honeypot filled: comment by account %s discarded", request.user.pk)
        messages.info(request, "Your comment will appear once a moderator has checked it")
        return redirect(subject.get_absolute_url())
    if not form.is_valid():
        return _render_comment_form(request, form, subject=subject, parent=parent, status=400)
    comment, created = lifecycle.comment_create(
        author=request.user, consultation=current_consultation(), focus_area=focus_area, idea=idea,
        delivery_option=delivery_option, paper_part=paper_part, parent=parent, body=form.cleaned_data["body"],
        reflection_kind=form.cleaned_data["reflection_kind"], submission_key=form.cleaned_data["submission_key"],
    )
    if created:
        _tell_author(request, comment, "posted")
    elif comment.body != form.cleaned_data["body"]:
        # The form was sent before (the person went back, changed it and sent it again): the
        # first post stands, and they are told how to change it rather than left guessing.
        messages.warning(request, "You had already posted from this form, so this new text was not posted. "
                                  "To change your comment, use its Edit link.")
    return redirect(f"{comment.subject.get_absolute_url()}#comment-{comment.pk}")


@require_POST
@participant_required
def comment_on_focus_area(request, slug):
    area = get_object_or_404(FocusArea, slug=slug)
    return _create(request, CommentForm(request.POST), focus_area=area)


@require_POST
@participant_required
def comment_on_idea(request, area_slug, slug):
    idea = get_object_or_404(Idea.objects.select_related("focus_area"), focus_area__slug=area_slug, slug=slug)
    return _create(request, CommentForm(request.POST), focus_area=idea.focus_area, idea=idea)


@require_POST
@participant_required
def comment_on_delivery_option(request, slug):
    option = get_object_or_404(DeliveryOption, slug=slug)
    return _create(request, CommentForm(request.POST), delivery_option=option)


@participant_required
def reply(request, pk):
    parent = comment_for_reader(request.user, pk)
    if parent is None:
        raise Http404
    if request.method == "POST":
        return _create(request, ReplyForm(request.POST), parent=parent)
    return _render_comment_form(request, ReplyForm(), subject=parent.subject, parent=parent)


def _own_comment(request, pk, *, withdrawn_too=False):
    # Someone else's comment answers 404, not 403: it does not say the comment exists.
    comments = Comment.objects.select_related("focus_area", "idea__focus_area", "delivery_option")
    if not withdrawn_too:
        comments = comments.filter(withdrawn_at__isnull=True)
    return get_object_or_404(comments, pk=pk, author=request.user)


@participant_required
def comment_edit(request, pk):
    comment = _own_comment(request, pk)
    form = CommentEditForm(
        request.POST if request.method == "POST" else None,
        initial={"body": comment.body, "reflection_kind": comment.reflection_kind},
    )
    if request.method == "POST" and (retry_after := rate_limit_consume(request, "comment")) is not None:
        return too_many_requests(request, retry_after)  # an edit writes words, as a comment does
    if request.method == "POST" and form.is_valid():
        try:
            comment = lifecycle.comment_edit(
                comment=comment, consultation=current_consultation(),
                body=form.cleaned_data["body"], reflection_kind=form.cleaned_data["reflection_kind"],
            )
        except lifecycle.ModerationError:  # withdrawn meanwhile, from another tab
            messages.error(request, "That comment was withdrawn, so it was not changed")
            return redirect(comment.subject.get_absolute_url())
        _tell_author(request, comment, "updated")
        return redirect(f"{comment.subject.get_absolute_url()}#comment-{comment.pk}")
    personal_data = lifecycle.kinds_in_words(kinds) if (kinds := kinds_found(comment.body)) else ""
    return render(request, "consultation/comment_edit.html",
                  {"form": form, "comment": comment, "personal_data": personal_data},
                  status=400 if form.errors else 200)


@participant_required
def comment_withdraw(request, pk):
    # A second click (or a resent form) finds its own comment withdrawn already: it gets the
    # first click's answer, not "Page not found", and records nothing new.
    comment = _own_comment(request, pk, withdrawn_too=True)
    if request.method == "POST" or comment.is_withdrawn:
        if not comment.is_withdrawn:
            lifecycle.comment_withdraw(comment=comment, consultation=current_consultation())
        messages.success(request, "Your comment has been withdrawn")
        return redirect(comment.subject.get_absolute_url())
    return render(request, "consultation/comment_withdraw.html", {"comment": comment})


@login_required  # reports stay open after the consultation closes: safety does not close
def comment_report(request, pk):
    comment = get_object_or_404(
        Comment.objects.public().select_related("author", "focus_area", "idea__focus_area", "delivery_option"),
        pk=pk,
    )
    if comment.author_id == request.user.pk:
        raise Http404  # nobody reports their own comment; they can edit or withdraw it
    if request.method == "POST" and (retry_after := rate_limit_consume(request, "report")) is not None:
        return too_many_requests(request, retry_after)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _, created = lifecycle.comment_report(
            comment=comment, reporter=request.user,
            reason=form.cleaned_data["reason"], note=form.cleaned_data["note"],
        )
        messages.success(request, "Thank you. A moderator will look at this comment."
                         if created else "You have already reported this comment.")
        return redirect(comment.subject.get_absolute_url())
    return render(request, "consultation/comment_report.html", {"form": form, "comment": comment},
                  status=400 if form.errors else 200)
