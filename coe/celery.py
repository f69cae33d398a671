"""The Celery app. Broker and results come from REDIS_URL (see settings).

Without REDIS_URL, settings turn on CELERY_TASK_ALWAYS_EAGER so that tasks run
in-process on a laptop. Periodic schedules are declared here, once.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coe.settings")

app = Celery("coe")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def weekly_digest_schedule():
    """DIGEST_SCHEDULE is "<day> <hh:mm>" in Europe/London, default "mon 08:00"."""
    from django.conf import settings

    day, clock = settings.DIGEST_SCHEDULE.split()
    hour, minute = clock.split(":")
    return crontab(day_of_week=day, hour=int(hour), minute=int(minute))


@app.on_after_configure.connect
def declare_schedules(sender, **kwargs):
    sender.conf.beat_schedule = {
        "weekly-digests": {
            "task": "consultation.tasks.send_weekly_digests",
            "schedule": weekly_digest_schedule(),
        },
        # The outbox sweeps: notices and digests that could not be queued when they were due.
        "waiting-notices": {
            "task": "consultation.tasks.send_waiting_notices",
            "schedule": crontab(minute="*/10"),
        },
        "waiting-digests": {
            "task": "consultation.tasks.send_waiting_digests",
            "schedule": crontab(minute="*/10"),
        },
        # Themes (consultation/themes): rebuild what has new comments nightly, place new ones hourly.
        "themes-nightly": {"task": "consultation.tasks.build_themes_nightly", "schedule": crontab(hour=2, minute=15)},
        "themes-new-comments": {"task": "consultation.tasks.assign_new_comments", "schedule": crontab(minute=5)},
        # Does nothing until a retention period is set and has passed; then anonymises.
        "retention": {
            "task": "consultation.tasks.enforce_retention",
            "schedule": crontab(hour=3, minute=30),
        },
    }
