"""Loads the 153 local authorities (consultation/data/local_authorities.csv)."""

import csv
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parent / "data" / "local_authorities.csv"


def load_local_authorities(Organisation) -> None:  # noqa: N803 (a model class)
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
