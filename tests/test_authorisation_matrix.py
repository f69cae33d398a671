"""Every URL of the portal, as every kind of person, by GET and by POST, against a table.

The URLs come from the resolver, so a new URL fails `test_every_url_is_in_the_table` until
someone decides, in the table below, who may do what with it. Each row gives the outcome for
anonymous, the participant who owns the comment, another participant, a moderator and a staff
analyst, first for GET and then for POST (an empty body; forms answer 400 or 200 with errors):

    200, 400, 403, 404, 405, 429  the status code
    login                         302 to allauth's sign-in page
    admin-login                   302 to the admin's sign-in page
    302                           any other redirect

A single word stands for all five people. The admin's generated URLs are a family: its index,
fixed pages and custom views are rows; every registered model's changelist and change page
are requested and checked against ADMIN_MODEL_ACCESS; its add, delete, history and
object-redirect URLs are accounted for by ADMIN_FAMILY_RULES (the same ModelAdmin
permission checks as the change page, with the add permission for add).

MATRIX_RECORD=path writes the observed table there instead of asserting (to review a change).
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import summary

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "owner", "other", "moderator", "analyst")
METHODS = ("GET", "POST")
RECORD = os.environ.get("MATRIX_RECORD")


# --- Discovery ------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    route: str  # the full pattern, as written in the URLconfs: the table's key
    name: str | None  # namespaced, for reverse()


def discover(patterns=None, prefix="", namespace="") -> list[Route]:
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += discover(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            found.append(Route(prefix + str(entry.pattern), f"{namespace}{entry.name}" if entry.name else None))
    return found


ROUTES = discover()
ADMIN_MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label_lower)


def admin_model_route(model, suffix: str) -> str:
    return f"admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


# --- The table ------------------------------------------------------------
#           route: (GET: anonymous owner other moderator analyst, POST: the same)
EXPECTED = {
    # Public pages: anyone may read them; a POST is read as a GET.
    "": ("200", "200"),
    "healthz": ("200", "200"),
    "readyz": ("200", "200"),
    "ideas/": ("200", "200"),
    "ideas/themes/<slug:slug>/": ("200", "200"),
    "ideas/strands/<slug:slug>/": ("200", "200"),
    "ideas/<slug:slug>/": ("200", "200"),
    "ideas/<slug:area_slug>/<slug:slug>/": ("200", "200"),
    "delivery-models/": ("200", "200"),
    "delivery-models/compare/": ("200", "200"),
    "delivery-models/organisations/": ("200", "200"),
    "delivery-models/<slug:slug>/": ("200", "200"),
    "paper/<slug:part>/": ("200", "200"),
    # A participant's own pages and writes: sign in first; others' comments answer 404.
    "profile/": ("login 200 200 200 200", "login 400 400 400 400"),  # an empty form: its errors
    "your-response/": ("login 200 200 200 200", "login 200 200 200 200"),
    "your-response/check-your-answers/": ("login 200 200 200 200", "login 400 400 400 400"),
    "your-response/submitted/": ("login 302 302 302 302", "login 302 302 302 302"),
    "your-response/focus-areas/<slug:slug>/": ("302", "302"),
    "your-response/<slug:slug>/": ("login 200 200 200 200", "login 400 400 400 400"),
    "your-feedback/": ("login 200 200 200 200", "login 200 200 200 200"),
    "following/": ("login 200 200 200 200", "login 200 200 200 200"),
    "unsubscribe/<str:token>/": ("200", "200"),
    "comments/<int:pk>/": ("200", "200"),
    "comments/<int:pk>/reply/": ("login 200 200 200 200", "login 400 400 400 400"),
    "comments/<int:pk>/edit/": ("login 200 404 404 404", "login 400 404 404 404"),
    "comments/<int:pk>/withdraw/": ("login 200 404 404 404", "login 302 404 404 404"),
    "comments/<int:pk>/report/": ("login 404 200 200 200", "login 404 400 400 400"),
    "focus-areas/<slug:slug>/comments/": ("405", "login 400 400 400 400"),
    "focus-areas/<slug:slug>/follow/": ("405", "login 302 302 302 302"),
    "delivery-options/<slug:slug>/comments/": ("405", "login 400 400 400 400"),
    "ideas/<slug:area_slug>/<slug:slug>/comments/": ("405", "login 400 400 400 400"),
    "ideas/<slug:area_slug>/<slug:slug>/follow/": ("405", "login 302 302 302 302"),
    "paper/": ("200", "login 400 400 400 400"),
    "paper/<slug:part>/comments/": ("405", "login 400 400 400 400"),
    # Privacy: the notice is public; a person's data only their own.
    "privacy/": ("200", "405"),
    "your-account/download-your-data/": ("login 200 200 200 200", "405"),
    "your-account/delete/": ("login 200 200 200 200", "login 400 400 400 400"),
    "your-account/deleted/": ("302", "405"),
    # allauth: signed-in people are sent on; the key URLs carry real keys for the owner.
    "accounts/login/": ("200 302 302 302 302", "200 302 302 302 302"),
    "accounts/logout/": ("302 200 200 200 200", "302"),
    "accounts/inactive/": ("200", "405"),
    "accounts/signup/": ("200 302 302 302 302", "200 302 302 302 302"),
    "accounts/reauthenticate/": ("login 200 200 200 200", "login 200 200 200 200"),
    "accounts/email/": ("login 200 200 200 200", "login 302 302 302 302"),
    "accounts/confirm-email/": ("200", "405"),
    "accounts/password/change/": ("login 200 200 200 200", "login 200 200 200 200"),
    "accounts/password/set/": ("login 302 302 302 302", "login 302 302 302 302"),
    "accounts/password/reset/": ("200", "200"),
    "accounts/login/code/confirm/": ("login 302 302 302 302", "login 302 302 302 302"),
    'accounts/^confirm-email/(?P<key>[-:\\w]+)/$': ('200', 'login 302 login login login'),
    "accounts/password/reset/key/done/": ("200", "405"),
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": ("200", "200"),
    "accounts/password/reset/done/": ("200", "405"),
    # Analysis: only staff with analysis.view_analysis (the Analysts).
    "analysis/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/ranking/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/priority-matrix/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/focus-areas/<slug:slug>/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/delivery-options/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/delivery-options/<slug:slug>/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/exports/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/exports/<slug:kind>.<str:file_format>": ("login 403 403 403 200", "login 403 403 403 200"),
    # The public API and open data: anyone may read; nothing writes (read-only, 405).
    "api/": ("200", "200"),
    "api/v1/": ("302", "302"),
    "api/v1/openapi.json": ("200", "405"),
    "api/v1/themes/": ("200", "405"),
    "api/v1/strands/": ("200", "405"),
    "api/v1/focus-areas/": ("200", "405"),
    "api/v1/focus-areas/<slug>/": ("200", "405"),
    "api/v1/delivery-options/": ("200", "405"),
    "api/v1/comments/": ("200", "405"),
    "api/v1/scores/focus-areas/": ("200", "405"),
    "api/v1/scores/delivery-options/": ("200", "405"),
    "open-data/": ("200", "200"),
    "open-data/datapackage.json": ("200", "405"),
    "open-data/comments.csv": ("200", "405"),
    "open-data/<slug:name>.csv": ("200", "405"),
    # Themes: reading with analysis.view_analysis; changing needs themes.edit_themes, which the
    # Analysts group has (themes migration 0002). "You said, we did" is public.
    "analysis/themes/": ("login 403 403 403 200", "login 403 403 403 400"),
    "analysis/themes/<slug:slug>/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/themes/comment-themes.csv": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/themes/theme/<int:pk>/": ("login 403 403 403 200", "login 403 403 403 200"),
    "analysis/themes/theme/<int:pk>/<slug:action>/": ("405", "login 403 403 403 302"),
    "you-said-we-did/": ("200", "200"),
    # The admin: staff only; everyone else to the admin's sign-in page.
    "admin/": ("admin-login admin-login admin-login 200 200", "admin-login admin-login admin-login 200 200"),
    "admin/login/": ("login 403 403 302 302", "login 403 403 302 302"),  # to the one sign-in form
    "admin/logout/": ("302 302 302 405 405", "302 302 302 200 200"),
    "admin/password_change/": ("admin-login admin-login admin-login 200 200", "admin-login admin-login admin-login 200 200"),
    "admin/password_change/done/": ("admin-login admin-login admin-login 200 200", "admin-login admin-login admin-login 405 405"),
    "admin/autocomplete/": ("admin-login admin-login admin-login 403 403", "admin-login admin-login admin-login 405 405"),
    "admin/jsi18n/": ("admin-login admin-login admin-login 200 200", "admin-login admin-login admin-login 405 405"),
    "admin/r/<path:content_type_id>/<path:object_id>/": ("admin-login admin-login admin-login 302 302", "admin-login admin-login admin-login 302 302"),
    "admin/consultation/user/<id>/password/": ("admin-login admin-login admin-login 403 403", "admin-login admin-login admin-login 403 403"),
    "admin/digests/digestdelivery/preview/": ("admin-login admin-login admin-login 403 403", "admin-login admin-login admin-login 403 403"),
    "admin/digests/digestdelivery/preview/email/": ("admin-login admin-login admin-login 403 403", "admin-login admin-login admin-login 403 403"),
    "admin/^(?P<app_label>auth|account|ideas|models_of_delivery|consultation|comments|moderation|responses|themes|imports|digests)/$": ("admin-login admin-login admin-login 200 404", "admin-login admin-login admin-login 200 404"),
    "admin/(?P<url>.*)$": ("admin-login admin-login admin-login 404 404", "admin-login admin-login admin-login 404 404"),
}

# Which models' admin pages each staff group may open (their view permissions).
MODERATOR_SEES = {
    "comments.comment", "comments.report", "moderation.moderationdecision",
    "moderation.moderationsettings", "comments.officialresponse", "ideas.focusarea",
}
# What POSTing an empty form to a change page does, for the models a moderator may change.
MODERATOR_CHANGES = {"comments.comment", "moderation.moderationsettings",
                     "comments.officialresponse"}

# Generated admin URLs not requested one by one, and why that is safe.
ADMIN_FAMILY_RULES = [
    (r"add/$", "the add page: ModelAdmin.has_add_permission, the same check family as change"),
    (r"<path:object_id>/delete/$", "the delete page: ModelAdmin.has_delete_permission"),
    (r"<path:object_id>/history/$", "the history page: ModelAdmin.has_view_or_change_permission"),
    (r"<path:object_id>/$", "redirects to the change page, which is requested"),
]


def admin_model_expected(model, page: str) -> tuple[str, str]:
    label = model._meta.label_lower
    moderator = "200" if label in MODERATOR_SEES else "403"
    if page == "changelist":
        # An empty POST to a changelist is a bulk action with nothing chosen: the list again.
        post_moderator = moderator
        return (f"admin-login admin-login admin-login {moderator} 403",
                f"admin-login admin-login admin-login {post_moderator} 403")
    post_moderator = "200" if label in MODERATOR_CHANGES else "403"
    return (f"admin-login admin-login admin-login {moderator} 403",
            f"admin-login admin-login admin-login {post_moderator} 403")


def admin_rule_for(route: str) -> str | None:
    for model in ADMIN_MODELS:
        base = admin_model_route(model, "")
        if route.startswith(base):
            rest = route[len(base):]
            if rest in ("", "<path:object_id>/change/"):
                return "requested"
            for pattern, reason in ADMIN_FAMILY_RULES:
                if re.fullmatch(pattern.replace("$", ""), rest):
                    return reason
    return None


def expand(outcomes: str) -> list[str]:
    words = outcomes.split()
    return words * len(ROLES) if len(words) == 1 else words


# --- The world each row is requested in ------------------------------------
@pytest.fixture
def world(catalogue, consultation, local_authorities):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC
    from allauth.account.utils import user_pk_to_url_str

    from consultation.comments.models import Comment, OfficialResponse, Report
    from consultation.digests import sending
    from consultation.digests.models import DigestDelivery
    from consultation.moderation.models import ModerationDecision
    from consultation.people import staff_groups as roles_staff
    from ideas.models import DeliveryStrand, FocusArea, Idea, Theme
    from models_of_delivery.models import DeliveryOption
    from tests.factories import (
        CommentFactory,
        FollowFactory,
        ImportedRecordFactory,
        ResponseFactory,
        ResponseLinkFactory,
        StaffRecordFactory,
        ThemeAssignmentFactory,
        ThemeChangeFactory,
        UserFactory,
    )

    if not Group.objects.filter(name=roles_staff.MODERATORS).exists():
        roles_staff.sync_staff_groups(Group, Permission)
    people = {
        "owner": UserFactory(display_name="Owner"),
        "other": UserFactory(display_name="Other"),
        "moderator": UserFactory(is_staff=True, display_name="Moderator"),
        "analyst": UserFactory(is_staff=True, display_name="Analyst"),
    }
    people["moderator"].groups.add(Group.objects.get(name=roles_staff.MODERATORS))
    people["analyst"].groups.add(Group.objects.get(name=roles_staff.ANALYSTS))
    owner = people["owner"]
    area = FocusArea.objects.get(slug="improving-data-quality")
    idea = Idea.objects.filter(focus_area=area).first()
    comment = CommentFactory(author=owner, focus_area=area, state=Comment.State.PUBLISHED)
    # One row of every model the admin shows, for its change page.
    FollowFactory(follower=owner, focus_area=area)
    ResponseFactory(respondent=owner, consultation=consultation)
    Report.objects.create(comment=comment, reporter=people["other"], reason="spam")
    ModerationDecision.objects.create(comment=comment, moderator=people["moderator"],
                                      from_state="published", to_state="published", reason="Checked")
    OfficialResponse.objects.create(focus_area=area, body="We listened.", author=people["moderator"])
    DigestDelivery.objects.create(kind="followers", period_start="2026-01-05", recipient=owner)
    found_theme = ThemeAssignmentFactory(comment=comment).theme
    ThemeChangeFactory(theme=found_theme), ResponseLinkFactory(theme=found_theme)
    ImportedRecordFactory()  # and its import run
    StaffRecordFactory(recorded_by=people["moderator"])
    address = EmailAddress.objects.create(user=owner, email=owner.email, verified=False, primary=True)
    return {
        "people": people,
        "values": {
            "area": area, "idea": idea, "comment": comment,
            "theme": Theme.objects.first(), "strand": DeliveryStrand.objects.first(),
            "option": DeliveryOption.objects.first(), "found_theme": found_theme,
            "token": sending.unsubscribe_token(owner, DigestDelivery.Kind.FOLLOWERS),
            "confirm_key": EmailConfirmationHMAC(address).key,
            "uidb36": user_pk_to_url_str(owner),
            "reset_key": default_token_generator.make_token(owner),
        },
    }


def path_for(route: Route, v: dict) -> str:
    """A concrete path for a route, with real objects' values in its converters."""
    comment, area, idea = v["comment"], v["area"], v["idea"]
    kwargs = {
        "ideas/themes/<slug:slug>/": {"slug": v["theme"].slug},
        "ideas/strands/<slug:slug>/": {"slug": v["strand"].slug},
        "ideas/<slug:slug>/": {"slug": area.slug},
        "your-response/focus-areas/<slug:slug>/": {"slug": area.slug},
        "your-response/<slug:slug>/": {"slug": area.theme.slug},
        "ideas/<slug:area_slug>/<slug:slug>/": {"area_slug": area.slug, "slug": idea.slug},
        "delivery-models/<slug:slug>/": {"slug": v["option"].slug},
        "unsubscribe/<str:token>/": {"token": v["token"]},
        "focus-areas/<slug:slug>/comments/": {"slug": area.slug},
        "focus-areas/<slug:slug>/follow/": {"slug": area.slug},
        "delivery-options/<slug:slug>/comments/": {"slug": v["option"].slug},
        "ideas/<slug:area_slug>/<slug:slug>/comments/": {"area_slug": area.slug, "slug": idea.slug},
        "ideas/<slug:area_slug>/<slug:slug>/follow/": {"area_slug": area.slug, "slug": idea.slug},
        "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": {"key": v["confirm_key"]},
        "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$":
            {"uidb36": v["uidb36"], "key": v["reset_key"]},
        "analysis/focus-areas/<slug:slug>/": {"slug": area.slug},
        "api/v1/focus-areas/<slug>/": {"slug": area.slug},
        "open-data/<slug:name>.csv": {"name": "focus-areas"},
        "analysis/themes/<slug:slug>/": {"slug": "all"},
        "analysis/themes/theme/<int:pk>/": {"pk": v["found_theme"].pk},
        "analysis/themes/theme/<int:pk>/<slug:action>/": {"pk": v["found_theme"].pk, "action": "sign-off"},
        "analysis/delivery-options/<slug:slug>/": {"slug": v["option"].slug},
        "paper/<slug:part>/": {"part": "context"},
        "paper/<slug:part>/comments/": {"part": "context"},
        "analysis/exports/<slug:kind>.<str:file_format>": {"kind": "responses", "file_format": "csv"},
        "admin/consultation/user/<id>/password/": {"id": v["comment"].author_id},
        "admin/r/<path:content_type_id>/<path:object_id>/":
            {"content_type_id": ContentType.objects.get_for_model(comment).pk, "object_id": comment.pk},
        "admin/^(?P<app_label>auth|account|ideas|models_of_delivery|consultation|comments|moderation|responses|themes|imports|digests)/$":
            {"app_label": "comments"},
    }.get(route.route)
    if kwargs is None and "<int:pk>" in route.route:
        kwargs = {"pk": comment.pk}
    if route.name is None:
        if route.route == "admin/(?P<url>.*)$":
            return "/admin/no-such-page/"
        raise AssertionError(f"no way to build a path for unnamed route {route.route!r}")
    return reverse(route.name, kwargs=kwargs or {})


def outcome(response) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith(reverse("account_login")):
            return "login"
        if location.startswith(reverse("admin:login")):
            return "admin-login"
        return "302"
    return str(response.status_code)


_CLIENTS = []


def shared_client() -> Client:
    """One client for the whole matrix: each new Client loads the middleware again, and
    whitenoise's rescan of the static files costs a third of a second."""
    if not _CLIENTS:
        _CLIENTS.append(Client())
    return _CLIENTS[0]


def observe(world, path: str) -> dict[str, list[str]]:
    """Each role, each method, each request in a savepoint rolled back afterwards."""
    seen = {method: [] for method in METHODS}
    client = shared_client()
    for method in METHODS:
        for role in ROLES:
            client.logout()
            if role != "anonymous":
                client.force_login(world["people"][role])
            sid = transaction.savepoint()
            try:
                response = client.get(path) if method == "GET" else client.post(path)
            finally:
                transaction.savepoint_rollback(sid)
            seen[method].append(outcome(response))
            summary.count("matrix_requests")
    return seen


def check(world, path: str, expected: tuple[str, str], key: str):
    seen = observe(world, path)
    if RECORD:
        with Path(RECORD).open("a") as out:
            out.write(f"    {key!r}: ({' '.join(seen['GET'])!r}, {' '.join(seen['POST'])!r}),\n")
        return
    wanted = {"GET": expand(expected[0]), "POST": expand(expected[1])}
    problems = [
        f"{method} {path} as {role}: expected {want}, got {got}"
        for method in METHODS
        for role, want, got in zip(ROLES, wanted[method], seen[method], strict=True)
        if want != got
    ]
    assert not problems, "\n".join(problems)


# --- The tests --------------------------------------------------------------
def test_every_url_is_in_the_table():
    missing = [
        r.route for r in ROUTES
        if r.route not in EXPECTED and not (r.route.startswith("admin/") and admin_rule_for(r.route))
    ]
    stale = sorted(set(EXPECTED) - {r.route for r in ROUTES})
    assert not missing, f"URLs with no row in EXPECTED (decide who may use them): {missing}"
    assert not stale, f"rows in EXPECTED for URLs that no longer exist: {stale}"
    for route, (get, post) in EXPECTED.items():
        assert len(expand(get)) == len(expand(post)) == len(ROLES), route


@pytest.mark.parametrize("route", [r for r in ROUTES if not admin_rule_for(r.route)], ids=lambda r: r.route)
def test_url(world, route):
    if route.route not in EXPECTED and not RECORD:
        pytest.fail(f"{route.route!r} has no row in EXPECTED: decide who may use it")
    check(world, path_for(route, world["values"]), EXPECTED.get(route.route, ("-", "-")), route.route)


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.label_lower)
def test_admin_model_pages(world, model):
    instance = model.objects.order_by("pk").first()
    assert instance is not None, f"the world has no {model._meta.label}: add one to the fixture"
    info = (model._meta.app_label, model._meta.model_name)
    for page, args in (("changelist", []), ("change", [instance.pk])):
        path = reverse("admin:{}_{}_{}".format(*info, page), args=args)
        check(world, path, admin_model_expected(model, page), f"{model._meta.label_lower} {page}")


def test_every_url_is_accounted_for_once_and_every_family_rule_is_used():
    """The figures the run reports add up: each URL is a table row, a requested admin model
    page or covered by one family rule; no rule is left matching nothing."""
    in_table = [r.route for r in ROUTES if r.route in EXPECTED]
    ruled = {r.route: admin_rule_for(r.route) for r in ROUTES if admin_rule_for(r.route)}
    assert not set(in_table) & set(ruled), "URLs both in the table and covered by the admin family"
    requested = [route for route, rule in ruled.items() if rule == "requested"]
    by_family_rule = [route for route, rule in ruled.items() if rule != "requested"]
    assert len(requested) == 2 * len(ADMIN_MODELS)  # each model's changelist and change page
    for _pattern, reason in ADMIN_FAMILY_RULES:
        covered = sum(rule == reason for rule in ruled.values())
        assert covered == len(ADMIN_MODELS), f"{reason}: covers {covered} URLs, not one per admin model"
    assert len(in_table) + len(requested) + len(by_family_rule) == len(ROUTES)

    urls = len(EXPECTED) + len(requested)
    summary.line(
        f"Authorisation matrix: {len(ROUTES)} URL patterns discovered "
        f"({len(in_table)} in the table, {len(requested)} admin model pages requested, "
        f"{len(by_family_rule)} admin model URLs covered by family rules); "
        f"{urls} URLs x {len(ROLES)} roles x {len(METHODS)} methods = {urls * len(ROLES) * len(METHODS)} requests"
    )
