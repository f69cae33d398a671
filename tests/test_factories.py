"""Every model has a factory, and each factory builds a row its model accepts: a factory
that drifts from its model (a new required field, a broken constraint) fails here first."""

import inspect

import factory
import pytest
from django.apps import apps

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = sorted(
    (value for value in vars(factories).values()
     if inspect.isclass(value) and issubclass(value, factory.django.DjangoModelFactory)
     and value is not factory.django.DjangoModelFactory),
    key=lambda f: f.__name__,
)
OUR_APPS = ("consultation.", "ideas.", "models_of_delivery.")


def test_every_model_of_the_portal_has_a_factory():
    ours = {model for model in apps.get_models() if model.__module__.startswith(OUR_APPS)}
    covered = {f._meta.model for f in FACTORIES}
    assert ours, "no models found: has an app moved?"
    missing = sorted(model._meta.label for model in ours - covered)
    assert not missing, f"models without a factory in tests/factories.py: {missing}"


@pytest.mark.parametrize("model_factory", FACTORIES, ids=lambda f: f.__name__)
def test_the_factory_saves_a_valid_row(model_factory):
    made = model_factory()
    model = model_factory._meta.model
    assert model.objects.filter(pk=made.pk).exists()
    saved = model.objects.get(pk=made.pk)
    saved.full_clean()  # fields, choices and the model's constraints, as the admin checks them
