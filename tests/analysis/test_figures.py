"""Every figure on known data: coverage, distributions, group splits, divergence, intervals,
the one-council weighting, flags, reflections, weekly counts, the caution and the filters."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from consultation.analysis import figures, rankings, scope
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.people.models import Organisation
from consultation.people.roles import Role
from consultation.responses.models import Response
from ideas.models import Idea
from tests.analysis.conftest import respond
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
COUNCIL = Scope(weighting="council")


@pytest.fixture
def councils(local_authorities):
    return {name: local_authorities.get(name=name) for name in ("Barnsley", "Leeds", "Camden", "Bradford")}


def person(role=Role.LA_DATA, organisation=None):
    return UserFactory(role=role, organisation=organisation)


def test_coverage_counts_councils_with_a_submitted_response(consultation, councils):
    respond(consultation, person(organisation=councils["Barnsley"]))
    respond(consultation, person(organisation=councils["Barnsley"]))
    respond(consultation, person(organisation=councils["Leeds"]))
    respond(consultation, person(organisation=councils["Camden"]))
    respond(consultation, person(organisation=councils["Bradford"]), status=Response.Status.DRAFT)
    respond(consultation, person(role=Role.SUPPLIER))

    coverage = figures.council_coverage(Scope())

    assert (coverage.heard, coverage.total) == (3, 153)
    regions = {row["region"]: (row["heard"], row["total"]) for row in coverage.by_region}
    assert regions["Yorkshire and The Humber"] == (2, 15)
    assert regions["London"] == (1, 33)
    assert regions["North East"] == (0, 12)
    not_heard = [row["name"] for row in coverage.not_heard]
    assert len(not_heard) == 150
    assert "Bradford" in not_heard and "Leeds" not in not_heard


def test_coverage_by_region_filter_lists_only_that_regions_councils(consultation, councils):
    respond(consultation, person(organisation=councils["Camden"]))
    coverage = figures.council_coverage(Scope(region="London"))
    assert (coverage.heard, coverage.total) == (1, 33)


def test_distribution_and_group_split_of_one_focus_area(consultation, area, local_authorities):
    leeds = local_authorities.get(name="Leeds")
    for u, lk in [(5, 4), (5, 4), (4, 4), (4, 3), (4, None)]:
        respond(consultation, person(organisation=leeds), {area: (u, lk)})
    for u in [2, 2, 2, 2, 2]:
        respond(consultation, person(role=Role.CG_DATA), {area: (u, 1)})
    respond(consultation, person(role=Role.SUPPLIER), {area: (1, 1)})

    summary = figures.score_summaries(Scope())[area.pk]
    usefulness, likelihood = summary["usefulness"], summary["likelihood"]

    assert [bar["people"] for bar in usefulness.overall.bars()] == [1, 5, 0, 3, 2]
    assert usefulness.overall.n == 11
    assert usefulness.overall.mean == pytest.approx(33 / 11)
    assert usefulness.overall.median == 2
    assert usefulness.by_group["local_authority"].mean == pytest.approx(4.4)
    assert usefulness.by_group["central_government"].mean == 2
    assert usefulness.by_group["supplier"].n == 1
    assert usefulness.by_group["other"].n == 0
    # Groups with five answers or more: 4.4 − 2.0; the single supplier does not count.
    assert usefulness.divergence == pytest.approx(2.4)
    # One Leeds officer left likelihood blank: four answers, too few for the divergence.
    assert likelihood.by_group["local_authority"].n == 4
    assert likelihood.divergence is None
    assert likelihood.overall.n == 10


def test_confidence_interval_from_the_database(consultation, area):
    for score in [1, 2, 3, 4, 5]:
        respond(consultation, person(role=Role.OTHER_PUBLIC), {area: (score, score)})
    low, high = figures.score_summaries(Scope())[area.pk]["usefulness"].overall.ci
    assert (low, high) == (pytest.approx(1.03707, abs=1e-4), pytest.approx(4.96293, abs=1e-4))


def test_one_council_one_voice(consultation, area, local_authorities):
    barnsley, leeds = local_authorities.get(name="Barnsley"), local_authorities.get(name="Leeds")
    for _ in range(3):
        respond(consultation, person(organisation=barnsley), {area: (5, 5)})
    respond(consultation, person(organisation=barnsley), {area: (None, 5)})  # did not score usefulness
    respond(consultation, person(organisation=leeds), {area: (1, 1)})
    respond(consultation, person(role=Role.SUPPLIER), {area: (1, 1)})

    raw = figures.score_summaries(Scope())[area.pk]["usefulness"].overall
    weighted = figures.score_summaries(COUNCIL)[area.pk]["usefulness"].overall

    assert raw.mean == pytest.approx((15 + 1 + 1) / 5)
    assert weighted.n == 5  # still five people
    assert weighted.total_weight == pytest.approx(3)  # Barnsley, Leeds and the supplier
    assert weighted.weight[5] == pytest.approx(1) and weighted.weight[1] == pytest.approx(2)
    assert weighted.mean == pytest.approx(7 / 3)
    assert weighted.median == 1
    # Kish: (Σw)² / Σw² = 9 / (3·(1/3)² + 1 + 1)
    assert weighted.effective_n == pytest.approx(9 / (1 / 3 + 2))
    likelihood = figures.score_summaries(COUNCIL)[area.pk]["likelihood"].overall
    assert likelihood.weight[5] == pytest.approx(1)  # four Barnsley officers, still one vote

    regions = {row["region"]: row["tally"] for row in figures.respondents_by_region(COUNCIL)}
    yorkshire = regions["Yorkshire and The Humber"]
    assert (yorkshire.people, yorkshire.weight) == (5, pytest.approx(2))
    assert regions[scope.NO_REGION].weight == 1


def test_flags_per_idea_raw_and_weighted(consultation, area, local_authorities):
    barnsley = local_authorities.get(name="Barnsley")
    first, second = Idea.objects.filter(focus_area=area)[:2]
    respond(consultation, person(organisation=barnsley), flags=[first, second])
    respond(consultation, person(organisation=barnsley), flags=[first])
    respond(consultation, person(role=Role.CG_LEADERSHIP), flags=[first])
    respond(consultation, person(role=Role.CG_LEADERSHIP))

    raw = figures.flag_tallies(Scope(), focus_area=area)
    assert raw[first.pk].overall.people == 3
    assert raw[first.pk].by_group["local_authority"].people == 2
    assert raw[first.pk].by_group["central_government"].people == 1
    assert raw[second.pk].overall.people == 1

    weighted = figures.flag_tallies(COUNCIL, focus_area=area)
    assert weighted[first.pk].overall.weight == pytest.approx(2)  # Barnsley once, plus one person
    assert weighted[second.pk].overall.weight == pytest.approx(0.5)  # half of Barnsley's vote
    totals = figures.respondent_totals(COUNCIL)
    assert (totals["all"].people, totals["all"].weight) == (4, pytest.approx(3))


def test_reflection_kinds_count_all_and_public_comments(consultation, area):
    CommentFactory(focus_area=area, reflection_kind="enthusiastic")
    CommentFactory(focus_area=area, reflection_kind="enthusiastic", state=Comment.State.PENDING)
    CommentFactory(focus_area=area, reflection_kind="disagree", withdrawn_at=timezone.now())
    rows = {row["kind"]: row for row in rankings.reflection_kinds(Scope(), focus_area=area)}
    assert (rows["I'm enthusiastic about this"]["written"], rows["I'm enthusiastic about this"]["public"]) == (2, 1)
    assert (rows["I disagree with this"]["written"], rows["I disagree with this"]["public"]) == (1, 0)


def test_weekly_responses_and_comments(consultation, area):
    monday = timezone.make_aware(datetime(2026, 3, 2, 10))
    # Comments count within the consultation's window: one around these weeks, whatever today is.
    consultation.opens_at, consultation.closes_at = monday - timedelta(days=1), monday + timedelta(days=30)
    consultation.save()
    for days in (0, 1, 7):
        respond(consultation, person(), submitted_at=monday + timedelta(days=days))
    CommentFactory(focus_area=area, created_at=monday + timedelta(days=2))
    CommentFactory(focus_area=area, created_at=monday + timedelta(days=8), state=Comment.State.HIDDEN)

    weeks = [(row["week"].date(), row["tally"].people) for row in figures.responses_by_week(Scope())]
    assert weeks == [(date(2026, 3, 2), 2), (date(2026, 3, 9), 1)]
    comments = [(row["week"].date(), row["written"], row["public"]) for row in figures.comments_by_week(Scope())]
    assert comments == [(date(2026, 3, 2), 1, 1), (date(2026, 3, 9), 1, 0)]


def test_respondents_by_role(consultation):
    respond(consultation, person(role=Role.LA_DATA))
    respond(consultation, person(role=Role.LA_DATA))
    respond(consultation, person(role=Role.CONSULTANT))
    rows = {row["role"]: (row["group"], row["tally"].people) for row in figures.respondents_by_role(Scope())}
    assert rows == {
        "Local authority data professional": ("Local authority", 2),
        "Data and digital consultant": ("Supplier or consultant", 1),
    }


def test_filters_narrow_every_figure(consultation, area, local_authorities):
    camden, leeds = local_authorities.get(name="Camden"), local_authorities.get(name="Leeds")
    other = Organisation.objects.create(name="A charity", kind=Organisation.Kind.OTHER, region="London")
    early = timezone.make_aware(datetime(2026, 1, 5, 12))
    late = timezone.make_aware(datetime(2026, 2, 5, 12))
    respond(consultation, person(organisation=camden), {area: (5, 5)}, submitted_at=early)
    respond(consultation, person(organisation=leeds), {area: (4, 4)}, submitted_at=late)
    respond(consultation, person(role=Role.CG_DATA), {area: (1, 1)}, submitted_at=late)
    respond(consultation, person(role=Role.OTHER_PUBLIC, organisation=other), {area: (2, 2)}, submitted_at=late)

    def usefulness(scope):
        return figures.score_summaries(scope).get(area.pk, {}).get("usefulness")

    assert usefulness(Scope(region="London")).overall.mean == 3.5  # Camden and the London charity
    assert usefulness(Scope(organisation_type="local_authority")).overall.n == 2
    assert usefulness(Scope(organisation_type="other")).overall.mean == 1.5
    assert usefulness(Scope(group="central_government")).overall.mean == 1
    assert usefulness(Scope(date_to=date(2026, 1, 31))).overall.mean == 5
    assert usefulness(Scope(date_from=date(2026, 2, 1))).overall.n == 3
    assert usefulness(Scope(date_from=date(2026, 3, 1))) is None


def test_only_submitted_responses_to_the_current_consultation_count(consultation, area):
    respond(consultation, person(), {area: (5, 5)})
    respond(consultation, person(), {area: (1, 1)}, status=Response.Status.DRAFT)
    assert figures.score_summaries(Scope())[area.pk]["usefulness"].overall.n == 1


def test_ranking_sorts_and_keeps_small_samples_visible(consultation, catalogue):
    areas = list(catalogue.order_by("position"))
    for _ in range(5):
        respond(consultation, person(), {areas[0]: (2, 5), areas[1]: (4, 1)})
    respond(consultation, person(), {areas[2]: (5, 5)})

    by_usefulness = rankings.ranking(Scope(), "usefulness", descending=True)["areas"]
    assert [row["area"] for row in by_usefulness[:3]] == [areas[2], areas[1], areas[0]]
    assert by_usefulness[0]["usefulness"].overall.caution  # one answer
    assert not by_usefulness[1]["usefulness"].overall.caution  # five answers
    by_likelihood = rankings.ranking(Scope(), "likelihood", descending=False)["areas"]
    assert [row["area"] for row in by_likelihood[:3]] == [areas[1], areas[0], areas[2]]
    assert by_likelihood[-1]["likelihood"].overall.mean is None  # unanswered areas go last


def test_groups_worked_out_in_sql_match_role_group(db):
    from consultation.people.models import User
    from consultation.people.roles import role_group

    for role in [*Role.values, ""]:
        UserFactory(role=role)
    rows = User.objects.values_list("role", scope.group_of(""))
    assert all(group == role_group(role).value for role, group in rows)
