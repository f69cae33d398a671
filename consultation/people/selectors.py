"""Reads about people and the consultation round."""

from coe.cache import get_or_compute
from consultation.people.models import CURRENT_CONSULTATION_CACHE_KEY, Consultation


def current_consultation() -> Consultation | None:
    """The consultation now running (the latest to open). Cached on every page, so not by
    content version; saving a consultation drops it (Consultation.save)."""
    consultation = get_or_compute(CURRENT_CONSULTATION_CACHE_KEY, lambda: Consultation.objects.first() or False,
                                  300, versioned=False)
    return consultation or None
