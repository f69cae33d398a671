"""Reads about people and the consultation round."""

from django.core.cache import cache

from consultation.people.models import CURRENT_CONSULTATION_CACHE_KEY, Consultation


def current_consultation() -> Consultation | None:
    """The consultation now running (the latest to open). Cached; saving one clears it."""
    consultation = cache.get(CURRENT_CONSULTATION_CACHE_KEY)
    if consultation is None:
        consultation = Consultation.objects.first()
        cache.set(CURRENT_CONSULTATION_CACHE_KEY, consultation or False, 300)
    return consultation or None
