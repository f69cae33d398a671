"""The public API as a stranger uses it: the catalogue, published comments without names,
filters and cursors, suppressed scores, screening, caching, limits and CORS."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.analysis.figures import score_summaries, summary_for
from consultation.analysis.scope import Scope
from ideas.models import Idea
from models_of_delivery.models import DeliveryOption
from tests.api.conftest import FLAGGED
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def get(client, name, *args, **params):
    response = client.get(reverse(f"api:{name}", args=args), params)
    assert response.status_code == 200, response.content
    return response.json()


def all_pages(client, **params) -> tuple[list[dict], int, int]:
    """Every comment by following `next`; also the withheld total and the number of pages."""
    results, withheld, pages, cursor = [], 0, 0, None
    while True:
        page = get(client, "comments", **params, **({"cursor": cursor} if cursor else {}))
        results += page["results"]
        withheld += page["withheld"]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            return results, withheld, pages


def test_the_catalogue(client, catalogue):
    areas = get(client, "focus_areas")
    assert len(areas) == 13
    assert sum(len(area["ideas"]) for area in areas) == Idea.objects.count() == 39
    quality = get(client, "focus_area", "improving-data-quality")
    assert quality == next(area for area in areas if area["slug"] == "improving-data-quality")
    assert len(get(client, "themes")) == 6
    assert sorted(slug for theme in get(client, "themes") for slug in theme["focus_areas"]) == sorted(
        area["slug"] for area in areas)
    assert len(get(client, "strands")) == 3
    assert [o["slug"] for o in get(client, "delivery_options")] == list(
        DeliveryOption.objects.order_by("position").values_list("slug", flat=True))
    missing = client.get(reverse("api:focus_area", args=["no-such-area"]))
    assert missing.status_code == 404 and missing.json()["detail"]
    unknown = client.get("/api/v1/no-such-endpoint/")  # an address the API does not have: JSON too
    assert unknown.status_code == 404 and unknown["Content-Type"] == "application/json" and unknown.json()["detail"]


def test_published_comments_carry_no_names_and_organisations_only_for_councils(client, world):
    raw = client.get(reverse("api:comments")).content.decode()
    comments = {c["text"]: c for c in json.loads(raw)["results"]}
    for personal in ("Olu Officer", "Sam Supplier", "olu@leeds", "sam@supplier", "Supplier Ltd", "la_data", "consultant"):
        assert personal not in raw, personal
    council = comments["Shared tools would help."]
    assert (council["organisation"], council["region"], council["respondent_group"]) == (
        "Leeds", "Yorkshire and The Humber", "local_authority")
    other = comments["We could build this."]
    assert (other["organisation"], other["region"], other["organisation_type"], other["respondent_group"]) == (
        None, None, "other", "supplier")
    assert "author" not in other and "display_name" not in other


def test_only_published_comments_appear_and_screening_withholds_and_counts(client, world, settings):
    settings.PAGE_CACHE_ENABLED = False
    results, withheld, _ = all_pages(client)
    texts = [c["text"] for c in results]
    assert texts == ["Shared tools would help.", "We could build this.", "A council host knows the work.",
                     "Agreed, and cheaper."]  # oldest first (by id)
    assert withheld == 1
    assert FLAGGED not in json.dumps(results)
    # A signed-in author gets the same: the API never shows their own unpublished comments.
    client.force_login(world["supplier"])
    assert [c["text"] for c in all_pages(client)[0]] == texts


def test_comments_on_a_part_of_the_paper_are_found_by_their_part(client, world):
    CommentFactory(paper_part="cost", body="Costs need a section of their own.")
    found = get(client, "comments", subject="part:cost")["results"]
    assert [(c["text"], c["subject"], c["paper_part"]) for c in found] == [
        ("Costs need a section of their own.", "part:cost", "cost")]
    assert get(client, "comments", subject="part:value")["results"] == []
    assert client.get(reverse("api:comments"), {"subject": "part:not-a-part"}).status_code == 400


def test_filters_by_subject_kind_and_date(client, world):
    area, idea, option = world["area"], world["idea"], world["option"]
    texts = lambda **params: [c["text"] for c in get(client, "comments", **params)["results"]]  # noqa: E731
    assert texts(subject=f"focus-area:{area.slug}") == [
        "Shared tools would help.", "We could build this.", "Agreed, and cheaper."]  # its ideas included
    assert texts(subject=f"idea:{area.slug}/{idea.slug}") == ["We could build this."]
    assert texts(subject=f"option:{option.slug}") == ["A council host knows the work."]
    assert texts(subject="option:no-such-option") == []
    assert texts(kind="unsure") == ["We could build this."]
    today = timezone.localdate()
    assert texts(date_from=(today - timedelta(days=1)).isoformat()) == ["A council host knows the work.",
                                                                         "Agreed, and cheaper."]
    assert texts(date_to=(today - timedelta(days=3)).isoformat()) == ["Shared tools would help."]
    reply = get(client, "comments", subject=f"focus-area:{area.slug}")["results"][2]
    assert reply["reply_to"] == world["comments"]["area"].pk
    assert reply["subject"] == f"focus-area:{area.slug}"


def test_the_cursor_walks_every_comment_once_and_new_ones_come_at_the_end(client, world, settings):
    settings.PAGE_CACHE_ENABLED = False
    first = get(client, "comments", limit=2)
    assert len(first["results"]) == 2 and first["next"]
    CommentFactory(focus_area=world["area"], body="Written while someone was paging.")
    results, withheld, pages = all_pages(client, limit=2)
    ids = [c["id"] for c in results]
    assert ids == sorted(set(ids)) and len(ids) == 5
    assert results[-1]["text"] == "Written while someone was paging."
    assert (withheld, pages) == (1, 3)  # 6 published examined 2 at a time; 1 withheld


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 101}, {"limit": "many"}, {"cursor": "not-a-cursor"}, {"cursor": "-1"}, {"cursor": "9" * 19},
    {"subject": "area:improving-data-quality"}, {"subject": "idea:no-slash"}, {"kind": "angry"},
    {"date_from": "2026-02-30"}, {"date_to": "yesterday"}, {"date_to": "0"}, {"date_from": "2026-1-1"}, {"subject": "focus-area:\x00"},
])
def test_bad_parameters_get_a_400_that_says_why(client, catalogue, params):
    response = client.get(reverse("api:comments"), params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_scores_are_suppressed_where_fewer_than_5_answered(client, world):
    scores = {(s["focus_area"], s["measure"]): s for s in get(client, "focus_area_scores")}
    assert len(scores) == 26
    shown = scores[(world["area"].slug, "usefulness")]
    summary = summary_for(score_summaries(Scope()), world["area"].pk, "usefulness").overall
    assert shown["answers"] == summary.n == 5 and shown["mean"] == round(summary.mean, 2) == 4.0
    assert shown["suppressed"] is False
    hidden = scores[(world["other_area"].slug, "usefulness")]
    assert hidden == {"focus_area": world["other_area"].slug, "measure": "usefulness", "answers": None,
                      "mean": None, "ci_low": None, "ci_high": None, "median": None, "suppressed": True}
    options = {s["delivery_option"]: s for s in get(client, "delivery_option_scores")}
    assert (options[world["option"].slug]["answers"], options[world["option"].slug]["mean"]) == (5, 5.0)
    assert options[world["other_option"].slug]["suppressed"] is True
    assert options[world["other_option"].slug]["answers"] is None


@pytest.mark.parametrize("name", ["comments", "focus_areas", "themes", "strands", "delivery_options",
                                  "focus_area_scores", "delivery_option_scores"])
def test_queries_per_page_do_not_grow_with_the_data(client, world, settings, django_assert_max_num_queries, name):
    settings.PAGE_CACHE_ENABLED = False
    with django_assert_max_num_queries(4):
        get(client, name)
    for _ in range(30):
        CommentFactory(focus_area=world["area"])
        CommentFactory(delivery_option=world["option"])
    with django_assert_max_num_queries(4):
        get(client, name)


def test_answers_are_cached_until_the_content_changes(client, world):
    url = reverse("api:comments")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    CommentFactory(focus_area=world["area"], body="A brand new comment.")
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "A brand new comment." in fresh.content.decode()
    assert "public" in fresh["Cache-Control"] and "max-age=60" in fresh["Cache-Control"]


def test_cors_is_read_only_and_without_credentials(client, catalogue):
    url = reverse("api:focus_areas")
    response = client.get(url, HTTP_ORIGIN="https://example.com")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(url, HTTP_ORIGIN="https://example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in preflight
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(client, method)(url)
        assert refused.status_code == 405 and refused["Allow"] == "GET, HEAD, OPTIONS"
    head = client.head(url)
    assert head.status_code == 200 and head.content == b"" and int(head["Content-Length"]) > 1000
    assert client.get(reverse("api:datapackage"))["Access-Control-Allow-Origin"] == "*"


def test_over_the_limit_gets_429_with_retry_after(client, catalogue, settings, frozen_rate_clock):
    settings.CONSULTATION_RATE_LIMITS = {**settings.CONSULTATION_RATE_LIMITS, "api": "3/m/ip"}
    url = reverse("api:themes")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Too many requests")
    assert int(refused["Retry-After"]) == 59
    assert refused["Access-Control-Allow-Origin"] == "*"
    frozen_rate_clock.advance(60)
    assert client.get(url).status_code == 200


def test_the_documentation_describes_every_endpoint_and_the_footer_links_to_it(client, catalogue):
    schema = client.get(reverse("api:openapi-json")).json()
    assert schema["openapi"].startswith("3.")
    page = client.get(reverse("api:documentation")).content.decode()
    for path in schema["paths"]:
        assert f"<code class=\"coe-pre-wrap\">{path}</code>" in page, path
    assert client.get("/api/v1/").url == reverse("api:documentation")
    start = client.get(reverse("start")).content.decode()
    assert f'href="{reverse("api:documentation")}">API for developers</a>' in start
    assert f'href="{reverse("api:open_data")}">Open data</a>' in start
