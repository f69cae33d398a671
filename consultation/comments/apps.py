from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "consultation.comments"
    label = "comments"
    verbose_name = "Comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from coe import cache
        from consultation.comments import slots  # noqa: F401 (registers the discussion's slot fillers)

        # Published comments and official responses show on the cached pages and counts. A
        # follow does not: only its reader sees it (selectors.followed_subjects_store).
        cache.content_depends_on(self.get_model("Comment"), self.get_model("OfficialResponse"))
