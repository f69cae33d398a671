"""The parts of the consultation paper that feedback can be about, beyond one focus area, idea or
delivery option: the consultation's own form's "which part of the paper" question
(`feedback_sections` in the reference catalogue). Its "each of the 13 focus areas" are left
out: a comment on a focus area is made on the focus area's own page.

No model: the list is the paper's and does not change while the consultation runs.
Each part is a comment's subject too, so it has a title and a page like the others.
"""

from django.db import models
from django.urls import reverse


class PaperPart(models.TextChoices):
    MISSING_SYSTEM = "missing-how-our-system-works", "Something missing from how our system works"
    MISSING_MECHANISMS = "missing-mechanisms-for-change", "Something missing from the possible mechanisms for change"
    MISSING_DELIVERY = "missing-delivery-models", "Something missing from the possible delivery models"
    MISSING_ENGAGEMENT = "missing-engagement", "Something missing from the engagement opportunities"
    HOW_OUR_SYSTEM_WORKS = "how-our-system-works", "How our system works"
    MECHANISMS = "mechanisms-for-change", "Possible mechanisms for change"
    MODELS_FOR_DELIVERY = "models-for-delivery", "Models for delivery"
    ENGAGEMENT = "engagement-opportunities", "Engagement opportunities"
    CONTEXT = "context", "Context"
    STATUS = "status", "Status"
    VALUE = "value", "Value"
    QUALITY = "quality", "Quality"
    COST = "cost", "Cost"
    MORE_ON_DELIVERY = "more-on-models-for-delivery", "More on models for delivery (Appendix 3)"
    ANYTHING_ELSE = "anything-else", "Anything else"

    @property
    def title(self) -> str:
        return self.label

    @property
    def group(self) -> str:
        return PART_GROUPS[self]

    def get_absolute_url(self) -> str:
        return reverse("consultation:paper_part", args=[self.value])


MISSING = "Something I think is missing"
GENERAL = "General feedback on a part of the paper"
SPECIFIC = "Specific feedback on the paper's appendices"
PART_GROUPS = {
    **dict.fromkeys([PaperPart.MISSING_SYSTEM, PaperPart.MISSING_MECHANISMS, PaperPart.MISSING_DELIVERY,
                     PaperPart.MISSING_ENGAGEMENT], MISSING),
    **dict.fromkeys([PaperPart.HOW_OUR_SYSTEM_WORKS, PaperPart.MECHANISMS, PaperPart.MODELS_FOR_DELIVERY,
                     PaperPart.ENGAGEMENT], GENERAL),
    **dict.fromkeys([PaperPart.CONTEXT, PaperPart.STATUS, PaperPart.VALUE, PaperPart.QUALITY, PaperPart.COST,
                     PaperPart.MORE_ON_DELIVERY, PaperPart.ANYTHING_ELSE], SPECIFIC),
}


def parts_by_group() -> list[tuple[str, list[PaperPart]]]:
    """The parts under the form's three headings, in the paper's order."""
    return [(group, [part for part in PaperPart if PART_GROUPS[part] == group]) for group in (MISSING, GENERAL, SPECIFIC)]
