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
import secrets
from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

from coe import cache_recovery as recovery
from coe.local_copies import MISSING, copies

CONTENT_VERSION_KEY = "content-version"
PAGE_TIMEOUT = 300  # also bounds how late the open/closed banner can be at a window's edge
PAGE_LOCAL_TIMEOUT = 15  # a process's own copy of a page (coe/local_copies.py) adds at most this
FIGURES_TIMEOUT = 3600
ALLOWED_COOKIES = {"csrftoken"}
# The version is read once per request (AnonymousPageCacheMiddleware marks a request with
# 0 until it is read): a page's counts and fragments then cost one Redis round trip for it,
# not one each. A change made by the request itself forgets it (_bump). None: no request.
_request_version: ContextVar[int | None] = ContextVar("content_version", default=None)
# Paths this process has stored a page for: the middleware looks only these up, so other
# requests (the admin, forms, the API) pay nothing for it.
_cached_paths: set[str] = set()


# --- The content version -----------------------------------------------------------------


def content_version() -> int:
    remembered = _request_version.get()
    if remembered:
        return remembered
    recovery.settle(_bump)
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, _fresh_version(), None)
        version = cache.get(CONTENT_VERSION_KEY) or _fresh_version()
    if remembered is not None:
        _request_version.set(version)
    return version


def _fresh_version() -> int:
    """Where the count starts when Redis has none (a restart keeps nothing): a random
    point, never 1 again, so no process's local copy of an older version's value
    (coe/local_copies.py) can answer for the new one."""
    return secrets.randbits(52) + 1


def _bump():
    if _request_version.get() is not None:
        _request_version.set(0)
    trips = recovery.trips()
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, _fresh_version(), None)
    if recovery.bump_missed(trips):  # Redis has not heard: every process must (coe/cache_recovery.py)
        recovery.owe_change()


def content_changed() -> None:
    """Call when anything the cached pages, counts or figures show has changed.

    Bumps now, and again once the transaction commits: a reader between the two could
    have cached the old content under the new version, and the second bump retires it.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)


def versioned_key(name: str) -> str:
    return f"{name}:v{content_version()}"


def get_or_compute(name: str, compute: Callable, timeout: int = FIGURES_TIMEOUT, *, versioned: bool = True,
                   copied: bool = False):
    """The value cached under `name`, computed on a miss. Versioned values go stale with any
    content change; an unversioned one is dropped by its owner (`cache.delete(name)`).

    `copied` (unversioned only): each process also keeps its own copy while the content
    version stands, so the owner's models must be among those that move it. A change then
    costs one Redis read per process, not a recomputation, which a versioned key would."""
    if not versioned:
        recovery.unversioned.add(name)
        if not copied:
            return cache.get_or_set(name, compute, timeout)
        return _versioned_get_or_set(versioned_key(f"copy:{name}"), lambda: cache.get_or_set(name, compute, timeout),
                                     timeout, remote=False)
    return _versioned_get_or_set(versioned_key(name), compute, timeout)


def cached_fragment(name: str, build: Callable, timeout: int = FIGURES_TIMEOUT, *,
                    may_store: Callable[[], bool] | None = None):
    """Rendered HTML every reader shares (a page of comment threads), under the content
    version: rendered once, not once per reader. Off with the page cache (PAGE_CACHE_ENABLED).
    `may_store`, asked on a miss, can keep a value out of the cache (room_for_variant)."""
    if not settings.PAGE_CACHE_ENABLED:
        return build()
    return _versioned_get_or_set(versioned_key(name), build, timeout, may_store=may_store)


def _versioned_get_or_set(key: str, compute: Callable, timeout: int, *, remote: bool = True,
                          may_store: Callable[[], bool] | None = None):
    """This process's copy first (a versioned value never changes), then Redis, then compute;
    a computed value is kept only if `may_store` (when given) says so."""
    value = copies.get(key)
    if value is not MISSING:
        return value
    if not remote:
        value = compute()
    elif may_store is None:
        value = cache.get_or_set(key, compute, timeout)
    elif (value := cache.get(key)) is None:
        value = compute()
        if not may_store():
            return value
        cache.set(key, value, timeout)
    copies.put(key, value, timeout)
    return value


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


MAX_QUERY_VARIANTS = 50


def room_for_variant(request) -> bool:
    """Whether to store a page whose address has a query string: only the first
    MAX_QUERY_VARIANTS of each path under one content version. Anyone can make up query
    strings (`?junk=1`, `?junk=2`...), and each would otherwise store a whole page."""
    if not request.META.get("QUERY_STRING"):
        return True
    key = versioned_key(f"variants:{hashlib.sha256(request.path.encode()).hexdigest()[:32]}")
    try:
        cache.add(key, 0, PAGE_TIMEOUT)
        return cache.incr(key) <= MAX_QUERY_VARIANTS
    except ValueError:  # gone between the two calls: store nothing rather than guess
        return False


def _page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{digest}:v{content_version()}"


def _cached_page(key):
    cached = copies.get(key)
    if cached is MISSING:
        cached = cache.get(key)
        if cached is None:
            return None
        copies.put(key, cached, PAGE_LOCAL_TIMEOUT)
    content, content_type = cached
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = "hit"
    response["Vary"] = "Cookie"
    response["Content-Length"] = str(len(content))
    return response


def cache_anonymous_page(view=None, *, early: bool = True):
    """Stores the page for signed-out readers; AnonymousPageCacheMiddleware serves it,
    before sessions, CSRF, authentication and URL routing (this serves it too without).
    `early=False` keeps a view's own wrapping (the API's limits and CORS headers) in the way:
    the middleware never serves that path."""
    if view is None:
        return lambda view: cache_anonymous_page(view, early=early)

    def remember(path):
        if early:
            _cached_paths.add(path)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        cached = _cached_page(key)
        if cached is not None:
            remember(request.path)  # stored by another process: look it up early next time
            return cached
        response = view(request, *args, **kwargs)
        # A page that minted a CSRF token or a CSP nonce is personal: never share it.
        if (response.status_code == 200 and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                and not isinstance(getattr(request, "_csp_nonce", None), str) and room_for_variant(request)):
            if hasattr(response, "render"):
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
            copies.put(key, (response.content, response["Content-Type"]), PAGE_LOCAL_TIMEOUT)
            remember(request.path)
            response["X-Page-Cache"] = "miss"
        response["Vary"] = "Cookie"
        return response

    return wrapper


class AnonymousPageCacheMiddleware:
    """Serves the pages `cache_anonymous_page` stored, as early as it can: after the
    middleware that adds headers to every response (security, CSP, permissions, framing)
    and before sessions, CSRF, authentication, messages and URL routing, none of which a
    signed-out GET without cookies needs. Anything else goes on down the stack.

    It looks up only the paths this process has stored a page for, and reads the content
    version once for the whole request (see _request_version).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(0)
        try:
            if (request.path in _cached_paths and settings.PAGE_CACHE_ENABLED and request.method == "GET"
                    and not (set(request.COOKIES) - ALLOWED_COOKIES) and "HTTP_AUTHORIZATION" not in request.META):
                request.get_host()  # an unknown Host is refused (400) here as it would be below
                cached = _cached_page(_page_key(request))
                if cached is not None:
                    return cached
            return self.get_response(request)
        finally:
            _request_version.reset(token)
