"""Thin Celery tasks for themes: take ids, call one function.

Beat (coe/celery.py) asks for `build_themes_nightly` once a night and for
`assign_new_comments` every hour; analysts ask for `build_themes` from the analysis area."""

from celery import shared_task

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
