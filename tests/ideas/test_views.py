import pytest
from django.urls import reverse

from ideas.models import FocusArea, Idea

pytestmark = pytest.mark.django_db


def test_start_page_says_what_the_consultation_is_and_how_to_take_part(client, catalogue):
    page = client.get(reverse("start")).content.decode()
    assert "Imagining a Centre of Excellence" in page
    assert "How to take part" in page
    assert "39 ideas in 13 focus areas" in page
    assert "When it closes" in page


def test_catalogue_groups_focus_areas_under_their_themes(client, catalogue):
    response = client.get(reverse("ideas:catalogue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "13 focus areas and 39 ideas in 6 themes" in page
    careers = page.index("Careers strategy</a></h2>")
    leadership = page.index("Leadership strategy</a></h2>")
    assert careers < page.index("Supporting professional development") < leadership


def test_catalogue_filter_lives_in_the_query_string(client, catalogue):
    response = client.get(reverse("ideas:catalogue"), {"theme": "policy-enablers"})
    page = response.content.decode()
    assert "2 focus areas and 6 ideas match your filters" in page
    assert "Responding to large-scale change" in page
    assert "Improving data quality" not in page
    assert '<option value="policy-enablers" selected>' in page
    assert "Clear filters" in page


def test_catalogue_shows_a_clear_no_results_state(client, catalogue):
    page = client.get(reverse("ideas:catalogue"), {"q": "xylophone"}).content.decode()
    assert "No ideas match your filters" in page
    assert "0 focus areas and 0 ideas match your filters" in page


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "not-a-theme"},
        {"strand": "'; DROP TABLE ideas_idea; --"},
        {"q": "x" * 5000},
        {"q": "\x00nul"},
        {"q": "<script>alert(1)</script>"},
        {"q": "\u202eevil\u200b 🙂"},
        {"theme": ["careers-strategy", "policy-enablers"]},
        {"page": "-1", "unknown": "value"},
    ],
)
def test_bad_input_gives_a_normal_page_never_a_500(client, catalogue, query):
    response = client.get(reverse("ideas:catalogue"), query)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_unknown_filter_value_is_explained_in_an_error_summary(client, catalogue):
    page = client.get(reverse("ideas:catalogue"), {"theme": "nope"}).content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_theme">Select a theme from the list</a>' in page
    assert page.count('class="govuk-summary-card__title"') == 13  # the rest still shows
    assert "<title>Error: " in page


def test_theme_page_lists_its_focus_areas(client, catalogue):
    page = client.get(reverse("ideas:theme", args=["data-as-a-resource"])).content.decode()
    assert "Improving data quality" in page and "Curating technical standards" in page
    assert "Discovering what works" not in page


def test_strand_page_lists_its_focus_areas(client, catalogue):
    page = client.get(reverse("ideas:strand", args=["skills-and-capacity"])).content.decode()
    assert "Making sense of case management systems" in page
    assert "Data tool collaboration" not in page


def test_focus_area_page_shows_its_ideas_strand_and_source(client, catalogue):
    area = FocusArea.objects.get(slug="curating-technical-standards")
    page = client.get(area.get_absolute_url()).content.decode()
    for idea in area.ideas.all():
        assert idea.get_absolute_url() in page
    assert area.delivery_strand.title in page
    assert f'href="{area.source_url}"' in page


def test_idea_page_links_back_to_its_focus_area(client, catalogue):
    idea = Idea.objects.get(focus_area__slug="discovering-what-works", slug="mapping")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<h1 class=\"govuk-heading-xl\">Mapping innovation activity</h1>" in page
    assert idea.focus_area.get_absolute_url() in page
    assert "Connecting" in page and "Evaluating" in page  # its siblings


@pytest.mark.parametrize(
    "url",
    [
        "/ideas/no-such-area/",
        "/ideas/improving-data-quality/no-such-idea/",
        "/ideas/themes/no-such-theme/",
        "/ideas/strands/no-such-strand/",
        "/nowhere",
    ],
)
def test_unknown_slugs_give_the_govuk_404_page(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"govuk-service-navigation" in response.content


def test_500_page_renders_without_a_database(rf):
    from coe.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_every_page_has_the_govuk_frame(client, catalogue):
    page = client.get(reverse("ideas:catalogue")).content.decode()
    assert 'class="govuk-skip-link"' in page
    assert "govuk-phase-banner" in page
    assert "govuk-footer" in page
    assert "govuk-breadcrumbs" in page
    assert '<html lang="en"' in page
