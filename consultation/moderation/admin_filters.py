"""The comment queue's filters: the queue itself first ("Awaiting moderation")."""

from django.contrib import admin

from consultation.comments.models import Comment
from consultation.moderation.selectors import moderation_queue, reported_comments
from consultation.screening import KINDS


class ReportedFilter(admin.SimpleListFilter):
    title = "reported"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("unanswered", "Reports since last published"), ("yes", "Reported"), ("no", "Not reported")]

    def queryset(self, request, queryset):
        if self.value() == "unanswered":  # what the design team's digest counts
            return queryset.filter(pk__in=reported_comments().values("pk"))
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


class HeldReasonFilter(admin.SimpleListFilter):
    title = "held because"
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return Comment.HeldReason.choices

    def queryset(self, request, queryset):
        if self.value() in Comment.HeldReason.values:
            return queryset.filter(held_reason=self.value())
        return queryset


class PersonalDataFilter(admin.SimpleListFilter):
    """By the kind of personal data the screening found (recorded at each hold and edit)."""

    title = "personal data found"
    parameter_name = "kind"
    KIND_CHOICES = [(kind, label[0].upper() + label[1:]) for kind, label in KINDS.items()]

    def lookups(self, request, model_admin):
        return self.KIND_CHOICES

    def queryset(self, request, queryset):
        if self.value() in KINDS:
            return queryset.filter(held_kinds__regex=rf"(^| ){self.value()}( |$)")
        return queryset


class StateFilter(admin.SimpleListFilter):
    """The queue first: the list opens on "Awaiting moderation" (comments their authors
    withdrew left out); "All" is a choice of its own."""

    title = "state"
    parameter_name = "state"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.State.choices, ("withdrawn", "Withdrawn by the author")]

    def value(self):
        return super().value() or Comment.State.PENDING

    def choices(self, changelist):
        yield {"selected": self.value() == self.ALL, "display": "All",
               "query_string": changelist.get_query_string({self.parameter_name: self.ALL})}
        for lookup, title in self.lookup_choices:
            yield {"selected": self.value() == str(lookup), "display": title,
                   "query_string": changelist.get_query_string({self.parameter_name: lookup})}

    def queryset(self, request, queryset):
        value = self.value()
        if value == Comment.State.PENDING:
            return queryset & moderation_queue()
        if value == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        if value in Comment.State.values:
            return queryset.filter(state=value, withdrawn_at__isnull=True)
        return queryset
