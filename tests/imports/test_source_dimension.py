"""Source as a dimension: the analysis filter, the exports' column, and council coverage
that counts every source."""

import csv
import io

import pytest
from django.urls import reverse

from consultation.analysis.figures import council_coverage
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.imports.importing import Importer
from consultation.people.sources import Source
from consultation.responses.models import Response
from tests.analysis.conftest import analyst, exporter, respond  # noqa: F401 (fixtures)
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(consultation, area, local_authorities):
    """One online response and comment; one imported response; one imported comment from a
    council nobody else has written from."""
    online = UserFactory(organisation=local_authorities.get(name="Leeds"))
    respond(consultation, online, {area: (5, 5)})
    CommentFactory(author=online, focus_area=area, body="Online words")
    page = "https://data-to-insight.github.io/centre-of-excellence/appendix-2-more-on-possible-mechanisms-for-change/improving-data-quality/"
    Importer(consultation=consultation, file_name="t", dry_run=False, on_problem=print).feed([
        (1, {"tab": "MainFeedback", "role": "Local authority data professional", "org": "Kent CC",
             "rank_usefulness": {"Improving data quality": 1}}, ""),
        (2, {"tab": "Feedback", "role": "Local authority leadership", "org": "Royal Borough of Greenwich",
             "page": page, "summary": "Imported words"}, ""),
    ])
    return consultation


def test_the_scope_filters_responses_and_comments_by_source(mixed):
    imported = Scope(source=Source.IMPORTED)
    assert Response.objects.filter(imported.responses_q()).count() == 1
    assert list(Comment.objects.filter(imported.comments_q()).values_list("body", flat=True)) == ["Imported words"]
    online = Scope(source=Source.ONLINE)
    assert Response.objects.filter(online.responses_q()).get().respondent.organisation.name == "Leeds"
    assert "imported" in imported.describe()


def test_council_coverage_counts_councils_heard_from_by_any_source(mixed):
    coverage = council_coverage(Scope())
    heard = {c["name"] for c in coverage.not_heard}
    assert coverage.heard == 3  # Leeds online, Kent's imported response, Greenwich's imported comment
    assert not {"Leeds", "Kent", "Greenwich"} & heard
    assert council_coverage(Scope(source=Source.ONLINE)).heard == 1


def test_the_analysis_page_filters_by_source(client, analyst, mixed):  # noqa: F811
    client.force_login(analyst)
    page = client.get(reverse("analysis:overview"), {"source": "imported"})
    assert page.status_code == 200
    assert "feedback imported" in page.content.decode()
    assert "Select a source from the list" in client.get(reverse("analysis:overview"), {"source": "pigeon"}).content.decode()


def test_exports_carry_the_source(client, exporter, mixed):  # noqa: F811
    client.force_login(exporter)
    for kind, expected in (("responses", {"online", "imported"}), ("comments", {"online", "imported"})):
        body = b"".join(client.get(reverse("analysis:export", args=[kind, "csv"])).streaming_content).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(body)))
        assert {row["source"] for row in rows} == expected, kind
    filtered = b"".join(client.get(reverse("analysis:export", args=["comments", "csv"]),
                                   {"source": "imported"}).streaming_content).decode("utf-8-sig")
    assert "Imported words" in filtered and "Online words" not in filtered
