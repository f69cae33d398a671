from django.db import migrations

from ideas.loaders import load_catalogue


def forwards(apps, schema_editor):
    load_catalogue(*(apps.get_model("ideas", name) for name in ("Theme", "DeliveryStrand", "FocusArea", "Idea")))


def backwards(apps, schema_editor):
    for name in ("Idea", "FocusArea", "DeliveryStrand", "Theme"):
        apps.get_model("ideas", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
