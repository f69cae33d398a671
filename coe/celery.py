"""The Celery app. Broker and results come from REDIS_URL (see settings).

Without REDIS_URL, settings turn on CELERY_TASK_ALWAYS_EAGER so that tasks run
in-process on a laptop. Periodic schedules are declared here, once.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coe.settings")

app = Celery("coe")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
