from django.urls import path

from ideas import views

app_name = "ideas"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("strands/<slug:slug>/", views.strand_detail, name="strand"),
    path("<slug:slug>/", views.focus_area_detail, name="focus_area"),
    path("<slug:area_slug>/<slug:slug>/", views.idea_detail, name="idea"),
]
