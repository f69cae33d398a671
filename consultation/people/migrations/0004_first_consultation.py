from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import migrations

LONDON = ZoneInfo("Europe/London")


def forwards(apps, schema_editor):
    Consultation = apps.get_model("consultation", "Consultation")
    if not Consultation.objects.exists():
        # Staff change the window in the admin; these are the first round's dates.
        Consultation.objects.create(
            title="Imagining a Centre of Excellence: first round",
            opens_at=datetime(2025, 10, 1, 9, 0, tzinfo=LONDON),
            closes_at=datetime(2027, 3, 31, 23, 59, tzinfo=LONDON),
        )


class Migration(migrations.Migration):
    dependencies = [("consultation", "0003_responses_comments_follows")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
