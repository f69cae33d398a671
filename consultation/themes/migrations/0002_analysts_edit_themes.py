"""Analysts review themes: the Analysts group gets themes.edit_themes
(consultation/people/staff_groups.py lists each group's permissions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    # Permissions are normally created after migrations; the group needs this one now.
    app_config = apps.get_app_config("themes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")  # noqa: N806
    permission = Permission.objects.get(content_type__app_label="themes", codename="edit_themes")
    for group in Group.objects.filter(name="Analysts"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0001_initial"),
        ("consultation", "0007_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
