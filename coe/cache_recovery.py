"""Making good, once Redis answers again, what changed while it could not be reached.

A change made while Redis was away bumped no content version and dropped no value, and Redis
still holds what it cached before: readers would get the old content (a withdrawn comment, a
closed consultation shown open) until it expired. Two things put that right:

- the process that missed the change settles it before its next read (its breaker tripped
  since it last settled): it bumps the version, drops the unversioned values it has used and
  repeats the deletes that failed (a session signed out, coe.cache_backend);
- and, because every other process still trusts Redis's old values, and the process that
  made the change may be a command or a task that exits before Redis answers, the change is
  also written to the database (`ContentChangeOwed`). Every process looks for such rows every
  OWED_CHECK_SECONDS and settles them the same way.
"""

import time
from collections.abc import Callable
from contextlib import suppress

from django.core.cache import cache
from django.db import DatabaseError, transaction

OWED_CHECK_SECONDS = 5.0
# Names of the unversioned values this process has used (coe.cache.get_or_compute).
unversioned: set[str] = set()
_next_check = 0.0


def _breaker():
    return getattr(cache, "breaker", None)  # only the Redis cache has one


def bump_missed(trips_before: int) -> bool:
    """Whether a bump since `trips_before` may not have reached Redis."""
    breaker = _breaker()
    return breaker is not None and (breaker.trips != trips_before or breaker.is_open())


def trips() -> int:
    breaker = _breaker()
    return breaker.trips if breaker is not None else 0


def owe_change() -> None:
    """Records, with the change itself, that Redis has not heard of it."""
    from coe.models import ContentChangeOwed

    with suppress(DatabaseError), transaction.atomic():  # a failed write fails the change too
        ContentChangeOwed.objects.create()


def settle(bump: Callable[[], None]) -> None:
    """Called before each read of the content version."""
    breaker = _breaker()
    if breaker is None or breaker.is_open():
        return
    if breaker.trips != breaker.settled_trips:
        before = breaker.trips
        _drop(bump)
        if breaker.trips == before:  # all reached Redis; otherwise try again next time
            breaker.settled_trips = before
    _settle_owed(bump, breaker)


def _settle_owed(bump, breaker) -> None:
    global _next_check
    now = time.monotonic()
    if now < _next_check:
        return
    _next_check = now + OWED_CHECK_SECONDS
    from coe.models import ContentChangeOwed

    try:
        newest = ContentChangeOwed.objects.order_by("-pk").values_list("pk", flat=True).first()
        if newest is None:
            return
        before = breaker.trips
        _drop(bump)
        if breaker.trips == before:
            ContentChangeOwed.objects.filter(pk__lte=newest).delete()
    except DatabaseError:  # the database is away too: look again next time
        _next_check = 0.0


def _drop(bump) -> None:
    bump()
    if unversioned:
        cache.delete_many(list(unversioned))
    cache.settle_deletes()  # this process's own failed deletes
