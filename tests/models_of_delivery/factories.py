import factory

from models_of_delivery.models import AnalogousOrganisation, Consideration, DeliveryOption


class DeliveryOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveryOption

    slug = factory.Sequence(lambda n: f"extra-option-{n}")
    title = factory.Sequence(lambda n: f"Extra option {n}")
    summary = "A summary."
    description = "A description."
    examples = "One example\nAnother example"
    strengths = "A strength"
    risks = "A risk"
    position = factory.Sequence(lambda n: 100 + n)


class AnalogousOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnalogousOrganisation

    name = factory.Sequence(lambda n: f"Extra organisation {n}")
    slug = factory.Sequence(lambda n: f"extra-organisation-{n}")
    kind = factory.Iterator(["Charities", "A new kind"])
    url = "https://example.org/"
    summary = "Does things."
    position = factory.Sequence(lambda n: 100 + n)


class ConsiderationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consideration

    slug = factory.Sequence(lambda n: f"extra-consideration-{n}")
    title = factory.Sequence(lambda n: f"Extra consideration {n}")
    description = "Something to weigh."
    position = factory.Sequence(lambda n: 100 + n)
