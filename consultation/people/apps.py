from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """People, their organisations and the consultation round they take part in.

    The label stays "consultation": the custom user model, its foreign keys, allauth's
    tables and every migration so far carry it (docs/decisions/0007).
    """

    name = "consultation.people"
    label = "consultation"
    verbose_name = "People and the consultation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from coe import cache
        from consultation.people.access import unsaved_words_show

        user_logged_in.connect(unsaved_words_show, dispatch_uid="people-unsaved-words")

        cache.content_depends_on(self.get_model("Consultation"), self.get_model("Organisation"))
        cache.content_depends_on(self.get_model("User"), ignore_fields={"last_login", "password"})
