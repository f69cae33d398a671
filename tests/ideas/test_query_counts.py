"""Pages run a fixed number of queries however large the catalogue grows."""

import pytest
from django.urls import reverse

from ideas.models import FocusArea, Idea, Theme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def add_extra_ideas(count_per_area: int) -> None:
    Idea.objects.bulk_create(
        Idea(focus_area=area, slug=f"extra-{n}", verb=f"Extra {n}", title=f"Extra {n}", summary="More", position=10 + n)
        for area in FocusArea.objects.all()
        for n in range(count_per_area)
    )


def add_extra_focus_areas(count: int) -> None:
    template = FocusArea.objects.first()
    for n in range(count):
        area = FocusArea.objects.create(
            slug=f"extra-area-{n}",
            title=f"Extra area {n}",
            theme=Theme.objects.order_by("?").first(),
            delivery_strand=template.delivery_strand,
            summary="Extra",
            source_url=template.source_url,
            position=100 + n,
        )
        Idea.objects.create(focus_area=area, slug="one", verb="One", title="One", summary="x")


def count_queries(client, url, django_assert_max_num_queries, limit):
    client.get(url)  # warm the caches (the current consultation) first
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("ideas:catalogue"),
        reverse("ideas:catalogue") + "?q=data&theme=data-as-a-resource",
        reverse("ideas:focus_area", args=["improving-data-quality"]),
        reverse("ideas:theme", args=["advanced-technology"]),
        reverse("ideas:strand", args=["skills-and-capacity"]),
        reverse("ideas:idea", args=["improving-data-quality", "defining"]),
        reverse("start"),
    ],
)
def test_queries_do_not_grow_with_the_catalogue(client, catalogue, url, django_assert_max_num_queries):
    before = count_queries(client, url, django_assert_max_num_queries, 10)
    add_extra_ideas(40)
    add_extra_focus_areas(25)
    after = count_queries(client, url, django_assert_max_num_queries, 10)
    assert after == before
