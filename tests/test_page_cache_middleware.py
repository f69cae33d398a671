"""Signed-out readers' cached pages are served before sessions, CSRF, authentication and
routing (coe.cache.AnonymousPageCacheMiddleware), with every header a fresh page has."""

import pytest
from django.conf import settings as django_settings
from django.template import engines

pytestmark = pytest.mark.django_db

HEADERS = ["Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "X-Content-Type-Options",
           "Referrer-Policy", "Cross-Origin-Opener-Policy", "Vary", "Content-Type"]


def test_a_hit_is_served_before_the_session_and_url_routing(client, consultation, area, django_assert_num_queries,
                                                             monkeypatch):
    miss = client.get(area.get_absolute_url())
    assert miss["X-Page-Cache"] == "miss"

    def no_routing(*args, **kwargs):
        raise AssertionError("a cached page should be served before URL routing")

    monkeypatch.setattr("django.core.handlers.base.BaseHandler.resolve_request", no_routing)
    with django_assert_num_queries(0):
        hit = client.get(area.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit" and hit.content == miss.content
    assert int(hit["Content-Length"]) == len(hit.content)
    for header in HEADERS:
        assert hit.get(header) == miss.get(header), header
    assert not hit.cookies


def test_the_middleware_sits_after_the_header_middleware_and_before_sessions():
    order = django_settings.MIDDLEWARE
    cache_at = order.index("coe.cache.AnonymousPageCacheMiddleware")
    for above in ("django.middleware.security.SecurityMiddleware", "csp.middleware.CSPMiddleware",
                  "coe.middleware.PermissionsPolicyMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"):
        assert order.index(above) < cache_at, above
    for below in ("django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.csrf.CsrfViewMiddleware",
                  "django.contrib.auth.middleware.AuthenticationMiddleware",
                  "django.contrib.messages.middleware.MessageMiddleware"):
        assert cache_at < order.index(below), below


def test_signed_in_readers_and_cookie_bearers_go_down_the_whole_stack(client, consultation, participant, area):
    client.get(area.get_absolute_url())
    client.force_login(participant)
    page = client.get(area.get_absolute_url())
    assert "X-Page-Cache" not in page and b"Post comment" in page.content
    other = type(client)()
    other.cookies["messages"] = "something"
    assert "X-Page-Cache" not in other.get(area.get_absolute_url())


def test_an_unknown_host_is_refused_even_for_a_cached_page(client, consultation, area):
    client.get(area.get_absolute_url())
    assert client.get(area.get_absolute_url(), HTTP_HOST="evil.example.com").status_code == 400


def test_a_page_that_used_a_csp_nonce_is_not_stored(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from coe.cache import cache_anonymous_page

    @cache_anonymous_page
    def with_nonce(request):
        request._csp_nonce = "abc123"  # what django-csp sets once a template asks for the nonce
        return HttpResponse("nonce here")

    request = rf.get("/with-nonce/")
    request.user = AnonymousUser()
    assert "X-Page-Cache" not in with_nonce(request)


def test_templates_are_parsed_once_per_process():
    loaders = engines["django"].engine.template_loaders
    assert [type(loader).__module__ for loader in loaders] == ["django.template.loaders.cached"]


def test_paths_never_cached_cost_the_middleware_no_cache_lookup(client, consultation, monkeypatch):
    from coe import cache as page_cache

    looked_up = []
    monkeypatch.setattr(page_cache, "_cached_page", lambda key: looked_up.append(key))
    assert client.get("/healthz").status_code in (200, 503)
    assert client.get("/accounts/login/").status_code == 200
    assert looked_up == []


def test_a_page_another_process_stored_is_served_early_here_too(client, consultation, area, monkeypatch):
    from coe import cache as page_cache

    client.get(area.get_absolute_url())  # stored
    monkeypatch.setattr(page_cache, "_cached_paths", set())  # a fresh process knows no paths
    assert client.get(area.get_absolute_url())["X-Page-Cache"] == "hit"  # by the decorator, which learns it
    assert area.get_absolute_url() in page_cache._cached_paths


def test_made_up_query_strings_cannot_fill_the_cache(client, consultation, area, participant, monkeypatch):
    """Anyone can invent query strings (`?junk=1`, `?junk=2`...); each stored a whole page, for
    signed-out readers and as a signed-in shell. Only the first few of each path are stored
    under one content version; the rest are still served, whole."""
    from coe import shells

    monkeypatch.setattr("coe.cache.MAX_QUERY_VARIANTS", 3)
    stored = [client.get(f"{area.get_absolute_url()}?junk={n}").get("X-Page-Cache") for n in range(6)]
    assert stored == ["miss", "miss", "miss", None, None, None]
    assert client.get(f"{area.get_absolute_url()}?junk=1")["X-Page-Cache"] == "hit"
    assert client.get(area.get_absolute_url())["X-Page-Cache"] == "miss"  # no query string: always stored

    built = []
    monkeypatch.setattr(shells, "render_to_string", lambda *a, **k: built.append(1) or "<p>page</p>")
    client.force_login(participant)
    idea = area.ideas.first().get_absolute_url()
    for _ in range(2):  # the first three shells answer again without a render; the others render each time
        for n in range(6):
            assert client.get(f"{idea}?junk={n}").status_code == 200
    assert len(built) == 9
