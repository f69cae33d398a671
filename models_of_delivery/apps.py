from django.apps import AppConfig


class ModelsOfDeliveryConfig(AppConfig):
    name = "models_of_delivery"
    verbose_name = "Models of delivery"
