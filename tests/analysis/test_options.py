"""Delivery options and the paper's other parts in the analysis: ratings overall and by group,
region and organisation type, one council one voice, reasons (screened), considerations,
comment counts, the pages and the exports, on known data."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.analysis import figures, option_figures
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.people.roles import Role
from consultation.responses.models import OptionRating, Response
from ideas.paper import PaperPart
from models_of_delivery.models import Consideration, DeliveryOption
from tests.analysis.conftest import respond
from tests.factories import CommentFactory, UserFactory
from tests.models_of_delivery.conftest import load_if_empty

pytestmark = pytest.mark.django_db


@pytest.fixture
def options(db):
    load_if_empty()
    return {option.slug: option for option in DeliveryOption.objects.all()}


@pytest.fixture
def councils(local_authorities):
    return {name: local_authorities.get(name=name) for name in ("Barnsley", "Leeds", "Camden")}


def rate(consultation, person, ratings, considerations=(), status=Response.Status.SUBMITTED):
    """A response rating options: {option: (score, reason)}."""
    response = respond(consultation, person, status=status)
    for option, (score, reason) in ratings.items():
        OptionRating.objects.create(response=response, option=option, score=score, reason=reason)
    response.important_considerations.set(considerations)
    return response


def test_ratings_overall_and_split_by_group_region_and_organisation_type(consultation, options, councils):
    la = options["local-authority-hosting"]
    for score in (5, 5, 4):
        rate(consultation, UserFactory(role=Role.LA_DATA, organisation=councils["Barnsley"]), {la: (score, "")})
    rate(consultation, UserFactory(role=Role.LA_DATA, organisation=councils["Camden"]), {la: (2, "Too slow")})
    rate(consultation, UserFactory(role=Role.SUPPLIER), {la: (1, "")})
    rate(consultation, UserFactory(role=Role.SUPPLIER), {la: (3, "")}, status=Response.Status.DRAFT)

    summary = option_figures.option_summaries(Scope())[la.pk]

    assert summary.overall.n == 5  # the draft does not count
    assert summary.overall.mean == pytest.approx(17 / 5)
    assert summary.overall.caution is False
    assert summary.by_group["local_authority"].n == 4
    assert summary.by_group["supplier"].mean == 1
    regions = dict(summary.regions())
    assert regions["Yorkshire and The Humber"].mean == pytest.approx(14 / 3)
    assert regions["London"].mean == 2
    assert regions["No region (not a local authority)"].n == 1
    types = dict(summary.organisation_types())
    assert (types["Local authority"].n, types["Other or none"].n) == (4, 1)
    assert summary.reasons == 1
    low, high = summary.overall.ci
    assert 1 <= low < summary.overall.mean < high <= 5


def test_one_council_one_voice_for_option_ratings(consultation, options, councils):
    la = options["local-authority-hosting"]
    for _ in range(3):
        rate(consultation, UserFactory(organisation=councils["Barnsley"]), {la: (5, "")})
    rate(consultation, UserFactory(organisation=councils["Leeds"]), {la: (1, "")})

    raw = option_figures.option_summaries(Scope())[la.pk].overall
    weighted = option_figures.option_summaries(Scope(weighting="council"))[la.pk].overall

    assert raw.mean == 4  # (5+5+5+1)/4
    assert weighted.mean == 3  # Barnsley's three share one voice: (5+1)/2
    assert weighted.total_weight == pytest.approx(2)


def test_reasons_come_from_counted_responses_and_personal_data_is_withheld(consultation, options):
    new_entity = options["new-legal-entity"]
    rate(consultation, UserFactory(), {new_entity: (4, "Independence matters for trust")})
    rate(consultation, UserFactory(), {new_entity: (2, "Ring me on 07700 900123 to discuss")})
    rate(consultation, UserFactory(), {new_entity: (3, "A draft reason")}, status=Response.Status.DRAFT)
    rate(consultation, UserFactory(), {new_entity: (3, "")})

    reasons = option_figures.option_reasons(Scope(), new_entity)

    assert [r["reason"] for r in reasons.shown] == ["Independence matters for trust"]
    assert (reasons.withheld, reasons.total) == (1, 2)


def test_considerations_chosen_are_counted_and_weighted(consultation, options, councils):
    first, second = Consideration.objects.order_by("position")[:2]
    rate(consultation, UserFactory(organisation=councils["Barnsley"]), {}, considerations=[first, second])
    rate(consultation, UserFactory(organisation=councils["Barnsley"]), {}, considerations=[first])
    rate(consultation, UserFactory(role=Role.SUPPLIER), {}, considerations=[first])

    raw = option_figures.consideration_tallies(Scope())
    weighted = option_figures.consideration_tallies(Scope(weighting="council"))

    assert raw[first.pk].overall.people == 3 and raw[second.pk].overall.people == 1
    assert raw[first.pk].by_group["supplier"].people == 1
    assert weighted[first.pk].overall.weight == pytest.approx(2)  # Barnsley's two weigh 1/2 each
    assert weighted[second.pk].overall.weight == pytest.approx(0.5)


def test_comments_on_options_and_paper_parts_are_counted(consultation, options):
    option = options["central-government-hosting"]
    CommentFactory(delivery_option=option)
    CommentFactory(delivery_option=option, state=Comment.State.PENDING)
    CommentFactory(paper_part=PaperPart.MISSING_SYSTEM)
    CommentFactory(paper_part=PaperPart.MISSING_SYSTEM, state=Comment.State.HIDDEN)

    assert option_figures.comment_counts(Scope(), "delivery_option_id")[option.pk] == {"written": 2, "public": 1}
    parts = {row["part"]: row for row in option_figures.paper_part_comments(Scope())}
    assert (parts[PaperPart.MISSING_SYSTEM]["written"], parts[PaperPart.MISSING_SYSTEM]["public"]) == (2, 1)
    assert parts[PaperPart.COST]["written"] == 0


def test_the_options_pages_show_the_figures(client, analyst, consultation, options, councils, catalogue):
    la = options["local-authority-hosting"]
    rate(consultation, UserFactory(organisation=councils["Leeds"]), {la: (4, "Councils trust councils")})
    CommentFactory(paper_part=PaperPart.VALUE, body="Value is underplayed in the paper.")
    client.force_login(analyst)

    page = client.get(reverse("analysis:options")).content.decode()
    assert "Local authority hosting" in page and 'id="options-table"' in page
    assert "Caution" in page  # one rating: the mean is marked, and has no interval
    assert "95% interval" not in page.split('id="options-table"')[1].split("</table>")[0].split("</thead>")[1]
    assert 'role="img"' in page  # the comparison chart

    detail = client.get(reverse("analysis:option", args=[la.slug])).content.decode()
    assert "Councils trust councils" in detail
    assert "Yorkshire and The Humber" in detail and "Local authority" in detail
    assert ">local_authority<" not in detail  # groups by their names, not their codes

    overview = client.get(reverse("analysis:overview")).content.decode()
    assert 'id="paper-parts-table"' in overview and "Value" in overview
    assert overview.count('id="paper-parts-table"') == 1  # once, in the page body, not in its title


def test_exports_carry_option_ratings_reasons_considerations_and_what_comments_are_about(
        client, exporter, consultation, options, catalogue):
    la = options["local-authority-hosting"]
    first = Consideration.objects.order_by("position").first()
    response = rate(consultation, UserFactory(), {la: (5, "We already share services")}, considerations=[first])
    CommentFactory(delivery_option=la, body="On the option")
    CommentFactory(paper_part=PaperPart.MISSING_ENGAGEMENT, body="Nothing about young people")
    client.force_login(exporter)

    responses = list(csv.DictReader(io.StringIO(
        b"".join(client.get(reverse("analysis:export", args=["responses", "csv"])).streaming_content)
        .decode("utf-8-sig"))))
    row = next(r for r in responses if r["response_id"] == str(response.pk))
    assert row["option: local-authority-hosting: rating"] == "5"
    assert row["option: local-authority-hosting: reason"] == "We already share services"
    assert row["option: new-legal-entity: rating"] == ""
    assert row["considerations_chosen"] == first.slug

    comments = list(csv.DictReader(io.StringIO(
        b"".join(client.get(reverse("analysis:export", args=["comments", "csv"])).streaming_content)
        .decode("utf-8-sig"))))
    by_body = {r["body"]: r for r in comments}
    assert by_body["On the option"]["delivery_option"] == "local-authority-hosting"
    assert by_body["Nothing about young people"]["paper_part"] == "missing-engagement"
    assert by_body["Nothing about young people"]["focus_area"] == ""


def test_a_council_that_only_commented_is_heard_from(consultation, councils, area):
    CommentFactory(author=UserFactory(organisation=councils["Camden"]), focus_area=area)
    CommentFactory(author=UserFactory(organisation=councils["Leeds"]), focus_area=area,
                   withdrawn_at=timezone.now(), body="")
    CommentFactory(author=UserFactory(organisation=councils["Barnsley"]), focus_area=area,
                   created_at=consultation.opens_at - timedelta(days=3))  # before the consultation

    coverage = figures.council_coverage(Scope())

    assert coverage.heard == 1
    assert "Camden" not in [row["name"] for row in coverage.not_heard]
