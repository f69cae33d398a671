from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = "Idea catalogue"

    def ready(self):
        from coe import cache

        cache.content_depends_on(*self.get_models())
