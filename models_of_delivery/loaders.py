"""Loads the portal's own copy of the models-of-delivery content (data/content.py).

Takes the model classes as arguments so that the data migration can pass its
historical models and tests can pass the real ones.
"""

from models_of_delivery.data import content


def load_delivery_models(  # noqa: N803 (model classes)
    DeliveryOption, AnalogousOrganisation, Consideration, OptionAssessment,
    CentreAim, InitialFunction, SpokeArrangement,
) -> None:
    CentreAim.objects.bulk_create(
        CentreAim(text=text, position=position)
        for position, text in enumerate(content.CENTRE_AIMS, start=1)
    )
    InitialFunction.objects.bulk_create(
        InitialFunction(slug=slug, title=title, summary=summary, position=position)
        for position, (slug, title, summary) in enumerate(content.INITIAL_FUNCTIONS, start=1)
    )
    SpokeArrangement.objects.bulk_create(
        SpokeArrangement(slug=slug, title=title, summary=summary, position=position)
        for position, (slug, title, summary) in enumerate(content.SPOKE_ARRANGEMENTS, start=1)
    )
    considerations = [
        Consideration.objects.create(slug=slug, title=title, description=text, position=position)
        for position, (slug, title, text) in enumerate(content.CONSIDERATIONS, start=1)
    ]
    options = {}
    for position, row in enumerate(content.OPTIONS, start=1):
        slug, title, summary, description, examples, strengths, risks, notes = row
        option = DeliveryOption.objects.create(
            slug=slug, title=title, summary=summary, description=description,
            examples=examples, strengths=strengths, risks=risks, position=position,
        )
        OptionAssessment.objects.bulk_create(
            OptionAssessment(option=option, consideration=consideration, text=text)
            for consideration, text in zip(considerations, notes, strict=True)
        )
        options[slug] = option
    for position, (name, slug, kind, url, summary, exemplifies) in enumerate(
        content.ORGANISATIONS, start=1
    ):
        organisation = AnalogousOrganisation.objects.create(
            name=name, slug=slug, kind=kind, url=url, summary=summary, position=position
        )
        organisation.exemplifies.set([options[option] for option in exemplifies])


# The loader's arguments, in order: the migration fetches these historical models by name.
MODEL_NAMES = (
    "DeliveryOption", "AnalogousOrganisation", "Consideration", "OptionAssessment",
    "CentreAim", "InitialFunction", "SpokeArrangement",
)
