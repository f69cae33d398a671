import pytest

from models_of_delivery import models
from models_of_delivery.loaders import MODEL_NAMES, load_delivery_models


def load_if_empty() -> None:
    """Migrations load the content; a transactional test's flush removes it, so reload."""
    if not models.DeliveryOption.objects.exists():
        load_delivery_models(*(getattr(models, name) for name in MODEL_NAMES))


@pytest.fixture
def delivery_models(db):
    load_if_empty()
    return models.DeliveryOption.objects.all()
