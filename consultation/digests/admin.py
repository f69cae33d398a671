from csp.decorators import csp
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin

from consultation.digests import periods, services
from consultation.digests.design_team import build_design_team_digest
from consultation.digests.models import DigestDelivery

EMAIL_PREVIEW_POLICY = {"default-src": ["'none'"], "style-src": ["'unsafe-inline'"],
                        "img-src": ["'self'"], "frame-ancestors": ["'self'"]}


@admin.action(description="Send again (failed deliveries)", permissions=["change"])
def resend_deliveries(modeladmin, request, queryset):
    """Failed ones go again at once. Ones left "sending" may have been delivered already:
    they go again only after a confirmation page that names that risk."""
    unsure = list(queryset.filter(status=DigestDelivery.Status.SENDING).select_related("recipient"))
    answer = request.POST.get("confirm_sending")
    confirmed = answer == "yes"
    if unsure and answer not in ("yes", "no"):
        return TemplateResponse(request, "admin/digests/digestdelivery/confirm_resend.html", {
            **modeladmin.admin_site.each_context(request), "title": "Send these digests again?",
            "opts": modeladmin.model._meta, "unsure": unsure,
            "selected": queryset.values_list("pk", flat=True),
            "failed_count": queryset.filter(status=DigestDelivery.Status.FAILED).count(),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })
    retry = services.deliveries_resend(queryset.values_list("pk", flat=True), including_sending=confirmed)
    skipped = queryset.exclude(pk__in=retry).count()
    modeladmin.message_user(request, f"Queued {len(retry)} delivery(ies) to send again.", messages.SUCCESS)
    if skipped:
        modeladmin.message_user(request, f"{skipped} not sent again: only failed deliveries (or, after "
                                "confirming, ones left sending) can be.", messages.WARNING)


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["period_start", "kind", "recipient", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "kind", "period_start"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "last_error"]
    readonly_fields = ["kind", "period_start", "recipient", "status", "attempts", "last_error",
                       "created_at", "claimed_at", "sent_at"]
    actions = [resend_deliveries]
    change_list_template = "admin/digests/digestdelivery/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        # Email HTML carries inline styles (mail clients need them): only this framed
        # response gets a policy that allows them, and only this site may frame it.
        email = csp(EMAIL_PREVIEW_POLICY)(xframe_options_sameorigin(self.preview_email_view))
        return [
            path("preview/", self.admin_site.admin_view(self.preview_view), name="digests_digest_preview"),
            path("preview/email/", self.admin_site.admin_view(email), name="digests_digest_preview_email"),
            *super().get_urls(),
        ]

    def _preview_email(self, request) -> tuple[str, object]:
        if not self.has_view_permission(request):
            raise PermissionDenied
        period = periods.week_start(timezone.localdate())
        digest = build_design_team_digest(period)
        context = {
            "site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME, "digest": digest,
            "person": request.user, "period_start": period, "period_end": digest.period_end,
            "unsubscribe_url": "#", "preferences_url": "#",
        }
        return render_to_string("emails/digest_design_team.html", context), period

    def preview_view(self, request):
        """This week's design-team digest as it stands, before it goes."""
        _, period = self._preview_email(request)
        return TemplateResponse(request, "admin/digests/digestdelivery/preview.html", {
            **self.admin_site.each_context(request),
            "title": f"Preview: design team digest for the week of {period:%-d %B %Y} so far",
            "opts": self.model._meta,
        })

    def preview_email_view(self, request):
        html, _ = self._preview_email(request)
        return HttpResponse(html)
