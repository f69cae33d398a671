"""The comment queue's filters: the queue itself first ("Awaiting moderation")."""

from django.contrib import admin

from consultation.comments.models import Comment
from consultation.moderation.selectors import moderation_queue


class ReportedFilter(admin.SimpleListFilter):
    title = "reported"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", "Reported"), ("no", "Not reported")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


class HeldReasonFilter(admin.SimpleListFilter):
    title = "held because"
    parameter_name = "held"
    CHOICES = {
        "personal": ("May contain personal data", "May contain personal data"),
        "new": ("A new account's first comment", "A new account's first comment"),
        "all": ("Every comment is held", "Every comment is held"),
        "reported": ("Reported by", "Reported by several people"),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (_, label) in self.CHOICES.items()]

    def queryset(self, request, queryset):
        if self.value() in self.CHOICES:
            return queryset.filter(held_reason__startswith=self.CHOICES[self.value()][0])
        return queryset


class StateFilter(admin.SimpleListFilter):
    """The queue first: "Awaiting moderation" leaves out comments their authors withdrew."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Comment.State.choices, ("withdrawn", "Withdrawn by the author")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == Comment.State.PENDING:
            return queryset & moderation_queue()
        if value == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        if value in Comment.State.values:
            return queryset.filter(state=value, withdrawn_at__isnull=True)
        return queryset
