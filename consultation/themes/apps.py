from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "consultation.themes"
    label = "themes"
    verbose_name = "Themes in what people said"
    default_auto_field = "django.db.models.BigAutoField"
