import pytest

from ideas.filters import CatalogueFilter
from ideas.selectors import focus_areas_for_listing

pytestmark = pytest.mark.django_db


def slugs(data):
    return {area.slug for area in CatalogueFilter(data, queryset=focus_areas_for_listing()).qs}


def test_no_filters_gives_every_focus_area(catalogue):
    assert len(slugs({})) == 13


def test_theme_filter(catalogue):
    assert slugs({"theme": "data-as-a-resource"}) == {
        "improving-data-quality",
        "curating-technical-standards",
    }


def test_strand_filter(catalogue):
    found = slugs({"strand": "culture-and-leadership"})
    assert "influencing-technology-markets" in found
    assert "improving-data-quality" not in found
    assert len(found) == 4


def test_search_matches_focus_area_and_idea_text_case_insensitively(catalogue):
    # "procurement" is only in idea and summary text of the case management area.
    assert slugs({"q": "PROCUREMENT"}) == {"making-sense-of-case-management-systems"}


def test_search_needs_every_word(catalogue):
    assert "curating-technical-standards" in slugs({"q": "standards"})
    assert slugs({"q": "standards zebra"}) == set()


def test_search_combines_with_theme(catalogue):
    assert slugs({"q": "standards", "theme": "careers-strategy"}) == {
        "supporting-professional-development"
    }


def test_unknown_theme_is_an_error_and_is_ignored(catalogue):
    filterset = CatalogueFilter({"theme": "no-such-theme"}, queryset=focus_areas_for_listing())
    assert not filterset.form.is_valid()
    assert filterset.form.errors["theme"] == ["Select a theme from the list"]
    assert filterset.qs.count() == 13


def test_overlong_search_is_an_error(catalogue):
    filterset = CatalogueFilter({"q": "x" * 101}, queryset=focus_areas_for_listing())
    assert filterset.form.errors["q"] == ["Search must be 100 characters or fewer"]
