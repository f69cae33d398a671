import contextvars
import logging
from urllib.parse import unquote_plus

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import BadRequest
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import Resolver404, resolve

from coe.rate_limits import client_ip

current_client_ip = contextvars.ContextVar("current_client_ip", default="-")


class PermissionsPolicyMiddleware:
    """Switches off the browser features in settings.PERMISSIONS_POLICY (camera, microphone,
    geolocation, payment and the like) for every response, the admin's included."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class AccountRequestMiddleware:
    """What accounts need around a view:

    - Sets the cookies a lower layer asked for on request.cookies_to_set, as (name, kwargs)
      pairs (the sign-in adapter's "known device" cookie), without it needing the response.
    - Answers to a signed-in person (their email, their unpublished words) get
      `Cache-Control: private, no-cache` unless the view said otherwise, so no shared proxy
      keeps them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, options in getattr(request, "cookies_to_set", []):
            response.set_cookie(name, **options)
        if "Cache-Control" not in response and self._signed_in(request):
            response["Cache-Control"] = "private, no-cache"
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        # Only a view that read the session can have shown the person anything of theirs; not
        # reading it here keeps `Vary: Cookie` off answers that never looked (the API's).
        session = getattr(request, "session", None)
        return session is not None and session.accessed and SESSION_KEY in session


class ClientAddressMiddleware:
    """Remembers the client's real address (ALLAUTH_TRUSTED_PROXY_COUNT) for the log lines
    of this request: see ClientAddressFilter and LOGGING in settings."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Not reset afterwards: Django logs a 4xx or 5xx answer after the middleware returns,
        # and each request sets its own address first.
        current_client_ip.set(client_ip(request))
        return self.get_response(request)


class ClientAddressFilter(logging.Filter):
    def filter(self, record):
        record.client_ip = current_client_ip.get()
        return True


PAGE_METHODS = "GET, HEAD, POST, OPTIONS"


class OddRequestMiddleware:
    """Answers requests no page is written for, before a view treats them as a GET.

    - A NUL character in an address's path, or in the query of the admin or the API, which
      look values up as given: PostgreSQL refuses text holding one, so an API slug or an admin
      list filter with it raised a 500. Our own pages' forms refuse it with a message.
    - A method other than GET, HEAD and POST (PUT, DELETE, TRACE...): 405. OPTIONS gets the
      list. Views that answer methods themselves (the API's `public_read`) say so with
      `handles_methods`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        in_query = path.startswith(("/admin/", "/api/")) and "\x00" in unquote_plus(request.META.get("QUERY_STRING", ""))
        if "\x00" in path or in_query:
            if path.startswith("/api/"):
                return JsonResponse({"detail": "The address contains a character that is not allowed."}, status=400)
            raise BadRequest("NUL character in the address")
        if request.method not in ("GET", "HEAD", "POST") and not self._handles_methods(request):
            response = HttpResponse(status=204) if request.method == "OPTIONS" else HttpResponseNotAllowed([])
            response["Allow"] = PAGE_METHODS
            return response
        return self.get_response(request)

    @staticmethod
    def _handles_methods(request) -> bool:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return True  # the page that is not there answers 404 as usual
        return getattr(match.func, "handles_methods", False)
