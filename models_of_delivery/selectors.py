"""Reads of the models-of-delivery content, shaped for pages: each a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from models_of_delivery.models import (
    AnalogousOrganisation,
    CentreAim,
    Consideration,
    DeliveryOption,
    InitialFunction,
    OptionAssessment,
    SpokeArrangement,
)


def overview() -> dict:
    """Everything on the overview page: five queries however many rows."""
    return {
        "aims": CentreAim.objects.all(),
        "functions": InitialFunction.objects.all(),
        "spokes": list(SpokeArrangement.objects.all()),
        "considerations": Consideration.objects.all(),
        "options": DeliveryOption.objects.all(),
    }


def option_with_assessments(slug: str) -> tuple[DeliveryOption, list[tuple[Consideration, str]]]:
    """One option with its organisations and, for every consideration, its note ("" if none).

    Four queries: the option, its organisations, the considerations and this option's notes.
    """
    option = get_object_or_404(
        DeliveryOption.objects.prefetch_related(
            Prefetch("organisations", queryset=AnalogousOrganisation.objects.order_by("position", "name"))
        ),
        slug=slug,
    )
    considerations = Consideration.objects.prefetch_related(
        Prefetch("assessments", queryset=OptionAssessment.objects.filter(option=option), to_attr="for_option")
    )
    return option, [
        (consideration, consideration.for_option[0].text if consideration.for_option else "")
        for consideration in considerations
    ]


def comparison() -> dict:
    """The options side by side, and one row of notes per consideration: three queries."""
    options = list(DeliveryOption.objects.all())
    considerations = list(Consideration.objects.all())
    notes = {
        (option_id, consideration_id): text
        for option_id, consideration_id, text in OptionAssessment.objects.values_list(
            "option_id", "consideration_id", "text"
        )
    }
    return {
        "options": options,
        "consideration_rows": [
            (consideration, [notes.get((option.pk, consideration.pk), "") for option in options])
            for consideration in considerations
        ],
    }


def organisations_by_kind() -> list[tuple[str, list[AnalogousOrganisation]]]:
    """Organisations grouped by kind, kinds in the order they first appear: two queries."""
    organisations = AnalogousOrganisation.objects.prefetch_related(
        Prefetch("exemplifies", queryset=DeliveryOption.objects.order_by("position", "title"))
    )
    groups: dict[str, list[AnalogousOrganisation]] = {}
    for organisation in organisations:
        groups.setdefault(organisation.kind, []).append(organisation)
    return list(groups.items())
