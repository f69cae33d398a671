from django.contrib import admin
from django.db import models

from ideas.models import DeliveryStrand, FocusArea, Idea, Theme


class IdeaInline(admin.TabularInline):
    model = Idea
    extra = 0
    fields = ["position", "verb", "title", "slug", "summary"]
    prepopulated_fields = {"slug": ["verb"]}


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(DeliveryStrand)
class DeliveryStrandAdmin(admin.ModelAdmin):
    list_display = ["title", "system_factor", "position"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "delivery_strand", "in_six_theme_table", "position"]
    list_filter = ["theme", "delivery_strand", "in_six_theme_table"]
    list_select_related = ["theme", "delivery_strand"]
    search_fields = ["title", "short_label", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [IdeaInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "verb", "focus_area", "position"]
    list_filter = ["focus_area__theme", "focus_area"]
    list_select_related = ["focus_area"]
    search_fields = ["title", "paper_label", "verb", "summary"]
    prepopulated_fields = {"slug": ["verb"]}
