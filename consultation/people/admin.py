from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from consultation.people.models import Consultation, Organisation, User


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "retention_days"]


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
