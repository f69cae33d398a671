"""Whole-page caching for anonymous readers, with explicit invalidation.

A newsletter sends hundreds of people, signed out, to the same few pages. Those pages are
cached in Redis under a content version; any change to what they show (a comment, a
response, a moderation decision, a catalogue edit) bumps the version once the transaction
commits, so the next reader gets a fresh page. Signed-in people are never served a cached
page, and neither is anyone carrying a cookie (a session, a flash message).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

CONTENT_VERSION_KEY = "content-version"
PAGE_TIMEOUT = 300  # also bounds how late the open/closed banner can be at a window's edge
ALLOWED_COOKIES = {"csrftoken"}


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(CONTENT_VERSION_KEY, version, None)
    return version


def _bump():
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, None)


def content_changed() -> None:
    """Call when anything anonymous pages show has changed.

    Bumps now, and again once the transaction commits: a reader between the two could
    have cached the old content under the new version, and the second bump retires it.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)


def versioned_key(name: str) -> str:
    return f"{name}:v{content_version()}"


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and not (set(request.COOKIES) - ALLOWED_COOKIES)
        and not request.user.is_authenticated
    )


def cache_anonymous_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{digest}:v{content_version()}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            response["Vary"] = "Cookie"
            return response
        response = view(request, *args, **kwargs)
        # A page that minted a CSRF token is personal: never share it.
        if response.status_code == 200 and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            if hasattr(response, "render"):
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        response["Vary"] = "Cookie"
        return response

    return wrapper
