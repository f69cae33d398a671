from django.urls import path

from models_of_delivery import views

app_name = "models_of_delivery"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("compare/", views.comparison, name="compare"),
    path("organisations/", views.organisations, name="organisations"),
    path("<slug:slug>/", views.option_detail, name="option"),
]
