"""Thin Celery tasks for themes: take ids, call one function.

Beat (coe/celery.py) asks for `build_themes_nightly` once a night, for `assign_new_comments`
every hour and for `build_waiting_theme_runs` every five minutes; analysts ask for
`build_themes` from the analysis area."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from consultation.themes import runs


@shared_task(name="consultation.tasks.build_themes", acks_late=True)
def build_themes(run_id: int) -> str:
    return runs.run_build(run_id)


@shared_task(name="consultation.tasks.build_themes_nightly")
def build_themes_nightly() -> int:
    """Queues a run for every subject with comments published since its last run."""
    run_ids = runs.runs_plan()
    for run_id in run_ids:
        build_themes.delay(run_id)
    return len(run_ids)


@shared_task(name="consultation.tasks.assign_new_comments")
def assign_new_comments() -> int:
    return runs.new_comments_assign()


@shared_task(name="consultation.tasks.build_waiting_theme_runs", ignore_result=False)
def build_waiting_theme_runs(older_than_seconds: int = int(runs.QUEUED_TOO_LONG.total_seconds())) -> int:
    """The outbox sweep for theme runs: queues again every run still queued after a few minutes
    (for example because the broker was down when an analyst asked), and fails a run whose
    worker stopped mid-build. Safe to repeat: a run is built only by whichever message claims
    it first (`runs.theme_build`)."""
    runs.runs_stalled_fail(before=timezone.now() - runs.RUNNING_TOO_LONG)
    waiting = runs.runs_waiting(before=timezone.now() - timedelta(seconds=older_than_seconds))
    for run_id in waiting:
        build_themes.delay(run_id)
    return len(waiting)
