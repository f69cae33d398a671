"""The staff groups and exactly the permissions each needs."""

MODERATORS = "Moderators"
ANALYSTS = "Analysts"

GROUP_PERMISSIONS = {
    MODERATORS: [
        ("consultation", "view_comment"),
        ("consultation", "change_comment"),
        ("consultation", "view_report"),
        ("consultation", "view_moderationdecision"),
        ("consultation", "view_moderationsettings"),
        ("consultation", "change_moderationsettings"),
        ("consultation", "view_officialresponse"),
        ("consultation", "add_officialresponse"),
        ("consultation", "change_officialresponse"),
        ("ideas", "view_focusarea"),
    ],
    ANALYSTS: [
        ("consultation", "view_analysis"),
        ("consultation", "export_data"),
    ],
}


def sync_staff_groups(Group, Permission) -> None:  # noqa: N803 (model classes)
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in codenames
        ]
        group.permissions.set(permissions)
