from django.urls import path

from consultation.comments import paper_views, views

urlpatterns = [
    path("comments/<int:pk>/", views.comment_detail, name="comment"),
    path("following/", views.following, name="following"),
    path("focus-areas/<slug:slug>/follow/", views.follow_focus_area, name="follow_focus_area"),
    path("ideas/<slug:area_slug>/<slug:slug>/follow/", views.follow_idea, name="follow_idea"),
    path("paper/<slug:part>/", paper_views.paper_part, name="paper_part"),
]
