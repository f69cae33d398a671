from django.urls import path

from consultation.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("ranking/", views.ranking, name="ranking"),
    path("priority-matrix/", views.matrix, name="matrix"),
    path("focus-areas/<slug:slug>/", views.focus_area, name="focus_area"),
    path("delivery-options/", views.options, name="options"),
    path("delivery-options/<slug:slug>/", views.option, name="option"),
    path("exports/", views.export_list, name="exports"),
    path("exports/<slug:kind>.<str:file_format>", views.export_table, name="export"),
]
