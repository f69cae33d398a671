from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save

# What the cached anonymous pages and cached counts show. Any save or delete of these,
# whether through a service or the admin, invalidates them (coe.page_cache).
CONTENT_MODELS = [
    "ideas.Theme", "ideas.DeliveryStrand", "ideas.FocusArea", "ideas.Idea",
    "models_of_delivery.DeliveryOption", "models_of_delivery.AnalogousOrganisation",
    "models_of_delivery.Consideration", "models_of_delivery.OptionAssessment",
    "models_of_delivery.CentreAim", "models_of_delivery.InitialFunction",
    "models_of_delivery.SpokeArrangement",
    "consultation.Comment", "consultation.OfficialResponse", "consultation.Consultation",
]


def _content_changed(sender, **kwargs):
    from coe.page_cache import content_changed

    content_changed()


def _person_changed(sender, update_fields=None, **kwargs):
    # Signing in touches last_login on every visit: not something any page shows.
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return
    _content_changed(sender)


def _response_changed(sender, instance, **kwargs):
    # Drafts show nowhere public; a submitted response changes counts. Its scores and
    # ratings are saved in the same transaction, so the bump after commit covers them.
    if instance.status == "submitted":
        _content_changed(sender)


class CoeConfig(AppConfig):
    name = "coe"
    verbose_name = "Portal"

    def ready(self):
        for label in CONTENT_MODELS:
            model = apps.get_model(label)
            post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-{label}-save")
            post_delete.connect(_content_changed, sender=model, dispatch_uid=f"content-{label}-delete")
        response = apps.get_model("consultation.Response")
        post_save.connect(_response_changed, sender=response, dispatch_uid="content-response-save")
        post_delete.connect(_content_changed, sender=response, dispatch_uid="content-response-delete")
        post_save.connect(_person_changed, sender=apps.get_model("consultation.User"),
                          dispatch_uid="content-person-save")
        exemplifies = apps.get_model("models_of_delivery.AnalogousOrganisation").exemplifies.through
        m2m_changed.connect(_content_changed, sender=exemplifies, dispatch_uid="content-exemplifies")
