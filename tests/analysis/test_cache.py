"""Analysis figures are cached per filter until any feedback changes."""

import re

import pytest
from django.urls import reverse

from tests.analysis.conftest import respond
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def respondents_shown(page) -> str:
    """The overview's "People who submitted a response" figure, as the reader sees it."""
    found = re.search(r"People who submitted a response</dt>\s*<dd[^>]*>([^<(]*)", page.content.decode())
    assert found, "the overview shows no respondent figure"
    return found.group(1).strip()


def test_repeat_views_reuse_the_figures_and_new_responses_show_at_once(
    client, analyst, consultation, area, django_assert_max_num_queries
):
    respond(consultation, UserFactory(), {area: (4, 4)})
    client.force_login(analyst)
    url = reverse("analysis:overview")
    with django_assert_max_num_queries(50) as first:
        client.get(url)
    with django_assert_max_num_queries(50) as repeat:
        page = client.get(url)
    assert len(repeat.captured_queries) < len(first.captured_queries)
    assert respondents_shown(page) == "1"

    respond(consultation, UserFactory(), {area: (2, 2)})
    with django_assert_max_num_queries(50) as after_change:
        page = client.get(url)
    assert len(after_change.captured_queries) > len(repeat.captured_queries)  # recomputed
    assert respondents_shown(page) == "2"


def test_different_filters_are_cached_apart(client, analyst, consultation, area):
    respond(consultation, UserFactory(role="la_data"), {area: (5, 5)})
    respond(consultation, UserFactory(role="supplier"), {area: (1, 1)})
    client.force_login(analyst)
    url = reverse("analysis:ranking")
    everyone = client.get(url).content
    suppliers = client.get(url, {"group": "supplier"}).content
    assert everyone != suppliers
    assert client.get(url).content == everyone
