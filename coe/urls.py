"""The frame's URLs: each app brings its own patterns. The consultation apps share the
"consultation" namespace, so a page names `consultation:comment` whichever app serves it."""

from django.contrib import admin
from django.urls import include, path

from coe import views
from consultation.comments import urls as comments
from consultation.digests import urls as digests
from consultation.moderation import urls as moderation
from consultation.people import urls as people
from consultation.people.views import signup, staff_sign_in
from consultation.privacy import urls as privacy
from consultation.responses import urls as responses

admin.site.site_header = "Centre of Excellence consultation: staff"
admin.site.site_title = "Consultation staff"
admin.site.index_title = "Moderation and content"
admin.site.login = staff_sign_in

consultation_patterns = [
    *people.urlpatterns, *comments.urlpatterns, *moderation.urlpatterns, *responses.urlpatterns,
    *digests.urlpatterns, *privacy.urlpatterns,
]

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("ideas/", include("ideas.urls")),
    path("delivery-models/", include("models_of_delivery.urls")),
    path("", include((consultation_patterns, "consultation"))),
    path("accounts/signup/", signup, name="account_signup"),  # allauth's, as one transaction
    path("accounts/", include("allauth.urls")),
    path("", include("consultation.themes.urls")),  # /analysis/themes/ and /you-said-we-did/
    path("analysis/", include("consultation.analysis.urls")),
    path("", include("consultation.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "coe.views.bad_request"
handler403 = "coe.views.permission_denied"
handler404 = "coe.views.page_not_found"
handler500 = "coe.views.server_error"
# allauth answers its own rate limits with this too (allauth.core.internal.ratelimit).
handler429 = "coe.rate_limits.too_many_requests"
