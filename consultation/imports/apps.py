from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "consultation.imports"
    label = "imports"
    verbose_name = "Imported and recorded feedback"
    default_auto_field = "django.db.models.BigAutoField"
