from django.contrib.auth.management import create_permissions
from django.db import migrations

from consultation.roles_staff import sync_staff_groups


def forwards(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_staff_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0006_moderation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("ideas", "0002_load_catalogue"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
