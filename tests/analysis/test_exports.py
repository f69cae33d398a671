"""Exports: content, headers, streaming, the export record, and no personal data in open data."""

import csv
import io
import json
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from consultation.analysis.models import ExportRecord
from consultation.comments.models import Comment
from consultation.people.roles import Role
from tests.analysis.conftest import respond
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, exporter):
    client.force_login(exporter)
    return client


@pytest.fixture
def feedback(consultation, area, local_authorities):
    leeds = local_authorities.get(name="Leeds")
    author = UserFactory(email="jo.bloggs@leeds.example", display_name="Jo Bloggs", organisation=leeds,
                         role=Role.LA_LEADERSHIP)
    supplier = UserFactory(email="sam@supplier.example", display_name="Sam Supplier", role=Role.SUPPLIER,
                           organisation_name="Supplier Ltd")
    idea = area.ideas.first()
    respond(consultation, author, {area: (5, 4)}, flags=[idea])
    respond(consultation, supplier, {area: (2, None)})
    CommentFactory(author=author, focus_area=area, body="=HYPERLINK(\"x\") write to me at jo.bloggs@leeds.example",
                   reflection_kind="enthusiastic")
    CommentFactory(author=supplier, focus_area=area, idea=idea, body="Hidden text", state=Comment.State.HIDDEN)
    CommentFactory(author=supplier, focus_area=area, body="Pending text", state=Comment.State.PENDING)
    return {"author": author, "supplier": supplier, "idea": idea, "area": area}


def body_of(response) -> bytes:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def csv_rows(response):
    text = body_of(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_responses_csv(signed_in, feedback, exporter):
    response = signed_in.get(reverse("analysis:export", args=["responses", "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="coe-responses-')
    assert "no-store" in response["Cache-Control"]
    rows = csv_rows(response)
    assert len(rows) == 2
    leeds = next(row for row in rows if row["organisation"] == "Leeds")
    assert leeds["respondent_group"] == "Local authority"
    assert leeds["region"] == "Yorkshire and The Humber"
    assert leeds["improving-data-quality: usefulness"] == "5"
    assert leeds["improving-data-quality: likelihood"] == "4"
    idea = feedback["idea"]
    assert leeds[f"flag: improving-data-quality/{idea.slug}"] == "1"
    supplier = next(row for row in rows if row["organisation"] == "Supplier Ltd")
    assert supplier["improving-data-quality: likelihood"] == ""
    assert supplier["organisation_type"] == "other" and supplier["region"] == ""
    text = json.dumps(rows)
    assert "jo.bloggs@leeds.example" not in text and "Jo Bloggs" not in text
    record = ExportRecord.objects.get()
    assert (record.taken_by, record.kind, record.file_format, record.row_count) == (exporter, "responses", "csv", 2)


def test_comments_csv_has_every_state_and_defuses_formulas(signed_in, feedback):
    rows = csv_rows(signed_in.get(reverse("analysis:export", args=["comments", "csv"])))
    assert sorted(row["moderation_state"] for row in rows) == ["hidden", "pending", "published"]
    published = next(row for row in rows if row["moderation_state"] == "published")
    assert published["body"].startswith("'=HYPERLINK")
    assert published["reflection_kind"] == "enthusiastic"
    assert ExportRecord.objects.get().row_count == 3


def test_filters_apply_to_exports_and_are_recorded(signed_in, feedback):
    rows = csv_rows(signed_in.get(reverse("analysis:export", args=["comments", "csv"]), {"group": "supplier"}))
    assert {row["respondent_group"] for row in rows} == {"Supplier or consultant"}
    assert ExportRecord.objects.get().filters == {"group": "supplier"}


def read_sheet(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
        return workbook.read("xl/worksheets/sheet1.xml").decode()


def test_comments_xlsx_is_a_streamed_workbook(signed_in, feedback):
    response = signed_in.get(reverse("analysis:export", args=["comments", "xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = read_sheet(body_of(response))
    assert "Pending text" in sheet and "moderation_state" in sheet
    assert "<f>" not in sheet  # text starting with = stays text
    record = ExportRecord.objects.get()
    assert (record.kind, record.file_format, record.row_count) == ("comments", "xlsx", 3)


def test_catalogue_exports(signed_in, catalogue):
    rows = csv_rows(signed_in.get(reverse("analysis:export", args=["catalogue", "csv"])))
    assert len(rows) == 39
    assert {"theme", "focus_area", "idea", "idea_summary"} <= set(rows[0])
    assert "improving-data-quality" in read_sheet(body_of(signed_in.get(reverse("analysis:export", args=["catalogue", "xlsx"]))))
    assert ExportRecord.objects.filter(kind="catalogue").count() == 2


def test_unknown_export_is_404(signed_in, catalogue):
    assert signed_in.get("/analysis/exports/people.csv").status_code == 404
    assert signed_in.get("/analysis/exports/responses.pdf").status_code == 404


def test_the_export_is_recorded_before_the_first_byte(signed_in, feedback):
    response = signed_in.get(reverse("analysis:export", args=["responses", "csv"]))
    record = ExportRecord.objects.get()
    assert record.row_count is None  # nothing streamed yet
    body_of(response)
    record.refresh_from_db()
    assert record.row_count == 2


def test_export_streams_in_chunks_without_one_query_per_row(signed_in, feedback, consultation, area, django_assert_max_num_queries):
    for _ in range(30):
        respond(consultation, UserFactory(), {area: (3, 3)})
    response = signed_in.get(reverse("analysis:export", args=["responses", "csv"]))
    with django_assert_max_num_queries(10):
        chunks = list(response.streaming_content)
    assert len(chunks) == 33  # the header, then one chunk per row
