from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "consultation.api"
    label = "api"
    verbose_name = "Public API and open data"
    default_auto_field = "django.db.models.BigAutoField"
