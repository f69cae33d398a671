"""The moderators' workplace: the comment queue, reports, the audit trail, the policy and
official responses. Every state change goes through consultation.moderation.lifecycle."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.text import Truncator

from coe.admin import ReadOnlyAdmin, ReadOnlyInline
from consultation.comments.models import Comment, OfficialResponse, Report
from consultation.moderation import lifecycle
from consultation.moderation.admin_filters import HeldReasonFilter, ReportedFilter, StateFilter
from consultation.moderation.models import REASON_REQUIRED, ModerationDecision, ModerationSettings


class ModerationDecisionInline(ReadOnlyInline):
    model = ModerationDecision
    fields = ["created_at", "moderator", "from_state", "to_state", "reason", "author_notified_at"]
    readonly_fields = fields
    ordering = ["created_at", "pk"]
    verbose_name_plural = "Audit trail"


class ReportInline(ReadOnlyInline):
    model = Report
    fields = ["created_at", "reporter", "reason", "note"]
    readonly_fields = fields


class CommentModerationForm(forms.ModelForm):
    new_state = forms.ChoiceField(
        label="Change state to",
        required=False,
        choices=[("", "Leave as it is"), *[
            (state.value, state.label) for state in
            (Comment.State.PUBLISHED, Comment.State.HIDDEN, Comment.State.REJECTED)
        ]],
    )
    reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required to hide or reject. The author sees it, so write it for them.",
    )
    # The text the moderator read: approving publishes that revision or nothing.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_revision"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_state") in REASON_REQUIRED and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Give a reason: the author will see it")
        if cleaned.get("new_state"):
            try:
                # No revision sent means no text was seen: 0 matches none (revisions start at 1).
                lifecycle.comment_moderate_check(self.instance, cleaned["new_state"], cleaned.get("seen_revision") or 0)
            except lifecycle.ChangedSinceSeen as error:
                self.add_error("new_state", str(error))
                # The page shown next carries the new text: what the moderator then approves.
                self.data = self.data.copy()
                self.data["seen_revision"] = self.instance.revision
            except lifecycle.ModerationError as error:
                self.add_error("new_state", str(error))
        return cleaned


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), required=False,
        help_text="The authors will see this reason.",
    )


def _apply(modeladmin, request, comments, to_state, reason, done):
    changed, skipped = 0, []
    for comment in comments:
        seen = request.POST.get(f"revision-{comment.pk}", "")
        try:
            if lifecycle.comment_moderate(comment=comment, moderator=request.user, to_state=to_state,
                                          reason=reason, seen_revision=int(seen) if seen.isdigit() else 0):
                changed += 1
        except lifecycle.ModerationError as error:
            skipped.append(f"comment {comment.pk}: {error}")
    modeladmin.message_user(request, f"{done} {changed} comment{'s' if changed != 1 else ''}.", messages.SUCCESS)
    if skipped:
        modeladmin.message_user(request, "Left as they were: " + "; ".join(skipped), messages.WARNING)


def _moderate_selected(modeladmin, request, queryset, to_state, verb, done):
    """A bulk action that first shows the full texts and asks for a reason, then records one
    decision per comment, each on the revision the moderator was shown."""
    form = ModerationReasonForm(request.POST if request.POST.get("apply") else None)
    needs_reason = to_state in REASON_REQUIRED
    comments = list(queryset.select_related("author"))
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        if needs_reason and not reason:
            form.add_error("reason", "Give a reason: the authors will see it")
        else:
            _apply(modeladmin, request, comments, to_state, reason, done)
            return None
    return TemplateResponse(request, "admin/comments/comment/moderate_selected.html", {
        **modeladmin.admin_site.each_context(request),
        "title": f"{verb} {len(comments)} comment(s)",
        "comments": comments,
        "form": form,
        "action": request.POST.get("action"),
        "verb": verb,
        "needs_reason": needs_reason,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    })


@admin.action(description="Approve selected comments (publish)", permissions=["change"])
def approve_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.PUBLISHED, "Approve", "Approved")


@admin.action(description="Hide selected comments, with a reason", permissions=["change"])
def hide_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.HIDDEN, "Hide", "Hid")


@admin.action(description="Reject selected comments, with a reason", permissions=["change"])
def reject_comments(modeladmin, request, queryset):
    return _moderate_selected(modeladmin, request, queryset, Comment.State.REJECTED, "Reject", "Rejected")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentModerationForm
    list_display = ["excerpt", "author_name", "author_role", "subject_title", "state", "held_reason",
                    "reports", "created_at"]
    list_filter = [StateFilter, ReportedFilter, HeldReasonFilter, "source", "focus_area", "author__role",
                   ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["author", "focus_area", "idea", "delivery_option"]
    search_fields = ["body", "author__display_name", "author__email"]
    actions = [approve_comments, hide_comments, reject_comments]
    list_per_page = 50
    date_hierarchy = "created_at"
    inlines = [ModerationDecisionInline, ReportInline]
    readonly_fields = ["full_text", "context", "subject_title", "author_name", "author_role", "state",
                       "held_reason", "moderation_reason", "reflection_kind", "created_at", "edited_at",
                       "withdrawn_at"]
    fieldsets = [
        ("The comment", {"fields": ["full_text", "reflection_kind", "subject_title", "context",
                                    "author_name", "author_role", "created_at", "edited_at", "withdrawn_at"]}),
        ("Moderation", {"fields": ["state", "held_reason", "moderation_reason", "new_state", "reason",
                                   "seen_revision"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(report_count=Count("reports", distinct=True))

    def has_add_permission(self, request):
        return False  # comments come from people, through the portal

    def has_delete_permission(self, request, obj=None):
        return False  # moderation never deletes anyone's words

    @admin.display(description="Comment")
    def excerpt(self, comment):
        return Truncator(comment.body or "(withdrawn by its author)").chars(80)

    @admin.display(description="Full text")
    def full_text(self, comment):
        return linebreaksbr(comment.body or "(withdrawn by its author)", autoescape=True)

    @admin.display(description="In reply to")
    def context(self, comment):
        if not comment.parent_id:
            return "(not a reply)"
        parent = comment.parent
        return format_html("<strong>{}</strong>: {}", parent.author.public_name,
                           linebreaksbr(parent.body or "(withdrawn by its author)", autoescape=True))

    @admin.display(description="On", ordering="focus_area__title")
    def subject_title(self, comment):
        if comment.idea_id:
            return f"{comment.idea.verb} ({comment.focus_area.title})"
        return str(comment.focus_area or comment.delivery_option or "")

    @admin.display(description="Author", ordering="author__display_name")
    def author_name(self, comment):
        return comment.author.public_name

    @admin.display(description="Role", ordering="author__role")
    def author_role(self, comment):
        return comment.author.get_role_display()

    @admin.display(description="Reports", ordering="report_count")
    def reports(self, comment):
        return comment.report_count

    def save_model(self, request, obj, form, change):
        new_state = form.cleaned_data.get("new_state")
        if new_state:
            try:
                lifecycle.comment_moderate(comment=obj, moderator=request.user, to_state=new_state,
                                           reason=form.cleaned_data.get("reason", ""),
                                           seen_revision=form.cleaned_data.get("seen_revision") or 0)
            except lifecycle.ModerationError as error:  # changed in the moment since the form was checked
                self.message_user(request, f"Nothing was changed: {error}", messages.ERROR)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "comment", "moderator", "from_state", "to_state", "reason"]
    list_filter = ["to_state", "from_state", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["comment__author", "moderator"]
    search_fields = ["reason", "comment__body"]


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "comment", "reporter", "reason"]
    list_filter = ["reason"]
    list_select_related = ["comment__author", "reporter"]


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "policy", "first_comments_to_hold", "report_threshold"]

    def has_add_permission(self, request):
        return not ModerationSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficialResponse)
class OfficialResponseAdmin(admin.ModelAdmin):
    list_display = ["title", "focus_area", "author", "is_published", "published_at"]
    list_filter = ["is_published", "focus_area"]
    list_select_related = ["focus_area", "author"]
    autocomplete_fields = ["focus_area"]
    fields = ["focus_area", "title", "body", "is_published", "published_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
