from django.apps import AppConfig


class DigestsConfig(AppConfig):
    name = "consultation.digests"
    label = "digests"
    verbose_name = "Weekly digests"
    default_auto_field = "django.db.models.BigAutoField"
