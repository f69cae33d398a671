import pytest

from ideas.models import DeliveryStrand, FocusArea, Idea, Theme

pytestmark = pytest.mark.django_db


def test_the_data_load_gives_the_papers_counts(catalogue):
    assert Theme.objects.count() == 6
    assert FocusArea.objects.count() == 13
    assert Idea.objects.count() == 39
    assert DeliveryStrand.objects.count() == 3


def test_every_focus_area_has_three_ideas_a_theme_a_strand_and_its_source_page(catalogue):
    for area in catalogue.prefetch_related("ideas"):
        assert len(area.ideas.all()) == 3, area.slug
        assert area.source_url.startswith("https://data-to-insight.github.io/centre-of-excellence/")
        assert area.source_url.endswith("/")
        assert area.summary and len(area.summary) > 80


def test_each_theme_holds_two_focus_areas_of_the_six_theme_table(catalogue):
    for theme in Theme.objects.all():
        assert theme.focus_areas.filter(in_six_theme_table=True).count() == 2, theme.slug


def test_only_case_management_sits_outside_the_six_theme_table(catalogue):
    outside = FocusArea.objects.filter(in_six_theme_table=False)
    assert [area.slug for area in outside] == ["making-sense-of-case-management-systems"]


def test_catalogue_is_ordered_as_the_paper_orders_it(catalogue):
    assert list(Theme.objects.values_list("slug", flat=True))[:2] == [
        "careers-strategy",
        "leadership-strategy",
    ]
    area = FocusArea.objects.get(slug="improving-data-quality")
    assert [idea.verb for idea in area.ideas.order_by("position")] == [
        "Providing",
        "Defining",
        "Balancing",
    ]


def test_idea_urls_nest_under_their_focus_area(catalogue):
    idea = Idea.objects.get(focus_area__slug="improving-data-quality", slug="defining")
    assert idea.get_absolute_url() == "/ideas/improving-data-quality/defining/"
    # The same verb in another area is a different idea with its own address.
    other = Idea.objects.get(focus_area__slug="helping-leadership-to-expect-excellence", slug="defining")
    assert other.get_absolute_url() != idea.get_absolute_url()


def test_every_idea_has_the_papers_label_and_a_short_distinct_title(catalogue):
    ideas = list(Idea.objects.select_related("focus_area"))
    assert len(ideas) == 39
    assert all(idea.paper_label.startswith(idea.verb) for idea in ideas)
    assert all(0 < len(idea.title) <= 45 for idea in ideas)
    assert len({idea.title for idea in ideas}) == 39  # nobody has to tell two ideas apart by verb
    providing = Idea.objects.get(focus_area__slug="improving-data-quality", slug="providing")
    assert providing.paper_label == "Providing data quality tools and methods and driving improvement"
    assert str(providing) == providing.title == "Providing data quality tools"
