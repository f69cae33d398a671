"""Following, for support: the comments themselves are moderated in consultation/moderation."""

from django.contrib import admin

from consultation.comments.models import Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["follower", "focus_area", "idea", "created_at"]
    list_select_related = ["follower", "focus_area", "idea"]
    raw_id_fields = ["follower"]
