from django.http import Http404
from django.shortcuts import get_object_or_404, render

from coe.cache import cache_anonymous_page
from coe.shells import render_page
from ideas.filters import CatalogueFilter
from ideas.models import DeliveryStrand, Idea, Theme
from ideas.selectors import focus_area_for_page, focus_areas_for_listing, group_by_theme


@cache_anonymous_page
def catalogue(request):
    filterset = CatalogueFilter(request.GET or None, queryset=focus_areas_for_listing())
    focus_areas = list(filterset.qs)
    return render(
        request,
        "ideas/catalogue.html",
        {
            "filter": filterset,
            "groups": group_by_theme(focus_areas),
            "result_count": len(focus_areas),
            "idea_count": sum(len(area.ideas.all()) for area in focus_areas),
            "is_filtered": bool(filterset.form.changed_data) if filterset.is_bound else False,
            "nav_section": "ideas",
        },
    )


@cache_anonymous_page
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    areas = list(focus_areas_for_listing().filter(theme=theme))
    return render(request, "ideas/theme.html", {"theme": theme, "focus_areas": areas, "nav_section": "ideas"})


@cache_anonymous_page
def strand_detail(request, slug):
    strand = get_object_or_404(DeliveryStrand, slug=slug)
    areas = list(focus_areas_for_listing().filter(delivery_strand=strand))
    return render(request, "ideas/strand.html", {"strand": strand, "focus_areas": areas, "nav_section": "ideas"})


@cache_anonymous_page
def focus_area_detail(request, slug):
    area = focus_area_for_page(slug)
    if area is None:
        raise Http404("No such focus area")
    return render_page(request, "ideas/focus_area.html", {"area": area, "nav_section": "ideas"})


@cache_anonymous_page
def idea_detail(request, area_slug, slug):
    def page():
        idea = get_object_or_404(
            Idea.objects.select_related("focus_area__theme", "focus_area__delivery_strand"),
            focus_area__slug=area_slug,
            slug=slug,
        )
        siblings = [other for other in idea.focus_area.ideas.all() if other.pk != idea.pk]
        return {"idea": idea, "area": idea.focus_area, "siblings": siblings, "nav_section": "ideas"}

    return render_page(request, "ideas/idea.html", page)
