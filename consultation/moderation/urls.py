from django.urls import path

from consultation.moderation import paper_views, views

urlpatterns = [
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/withdraw/", views.comment_withdraw, name="comment_withdraw"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path("focus-areas/<slug:slug>/comments/", views.comment_on_focus_area, name="comment_on_focus_area"),
    path("delivery-options/<slug:slug>/comments/", views.comment_on_delivery_option,
         name="comment_on_delivery_option"),
    path("ideas/<slug:area_slug>/<slug:slug>/comments/", views.comment_on_idea, name="comment_on_idea"),
    path("paper/", paper_views.paper_feedback, name="paper"),
    path("paper/<slug:part>/comments/", paper_views.comment_on_paper_part, name="comment_on_paper_part"),
]
