"""The pages render the figures, keep the filters in the query string and explain themselves."""

import re

import pytest
from django.urls import reverse

from consultation.analysis.svg import group_style
from consultation.people.roles import Role, RoleGroup
from tests.analysis.conftest import respond
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def scored(consultation, area, local_authorities):
    leeds = local_authorities.get(name="Leeds")
    for score in (5, 4, 4, 3, 5):
        respond(consultation, UserFactory(organisation=leeds), {area: (score, score)})
    for score in (1, 2):
        respond(consultation, UserFactory(role=Role.SUPPLIER), {area: (score, 3)})
    CommentFactory(focus_area=area, reflection_kind="unsure")
    return area


def test_overview_shows_coverage_and_councils_not_heard_from(signed_in, scored):
    page = signed_in.get(reverse("analysis:overview")).content.decode()
    assert "<strong>1 of 153</strong>" in page
    assert "Local authorities not yet heard from (152)" in page
    assert "<li>Bradford</li>" in page and "<li>Leeds</li>" not in page
    assert 'role="img"' in page and "<desc id=" in page
    assert "Respondents by role" in page


def test_focus_area_page_has_charts_tables_and_links(signed_in, scored):
    page = signed_in.get(reverse("analysis:focus_area", args=[scored.slug])).content.decode()
    assert page.count('role="img"') == 4  # two distributions, two group charts
    assert "How people scored its usefulness" in page
    assert "Usefulness by respondent group" in page
    assert scored.get_absolute_url() in page
    assert "Caution: fewer than 5 answers" in page  # the two suppliers
    assert "I&#x27;m unsure about this" in page  # the comment's reflection, escaped


def test_unknown_focus_area_is_404(signed_in, catalogue):
    assert signed_in.get(reverse("analysis:focus_area", args=["no-such-area"])).status_code == 404


def test_ranking_is_sortable_from_the_query_string(signed_in, scored):
    page = signed_in.get(reverse("analysis:ranking"), {"sort": "title", "order": "asc"}).content.decode()
    assert 'aria-sort="ascending"' in page
    assert "sort=title&amp;order=desc" in page  # the header reverses the order
    assert "Caution" in page
    bad = signed_in.get(reverse("analysis:ranking"), {"sort": "nonsense"})
    assert bad.status_code == 200 and bad.context["sort"] == "usefulness"


def test_matrix_has_a_legend_with_shapes_and_a_table(signed_in, scored):
    page = signed_in.get(reverse("analysis:matrix")).content.decode()
    assert "Local authority (circle)" in page and "Central government (square)" in page
    assert "The priority matrix as a table" in page
    # Beside its legend entry, each group is drawn only where 5 or more people answered:
    # the local authorities (5) as a circle, the suppliers (2) left off the chart.
    local_authority, supplier = group_style(RoleGroup.LOCAL_AUTHORITY)["colour"], group_style(RoleGroup.SUPPLIER)["colour"]
    assert len(re.findall(f'<circle [^>]*fill="{local_authority}"', page)) == 2
    assert len(re.findall(f'<polygon [^>]*fill="{supplier}"', page)) == 1


def test_weighting_switch_and_filters_stay_in_the_links(signed_in, scored):
    url = reverse("analysis:overview")
    page = signed_in.get(url, {"region": "Yorkshire and The Humber", "weighting": "council"}).content.decode()
    assert "One council, one voice:" in page
    assert f'{reverse("analysis:ranking")}?region=Yorkshire+and+The+Humber&amp;weighting=council' in page
    assert "Count each person once instead" in page
    assert "Votes (one council, one voice)" in page


def test_invalid_filters_show_an_error_and_are_left_out(signed_in, scored):
    response = signed_in.get(reverse("analysis:overview"), {"group": "martians", "date_from": "2026-02-30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Select a respondent group from the list" in page
    assert "<strong>1 of 153</strong>" in page


def test_date_range_the_wrong_way_round_is_an_error(signed_in, scored):
    page = signed_in.get(reverse("analysis:overview"), {"date_from": "2026-03-10", "date_to": "2026-03-01"}).content.decode()
    assert "‘To’ must be the same as or after ‘From’" in page
