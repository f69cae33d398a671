"""Themes in the admin: read-only records (runs, themes, assignments, changes, links).
Reviewing happens on the analysis pages, through the services, so every change is logged."""

from django.contrib import admin

from coe.admin import ReadOnlyAdmin
from consultation.themes.models import (
    FoundTheme,
    ResponseLink,
    ThemeAssignment,
    ThemeChange,
    ThemeRun,
)


@admin.register(ThemeRun)
class ThemeRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "subject_kind", "subject_ref", "status", "method", "comment_count", "theme_count",
                    "kept_count", "unthemed_count", "duration_seconds", "created_at"]
    list_filter = ["status", "subject_kind"]


@admin.register(FoundTheme)
class FoundThemeAdmin(ReadOnlyAdmin):
    list_display = ["label", "subject_kind", "subject_ref", "state", "run", "signed_off_by", "updated_at"]
    list_filter = ["state", "subject_kind"]
    search_fields = ["label", "description"]


@admin.register(ThemeAssignment)
class ThemeAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["comment", "theme", "subject_kind", "subject_ref", "made_by", "person", "is_current", "created_at"]
    list_filter = ["made_by", "is_current", "subject_kind"]
    list_select_related = ["comment__author", "theme", "person"]


@admin.register(ThemeChange)
class ThemeChangeAdmin(ReadOnlyAdmin):
    list_display = ["theme", "action", "person", "created_at"]
    list_filter = ["action"]
    list_select_related = ["theme", "person"]


@admin.register(ResponseLink)
class ResponseLinkAdmin(ReadOnlyAdmin):
    list_display = ["response", "theme", "comment", "linked_by", "created_at"]
    list_select_related = ["response__focus_area", "theme", "linked_by"]
