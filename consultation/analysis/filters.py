"""Filters for the analysis pages, kept in the query string so every view can be shared.

The FilterSet filters submitted responses; the same choices, as an analysis.Scope, filter
scores, flags and comments (the rules live once, in consultation/analysis/scope.py).
"""

import django_filters
from django import forms

from consultation.analysis import scope as analysis
from consultation.people.models import Organisation
from consultation.people.roles import RoleGroup
from consultation.people.sources import Source
from consultation.responses.models import Response

WEIGHTINGS = [
    ("raw", "Each person counts once"),
    ("council", "One council, one voice"),
]


def region_choices():
    regions = (
        Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY)
        .exclude(region="")
        .values_list("region", flat=True)
        .distinct()
        .order_by("region")
    )
    return [(region, region) for region in regions]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d", attrs={"class": "govuk-input--width-10"})


class AnalysisFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        label="From",
        method="filter_date_from",
        widget=DateInput(),
        help_text="Responses submitted and comments written on or after this day",
        error_messages={"invalid": "Enter a real date for ‘From’, for example 2026-03-01"},
    )
    date_to = django_filters.DateFilter(
        label="To",
        method="filter_date_to",
        widget=DateInput(),
        help_text="On or before this day",
        error_messages={"invalid": "Enter a real date for ‘To’, for example 2026-03-31"},
    )
    group = django_filters.ChoiceFilter(
        label="Respondent group",
        choices=RoleGroup.choices,
        empty_label="All groups",
        method="filter_group",
        error_messages={"invalid_choice": "Select a respondent group from the list"},
    )
    region = django_filters.ChoiceFilter(
        label="Region",
        choices=[],
        empty_label="All regions",
        method="filter_region",
        help_text="Of the person's local authority",
        error_messages={"invalid_choice": "Select a region from the list"},
    )
    organisation_type = django_filters.ChoiceFilter(
        label="Organisation type",
        choices=[
            (Organisation.Kind.LOCAL_AUTHORITY, "Local authority"),
            (Organisation.Kind.OTHER, "Other or none"),
        ],
        empty_label="All organisations",
        method="filter_organisation_type",
        error_messages={"invalid_choice": "Select an organisation type from the list"},
    )
    source = django_filters.ChoiceFilter(
        label="Source",
        choices=Source.choices,
        empty_label="All sources",
        method="filter_source",
        help_text="Online, imported from the earlier forms, or recorded by staff",
        error_messages={"invalid_choice": "Select a source from the list"},
    )
    weighting = django_filters.ChoiceFilter(
        label="Weighting",
        choices=WEIGHTINGS,
        empty_label=None,
        method="keep",
        help_text="One council, one voice: each council's respondents share one vote",
        error_messages={"invalid_choice": "Select a weighting from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Once per request: a callable would be run again for validation and for rendering.
        self.filters["region"].extra["choices"] = region_choices()

    class Meta:
        model = Response
        fields = ["date_from", "date_to", "group", "region", "organisation_type", "source", "weighting"]

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(analysis.period_q("submitted_at", value, None))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(analysis.period_q("submitted_at", None, value))

    def filter_group(self, queryset, name, value):
        return queryset.filter(analysis.group_q(value, "respondent__"))

    def filter_region(self, queryset, name, value):
        return queryset.filter(analysis.region_q(value, "respondent__"))

    def filter_organisation_type(self, queryset, name, value):
        return queryset.filter(analysis.organisation_type_q(value, "respondent__"))

    def filter_source(self, queryset, name, value):
        return queryset.filter(analysis.source_q(value, ""))

    def keep(self, queryset, name, value):
        return queryset  # the weighting changes the statistics, not which responses count

    def clean_form(self):
        form = self.form
        if form.is_valid():
            start, end = form.cleaned_data.get("date_from"), form.cleaned_data.get("date_to")
            if start and end and start > end:
                form.add_error("date_to", "‘To’ must be the same as or after ‘From’")
        return form

    @property
    def scope(self) -> analysis.Scope:
        """The choices as an analysis.Scope; an invalid filter is left out (and shown as an error)."""
        if not self.is_bound:
            return analysis.Scope()
        form = self.clean_form()
        data = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
        return analysis.Scope(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            group=data.get("group") or "",
            region=data.get("region") or "",
            organisation_type=data.get("organisation_type") or "",
            weighting=data.get("weighting") or "raw",
            source=data.get("source") or "",
        )

    @property
    def is_filtered(self) -> bool:
        scope = self.scope
        return any([scope.date_from, scope.date_to, scope.group, scope.region, scope.organisation_type,
                    scope.source])

    def as_dict(self) -> dict:
        """For the export record: the filters in force, as plain strings."""
        scope = self.scope
        values = {
            "date_from": scope.date_from.isoformat() if scope.date_from else "",
            "date_to": scope.date_to.isoformat() if scope.date_to else "",
            "group": scope.group,
            "region": scope.region,
            "organisation_type": scope.organisation_type,
            "source": scope.source,
        }
        return {key: value for key, value in values.items() if value}


def analysis_filter(request) -> AnalysisFilter:
    return AnalysisFilter(request.GET or None, queryset=Response.objects.filter(analysis.Scope().responses_q()))
