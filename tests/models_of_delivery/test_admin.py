import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from models_of_delivery.models import (
    AnalogousOrganisation,
    CentreAim,
    Consideration,
    DeliveryOption,
    InitialFunction,
    OptionAssessment,
    SpokeArrangement,
)

pytestmark = pytest.mark.django_db

MODELS = [
    DeliveryOption, AnalogousOrganisation, Consideration, OptionAssessment,
    CentreAim, InitialFunction, SpokeArrangement,
]


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser(email="editor@example.org", password="x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_staff_can_list_search_and_edit_every_model(staff_client, delivery_models, model):
    meta = model._meta
    listing = staff_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"), {"q": "a"})
    assert listing.status_code == 200
    change = staff_client.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[model.objects.first().pk])
    )
    assert change.status_code == 200


def test_an_option_is_edited_with_its_assessments_and_organisations_inline(staff_client, delivery_models):
    option = DeliveryOption.objects.get(slug="local-authority-hosting")
    page = staff_client.get(reverse("admin:models_of_delivery_deliveryoption_change", args=[option.pk]))
    assert page.context["inline_admin_formsets"][0].formset.total_form_count() == 4
    assert "organisations that exemplify this option" in page.content.decode().lower()


def test_organisations_choose_their_options_side_by_side(staff_client, delivery_models):
    organisation = AnalogousOrganisation.objects.get(slug="coram")
    page = staff_client.get(
        reverse("admin:models_of_delivery_analogousorganisation_change", args=[organisation.pk])
    ).content.decode()
    assert "selectfilter" in page.lower()
