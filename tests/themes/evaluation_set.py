"""An evaluation set for theme finding (evaluation_set.csv): 421 comments of the kind
children's-services staff write, by known theme. Written for this project (not taken from
real casework); the wording varies on purpose, so a method cannot win by matching one
keyword per theme.

Columns: `theme`, `text` and `kind`: "theme" (near-duplicates, the same point pasted again
with small changes, are among them), "mixed" (touches two themes and counts for the first)
or "off_topic" (theme "none"). A held-out set needs only `theme` and `text`.
"""

import csv
from pathlib import Path

SOURCE = Path(__file__).with_name("evaluation_set.csv")


def _rows() -> list[dict]:
    with SOURCE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


ROWS = _rows()
THEMES: dict[str, list[str]] = {}
for _row in ROWS:
    if _row["kind"] == "theme":
        THEMES.setdefault(_row["theme"], []).append(_row["text"])
MIXED = [(row["theme"], row["text"]) for row in ROWS if row["kind"] == "mixed"]
OFF_TOPIC = [row["text"] for row in ROWS if row["kind"] == "off_topic"]


def labelled() -> list[tuple[str, str]]:
    """Every comment with its known theme ("none" for off-topic), in a fixed mixed order."""
    rows = [(row["theme"], row["text"]) for row in ROWS]
    # Interleave deterministically (7919 is prime), so the order cannot help a method.
    return [rows[(index * 7919) % len(rows)] for index in range(len(rows))]
