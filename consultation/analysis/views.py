"""The design team's analysis pages and exports: staff with a permission, not superuser only."""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from coe.cache import get_or_compute
from coe.shells import render_page
from consultation.analysis import charts, exports, figures, option_figures, rankings
from consultation.analysis.filters import analysis_filter
from consultation.analysis.scope import CAUTION_BELOW
from ideas.models import FocusArea
from models_of_delivery.models import DeliveryOption

VIEW_PERMISSION = "analysis.view_analysis"
EXPORT_PERMISSION = "analysis.export_data"


def _needs(permission):
    def decorator(view):
        @wraps(view)
        @never_cache
        @login_required
        @permission_required(permission, raise_exception=True)
        def wrapped(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


ANALYSIS_CACHE_SECONDS = 600


def _cached(request, name, compute, *args):
    """Figures cached per page and filter until any feedback changes (coe.cache's content
    version), so a busy week's repeat views cost nothing and are never stale."""
    if not settings.PAGE_CACHE_ENABLED:
        return compute(*args)
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]
    return get_or_compute(f"analysis:{name}:{query}", lambda: compute(*args), ANALYSIS_CACHE_SECONDS)


def _render(request, template, page, build=None):
    """The page from its shell (coe.shells): the filter, the figures and the charts are
    worked out and rendered once per address and content version, and a repeat view of an
    unchanged page is a lookup. `build(filterset)` gives the page's own context."""
    def context():
        filterset = analysis_filter(request)
        scope = filterset.scope
        return {"filter": filterset, "scope": scope, "by_council": scope.by_council, "page": page,
                "caution_below": CAUTION_BELOW, "nav_section": "analysis",
                **(build(filterset) if build else {})}

    user = request.user
    return render_page(request, template, context,
                       variant=(user.has_perm(EXPORT_PERMISSION), user.has_perm("comments.view_comment")))


@_needs(VIEW_PERMISSION)
def overview(request):
    def build(filterset):
        numbers = _cached(request, "overview", lambda scope: {
            **figures.overview(scope), "paper_parts": option_figures.paper_part_comments(scope)}, filterset.scope)
        return {"figures": numbers, "charts": charts.overview_charts(numbers, filterset.scope)}

    return _render(request, "analysis/overview.html", "overview", build)


@_needs(VIEW_PERMISSION)
def focus_area(request, slug):
    def build(filterset):
        area = get_object_or_404(FocusArea.objects.select_related("theme"), slug=slug)
        numbers = _cached(request, f"area-{area.pk}", rankings.focus_area_analysis, filterset.scope, area)
        return {"area": area, "figures": numbers, "charts": charts.focus_area_charts(numbers, area)}

    return _render(request, "analysis/focus_area.html", "ranking", build)


@_needs(VIEW_PERMISSION)
def options(request):
    def build(filterset):
        numbers = _cached(request, "options", option_figures.options_analysis, filterset.scope)
        return {"figures": numbers, "chart": charts.options_comparison_chart(numbers["options"])}

    return _render(request, "analysis/options.html", "options", build)


@_needs(VIEW_PERMISSION)
def option(request, slug):
    def build(filterset):
        option = get_object_or_404(DeliveryOption, slug=slug)
        numbers = _cached(request, f"option-{option.pk}", option_figures.option_analysis, filterset.scope, option)
        return {"option": option, "figures": numbers, "charts": charts.option_charts(numbers["summary"], option)}

    return _render(request, "analysis/option.html", "options", build)


@_needs(VIEW_PERMISSION)
def ranking(request):
    key = request.GET.get("sort", "usefulness")
    if key not in rankings.RANKING_SORTS:
        key = "usefulness"
    default_order = "asc" if key == "title" else "desc"
    order = request.GET.get("order") if request.GET.get("order") in ("asc", "desc") else default_order

    def build(filterset):
        numbers = _cached(request, "ranking",
                          lambda: rankings.ranking(filterset.scope, key, descending=order == "desc"))
        return {"figures": numbers, "columns": _sort_columns(key, order), "sort": key, "order": order,
                "sort_label": rankings.RANKING_SORTS[key]}

    return _render(request, "analysis/ranking.html", "ranking", build)


def _sort_columns(current: str, order: str) -> dict:
    """Per sortable column: its aria-sort value and the order its header link asks for."""
    columns = {}
    for key, label in rankings.RANKING_SORTS.items():
        first = "asc" if key == "title" else "desc"
        is_current = key == current
        columns[key] = {
            "key": key,
            "label": label,
            "aria_sort": ({"asc": "ascending", "desc": "descending"}[order] if is_current else "none"),
            "next_order": ({"asc": "desc", "desc": "asc"}[order] if is_current else first),
        }
    return columns


@_needs(VIEW_PERMISSION)
def matrix(request):
    def build(filterset):
        rows = _cached(request, "matrix", rankings.priority_matrix, filterset.scope)
        return {"rows": rows, "chart": charts.matrix_chart(rows, filterset.scope),
                "groups": charts.matrix_legend(filterset.scope), "few_answers": charts.few_answers(rows)}

    return _render(request, "analysis/matrix.html", "matrix", build)


@_needs(EXPORT_PERMISSION)
def export_list(request):
    return _render(request, "analysis/exports.html", "exports", lambda filterset: {"kinds": exports.KINDS})


@_needs(EXPORT_PERMISSION)
def export_table(request, kind, file_format):
    if kind not in exports.KINDS or file_format not in exports.FORMATS:
        raise Http404("No such export")
    filterset = analysis_filter(request)
    return exports.table_export(user=request.user, kind=kind, file_format=file_format,
                                scope=filterset.scope, filters=filterset.as_dict())

