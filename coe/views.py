from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from coe import health
from coe.cache import cache_anonymous_page
from ideas.selectors import catalogue_overview


@cache_anonymous_page
def start(request):
    return render(request, "start.html", {"overview": catalogue_overview()})


@never_cache
def healthz(request):
    """Liveness, for a load balancer: the process answers and the database works. Redis is
    left out on purpose: the portal serves without it (README "Faults")."""
    database = health.database_status()
    healthy = database == "ok"
    return JsonResponse({"status": "ok" if healthy else "unavailable", "checks": {"database": database}},
                        status=200 if healthy else 503)


@never_cache
def readyz(request):
    """Readiness and detail for operators: Redis down is "degraded", still 200 (pages work
    uncached, tasks wait in the outbox); only a database failure is 503."""
    checks = {"database": health.database_status(), "redis": health.redis_status()}
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["redis"] == "down":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


def bad_request(request, exception):
    # Also the answer to a request over DATA_UPLOAD_MAX_MEMORY_SIZE or _NUMBER_FIELDS.
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    # settings.CSRF_FAILURE_VIEW: an expired session or blocked cookies, told plainly.
    return render(request, "403.html", {"csrf_failure": True}, status=403)


def _api(request) -> bool:
    return request.path.startswith("/api/v1/")  # a program reads these: answer in JSON


def page_not_found(request, exception):
    if _api(request):
        return JsonResponse({"detail": "Not found: see /api/ for the addresses."}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    if _api(request):
        return JsonResponse({"detail": "Something went wrong on our side: try again later."}, status=500)
    # No context processors can be trusted here: render with the bare minimum.
    return render(request, "500.html", status=500)
