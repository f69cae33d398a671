"""The old forms' words onto the portal's records: councils, pages, roles."""

import pytest

from consultation.imports.mapping import Catalogue, MappingError

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue_map(catalogue, local_authorities):
    return Catalogue()


@pytest.mark.parametrize(("written", "council"), [
    ("Leeds", "Leeds"), ("Kent CC", "Kent"), ("kent county council", "Kent"), ("KENT COUNTY COUNCIL", "Kent"),
    ("Royal Borough of Greenwich", "Greenwich"), ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
    ("London Borough of Barking & Dagenham", "Barking and Dagenham"), ("Bristol City Council", "Bristol, City of"),
    ("City of York Council", "York"), ("Hull City Council", "Kingston Upon Hull, City of"),
    ("St Helens Council", "St. Helens"), ("Stoke-on-Trent City Council", "Stoke-on-Trent"),
    ("Durham County Council", "Durham"), ("City of London", "City of London"),
    ("North Yorkshire Council", "North Yorkshire"), ("Brighton & Hove City Council", "Brighton and Hove"),
])
def test_councils_are_found_however_they_are_written(catalogue_map, written, council):
    assert catalogue_map.council(written).name == council


@pytest.mark.parametrize("written", ["Acme Data Ltd", "Department for Education", "Kentish Town Trust", ""])
def test_other_organisations_are_not_forced_onto_a_council(catalogue_map, written):
    assert catalogue_map.council(written) is None


def test_pages_name_their_subject(catalogue_map):
    base = "https://data-to-insight.github.io/centre-of-excellence/"
    area, option, part = catalogue_map.page(
        base + "appendix-2-more-on-possible-mechanisms-for-change/making-sense-of-ai-rpa-and-other-advanced-and-integrative-software/")
    assert area.slug == "making-sense-of-advanced-software" and option is None
    assert catalogue_map.page("http://127.0.0.1:8000/delivery-models/local-authority-hosting/")[1].slug == "local-authority-hosting"
    assert catalogue_map.page("/ideas/improving-data-quality/")[0].slug == "improving-data-quality"
    assert catalogue_map.page(base + "appendix-1-more-on-how-our-system-works/value/") == (None, None, "value")
    assert catalogue_map.page(base + "feedback/") == (None, None, "")
    with pytest.raises(MappingError):
        catalogue_map.page(base + "appendix-2-more-on-possible-mechanisms-for-change/no-such-area/")


def test_activity_headings_and_labels(catalogue_map):
    idea = catalogue_map.idea("Advanced technology: Explaining options to local authorities, including how-to guidance and training")
    assert (idea.focus_area.slug, idea.slug) == ("making-sense-of-advanced-software", "explaining")
    with pytest.raises(MappingError, match="wrong heading"):
        catalogue_map.idea("Improving data quality: Explaining options to local authorities, including how-to guidance and training")
    assert catalogue_map.stance("I’M UNSURE ABOUT THIS") == "unsure"


def test_every_page_of_the_paper_maps_to_a_part_the_portal_has():
    from consultation.imports.data import PAPER_PARTS
    from ideas.paper import PaperPart

    assert set(PAPER_PARTS.values()) <= set(PaperPart.values)
