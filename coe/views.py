from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from coe import health
from ideas.selectors import catalogue_overview


def start(request):
    return render(request, "start.html", {"overview": catalogue_overview()})


@never_cache
def healthz(request):
    checks = {"database": health.database_status(), "redis": health.redis_status()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors can be trusted here: render with the bare minimum.
    return render(request, "500.html", status=500)
