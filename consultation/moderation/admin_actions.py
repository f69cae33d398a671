"""The comment queue's bulk actions: each shows the full texts first (with anything the
screening flagged highlighted), asks for a reason, and records one decision per comment on
the revision the moderator was shown."""

import logging
from collections import defaultdict

from django import forms
from django.contrib import messages
from django.contrib.admin import action, helpers
from django.db import OperationalError
from django.template.response import TemplateResponse

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from consultation.moderation.highlight import flagged_summary, highlighted
from consultation.moderation.models import REASON_REQUIRED

logger = logging.getLogger(__name__)
BUSY = "Someone else was changing it at the same moment. Try again."
CONFIRM_ALL_LABEL = "I have read the highlighted text in each comment: none of it is personal data"


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), required=False, max_length=2000,
        help_text="The authors will see this reason.",
    )
    personal_data_confirmed = forms.BooleanField(label=CONFIRM_ALL_LABEL, required=False)


def _comments(pks: list[int]) -> str:
    """"comment 7" or "comments 7, 9": which ones, by the number the changelist shows."""
    return f"comment{'s' if len(pks) != 1 else ''} {', '.join(str(pk) for pk in sorted(pks))}"


def _apply(modeladmin, request, comments, to_state, reason, done, confirmed):
    # Each comment is moderated in its own transaction (lifecycle.comment_moderate), not all
    # or nothing: a decision that has committed is right whatever happens to the next
    # comment, and its author has been told. Undoing it because another comment was busy
    # would only make the moderator do it again. So one that cannot be changed now is left
    # as it was and named, with the reason, and the rest go ahead.
    changed, already, refused = [], [], defaultdict(list)
    for comment in comments:
        seen = request.POST.get(f"revision-{comment.pk}", "")
        try:
            decision = lifecycle.comment_moderate(
                comment=comment, moderator=request.user, to_state=to_state, reason=reason,
                seen_revision=int(seen) if seen.isdecimal() else 0, personal_data_confirmed=confirmed)
        except lifecycle.ModerationError as error:
            refused[str(error).rstrip(".") + "."].append(comment.pk)
        except OperationalError:  # a lock or statement timeout: another transaction holds it
            logger.warning("Bulk moderation left comment %s: the database was busy", comment.pk, exc_info=True)
            refused[BUSY].append(comment.pk)
        else:
            (changed if decision else already).append(comment.pk)
    # Green only when something changed; "Left as they were" is the wording moderators know.
    count = f"{len(changed)} comment{'s' if len(changed) != 1 else ''}"
    modeladmin.message_user(request, f"{done} {count}: {', '.join(map(str, sorted(changed)))}." if changed
                            else f"{done} {count}.", messages.SUCCESS if changed else messages.INFO)
    if already:
        left = "they were" if len(already) != 1 else "it was"
        modeladmin.message_user(request, f"Already {Comment.State(to_state).label.lower()}, so left as {left}: "
                                         f"{_comments(already)}.", messages.INFO)
    for why, pks in refused.items():
        modeladmin.message_user(request, f"Left as they were: {_comments(pks)}. {why}", messages.WARNING)


def _moderate_selected(modeladmin, request, queryset, to_state, verb, done):
    form = ModerationReasonForm(request.POST if request.POST.get("apply") else None)
    needs_reason = to_state in REASON_REQUIRED
    comments = list(queryset.select_related("author"))
    shown = [(comment, highlighted(comment.body), flagged_summary(comment.body)) for comment in comments]
    needs_confirmation = to_state == Comment.State.PUBLISHED and any(summary for _, _, summary in shown)
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        confirmed = form.cleaned_data["personal_data_confirmed"]
        if needs_reason and not reason:
            form.add_error("reason", "Give a reason: the authors will see it")
        elif needs_confirmation and not confirmed:
            form.add_error("personal_data_confirmed",
                           "Confirm that the highlighted detail is not personal data, or leave those comments out")
        else:
            _apply(modeladmin, request, comments, to_state, reason, done, confirmed and needs_confirmation)
            return None
    return TemplateResponse(request, "admin/comments/comment/moderate_selected.html", {
        **modeladmin.admin_site.each_context(request),
        "title": f"{verb} {len(comments)} comment(s)",
        "comments": shown,
        "count": len(comments),
        "form": form,
        "action": request.POST.get("action"),
        "verb": verb,
        "needs_reason": needs_reason,
        "needs_confirmation": needs_confirmation,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    })


@action(description="Approve selected comments (publish)", permissions=["change"])
def approve_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.PUBLISHED, "Approve", "Approved")


@action(description="Hide selected comments, with a reason", permissions=["change"])
def hide_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.HIDDEN, "Hide", "Hid")


@action(description="Reject selected comments, with a reason", permissions=["change"])
def reject_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.REJECTED, "Reject", "Rejected")
