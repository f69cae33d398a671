from django.db import migrations

from consultation.people.loaders import load_local_authorities


def forwards(apps, schema_editor):
    load_local_authorities(apps.get_model("consultation", "Organisation"))


def backwards(apps, schema_editor):
    apps.get_model("consultation", "Organisation").objects.filter(kind="local_authority").delete()


class Migration(migrations.Migration):
    dependencies = [("consultation", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
