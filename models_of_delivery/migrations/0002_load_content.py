from django.db import migrations

from models_of_delivery.loaders import MODEL_NAMES, load_delivery_models


def forwards(apps, schema_editor):
    load_delivery_models(*(apps.get_model("models_of_delivery", name) for name in MODEL_NAMES))


def backwards(apps, schema_editor):
    for name in reversed(MODEL_NAMES):
        apps.get_model("models_of_delivery", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("models_of_delivery", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
