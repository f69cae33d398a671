from django.urls import path

from consultation.people import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
]
