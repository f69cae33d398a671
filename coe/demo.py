"""Demo content for `make run`: a few people and their feedback. Safe to run repeatedly."""

from consultation.models import User

DEMO_PASSWORD = "demo-password-123"  # noqa: S105 (demo accounts on a laptop only)


def load_demo_content():
    staff, created = User.objects.get_or_create(
        email="staff@example.org",
        defaults={"display_name": "Design team", "is_staff": True, "is_superuser": True},
    )
    if created:
        staff.set_password(DEMO_PASSWORD)
        staff.save()
    yield f"Staff sign-in: staff@example.org / {DEMO_PASSWORD} (admin at /admin/)"
