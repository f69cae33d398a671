"""At most one queued or running theme run per subject. Duplicates made before this (a
double click on "Find themes") are marked failed first, keeping the one already running or
else the oldest queued, so the constraint can be added."""

from django.db import migrations, models
from django.utils import timezone


def settle_duplicates(apps, schema_editor):
    ThemeRun = apps.get_model("themes", "ThemeRun")  # noqa: N806
    unfinished = ThemeRun.objects.filter(status__in=["queued", "running"])
    kept = set()
    # "running" sorts after "queued": order so a running run comes first for its subject.
    for run in unfinished.order_by("subject_kind", "subject_ref", "-status", "created_at", "pk"):
        if (run.subject_kind, run.subject_ref) in kept:
            ThemeRun.objects.filter(pk=run.pk).update(
                status="failed", finished_at=timezone.now(),
                error="Not built: another run of this subject was already under way.")
        kept.add((run.subject_kind, run.subject_ref))


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0002_analysts_edit_themes"),
    ]

    operations = [
        migrations.RunPython(settle_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="themerun",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["queued", "running"])), fields=("subject_kind", "subject_ref"),
                name="one_unfinished_run_per_subject",
            ),
        ),
    ]
