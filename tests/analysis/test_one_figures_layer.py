"""The digest, the analysis pages, the exports and the open data count the same feedback:
the current consultation's, from the figures layer. A second, earlier consultation with
feedback of its own must change none of them (before the split, the digest counted it)."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.digests import periods
from consultation.digests.design_team import build_design_team_digest
from consultation.people.models import Consultation
from tests.analysis.conftest import respond
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def week():
    return periods.week_start(timezone.localdate() - timedelta(days=7))


@pytest.fixture
def two_rounds(consultation, area, week):
    """Feedback to the current consultation and to an earlier one, some in the same week."""
    now = timezone.now()
    earlier = Consultation.objects.create(title="An earlier round", opens_at=now - timedelta(days=400),
                                          closes_at=now - timedelta(days=300))
    during = timezone.make_aware(timezone.datetime.combine(week + timedelta(days=2), timezone.datetime.min.time()))
    during += timedelta(hours=11)
    for _ in range(2):
        respond(consultation, UserFactory(), {area: (4, 3)}, submitted_at=during)
    for _ in range(3):  # late answers to the earlier round, submitted the same week
        respond(earlier, UserFactory(), {area: (1, 1)}, submitted_at=during)
    CommentFactory(focus_area=area, created_at=during)
    CommentFactory(focus_area=area, created_at=during, state=Comment.State.PENDING)
    CommentFactory(focus_area=area, created_at=now - timedelta(days=350))  # written in the earlier round
    return earlier


def test_the_digest_and_the_analysis_agree_on_a_week(client, exporter, two_rounds, week, area):
    digest = build_design_team_digest(week)
    client.force_login(exporter)
    overview = client.get(reverse("analysis:overview"), {
        "date_from": week.isoformat(), "date_to": (week + timedelta(days=6)).isoformat()}).context["figures"]
    assert digest.new_responses == overview["respondents"].people == 2
    assert digest.new_comments == overview["comments_public"] == 1
    summary = next(a for a in digest.areas if a.area == area)
    assert summary.usefulness_mean == 4.0  # the earlier round's 1s are not mixed in


def test_the_exports_and_the_open_data_count_what_the_pages_count(client, exporter, two_rounds):
    client.force_login(exporter)
    overview = client.get(reverse("analysis:overview")).context["figures"]
    responses = client.get(reverse("analysis:export", args=["responses", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(responses.streaming_content).decode("utf-8-sig"))))[1:]
    assert len(rows) == overview["respondents"].people == 2
    comments = client.get(reverse("analysis:export", args=["comments", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(comments.streaming_content).decode("utf-8-sig"))))[1:]
    assert len(rows) == overview["comments_written"] == 2
    open_data = client.get(reverse("api:open_data_comments"))
    rows = list(csv.reader(io.StringIO(b"".join(open_data.streaming_content).decode("utf-8"))))[1:]
    assert len(rows) == overview["comments_public"] == 1
    assert len(json.loads(client.get(reverse("api:comments")).content)["results"]) == 1
