import pytest
from django.urls import reverse

from models_of_delivery.models import Consideration, DeliveryOption, OptionAssessment

pytestmark = pytest.mark.django_db


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_overview_shows_the_aims_functions_hub_considerations_and_options(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:overview"))
    assert "How the Centre of Excellence could be run" in page
    assert "the sector&#x27;s data and digital ecosystem works" in page
    for function in ("Innovation hosting and collaboration", "National advocacy and coordination",
                     "Best practice and connection"):
        assert function in page
    assert 'role="img" aria-labelledby="hub-diagram-title hub-diagram-desc"' in page
    assert "Commercial suppliers" in page
    assert 'id="lasting-beyond-start-up-funding"' in page
    for option in DeliveryOption.objects.all():
        assert f'href="{option.get_absolute_url()}"' in page
    assert f'href="{reverse("models_of_delivery:compare")}"' in page
    assert "https://data-to-insight.github.io/centre-of-excellence/" in page


def test_the_section_is_highlighted_in_the_navigation(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:compare"))
    assert 'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Delivery models' in page


def test_option_page_shows_its_text_organisations_and_assessments(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:option", args=["local-authority-hosting"]))
    assert "<h1 class=\"govuk-heading-xl\">Local authority hosting</h1>" in page
    assert "East Sussex County Council" in page
    assert "Strengths" in page and "Risks" in page
    assert 'href="https://www.datatoinsight.org/"' in page
    assert 'href="https://commissioningalliance.co.uk/"' in page
    assert "Local Government Association" not in page
    for consideration in Consideration.objects.all():
        assert consideration.title in page
    note = OptionAssessment.objects.get(
        option__slug="local-authority-hosting", consideration__slug="how-councils-work"
    )
    assert note.text[:40] in page


def test_an_option_without_organisations_or_notes_says_so(client, delivery_models):
    OptionAssessment.objects.filter(option__slug="central-government-hosting").delete()
    page = get_page(client, reverse("models_of_delivery:option", args=["central-government-hosting"]))
    assert "The paper does not name an organisation that works this way." in page
    assert page.count("Not assessed yet.") == 4


def test_unknown_option_is_404(client, delivery_models):
    response = client.get(reverse("models_of_delivery:option", args=["no-such-option"]))
    assert response.status_code == 404


def test_comparison_is_an_accessible_scrollable_table(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:compare"))
    assert 'role="region" aria-label="Comparison of the options (scrolls sideways)" tabindex="0"' in page
    assert "<caption" in page
    assert page.count('scope="col"') == 1 + 5
    assert page.count('scope="row"') == 5 + 4  # summary, feedback, examples, strengths, risks; 4 considerations
    for consideration in Consideration.objects.all():
        assert consideration.title in page
    # One option at a time, as a plain list of links before the table.
    links = page.index(f'<li><a class="govuk-link" href="{reverse("models_of_delivery:option", args=["other-models"])}">')
    assert links < page.index("<table")


def test_comparison_cells_follow_the_column_order(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:compare"))
    row = page[page.index(">Lasting beyond start-up funding</a></th>"):]
    row = row[: row.index("</tr>")]
    notes = OptionAssessment.objects.filter(consideration__slug="lasting-beyond-start-up-funding")
    positions = [row.index(note.text[:30].replace("'", "&#x27;")) for note in notes.order_by("option__position")]
    assert positions == sorted(positions)


def test_organisations_are_grouped_by_kind_with_the_options_they_exemplify(client, delivery_models):
    page = get_page(client, reverse("models_of_delivery:organisations"))
    heading = page.index('<h2 class="govuk-heading-l">Organisations that began in local authorities</h2>')
    assert heading < page.index("Data to Insight") < page.index("NCER")
    assert page.count('class="govuk-summary-card"') == 11
    assert 'id="regional-care-co-operatives"' in page
    assert page.count("The paper gives no website.") == 2
    assert f'href="{reverse("models_of_delivery:option", args=["new-legal-entity"])}"' in page


def test_start_and_catalogue_pages_link_to_the_delivery_models(client, delivery_models):
    url = reverse("models_of_delivery:overview")
    assert f'href="{url}"' in get_page(client, reverse("start"))
    page = get_page(client, reverse("ideas:catalogue"))
    assert f'<a class="govuk-link" href="{url}">delivery models</a>' in page


def test_pages_render_with_no_content(client, db):
    DeliveryOption.objects.all().delete()
    Consideration.objects.all().delete()
    for name in ("overview", "compare", "organisations"):
        get_page(client, reverse(f"models_of_delivery:{name}"))
