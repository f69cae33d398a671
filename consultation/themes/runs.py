"""The machine's side of themes, called by the tasks: build a run, place new comments, and
plan the nightly runs. Failures are written on the run row, never lost."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from coe.cache import content_changed
from consultation.themes import building
from consultation.themes.models import FoundTheme, ThemeRun
from consultation.themes.subjects import Subject, all_subjects, subject_comments

logger = logging.getLogger(__name__)
NIGHTLY_MIN_COMMENTS = 10  # fewer than this on a subject: nothing worth grouping yet
# A run still queued after this was most likely never sent (the broker was away when it was
# asked for): the sweep queues it again. A few minutes, so a busy worker is not second-guessed.
QUEUED_TOO_LONG = timedelta(minutes=5)
# A run still "running" after this lost its worker mid-build (10,000 comments take under a
# minute): its transaction rolled back, so it wrote nothing, and no message will finish it.
RUNNING_TOO_LONG = timedelta(hours=2)


def theme_run_open(subject: Subject, person=None) -> tuple[ThemeRun, bool]:
    """The subject's queued or running run, or a new queued one: (run, whether it is new).
    The database keeps one unfinished run per subject, so of two asking at once the second
    waits for the first to commit, fails to insert, and is given the first's run."""
    unfinished = ThemeRun.objects.filter(status__in=ThemeRun.UNFINISHED, **subject.as_filter())
    for _ in range(3):  # the run found may finish between two reads: look again, briefly
        if (run := unfinished.first()) is not None:
            return run, False
        try:
            with transaction.atomic():
                return ThemeRun.objects.create(**subject.as_filter(), requested_by=person), True
        except IntegrityError:
            continue
    raise RuntimeError(f"Could not queue a theme run for {subject}")


def theme_build(run_id: int) -> ThemeRun:
    """Builds a subject's themes for a queued run, once: the start is one conditional UPDATE,
    so of the original message, a redelivery and the sweep's copies only the first to move
    the run from queued to running builds it; the others find it claimed and do nothing."""
    claimed = ThemeRun.objects.filter(pk=run_id, status=ThemeRun.Status.QUEUED).update(
        status=ThemeRun.Status.RUNNING, started_at=timezone.now())
    run = ThemeRun.objects.get(pk=run_id)
    if not claimed:
        return run
    began = time.monotonic()
    try:
        with transaction.atomic():
            building.build(run)
    except Exception as error:  # noqa: BLE001 the run row says what went wrong
        logger.exception("Theme run %s failed", run.pk)
        ThemeRun.objects.filter(pk=run.pk).update(
            status=ThemeRun.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(), duration_seconds=round(time.monotonic() - began, 3))
    else:
        ThemeRun.objects.filter(pk=run.pk).update(
            status=ThemeRun.Status.DONE, finished_at=timezone.now(), duration_seconds=round(time.monotonic() - began, 3))
        content_changed()  # the build writes in bulk (no save signals): counts on cached pages move
    return ThemeRun.objects.get(pk=run.pk)


def run_build(run_id: int) -> str:
    return theme_build(run_id).status


def comment_theme_assign(subject: Subject) -> int:
    """Places the subject's newly published comments in its current themes (or in none),
    without renaming anything. Returns how many it placed."""
    with transaction.atomic():
        placed = building.assign_new(subject)
        if placed:
            content_changed()
    return placed


def subjects_with_themes() -> list[Subject]:
    keys = (FoundTheme.objects.exclude(state=FoundTheme.State.RETIRED)
            .values_list("subject_kind", "subject_ref").distinct())
    return [Subject(kind, ref) for kind, ref in keys]


def new_comments_assign() -> int:
    """Beat's hourly sweep: new comments into the themes of every subject that has some."""
    return sum(comment_theme_assign(subject) for subject in subjects_with_themes())


def runs_waiting(*, before) -> list[int]:
    """Runs asked for before `before` and still queued: their message was never sent or was lost."""
    return list(ThemeRun.objects.filter(status=ThemeRun.Status.QUEUED, created_at__lt=before)
                .order_by("created_at").values_list("pk", flat=True))


def runs_stalled_fail(*, before) -> int:
    """Marks runs started before `before` and still running as failed, so the analysis area
    says so and nightly planning queues a new one. Returns how many."""
    return ThemeRun.objects.filter(status=ThemeRun.Status.RUNNING, started_at__lt=before).update(
        status=ThemeRun.Status.FAILED, finished_at=timezone.now(),
        error="The worker stopped before this run finished; nothing was changed. Ask for a new run.")


def runs_plan() -> list[int]:
    """Runs to queue for each subject with enough comments and something published since its
    last run (reviewed themes survive a run, so a rerun is safe). A run counts as the last one
    when it is done, running, or queued recently; one left queued too long may never have been
    sent, so it does not count: it is queued again instead of a new run beside it."""
    stale = timezone.now() - QUEUED_TOO_LONG
    counted = Q(status__in=[ThemeRun.Status.DONE, ThemeRun.Status.RUNNING]) | Q(
        status=ThemeRun.Status.QUEUED, created_at__gte=stale)
    last = {(r["subject_kind"], r["subject_ref"]): r["at"] for r in ThemeRun.objects.filter(counted)
            .values("subject_kind", "subject_ref").annotate(at=Max("created_at")).order_by()}
    waiting = set(ThemeRun.objects.filter(status=ThemeRun.Status.QUEUED, created_at__lt=stale).values_list("pk", flat=True))
    planned = []
    for subject in all_subjects():
        found = subject_comments(subject).aggregate(newest=Max("created_at"), count=Count("pk"))
        newest = found["newest"]
        if newest is None or (subject.key in last and newest <= last[subject.key]):
            continue
        if found["count"] >= NIGHTLY_MIN_COMMENTS:
            # A run under way (running, or queued with its message on the way) is left to
            # finish: the next night covers what it missed.
            run, created = theme_run_open(subject)
            if created or run.pk in waiting:
                planned.append(run.pk)
    return planned
