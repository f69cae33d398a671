import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "local_authorities.csv"


def load_local_authorities(apps, schema_editor):
    Organisation = apps.get_model("consultation", "Organisation")
    with CSV_PATH.open(newline="", encoding="utf-8") as handle:
        Organisation.objects.bulk_create(
            Organisation(
                name=row["name"],
                kind="local_authority",
                dfe_code=row["dfe_la_code"],
                gss_code=row["gss_code"],
                region=row["region"],
            )
            for row in csv.DictReader(handle)
        )


def unload_local_authorities(apps, schema_editor):
    apps.get_model("consultation", "Organisation").objects.filter(kind="local_authority").delete()


class Migration(migrations.Migration):
    dependencies = [("consultation", "0001_initial")]

    operations = [migrations.RunPython(load_local_authorities, unload_local_authorities)]
