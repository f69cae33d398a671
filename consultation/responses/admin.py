from django.contrib import admin

from consultation.responses.models import FocusAreaScore, IdeaFlag, Response


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
