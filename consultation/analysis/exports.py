"""Exports for analysts: responses, comments and the catalogue as CSV or XLSX, and an open-data
JSON file of published comments. All are streamed: rows come from the database in chunks
(`.iterator(chunk_size=...)`) and go out as they are written, so 200,000 rows never sit in
memory. XLSX is written by xlsxwriter in constant-memory mode to a temporary file on disk,
which is then streamed in chunks and removed.

Every export writes an ExportRecord (who, what, which filters) before the first byte, and
the record gets its row count when the stream finishes.

Personal data:
- CSV and XLSX (staff with ``analysis.export_data`` only) identify people by their
  account number ("person_id"), never by email or display name. They carry role,
  organisation and region, which the analysis needs.
- The open-data JSON carries none of that: no names, emails, account numbers, roles or
  organisation names; only the respondent group (4 broad groups), whether the person is in
  a local authority and, if so, its region (9 regions of 10 to 33 councils each), and the
  date (not the time) a comment was written. Email addresses typed into comment text are
  replaced with "[email address removed]". Only published, not withdrawn, comments appear.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator

import xlsxwriter
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from consultation.analysis.models import ExportRecord
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.people.models import Organisation
from consultation.people.roles import Role, role_group
from consultation.responses.models import Response
from ideas.models import FocusArea, Idea
from models_of_delivery.models import Consideration, DeliveryOption

CHUNK_SIZE = 2000
FILE_CHUNK = 64 * 1024
KINDS = {"responses": "Responses", "comments": "Comments", "catalogue": "Catalogue"}
FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROLE_LABELS = dict(Role.choices)


# --- Records ----------------------------------------------------------------------------------


def export_record_create(*, user, kind: str, file_format: str, filters: dict) -> ExportRecord:
    return ExportRecord.objects.create(taken_by=user, kind=kind, file_format=file_format, filters=filters)


def export_record_finish(record: ExportRecord, row_count: int) -> None:
    ExportRecord.objects.filter(pk=record.pk).update(row_count=row_count)


def counted(rows: Iterable, record: ExportRecord) -> Iterator:
    """Passes rows through and writes how many there were once the last has gone."""
    count = 0
    for row in rows:
        count += 1
        yield row
    export_record_finish(record, count)


# --- Rows -------------------------------------------------------------------------------------


def _when(value):
    return value.isoformat() if value else ""


def _organisation_type(kind):
    return "local authority" if kind == Organisation.Kind.LOCAL_AUTHORITY else "other"


def _person(role, kind, organisation, organisation_name, region):
    return [
        ROLE_LABELS.get(role, ""),
        role_group(role or "").label,
        _organisation_type(kind),
        organisation or organisation_name,
        region if kind == Organisation.Kind.LOCAL_AUTHORITY else "",
    ]


PERSON_HEADER = ["person_id", "role", "respondent_group", "organisation_type", "organisation", "region"]


def response_table(scope: Scope) -> tuple[list[str], Iterator[list]]:
    """One row per submitted response: the person, then both scores per focus area, then a
    1 or 0 per idea for whether they flagged it, then each delivery option's rating and
    reason, and the considerations chosen (their slugs, separated by "; ")."""
    areas = list(FocusArea.objects.order_by("position", "title").values_list("pk", "slug"))
    ideas = list(Idea.objects.order_by("focus_area__position", "position", "verb").values_list("pk", "focus_area__slug", "slug"))
    options = list(DeliveryOption.objects.order_by("position", "title").values_list("pk", "slug"))
    header = ["response_id", *PERSON_HEADER, "submitted_at", "source"]
    for _, slug in areas:
        header += [f"{slug}: usefulness", f"{slug}: likelihood"]
    header += [f"flag: {area_slug}/{slug}" for _, area_slug, slug in ideas]
    for _, slug in options:
        header += [f"option: {slug}: rating", f"option: {slug}: reason"]
    header += ["considerations_chosen", "anything_else"]
    responses = (
        Response.objects.filter(scope.responses_q())
        .select_related("respondent__organisation")
        .prefetch_related("scores", "flags", "option_ratings",
                          Prefetch("important_considerations", Consideration.objects.order_by("position", "slug")))
        .order_by("pk")
    )

    def rows():
        for response in responses.iterator(chunk_size=CHUNK_SIZE):
            person = response.respondent
            organisation = person.organisation
            scores = {score.focus_area_id: score for score in response.scores.all()}
            flagged = {flag.idea_id for flag in response.flags.all()}
            row = [response.pk, person.pk, *_person(
                person.role,
                organisation.kind if organisation else "",
                organisation.name if organisation else "",
                person.organisation_name,
                organisation.region if organisation else "",
            ), _when(response.submitted_at), response.source]
            for area_id, _ in areas:
                score = scores.get(area_id)
                row += [score.usefulness, score.likelihood] if score else [None, None]
            row += [1 if idea_id in flagged else 0 for idea_id, _, _ in ideas]
            ratings = {rating.option_id: rating for rating in response.option_ratings.all()}
            for option_id, _ in options:
                rating = ratings.get(option_id)
                row += [rating.score, rating.reason] if rating else [None, ""]
            row.append("; ".join(c.slug for c in response.important_considerations.all()))
            row.append(response.anything_else)
            yield row

    return header, rows()


COMMENT_FIELDS = [
    "pk", "created_at", "edited_at", "withdrawn_at", "state", "moderation_reason", "focus_area__slug",
    "idea__slug", "delivery_option__slug", "paper_part", "parent_id", "reflection_kind", "body", "author_id", "author__role",
    "author__organisation__kind", "author__organisation__name", "author__organisation_name",
    "author__organisation__region", "source",
]


def comment_table(scope: Scope) -> tuple[list[str], Iterator[list]]:
    """Every comment and reply in scope, whatever its moderation state, with what it is about:
    a focus area (and idea), a delivery option or a part of the paper."""
    header = [
        "comment_id", "created_at", "edited_at", "withdrawn_at", "moderation_state", "moderation_reason",
        "focus_area", "idea", "delivery_option", "paper_part", "reply_to", "reflection_kind", "body", *PERSON_HEADER, "source",
    ]
    comments = Comment.objects.filter(scope.comments_q()).order_by("pk").values_list(*COMMENT_FIELDS)

    def rows():
        for (pk, created, edited, withdrawn, state, reason, area, idea, option, part, parent, kind, body, author,
             role, org_kind, org_name, own_org_name, region, source) in comments.iterator(chunk_size=CHUNK_SIZE):
            yield [
                pk, _when(created), _when(edited), _when(withdrawn), state, reason, area or "", idea or "",
                option or "", part, parent, kind, body, author, *_person(role, org_kind, org_name, own_org_name, region), source,
            ]

    return header, rows()


def catalogue_table(scope: Scope | None = None) -> tuple[list[str], Iterator[list]]:
    header = [
        "theme", "focus_area", "focus_area_title", "delivery_strand", "focus_area_summary",
        "idea", "idea_title", "idea_paper_label", "idea_summary", "source_url",
    ]
    ideas = Idea.objects.order_by("focus_area__position", "position", "verb").values_list(
        "focus_area__theme__title", "focus_area__slug", "focus_area__title", "focus_area__delivery_strand__title",
        "focus_area__summary", "slug", "title", "paper_label", "summary", "focus_area__source_url",
    )
    return header, (list(row) for row in ideas.iterator(chunk_size=CHUNK_SIZE))


TABLES = {"responses": response_table, "comments": comment_table, "catalogue": catalogue_table}


# --- Formats ----------------------------------------------------------------------------------


class _Echo:
    def write(self, value):
        return value


def _safe_cell(value):
    """Stops a spreadsheet from running text as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_stream(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)  # the byte-order mark makes Excel read UTF-8
    for row in rows:
        yield writer.writerow([_safe_cell(value) for value in row])


def xlsx_stream(header: list[str], rows: Iterable[list], sheet_name: str) -> Iterator[bytes]:
    """Writes the workbook row by row to a temporary file (constant memory), then streams it."""
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        workbook = xlsxwriter.Workbook(path, {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "remove_timezone": True,
        })
        sheet = workbook.add_worksheet(sheet_name)
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 0)
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(index, column, value)
                else:
                    sheet.write_number(index, column, value)
        workbook.close()
        with open(path, "rb") as finished:
            while chunk := finished.read(FILE_CHUNK):
                yield chunk
    finally:
        os.remove(path)


def filename(kind: str, extension: str) -> str:
    return f"coe-{kind.replace('_', '-')}-{timezone.localdate():%Y-%m-%d}.{extension}"


def streamed(content, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, no_store=True, private=True)
    return response


def table_export(*, user, kind: str, file_format: str, scope: Scope, filters: dict) -> StreamingHttpResponse:
    """A streamed CSV or XLSX of one table, recorded as an ExportRecord."""
    record = export_record_create(
        user=user, kind=kind, file_format=file_format, filters=filters if kind != "catalogue" else {}
    )
    header, rows = TABLES[kind](scope)
    rows = counted(rows, record)
    if file_format == "csv":
        content = csv_stream(header, rows)
    else:
        content = xlsx_stream(header, rows, KINDS[kind])
    return streamed(content, FORMATS[file_format], filename(kind, file_format))


