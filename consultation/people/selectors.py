"""Reads about people and the consultation round."""

from coe.cache import get_or_compute
from consultation.people.models import CURRENT_CONSULTATION_CACHE_KEY, Consultation


def current_consultation() -> Consultation | None:
    """The consultation now running (the latest to open). Read on every page: cached under its
    own key, which saving a consultation drops (Consultation.save), not under the content
    version, which every post moves; each process's copy lasts while the version stands
    (a save moves it: people/apps.py)."""
    consultation = get_or_compute(CURRENT_CONSULTATION_CACHE_KEY, lambda: Consultation.objects.first() or False,
                                  300, versioned=False, copied=True)
    return consultation or None
