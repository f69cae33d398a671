"""Reads of the catalogue, shaped for pages: each a fixed number of queries."""

from django.db.models import Count, Prefetch, QuerySet

from coe.cache import get_or_compute
from ideas.models import DeliveryStrand, FocusArea, Idea, Theme


def focus_areas_for_listing() -> QuerySet[FocusArea]:
    """Focus areas with their theme, strand and ideas: three queries however many rows."""
    return FocusArea.objects.select_related("theme", "delivery_strand").prefetch_related(
        Prefetch("ideas", queryset=Idea.objects.order_by("position", "verb"))
    )


def focus_area_for_page(slug: str) -> FocusArea | None:
    """One focus area with its theme, strand and ideas, for its own page: read on every
    signed-in visit, so kept under the content version (the catalogue is in it)."""
    return get_or_compute(f"focus-area:{slug}", lambda: focus_areas_for_listing().filter(slug=slug).first() or False) \
        or None


def group_by_theme(focus_areas) -> list[tuple[Theme, list[FocusArea]]]:
    """Keeps the themes' order; themes with no matching focus area are left out."""
    groups: dict[int, tuple[Theme, list[FocusArea]]] = {}
    for area in sorted(focus_areas, key=lambda a: (a.theme.position, a.position)):
        groups.setdefault(area.theme_id, (area.theme, []))[1].append(area)
    return list(groups.values())


def catalogue_overview() -> dict:
    return {
        "themes": Theme.objects.annotate(focus_area_count=Count("focus_areas")),
        "focus_area_count": FocusArea.objects.count(),
        "idea_count": Idea.objects.count(),
        "strand_count": DeliveryStrand.objects.count(),
    }
