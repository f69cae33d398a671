"""Reads about people and the consultation round."""

from coe.cache import get_or_compute
from consultation.people.models import Consultation


def current_consultation() -> Consultation | None:
    """The consultation now running (the latest to open), read on every page: cached under
    the content version, which saving or deleting a consultation moves (people/apps.py)."""
    consultation = get_or_compute("consultation:current", lambda: Consultation.objects.first() or False, 300)
    return consultation or None
