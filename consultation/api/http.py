"""What every public read (the API and the open-data files) does around its view: read-only
CORS, HEAD and OPTIONS, the abuse limit, and the whole-response cache by content version."""

import json
from functools import wraps

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from coe.cache import cache_anonymous_page
from coe.rate_limits import rate_limit_consume

ALLOWED = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    # Any site may read; none may send credentials (no Allow-Credentials), nor write.
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ALLOWED,
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "Retry-After, X-Page-Cache",
    "Access-Control-Max-Age": "86400",
}
BROWSER_CACHE_SECONDS = 60


def problem(status: int, detail: str, **headers) -> HttpResponse:
    response = HttpResponse(json.dumps({"detail": detail}), status=status, content_type="application/json")
    for name, value in headers.items():
        response[name] = value
    return response


def public_read(view=None, *, cache=True):
    """Wraps a view that anyone may GET: anonymous, rate-limited, CORS read-only and, unless
    it streams (`cache=False`), cached whole by content version."""
    if view is None:
        return lambda view: public_read(view, cache=cache)
    cached = cache_anonymous_page(view, early=False) if cache else view

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED
        elif request.method not in ("GET", "HEAD"):
            response = problem(405, "This is read-only: use GET.", Allow=ALLOWED)
        elif (wait := rate_limit_consume(request, "api")) is not None:
            response = problem(429, f"Too many requests: try again in {wait} seconds.", **{"Retry-After": str(wait)})
        else:
            head = request.method == "HEAD"
            request.method = "GET"  # HEAD is a GET without the body
            response = cached(request, *args, **kwargs)
            if head and not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    wrapper.csrf_exempt = True  # nothing here writes
    wrapper.handles_methods = True  # OPTIONS and the 405 above, not the pages' (coe.middleware)
    return wrapper
