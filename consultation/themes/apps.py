from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "consultation.themes"
    label = "themes"
    verbose_name = "Themes in what people said"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from coe import cache

        # "You said, we did" is cached for signed-out readers: these change what it shows.
        cache.content_depends_on(*(self.get_model(name) for name in (
            "ThemeRun", "FoundTheme", "ThemeAssignment", "ThemeChange", "ResponseLink")))
