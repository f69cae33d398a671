from django.urls import path

from consultation.responses import views

urlpatterns = [
    path("your-response/", views.your_response, name="your_response"),
    path("your-feedback/", views.your_feedback, name="your_feedback"),
]
