from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "consultation.responses"
    label = "responses"
    verbose_name = "Responses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from coe import cache

        # Drafts show nowhere; a submitted response changes the counts. Its scores and
        # ratings are saved in the same transaction, so the bump after commit covers them.
        cache.content_depends_on(self.get_model("Response"), when=lambda response: response.is_submitted)
