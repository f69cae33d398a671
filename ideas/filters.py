import django_filters
from django import forms
from django.db.models import Q

from ideas.models import DeliveryStrand, FocusArea, Theme

SEARCH_MAX_LENGTH = 100


class CatalogueFilter(django_filters.FilterSet):
    """Filters for the catalogue. Values live in the query string so results can be shared."""

    q = django_filters.CharFilter(
        label="Search ideas",
        method="search",
        max_length=SEARCH_MAX_LENGTH,
        help_text="Words from a title or summary, for example “standards”",
        error_messages={
            "max_length": f"Search must be {SEARCH_MAX_LENGTH} characters or fewer",
            "null_characters_not_allowed": "Search must only include letters, numbers and punctuation",
        },
    )
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label="All themes",
        widget=forms.Select,
        error_messages={"invalid_choice": "Select a theme from the list"},
    )
    strand = django_filters.ModelChoiceFilter(
        label="Delivery strand",
        field_name="delivery_strand",
        queryset=DeliveryStrand.objects.all(),
        to_field_name="slug",
        empty_label="All delivery strands",
        error_messages={"invalid_choice": "Select a delivery strand from the list"},
    )

    class Meta:
        model = FocusArea
        fields = ["q", "theme", "strand"]

    def search(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(short_label__icontains=word)
                | Q(summary__icontains=word)
                | Q(ideas__title__icontains=word)
                | Q(ideas__paper_label__icontains=word)
                | Q(ideas__summary__icontains=word)
            )
        return queryset.distinct() if words else queryset
