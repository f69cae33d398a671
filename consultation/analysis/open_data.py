"""Open data for everyone: published comments, aggregate scores and the catalogue, as the
tables of a Frictionless Data Package (datapackage.json), and the same records for the API.

What may leave the portal, decided once, here:
- Comments: only `Comment.objects.public()` within the figures layer's Scope (the current
  consultation). A comment whose text the personal-data screening flags
  (consultation.screening.personal_data_reasons) is withheld and only counted. No names,
  emails or account numbers; the respondent group (4 broad groups); the organisation and
  its region only for people in a local authority (both shown beside their comments on the
  portal anyway); the date, not the time.
- Scores: from the figures layer; a figure that fewer than 5 people stand behind is
  suppressed (no count, no mean), so no group under 5 people is described.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from coe.cache import get_or_compute
from consultation.analysis.exports import CHUNK_SIZE, _safe_cell
from consultation.analysis.figures import MEASURES, score_summaries, summary_for
from consultation.analysis.option_figures import OptionSummary, option_summaries
from consultation.analysis.scope import CAUTION_BELOW, Scope
from consultation.analysis.statistics import Distribution
from consultation.comments.models import Comment
from consultation.people.models import Organisation
from consultation.people.roles import role_group
from consultation.screening import personal_data_reasons
from ideas.models import DeliveryStrand, FocusArea, Idea, Theme
from models_of_delivery.models import DeliveryOption

MIN_PEOPLE = CAUTION_BELOW  # a figure behind fewer people than this is suppressed
LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}

# --- Published comments --------------------------------------------------------------------

COMMENT_VALUES = (
    "pk", "created_at", "focus_area__slug", "idea__slug", "delivery_option__slug", "paper_part", "parent_id",
    "reflection_kind", "body", "author__role", "author__organisation__kind",
    "author__organisation__name", "author__organisation__region",
)


def published_comments(scope: Scope | None = None):
    """The comments anyone may read, within the Scope (the current consultation)."""
    return Comment.objects.public().filter((scope or Scope()).comments_q())


def subject_key(area: str | None, idea: str | None, option: str | None, part: str = "") -> str:
    """What a comment is about, as the API's `subject` filter spells it."""
    if idea:
        return f"idea:{area}/{idea}"
    if area:
        return f"focus-area:{area}"
    if part:
        return f"part:{part}"
    return f"option:{option}"


def comment_record(row: tuple) -> dict | None:
    """One published comment as open data, or None when screening withholds its text."""
    (pk, created, area, idea, option, part, parent, kind, body, role, org_kind, org_name, region) = row
    if personal_data_reasons(body):
        return None
    in_council = org_kind == Organisation.Kind.LOCAL_AUTHORITY
    return {
        "id": pk,
        "date": timezone.localtime(created).date().isoformat(),
        "subject": subject_key(area, idea, option, part),
        "focus_area": area,
        "idea": idea,
        "delivery_option": option,
        "paper_part": part or None,
        "reply_to": parent,
        "reflection_kind": kind or None,
        "text": body,
        "respondent_group": role_group(role or "").value,
        "organisation_type": "local_authority" if in_council else "other",
        "organisation": org_name if in_council else None,
        "region": (region or None) if in_council else None,
    }


def comment_records(rows: Iterable[tuple]) -> tuple[list[dict], int]:
    """The records of these rows, and how many were withheld by screening."""
    records = [comment_record(row) for row in rows]
    kept = [record for record in records if record is not None]
    return kept, len(records) - len(kept)


COUNTS_TIMEOUT = 600


def comment_counts() -> dict[str, int]:
    """Published comments in the open data, and those withheld by screening.

    The total is counted each time (one query, under the content version), so a hidden or
    new comment changes it at once. Which of them screening withholds costs about 0.2 ms a
    comment (4 s for 20,000), so that count is kept for ten minutes."""

    def flagged():
        bodies = published_comments().values_list("body", flat=True).iterator(chunk_size=CHUNK_SIZE)
        return sum(1 for body in bodies if personal_data_reasons(body))

    total = get_or_compute("open-data:comment-total", lambda: published_comments().count())
    withheld = min(total, get_or_compute("open-data:comment-withheld", flagged, COUNTS_TIMEOUT, versioned=False))
    return {"published": total - withheld, "withheld": withheld}


def all_comment_records() -> Iterator[dict]:
    rows = published_comments().order_by("pk").values_list(*COMMENT_VALUES)
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        record = comment_record(row)
        if record is not None:
            yield record


# --- Aggregate scores ----------------------------------------------------------------------


def score_record(distribution: Distribution) -> dict:
    """People who answered, mean, 95 % interval and median; all empty under MIN_PEOPLE."""
    if distribution.n < MIN_PEOPLE:
        return {"answers": None, "mean": None, "ci_low": None, "ci_high": None, "median": None,
                "suppressed": True}
    ci = distribution.ci
    return {
        "answers": distribution.n,
        "mean": round(distribution.mean, 2),
        "ci_low": round(ci[0], 2) if ci else None,
        "ci_high": round(ci[1], 2) if ci else None,
        "median": distribution.median,
        "suppressed": False,
    }


def focus_area_scores() -> list[dict]:
    """Per focus area and measure (usefulness, likelihood): two grouped queries and one more."""
    scope = Scope()
    summaries = score_summaries(scope)
    return [
        {"focus_area": slug, "measure": measure,
         **score_record(summary_for(summaries, pk, measure).overall)}
        for pk, slug in FocusArea.objects.order_by("position", "title").values_list("pk", "slug")
        for measure in MEASURES
    ]


def delivery_option_scores() -> list[dict]:
    """Per delivery option, how well it would work (1 to 5): two queries."""
    summaries = option_summaries(Scope())
    return [
        {"delivery_option": slug, **score_record((summaries.get(pk) or OptionSummary()).overall)}
        for pk, slug in DeliveryOption.objects.order_by("position", "title").values_list("pk", "slug")
    ]


# --- The catalogue -------------------------------------------------------------------------


def themes() -> list[dict]:
    return list(Theme.objects.order_by("position", "title").values("slug", "title", "summary"))


def strands() -> list[dict]:
    return list(DeliveryStrand.objects.order_by("position", "title")
                .values("slug", "title", "system_factor", "summary"))


def focus_areas() -> list[dict]:
    rows = FocusArea.objects.order_by("position", "title").values_list(
        "slug", "title", "short_label", "theme__slug", "delivery_strand__slug", "summary", "source_url")
    keys = ("slug", "title", "short_label", "theme", "strand", "summary", "source_url")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def ideas() -> list[dict]:
    rows = Idea.objects.order_by("focus_area__position", "position", "verb").values_list(
        "focus_area__slug", "slug", "verb", "summary")
    return [dict(zip(("focus_area", "slug", "title", "summary"), row, strict=True)) for row in rows]


def delivery_options() -> list[dict]:
    return list(DeliveryOption.objects.order_by("position", "title")
                .values("slug", "title", "summary", "description"))


# --- The data package ----------------------------------------------------------------------


@dataclass
class Table:
    """One CSV file of the package: its fields (name, type, description, constraints)."""

    name: str
    title: str
    description: str
    fields: list[tuple]
    rows: object  # a function returning the records
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (field, table, its field)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> dict:
        fields = [{"name": name, "type": kind, "description": text, **({"constraints": extra} if extra else {})}
                  for name, kind, text, extra in self.fields]
        schema = {"fields": fields, "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        if self.foreign_keys:
            schema["foreignKeys"] = [{"fields": own, "reference": {"resource": table, "fields": theirs}}
                                     for own, table, theirs in self.foreign_keys]
        return schema

    def csv(self) -> Iterator[str]:
        """The header, then one line per record; no byte-order mark; text that a spreadsheet
        would run as a formula starts with an apostrophe."""
        names = [name for name, *_ in self.fields]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        for record in self.rows():
            writer.writerow([_csv_value(record.get(name)) for name in names])
            if buffer.tell() > 64 * 1024:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _safe_cell(value)


def datapackage(tables: list[Table]) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "centre-of-excellence-consultation",
        "title": "Centre of Excellence consultation: published feedback and the catalogue",
        "description": (
            "Published comments (without names, and without any comment whose text may contain "
            "personal data), aggregate scores per focus area and per delivery option (suppressed "
            f"where fewer than {MIN_PEOPLE} people answered) and the catalogue of ideas they are about."
        ),
        "licenses": [LICENCE],
        "created": timezone.now().isoformat(timespec="seconds"),
        "resources": [
            {"name": table.name, "path": table.path, "title": table.title,
             "description": table.description, "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "licenses": [LICENCE], "schema": table.schema()}
            for table in tables
        ],
    }
