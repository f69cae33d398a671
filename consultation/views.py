import logging
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from consultation import digests, selectors, services
from consultation.forms import (
    CommentEditForm,
    CommentForm,
    ProfileForm,
    ReplyForm,
    ReportForm,
    ResponseForm,
)
from consultation.models import Comment, DigestDelivery
from consultation.rate_limits import rate_limit_consume, too_many_requests
from ideas.models import FocusArea, Idea
from ideas.selectors import focus_areas_for_listing
from models_of_delivery.models import DeliveryOption

logger = logging.getLogger(__name__)


def participant_required(view):
    """Signed in, with a role and display name; writes also need the consultation open."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_profile:
            return redirect(f"{reverse('consultation:profile')}?{urlencode({'next': request.get_full_path()})}")
        if request.method == "POST":
            consultation = selectors.current_consultation()
            if consultation is None or not consultation.is_open():
                return render(request, "consultation/closed.html", {"consultation": consultation}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def discussion_context(request, *, focus_area=None, idea=None, delivery_option=None) -> dict:
    """What a focus-area, idea or delivery-option page needs to show and join its discussion."""
    order = request.GET.get("order", "newest")
    order = order if order in selectors.ORDERS else "newest"
    on_focus_area = focus_area is not None and idea is None
    return {
        "official_responses": selectors.official_responses_for(focus_area) if on_focus_area else [],
        "comments_page": selectors.discussion(
            viewer=request.user, focus_area=focus_area, idea=idea, delivery_option=delivery_option,
            order=order, page_number=request.GET.get("page", 1),
        ),
        "order": order,
        "comment_form": CommentForm(),
        "is_following": (
            selectors.is_following(request.user, focus_area=focus_area, idea=idea)
            if focus_area is not None else False
        ),
    }


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@login_required
def profile(request):
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial=ProfileForm.initial_for(request.user),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        form.save_to(request.user)
        messages.success(request, "Your details have been saved")
        return redirect(_safe_next(request, reverse("consultation:your_feedback")))
    return render(request, "consultation/profile.html", {"form": form, "next": request.GET.get("next", "")})


def _render_comment_form(request, form, *, subject, parent=None, status=200):
    return render(
        request,
        "consultation/comment_form.html",
        {"form": form, "subject": subject, "parent": parent},
        status=status,
    )


def _create(request, form, *, focus_area=None, idea=None, delivery_option=None, parent=None):
    retry_after = rate_limit_consume(request, "comment")
    if retry_after is not None:
        return too_many_requests(request, retry_after)
    if form.is_from_a_bot():
        # Answer as if it worked, so the bot learns nothing; nothing is stored.
        logger.warning("Honeypot filled: comment by account %s discarded", request.user.pk)
        messages.success(request, "Your reply has been posted" if parent else "Your comment has been posted")
        return redirect((idea or focus_area or delivery_option or parent.subject).get_absolute_url())
    if not form.is_valid():
        subject = idea or focus_area or delivery_option
        return _render_comment_form(request, form, subject=subject, parent=parent, status=400)
    comment, created = services.comment_create(
        author=request.user,
        consultation=selectors.current_consultation(),
        focus_area=focus_area,
        idea=idea,
        delivery_option=delivery_option,
        parent=parent,
        body=form.cleaned_data["body"],
        reflection_kind=form.cleaned_data["reflection_kind"],
        submission_key=form.cleaned_data["submission_key"],
    )
    if created:
        messages.success(request, "Your reply has been posted" if parent else "Your comment has been posted")
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


def _visible_comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("author__organisation", "focus_area", "idea__focus_area",
                                       "delivery_option", "parent"),
        pk=pk,
    )
    if not comment.is_public and comment.author_id != request.user.pk and not comment.replies.exists():
        raise Http404
    return comment


@participant_required
def reply(request, pk):
    parent = _visible_comment(request, pk)
    if request.method == "POST":
        return _create(request, ReplyForm(request.POST), parent=parent)
    return _render_comment_form(request, ReplyForm(), subject=parent.subject, parent=parent)


def comment_detail(request, pk):
    comment = _visible_comment(request, pk)
    thread = comment.parent or comment
    replies = selectors.comments_visible_to(request.user).filter(parent=thread).order_by("created_at")
    return render(request, "consultation/comment_detail.html", {"thread": thread, "replies": replies, "highlight": comment})


def _own_comment(request, pk):
    # Someone else's comment answers 404, not 403: it does not say the comment exists.
    return get_object_or_404(Comment.objects.select_related("focus_area", "idea__focus_area", "delivery_option"),
                             pk=pk, author=request.user, withdrawn_at__isnull=True)


@participant_required
def comment_edit(request, pk):
    comment = _own_comment(request, pk)
    form = CommentEditForm(
        request.POST if request.method == "POST" else None,
        initial={"body": comment.body, "reflection_kind": comment.reflection_kind},
    )
    if request.method == "POST" and form.is_valid():
        services.comment_edit(
            comment=comment, consultation=selectors.current_consultation(),
            body=form.cleaned_data["body"], reflection_kind=form.cleaned_data["reflection_kind"],
        )
        messages.success(request, "Your comment has been updated")
        return redirect(f"{comment.subject.get_absolute_url()}#comment-{comment.pk}")
    return render(request, "consultation/comment_edit.html", {"form": form, "comment": comment})


@participant_required
def comment_withdraw(request, pk):
    comment = _own_comment(request, pk)
    if request.method == "POST":
        services.comment_withdraw(comment=comment, consultation=selectors.current_consultation())
        messages.success(request, "Your comment has been withdrawn")
        return redirect(comment.subject.get_absolute_url())
    return render(request, "consultation/comment_withdraw.html", {"comment": comment})


@participant_required
def your_response(request):
    consultation = selectors.current_consultation()
    areas = list(focus_areas_for_listing())
    response = selectors.response_of(request.user, consultation)
    form_kwargs = {"focus_areas": areas, "options": list(DeliveryOption.objects.all())}
    if request.method == "POST":
        form = ResponseForm(request.POST, **form_kwargs)
        if form.is_valid():
            submit = "submit" in request.POST
            services.response_save(
                respondent=request.user, consultation=consultation, scores=form.scores(),
                flagged_ideas=form.flagged_ideas(), anything_else=form.cleaned_data["anything_else"],
                submit=submit, option_ratings=form.option_ratings(),
                considerations=form.cleaned_data["considerations"],
            )
            if submit:
                messages.success(request, "Your response has been submitted. You can change it until the consultation closes.")
                return redirect("consultation:your_feedback")
            messages.success(request, "Your draft has been saved. Come back to finish it at any time before the consultation closes.")
            return redirect("consultation:your_response")
        status = 400
    else:
        form = ResponseForm(initial=ResponseForm.initial_for(response, areas), **form_kwargs)
        status = 200
    return render(request, "consultation/response_form.html",
                  {"form": form, "response": response, "consultation": consultation}, status=status)


@participant_required
def your_feedback(request):
    consultation = selectors.current_consultation()
    response = selectors.response_of(request.user, consultation)
    scores = []
    if response:
        by_area = {score.focus_area_id: score for score in response.scores.all()}
        flagged = {flag.idea_id for flag in response.flags.all()}
        for area in focus_areas_for_listing():
            score = by_area.get(area.pk)
            ideas = [idea for idea in area.ideas.all() if idea.pk in flagged]
            if score or ideas:
                scores.append((area, score, ideas))
    return render(request, "consultation/your_feedback.html", {
        "response": response, "scores": scores,
        "ratings": selectors.option_ratings_of(response) if response else [], "comments": selectors.own_comments(request.user),
        "consultation": consultation,
    })


@require_POST
@login_required
def follow_focus_area(request, slug):
    area = get_object_or_404(FocusArea, slug=slug)
    following = services.follow_toggle(follower=request.user, focus_area=area)
    messages.success(request, f"You are {'now following' if following else 'no longer following'} {area.title}")
    return redirect(_safe_next(request, area.get_absolute_url()))


@require_POST
@login_required
def follow_idea(request, area_slug, slug):
    idea = get_object_or_404(Idea.objects.select_related("focus_area"), focus_area__slug=area_slug, slug=slug)
    following = services.follow_toggle(follower=request.user, idea=idea)
    messages.success(request, f"You are {'now following' if following else 'no longer following'} {idea.verb}")
    return redirect(_safe_next(request, idea.get_absolute_url()))


@login_required
def following(request):
    return render(request, "consultation/following.html", {"follows": selectors.follows_of(request.user)})


@login_required
def comment_report(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("author", "focus_area", "idea__focus_area", "delivery_option"),
        pk=pk, state=Comment.State.PUBLISHED, withdrawn_at__isnull=True,
    )
    if comment.author_id == request.user.pk:
        raise Http404  # nobody reports their own comment; they can edit or withdraw it
    if request.method == "POST" and (retry_after := rate_limit_consume(request, "report")) is not None:
        return too_many_requests(request, retry_after)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _, created = services.comment_report(
            comment=comment, reporter=request.user,
            reason=form.cleaned_data["reason"], note=form.cleaned_data["note"],
        )
        messages.success(request, "Thank you. A moderator will look at this comment."
                         if created else "You have already reported this comment.")
        return redirect(comment.subject.get_absolute_url())
    return render(request, "consultation/comment_report.html", {"form": form, "comment": comment},
                  status=400 if form.errors else 200)


@csrf_exempt  # the signed token is the authority; mail clients POST here (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe from a digest, no sign-in needed. GET asks; POST does it."""
    if request.method == "POST":
        outcome = digests.unsubscribe(token)
        if outcome is None:
            return render(request, "consultation/unsubscribe.html", {"invalid": True}, status=400)
        person, kind = outcome
        return render(request, "consultation/unsubscribe.html",
                      {"done": True, "kind_label": DigestDelivery.Kind(kind).label})
    return render(request, "consultation/unsubscribe.html", {"token": token})
