from django.contrib import admin
from django.urls import include, path

from coe import views

admin.site.site_header = "Centre of Excellence consultation: staff"
admin.site.site_title = "Consultation staff"
admin.site.index_title = "Moderation and content"

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("ideas/", include("ideas.urls")),
    path("delivery-models/", include("models_of_delivery.urls")),
    path("", include("consultation.urls")),
    path("accounts/", include("allauth.urls")),
    path("analysis/", include("consultation.analysis_urls")),
    path("admin/", admin.site.urls),
]

handler400 = "coe.views.bad_request"
handler403 = "coe.views.permission_denied"
handler404 = "coe.views.page_not_found"
handler500 = "coe.views.server_error"
# allauth answers its own rate limits with this too (allauth.core.internal.ratelimit).
handler429 = "consultation.rate_limits.too_many_requests"
