"""The moderators' workplace: the comment queue, reports, the audit trail, the policy and
official responses. Every state change goes through consultation.moderation.lifecycle."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.text import Truncator

from coe.admin import ReadOnlyAdmin, ReadOnlyInline
from consultation.comments.models import Comment, OfficialResponse, Report
from consultation.moderation import lifecycle
from consultation.moderation.admin_actions import approve_comments, hide_comments, reject_comments
from consultation.moderation.admin_filters import (
    HeldReasonFilter,
    PersonalDataFilter,
    ReportedFilter,
    StateFilter,
)
from consultation.moderation.highlight import flagged_summary, highlighted
from consultation.moderation.models import REASON_REQUIRED, ModerationDecision, ModerationSettings
from consultation.screening import KINDS

CONFIRM_LABEL = "I have read the highlighted text: it is not personal data and may be published"


class ModerationDecisionInline(ReadOnlyInline):
    model = ModerationDecision
    fields = ["created_at", "moderator", "from_state", "to_state", "reason", "personal_data_confirmed",
              "author_notified_at"]
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
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text="Required to hide or reject. The author sees it, so write it for them.",
    )
    personal_data_confirmed = forms.BooleanField(
        label=CONFIRM_LABEL, required=False,
        help_text="Needed to publish a comment in which the screening highlighted something. It is recorded.",
    )
    # The text the moderator read: approving publishes that revision or nothing.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_revision"].initial = self.instance.revision
        if not self.instance.pk or not flagged_summary(self.instance.body):
            del self.fields["personal_data_confirmed"]  # nothing highlighted: nothing to confirm

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_state") in REASON_REQUIRED and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Give a reason: the author will see it")
        if cleaned.get("new_state"):
            try:
                # No revision sent means no text was seen: 0 matches none (revisions start at 1).
                lifecycle.comment_moderate_check(self.instance, cleaned["new_state"], cleaned.get("seen_revision") or 0,
                                                 cleaned.get("personal_data_confirmed", False))
            except lifecycle.ChangedSinceSeen as error:
                self.add_error("new_state", str(error))
                # The page shown next carries the new text: what the moderator then approves.
                self.data = self.data.copy()
                self.data["seen_revision"] = self.instance.revision
            except lifecycle.PersonalDataNotConfirmed as error:
                self.add_error("personal_data_confirmed", str(error))
            except lifecycle.ModerationError as error:
                self.add_error("new_state", str(error))
        return cleaned


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentModerationForm
    list_display = ["excerpt", "author_name", "author_role", "subject_title", "state", "held",
                    "reports", "created_at"]
    list_filter = [StateFilter, ReportedFilter, HeldReasonFilter, PersonalDataFilter, "source", "focus_area",
                   "delivery_option", "author__role", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["author", "focus_area", "idea", "delivery_option"]
    # Not the authors' email addresses: a moderator could confirm who has an account.
    search_fields = ["body", "author__display_name"]
    actions = [approve_comments, hide_comments, reject_comments]
    list_per_page = 50
    date_hierarchy = "created_at"
    inlines = [ModerationDecisionInline, ReportInline]
    readonly_fields = ["flagged", "full_text", "context", "subject_title", "author_name", "author_role", "state",
                       "held_reason", "moderation_reason", "reflection_kind", "created_at", "edited_at",
                       "withdrawn_at"]

    def get_fieldsets(self, request, obj=None):
        moderation = ["state", "held_reason", "moderation_reason", "new_state", "reason", "seen_revision"]
        if obj is not None and flagged_summary(obj.body):
            moderation.insert(4, "personal_data_confirmed")
        return [
            ("The comment", {"fields": ["flagged", "full_text", "reflection_kind", "subject_title", "context",
                                        "author_name", "author_role", "created_at", "edited_at", "withdrawn_at"]}),
            ("Moderation", {"fields": moderation}),
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
        return highlighted(comment.body) if comment.body else "(withdrawn by its author)"

    @admin.display(description="Screening")
    def flagged(self, comment):
        return flagged_summary(comment.body) or "Nothing flagged as personal data"

    @admin.display(description="Held because", ordering="held_reason")
    def held(self, comment):
        kinds = [KINDS[kind] for kind in comment.held_kinds.split() if kind in KINDS]
        reason = comment.get_held_reason_display()
        return f"{reason}: {', '.join(kinds)}" if kinds else reason

    @admin.display(description="In reply to")
    def context(self, comment):
        if not comment.parent_id:
            return "(not a reply)"
        parent = comment.parent
        return format_html("<strong>{}</strong>: {}", parent.author.public_name,
                           linebreaksbr(parent.body or "(withdrawn by its author)", autoescape=True))

    @admin.display(description="On")
    def subject_title(self, comment):
        if comment.idea_id:
            return f"{comment.idea.title} ({comment.focus_area.title})"
        if comment.delivery_option_id:
            return f"{comment.delivery_option.title} (delivery option)"
        return comment.focus_area.title if comment.focus_area_id else comment.get_paper_part_display()

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
                lifecycle.comment_moderate(
                    comment=obj, moderator=request.user, to_state=new_state,
                    reason=form.cleaned_data.get("reason", ""),
                    seen_revision=form.cleaned_data.get("seen_revision") or 0,
                    personal_data_confirmed=form.cleaned_data.get("personal_data_confirmed", False))
            except lifecycle.ModerationError as error:  # changed in the moment since the form was checked
                self.message_user(request, f"Nothing was changed: {error}", messages.ERROR)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "comment", "moderator", "from_state", "to_state", "reason",
                    "personal_data_confirmed"]
    list_filter = ["to_state", "from_state", "personal_data_confirmed", ("created_at", admin.DateFieldListFilter)]
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
