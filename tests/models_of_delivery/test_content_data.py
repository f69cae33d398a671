import builtins
import importlib
import io

import pytest

from models_of_delivery import models
from models_of_delivery.data import content
from models_of_delivery.loaders import MODEL_NAMES, load_delivery_models
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
MODELS = [getattr(models, name) for name in MODEL_NAMES]  # in the loader's order


def test_the_data_load_gives_the_papers_counts(delivery_models):
    assert DeliveryOption.objects.count() == 5
    assert AnalogousOrganisation.objects.count() == 11
    assert Consideration.objects.count() == 4
    assert OptionAssessment.objects.count() == 20
    assert InitialFunction.objects.count() == 3
    assert CentreAim.objects.count() == 4
    assert SpokeArrangement.objects.count() == 4


def test_options_are_in_the_papers_order(delivery_models):
    assert list(DeliveryOption.objects.values_list("slug", flat=True)) == [
        "local-authority-hosting",
        "central-government-hosting",
        "existing-infrastructure",
        "new-legal-entity",
        "other-models",
    ]


def test_every_option_has_text_and_an_assessment_for_every_consideration(delivery_models):
    considerations = set(Consideration.objects.all())
    for option in DeliveryOption.objects.prefetch_related("assessments__consideration"):
        assert option.summary and option.description, option.slug
        assert option.example_list and option.strength_list and option.risk_list, option.slug
        assert {a.consideration for a in option.assessments.all()} == considerations, option.slug
        assert all(len(a.text) > 40 for a in option.assessments.all()), option.slug


def test_organisations_exemplify_the_options_the_paper_pairs_them_with(delivery_models):
    def exemplified(slug):
        return set(
            AnalogousOrganisation.objects.get(slug=slug).exemplifies.values_list("slug", flat=True)
        )

    assert exemplified("data-to-insight") == {"local-authority-hosting"}
    assert exemplified("commissioning-alliance") == {"local-authority-hosting"}
    for slug in ("local-government-association", "adcs", "coram", "foundations"):
        assert "existing-infrastructure" in exemplified(slug), slug
    assert exemplified("regional-care-co-operatives") == {"new-legal-entity"}
    assert all(org.exemplifies.exists() for org in AnalogousOrganisation.objects.all())


def test_websites_are_the_organisations_own_or_blank(delivery_models):
    for organisation in AnalogousOrganisation.objects.all():
        assert organisation.url == "" or organisation.url.startswith("https://"), organisation.slug
    assert AnalogousOrganisation.objects.get(slug="ict-revolutions").url == ""


def test_the_content_loads_without_opening_any_file(monkeypatch, delivery_models):
    """The portal never reads the shared reference files at run time: importing the content
    and loading it into an empty database opens no file at all."""
    opened = []
    real_open = io.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    for model in MODELS:
        model.objects.all().delete()

    importlib.reload(content)
    load_delivery_models(*MODELS)

    assert opened == []
    assert DeliveryOption.objects.count() == 5 and OptionAssessment.objects.count() == 20
