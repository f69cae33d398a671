import pytest
from django.db import IntegrityError

from models_of_delivery.models import (
    AnalogousOrganisation,
    Consideration,
    DeliveryOption,
    OptionAssessment,
)
from tests.models_of_delivery.factories import (
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


def test_urls_and_names():
    option = DeliveryOptionFactory(slug="shared-service", title="Shared service")
    organisation = AnalogousOrganisationFactory(slug="an-org", name="An org")
    consideration = ConsiderationFactory(slug="cost")
    assert option.get_absolute_url() == "/delivery-models/shared-service/"
    assert organisation.get_absolute_url() == "/delivery-models/organisations/#an-org"
    assert consideration.get_absolute_url() == "/delivery-models/#cost"
    assert str(option) == "Shared service"
    assert str(organisation) == "An org"


def test_one_assessment_per_option_and_consideration():
    option = DeliveryOptionFactory()
    consideration = ConsiderationFactory()
    OptionAssessment.objects.create(option=option, consideration=consideration, text="Fine")
    with pytest.raises(IntegrityError):
        OptionAssessment.objects.create(option=option, consideration=consideration, text="Again")


def test_options_and_considerations_keep_their_position_order():
    DeliveryOptionFactory(title="B", position=2)
    DeliveryOptionFactory(title="A", position=3)
    DeliveryOptionFactory(title="C", position=1)
    assert [o.title for o in DeliveryOption.objects.filter(title__in="ABC")] == ["C", "B", "A"]
    ConsiderationFactory(title="Later", position=9)
    ConsiderationFactory(title="Sooner", position=8)
    assert [c.title for c in Consideration.objects.filter(position__gte=8)] == ["Sooner", "Later"]


def test_an_organisation_can_exemplify_several_options():
    first, second = DeliveryOptionFactory.create_batch(2)
    organisation = AnalogousOrganisationFactory()
    organisation.exemplifies.set([first, second])
    assert set(first.organisations.all()) == {organisation}
    assert AnalogousOrganisation.objects.filter(exemplifies=second).count() == 1
