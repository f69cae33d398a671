from django.contrib import admin
from django.db import models

from models_of_delivery.models import (
    AnalogousOrganisation,
    CentreAim,
    Consideration,
    DeliveryOption,
    InitialFunction,
    OptionAssessment,
    SpokeArrangement,
)


class OptionAssessmentInline(admin.TabularInline):
    model = OptionAssessment
    extra = 0
    fields = ["consideration", "text"]
    autocomplete_fields = ["consideration"]


class OrganisationInline(admin.TabularInline):
    """The organisations that exemplify an option; the same links are editable on each organisation."""

    model = AnalogousOrganisation.exemplifies.through
    extra = 0
    verbose_name = "organisation that exemplifies this option"
    verbose_name_plural = "organisations that exemplify this option"
    autocomplete_fields = ["analogousorganisation"]


@admin.register(DeliveryOption)
class DeliveryOptionAdmin(admin.ModelAdmin):
    list_display = ["title", "summary", "position"]
    list_editable = ["position"]
    search_fields = ["title", "summary", "description", "examples"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "position", "summary", "description", "examples", "strengths", "risks"]
    inlines = [OptionAssessmentInline, OrganisationInline]


@admin.register(AnalogousOrganisation)
class AnalogousOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "url", "position"]
    list_filter = ["kind", "exemplifies"]
    search_fields = ["name", "kind", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["exemplifies"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Consideration)
class ConsiderationAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(OptionAssessment)
class OptionAssessmentAdmin(admin.ModelAdmin):
    list_display = ["option", "consideration", "text"]
    list_filter = ["option", "consideration"]
    list_select_related = ["option", "consideration"]
    search_fields = ["text", "option__title", "consideration__title"]


@admin.register(CentreAim)
class CentreAimAdmin(admin.ModelAdmin):
    list_display = ["text", "position"]
    list_editable = ["position"]
    search_fields = ["text"]


@admin.register(InitialFunction)
class InitialFunctionAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(SpokeArrangement)
class SpokeArrangementAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
