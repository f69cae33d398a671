"""The one cache module: content versions, get-or-compute, whole pages for signed-out readers.

A newsletter sends hundreds of people, signed out, to the same few pages. Those pages, the
counts on them and the analysis figures are cached under one *content version*; any change
to what they show bumps the version once the transaction commits, so the next reader gets
fresh content (docs/decisions/0005). Each app declares, in its AppConfig.ready(), which of
its own models change that content (`content_depends_on`); no app wires another's signals.

Rendered fragments every reader shares (a page of comment threads) are cached the same way
(`cached_fragment`); what differs per person is added to them per request.

Signed-in people are never served a cached page, nor is anyone carrying a cookie (a
session, a flash message). The cache itself fails open (coe/cache_backend.py).
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

CONTENT_VERSION_KEY = "content-version"
PAGE_TIMEOUT = 300  # also bounds how late the open/closed banner can be at a window's edge
FIGURES_TIMEOUT = 3600
ALLOWED_COOKIES = {"csrftoken"}


# --- The content version -----------------------------------------------------------------


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
    """Call when anything the cached pages, counts or figures show has changed.

    Bumps now, and again once the transaction commits: a reader between the two could
    have cached the old content under the new version, and the second bump retires it.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)


def versioned_key(name: str) -> str:
    return f"{name}:v{content_version()}"


def get_or_compute(name: str, compute: Callable, timeout: int = FIGURES_TIMEOUT, *, versioned: bool = True):
    """The value cached under `name`, computed on a miss. Versioned values go stale with any
    content change; an unversioned one is dropped by its owner (`cache.delete(name)`)."""
    return cache.get_or_set(versioned_key(name) if versioned else name, compute, timeout)


def cached_fragment(name: str, build: Callable, timeout: int = FIGURES_TIMEOUT):
    """Rendered HTML every reader shares (a page of comment threads), under the content
    version: rendered once, not once per reader. Off with the page cache (PAGE_CACHE_ENABLED)."""
    if not settings.PAGE_CACHE_ENABLED:
        return build()
    return cache.get_or_set(versioned_key(name), build, timeout)


# --- Which models change the content (declared by each app) -------------------------------


def content_depends_on(*models, when: Callable | None = None, ignore_fields=frozenset()) -> None:
    """Saving or deleting any of these models changes cached content.

    `when(instance)` limits which saves count; a save whose `update_fields` are all in
    `ignore_fields` does not count (signing in touches `last_login`, which no page shows).
    """

    def saved(sender, instance, update_fields=None, **kwargs):
        if update_fields is not None and set(update_fields) <= set(ignore_fields):
            return
        if when is None or when(instance):
            content_changed()

    def changed(sender, **kwargs):
        content_changed()

    for model in models:
        uid = f"content-{model._meta.label}"
        if model._meta.auto_created:  # a many-to-many table
            m2m_changed.connect(changed, sender=model, dispatch_uid=uid, weak=False)
            continue
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-delete", weak=False)


# --- Whole pages for signed-out readers ----------------------------------------------------


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
