from django.urls import path

from consultation.responses import views

urlpatterns = [
    path("your-response/", views.your_response, name="your_response"),
    path("your-response/check-your-answers/", views.response_check, name="response_check"),
    path("your-response/submitted/", views.response_submitted, name="response_submitted"),
    path("your-response/focus-areas/<slug:slug>/", views.response_area, name="response_area"),
    path("your-response/<slug:slug>/", views.response_step, name="response_step"),
    path("your-feedback/", views.your_feedback, name="your_feedback"),
]
