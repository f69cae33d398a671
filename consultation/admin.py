from csp.decorators import csp
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.views.decorators.clickjacking import xframe_options_sameorigin

from consultation import digests, services
from consultation.models import (
    Comment,
    Consultation,
    DigestDelivery,
    FocusAreaScore,
    Follow,
    IdeaFlag,
    ModerationDecision,
    ModerationSettings,
    OfficialResponse,
    Organisation,
    Report,
    Response,
    User,
)


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "retention_days"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "dfe_code", "gss_code"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "dfe_code", "gss_code"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "organisation", "is_staff", "date_joined"]
    list_filter = ["is_staff", "is_active", "role", "organisation__region"]
    list_select_related = ["organisation"]
    search_fields = ["email", "display_name", "organisation__name", "organisation_name"]
    autocomplete_fields = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "role", "organisation", "organisation_name"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class FocusAreaScoreInline(admin.TabularInline):
    model = FocusAreaScore
    extra = 0
    autocomplete_fields = ["focus_area"]


class IdeaFlagInline(admin.TabularInline):
    model = IdeaFlag
    extra = 0
    autocomplete_fields = ["idea"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["respondent", "consultation", "status", "submitted_at", "updated_at"]
    list_filter = ["status", "consultation"]
    list_select_related = ["respondent", "consultation"]
    search_fields = ["respondent__email", "respondent__display_name"]
    raw_id_fields = ["respondent"]
    inlines = [FocusAreaScoreInline, IdeaFlagInline]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["follower", "focus_area", "idea", "created_at"]
    list_select_related = ["follower", "focus_area", "idea"]
    raw_id_fields = ["follower"]


# --- Moderation -------------------------------------------------------------


class ReportedFilter(admin.SimpleListFilter):
    title = "reported"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", "Reported"), ("no", "Not reported")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


class HeldReasonFilter(admin.SimpleListFilter):
    title = "held because"
    parameter_name = "held"
    CHOICES = {
        "personal": ("May contain personal data", "May contain personal data"),
        "new": ("A new account's first comment", "A new account's first comment"),
        "all": ("Every comment is held", "Every comment is held"),
        "reported": ("Reported by", "Reported by several people"),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (_, label) in self.CHOICES.items()]

    def queryset(self, request, queryset):
        if self.value() in self.CHOICES:
            return queryset.filter(held_reason__startswith=self.CHOICES[self.value()][0])
        return queryset


class ReadOnlyInline(admin.TabularInline):
    """Shows history on a page; nobody adds to it or changes it there."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record kept for the audit: it can be read, never added, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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

    class Meta:
        model = Comment
        fields = []

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_state") in services.REASON_REQUIRED and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Give a reason: the author will see it")
        return cleaned


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), required=False,
        help_text="The authors will see this reason.",
    )


def _moderate_selected(modeladmin, request, queryset, to_state, verb, done):
    """A bulk action that first asks for a reason, then records one decision per comment."""
    form = ModerationReasonForm(request.POST if request.POST.get("apply") else None)
    needs_reason = to_state in services.REASON_REQUIRED
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        if needs_reason and not reason:
            form.add_error("reason", "Give a reason: the authors will see it")
        else:
            changed = 0
            for comment in queryset:
                if services.comment_moderate(comment=comment, moderator=request.user, to_state=to_state, reason=reason):
                    changed += 1
            modeladmin.message_user(request, f"{done} {changed} comment{'s' if changed != 1 else ''}.", messages.SUCCESS)
            return None
    return TemplateResponse(request, "admin/consultation/comment/moderate_selected.html", {
        **modeladmin.admin_site.each_context(request),
        "title": f"{verb} {queryset.count()} comment(s)",
        "comments": queryset,
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
    list_filter = ["state", ReportedFilter, HeldReasonFilter, "focus_area", "author__role",
                   ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["author", "focus_area", "idea"]
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
        ("Moderation", {"fields": ["state", "held_reason", "moderation_reason", "new_state", "reason"]}),
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
        return comment.focus_area.title if comment.focus_area_id else ""

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
            services.comment_moderate(comment=obj, moderator=request.user, to_state=new_state,
                                      reason=form.cleaned_data.get("reason", ""))


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


# --- Digests -----------------------------------------------------------------

EMAIL_PREVIEW_POLICY = {"default-src": ["'none'"], "style-src": ["'unsafe-inline'"],
                        "img-src": ["'self'"], "frame-ancestors": ["'self'"]}


@admin.action(description="Send again (failed or stuck deliveries)", permissions=["change"])
def resend_deliveries(modeladmin, request, queryset):
    from consultation.tasks import send_digest

    retry = list(queryset.filter(status__in=[DigestDelivery.Status.FAILED, DigestDelivery.Status.SENDING])
                 .values_list("pk", flat=True))
    DigestDelivery.objects.filter(pk__in=retry).update(status=DigestDelivery.Status.PENDING)
    for delivery_id in retry:
        transaction.on_commit(lambda pk=delivery_id: send_digest.delay(pk))
    modeladmin.message_user(request, f"Queued {len(retry)} delivery(ies) to send again.", messages.SUCCESS)


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["period_start", "kind", "recipient", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind", "period_start"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "last_error"]
    readonly_fields = ["kind", "period_start", "recipient", "status", "attempts", "last_error",
                       "created_at", "claimed_at", "sent_at"]
    actions = [resend_deliveries]
    change_list_template = "admin/consultation/digestdelivery/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        # Email HTML carries inline styles (mail clients need them): only this framed
        # response gets a policy that allows them, and only this site may frame it.
        email = csp(EMAIL_PREVIEW_POLICY)(xframe_options_sameorigin(self.preview_email_view))
        return [
            path("preview/", self.admin_site.admin_view(self.preview_view), name="consultation_digest_preview"),
            path("preview/email/", self.admin_site.admin_view(email), name="consultation_digest_preview_email"),
            *super().get_urls(),
        ]

    def _preview_email(self, request) -> tuple[str, object]:
        if not self.has_view_permission(request):
            raise PermissionDenied
        period = digests.week_start(timezone.localdate())
        digest = digests.build_design_team_digest(period)
        context = {
            "site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME, "digest": digest,
            "person": request.user, "period_start": period, "period_end": digest.period_end,
            "unsubscribe_url": "#", "preferences_url": "#",
        }
        return render_to_string("emails/digest_design_team.html", context), period

    def preview_view(self, request):
        """This week's design-team digest as it stands, before it goes."""
        _, period = self._preview_email(request)
        return TemplateResponse(request, "admin/consultation/digestdelivery/preview.html", {
            **self.admin_site.each_context(request),
            "title": f"Preview: design team digest for the week of {period:%-d %B %Y} so far",
            "opts": self.model._meta,
        })

    def preview_email_view(self, request):
        html, _ = self._preview_email(request)
        return HttpResponse(html)
