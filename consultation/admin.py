from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from consultation.models import (
    Consultation,
    FocusAreaScore,
    Follow,
    IdeaFlag,
    Organisation,
    Response,
    User,
)


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "dfe_code", "gss_code"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "dfe_code", "gss_code"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "organisation", "is_staff", "date_joined"]
    list_filter = ["is_staff", "is_active", "role", "organisation__region"]
    list_select_related = ["organisation"]
    search_fields = ["email", "display_name", "organisation__name", "organisation_name"]
    autocomplete_fields = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "role", "organisation", "organisation_name"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class FocusAreaScoreInline(admin.TabularInline):
    model = FocusAreaScore
    extra = 0
    autocomplete_fields = ["focus_area"]


class IdeaFlagInline(admin.TabularInline):
    model = IdeaFlag
    extra = 0
    autocomplete_fields = ["idea"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["respondent", "consultation", "status", "submitted_at", "updated_at"]
    list_filter = ["status", "consultation"]
    list_select_related = ["respondent", "consultation"]
    search_fields = ["respondent__email", "respondent__display_name"]
    raw_id_fields = ["respondent"]
    inlines = [FocusAreaScoreInline, IdeaFlagInline]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["follower", "focus_area", "idea", "created_at"]
    list_select_related = ["follower", "focus_area", "idea"]
    raw_id_fields = ["follower"]
