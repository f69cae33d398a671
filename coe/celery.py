"""The Celery app. The broker comes from REDIS_URL (see settings); results are ignored.

Without REDIS_URL, settings turn on CELERY_TASK_ALWAYS_EAGER so that tasks run
in-process on a laptop. Periodic schedules are declared here, once.

Queuing a task never blocks or fails a request: with the broker down or hung the message
is not sent (one short timeout, then the circuit breaker skips the broker for a while) and
the work waits as a row in the database (a moderation notice, a digest delivery, an account
email, a theme run) until the periodic outbox sweep queues it once the broker is back.
"""

import logging
import os

from celery import Celery, Task
from celery.schedules import crontab
from kombu.exceptions import OperationalError

from coe.cache_backend import UNAVAILABLE, breaker_for

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coe.settings")
logger = logging.getLogger(__name__)
BROKER_UNAVAILABLE = (OperationalError, *UNAVAILABLE)


class OutboxTask(Task):
    """A task whose queuing is best effort: its work is also kept in the database."""

    def apply_async(self, args=None, kwargs=None, **options):
        if self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, **options)
        breaker = breaker_for(self.app.conf.broker_url or "", "broker")
        if breaker.is_open():
            logger.info("Broker skipped for a while; %s%s waits for the sweep", self.name, args or "")
            return None
        try:
            return super().apply_async(args, kwargs, **options)
        except BROKER_UNAVAILABLE as error:
            breaker.trip("broker", error)
            return None


app = Celery("coe", task_cls=OutboxTask)
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
        "waiting-account-emails": {
            "task": "coe.tasks.send_waiting_account_emails",
            "schedule": crontab(minute="*"),
        },
        "waiting-digests": {
            "task": "consultation.tasks.send_waiting_digests",
            "schedule": crontab(minute="*/10"),
        },
        # Themes (consultation/themes): rebuild what has new comments nightly, place new ones hourly.
        "themes-nightly": {"task": "consultation.tasks.build_themes_nightly", "schedule": crontab(hour=2, minute=15)},
        "themes-new-comments": {"task": "consultation.tasks.assign_new_comments", "schedule": crontab(minute=5)},
        # Theme runs asked for while the broker was away: queued again (each is built once).
        "waiting-theme-runs": {"task": "consultation.tasks.build_waiting_theme_runs", "schedule": crontab(minute="*/5")},
        # Does nothing until a retention period is set and has passed; then anonymises.
        "retention": {
            "task": "consultation.tasks.enforce_retention",
            "schedule": crontab(hour=3, minute=30),
        },
    }
