from django.urls import path

from consultation import privacy_views, views

app_name = "consultation"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("your-response/", views.your_response, name="your_response"),
    path("your-feedback/", views.your_feedback, name="your_feedback"),
    path("following/", views.following, name="following"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/<int:pk>/", views.comment_detail, name="comment"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/withdraw/", views.comment_withdraw, name="comment_withdraw"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path("focus-areas/<slug:slug>/comments/", views.comment_on_focus_area, name="comment_on_focus_area"),
    path("focus-areas/<slug:slug>/follow/", views.follow_focus_area, name="follow_focus_area"),
    path("delivery-options/<slug:slug>/comments/", views.comment_on_delivery_option,
         name="comment_on_delivery_option"),
    path("ideas/<slug:area_slug>/<slug:slug>/comments/", views.comment_on_idea, name="comment_on_idea"),
    path("ideas/<slug:area_slug>/<slug:slug>/follow/", views.follow_idea, name="follow_idea"),
    path("privacy/", privacy_views.privacy_notice, name="privacy"),
    path("your-account/download-your-data/", privacy_views.data_export, name="data_export"),
    path("your-account/delete/", privacy_views.account_delete, name="account_delete"),
    path("your-account/deleted/", privacy_views.account_deleted, name="account_deleted"),
]
