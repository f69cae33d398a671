"""Pages run a fixed number of queries however many options and organisations there are."""

import pytest
from django.urls import reverse

from models_of_delivery.models import Consideration, DeliveryOption, OptionAssessment
from tests.factories import AnalogousOrganisationFactory, DeliveryOptionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def grow_the_content(options: int, organisations: int) -> None:
    considerations = list(Consideration.objects.all())
    new_options = DeliveryOptionFactory.create_batch(options)
    OptionAssessment.objects.bulk_create(
        OptionAssessment(option=option, consideration=consideration, text="A note.")
        for option in new_options
        for consideration in considerations
    )
    every_option = list(DeliveryOption.objects.all())
    for organisation in AnalogousOrganisationFactory.create_batch(organisations):
        organisation.exemplifies.set(every_option[:3] + new_options[:2])


def count_queries(client, url, django_assert_max_num_queries, limit):
    client.get(url)  # warms the layout's cache (the consultation window) first
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("models_of_delivery:overview"),
        reverse("models_of_delivery:compare"),
        reverse("models_of_delivery:organisations"),
        reverse("models_of_delivery:option", args=["local-authority-hosting"]),
        reverse("models_of_delivery:option", args=["existing-infrastructure"]),
    ],
)
def test_queries_do_not_grow_with_the_content(client, delivery_models, url, django_assert_max_num_queries):
    before = count_queries(client, url, django_assert_max_num_queries, 10)
    grow_the_content(options=20, organisations=30)
    after = count_queries(client, url, django_assert_max_num_queries, 10)
    assert after == before



@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # aims, functions, spokes, considerations, options (comment and rating counts come
        # from the cache once warm, until content changes)
        (reverse("models_of_delivery:overview"), 5),
        (reverse("models_of_delivery:compare"), 3),  # options, considerations, notes
        (reverse("models_of_delivery:organisations"), 2),  # organisations, their options
        # + its organisations, notes; one page of its discussion (no comments: no replies
        # query). With the page cache on, the discussion comes from the cache (issue 17).
        (reverse("models_of_delivery:option", args=["new-legal-entity"]), 5),
    ],
)
def test_each_page_needs_only_its_content_queries(client, delivery_models, url, expected, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
