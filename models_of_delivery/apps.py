from django.apps import AppConfig


class ModelsOfDeliveryConfig(AppConfig):
    name = "models_of_delivery"
    verbose_name = "Models of delivery"

    def ready(self):
        from coe import cache

        cache.content_depends_on(*self.get_models(), self.get_model("AnalogousOrganisation").exemplifies.through)
