import pytest
from django.db import IntegrityError

from models_of_delivery.models import OptionAssessment
from tests.factories import (
    AnalogousOrganisationFactory,
    ConsiderationFactory,
    DeliveryOptionFactory,
)

pytestmark = pytest.mark.django_db


def test_an_option_lists_its_examples_strengths_and_risks_one_a_line():
    option = DeliveryOptionFactory(
        examples="First\n\n  Second  \n", strengths="Quick\nCheap", risks=""
    )
    assert option.example_list == ["First", "Second"]
    assert option.strength_list == ["Quick", "Cheap"]
    assert option.risk_list == []


def test_each_item_links_to_where_the_pages_show_it():
    option = DeliveryOptionFactory(slug="shared-service")
    organisation = AnalogousOrganisationFactory(slug="an-org")
    consideration = ConsiderationFactory(slug="cost")
    assert option.get_absolute_url() == "/delivery-models/shared-service/"
    assert organisation.get_absolute_url() == "/delivery-models/organisations/#an-org"
    assert consideration.get_absolute_url() == "/delivery-models/#cost"


def test_one_assessment_per_option_and_consideration():
    option = DeliveryOptionFactory()
    consideration = ConsiderationFactory()
    OptionAssessment.objects.create(option=option, consideration=consideration, text="Fine")
    with pytest.raises(IntegrityError):
        OptionAssessment.objects.create(option=option, consideration=consideration, text="Again")
