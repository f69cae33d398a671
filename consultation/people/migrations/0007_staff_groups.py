from django.contrib.auth.management import create_permissions
from django.db import migrations

# The groups as they were at this migration (the models were all in this app then);
# consultation/people/staff_groups.py has today's.
GROUP_PERMISSIONS = {
    "Moderators": ["view_comment", "change_comment", "view_report", "view_moderationdecision",
                   "view_moderationsettings", "change_moderationsettings", "view_officialresponse",
                   "add_officialresponse", "change_officialresponse", ("ideas", "view_focusarea")],
    "Analysts": ["view_analysis", "export_data"],
}


def sync_staff_groups(Group, Permission):  # noqa: N803 (model classes)
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for entry in codenames:
            app, codename = entry if isinstance(entry, tuple) else ("consultation", entry)
            permissions.append(Permission.objects.get(content_type__app_label=app, codename=codename))
        group.permissions.set(permissions)


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
