from django.urls import path

from consultation.themes import views

app_name = "themes"

urlpatterns = [
    path("analysis/themes/", views.index, name="index"),
    path("analysis/themes/comment-themes.csv", views.comment_themes_csv, name="comment_themes_csv"),
    path("analysis/themes/theme/<int:pk>/", views.theme_page, name="theme"),
    path("analysis/themes/theme/<int:pk>/<slug:action>/", views.theme_action, name="theme_action"),
    path("analysis/themes/<slug:slug>/", views.subject_page, name="subject"),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
]
