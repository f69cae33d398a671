"""The staff groups and exactly the permissions each needs (app label, codename)."""

MODERATORS = "Moderators"
ANALYSTS = "Analysts"

GROUP_PERMISSIONS = {
    MODERATORS: [
        ("comments", "view_comment"),
        ("comments", "change_comment"),
        ("comments", "view_report"),
        ("moderation", "view_moderationdecision"),
        ("moderation", "view_moderationsettings"),
        ("moderation", "change_moderationsettings"),
        ("comments", "view_officialresponse"),
        ("comments", "add_officialresponse"),
        ("comments", "change_officialresponse"),
        ("ideas", "view_focusarea"),
    ],
    ANALYSTS: [
        ("analysis", "view_analysis"),
        ("analysis", "export_data"),
        ("themes", "edit_themes"),
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
