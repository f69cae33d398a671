"""The figures layer: every count and statistic the analysis pages, the exports, the
digests and the open data show, from a few grouped queries within one Scope. Ask these
functions; do not count feedback anywhere else."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.db.models.functions import TruncWeek

from consultation.analysis.scope import (
    ALL,
    GROUPS,
    NO_REGION,
    Scope,
    add_weights,
    grouped,
    region_of,
)
from consultation.analysis.statistics import Distribution, divergence
from consultation.comments.models import Comment, public_q
from consultation.people.models import Organisation
from consultation.people.roles import Role, role_group
from consultation.responses.models import FocusAreaScore, IdeaFlag, Response

MEASURES = ("usefulness", "likelihood")


# --- Scores: distributions per focus area, overall and by group --------------------------------


@dataclass
class MeasureSummary:
    overall: Distribution
    by_group: dict[str, Distribution]

    @property
    def divergence(self) -> float | None:
        return divergence(self.by_group)

    def groups(self):
        return [(group, self.by_group[group.value]) for group in GROUPS]


def score_summaries(scope: Scope, focus_area=None) -> dict[int, dict[str, MeasureSummary]]:
    """{focus area id: {measure: MeasureSummary}}, in one grouped query per measure."""
    summaries: dict[int, dict[str, MeasureSummary]] = defaultdict(dict)
    base = FocusAreaScore.objects.filter(scope.responses_q("response__"))
    if focus_area is not None:
        base = base.filter(focus_area=focus_area)
    for measure in MEASURES:
        rows = list(
            grouped(
                base.filter(**{f"{measure}__isnull": False}),
                scope,
                "response__respondent__",
                "focus_area_id",
                value=F(measure),
            )
        )
        add_weights(rows, partition=lambda row: row["focus_area_id"])
        for row in rows:
            area_summaries = summaries[row["focus_area_id"]]
            summary = area_summaries.get(measure)
            if summary is None:
                summary = area_summaries[measure] = _empty_summary()
            for distribution in (summary.overall, summary.by_group[row["group"]]):
                distribution.add(row["value"], row["n"], row["w"], row["w2"])
    return summaries


def _empty_summary() -> MeasureSummary:
    return MeasureSummary(Distribution(), {group.value: Distribution() for group in GROUPS})


def summary_for(summaries, area_id: int, measure: str) -> MeasureSummary:
    return summaries.get(area_id, {}).get(measure) or _empty_summary()


# --- Respondents and flags -----------------------------------------------------------------------


@dataclass
class Tally:
    people: int = 0
    weight: float = 0.0

    def add(self, row) -> None:
        self.people += row["n"]
        self.weight += row["w"]

    def value(self, by_council: bool) -> float:
        return self.weight if by_council else self.people


def respondent_rows(scope: Scope, *keys, by_role=False, **named) -> list[dict]:
    """Submitted responses in scope grouped by the given keys, with weights per council."""
    rows = list(grouped(Response.objects.filter(scope.responses_q()), scope, "respondent__", *keys,
                         by_role=by_role, **named))
    add_weights(rows, partition=lambda row: None)
    return rows


def respondent_totals(scope: Scope) -> dict[str, Tally]:
    """People (and weight) in scope, overall ('all') and per group: one query."""
    totals = {ALL: Tally(), **{group.value: Tally() for group in GROUPS}}
    for row in respondent_rows(scope):
        totals[ALL].add(row)
        totals[row["group"]].add(row)
    return totals


@dataclass
class FlagTally:
    overall: Tally = field(default_factory=Tally)
    by_group: dict[str, Tally] = field(default_factory=lambda: {g.value: Tally() for g in GROUPS})


def council_sizes(scope: Scope) -> dict:
    """Respondents in scope per council (one query; none unless weighting). Choices that are
    not scores (flags, considerations) weigh 1/k of the council's k respondents in scope."""
    sizes: dict = defaultdict(int)
    if scope.by_council:
        for row in grouped(Response.objects.filter(scope.responses_q()), scope, "respondent__"):
            if row["council"] is not None:
                sizes[row["council"]] += row["n"]
    return sizes


def flag_tallies(scope: Scope, focus_area=None) -> dict[int, FlagTally]:
    """{idea id: FlagTally}. Weights use the council's respondents in scope (see respondent_totals)."""
    sizes = council_sizes(scope)
    flags = IdeaFlag.objects.filter(scope.responses_q("response__"))
    if focus_area is not None:
        flags = flags.filter(idea__focus_area=focus_area)
    tallies: dict[int, FlagTally] = defaultdict(FlagTally)
    for row in grouped(flags, scope, "response__respondent__", "idea_id"):
        council = row.get("council")
        row["w"] = row["n"] / sizes[council] if council is not None else float(row["n"])
        tally = tallies[row["idea_id"]]
        tally.overall.add(row)
        tally.by_group[row["group"]].add(row)
    return tallies


# --- Overview ------------------------------------------------------------------------------------


def responses_by_week(scope: Scope) -> list[dict]:
    rows = respondent_rows(scope, week=TruncWeek("submitted_at"))
    weeks: dict = defaultdict(Tally)
    for row in rows:
        weeks[row["week"]].add(row)
    return [{"week": week, "tally": weeks[week]} for week in sorted(weeks, key=lambda w: (w is None, w))]


def comments_by_week(scope: Scope) -> list[dict]:
    """Comments written per week (any moderation state) and how many of them are public."""
    public = public_q()
    rows = (
        Comment.objects.filter(scope.comments_q())
        .values(week=TruncWeek("created_at"))
        .annotate(written=Count("pk"), public=Count("pk", filter=public))
        .order_by("week")
    )
    return list(rows)


def public_comments_by_focus_area(scope: Scope) -> dict[int, int]:
    """Public comments in scope per focus area (its ideas' included): one grouped query."""
    rows = (Comment.objects.public().filter(scope.comments_q(), focus_area__isnull=False)
            .values("focus_area_id").annotate(n=Count("pk")).order_by())
    return {row["focus_area_id"]: row["n"] for row in rows}


def respondents_by_role(scope: Scope) -> list[dict]:
    tallies: dict = defaultdict(Tally)
    for row in respondent_rows(scope, by_role=True):
        tallies[row["role"]].add(row)
    labels = dict(Role.choices)
    return [
        {"role": labels.get(role, "No role given"), "group": role_group(role or "").label, "tally": tallies[role]}
        for role in [*Role.values, ""]
        if tallies.get(role)
    ]


def respondents_by_region(scope: Scope) -> list[dict]:
    tallies: dict = defaultdict(Tally)
    for row in respondent_rows(scope, region=region_of("respondent__")):
        tallies[row["region"] or NO_REGION].add(row)
    return [{"region": region, "tally": tallies[region]} for region in sorted(tallies, key=lambda r: (r == NO_REGION, r))]


@dataclass
class Coverage:
    heard: int
    total: int
    by_region: list[dict]
    not_heard: list[dict]

    @property
    def share(self) -> float:
        return self.heard / self.total if self.total else 0.0


def council_coverage(scope: Scope) -> Coverage:
    """How many councils we have heard from in scope, by region: one query. Heard from means a
    submitted response or a comment (not withdrawn) from someone there, whatever its source:
    online, imported from the earlier forms or recorded by staff."""
    councils = Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY)
    if scope.region:
        councils = councils.filter(region=scope.region)
    # Two sets of councils worked out once each, not a search per council: at 2 million
    # comments the per-council EXISTS took 30 s for councils nobody there had written from.
    responded = (Response.objects.filter(scope.responses_q(), respondent__organisation__isnull=False)
                 .values("respondent__organisation"))
    commented = (Comment.objects.filter(scope.comments_q(), withdrawn_at__isnull=True,
                                        author__organisation__isnull=False)
                 .values("author__organisation"))
    heard = ExpressionWrapper(Q(pk__in=responded) | Q(pk__in=commented), output_field=BooleanField())
    rows = list(
        councils.annotate(heard=heard)
        .values("name", "region", "dfe_code", "heard").order_by("region", "name")
    )
    regions: dict[str, dict] = {}
    for row in rows:
        region = regions.setdefault(row["region"], {"region": row["region"], "heard": 0, "total": 0})
        region["total"] += 1
        region["heard"] += row["heard"]
    for region in regions.values():
        region["share"] = region["heard"] / region["total"]
    return Coverage(
        heard=sum(r["heard"] for r in regions.values()),
        total=len(rows),
        by_region=list(regions.values()),
        not_heard=[row for row in rows if not row["heard"]],
    )


def overview(scope: Scope) -> dict:
    """Everything on the overview page: five grouped queries."""
    by_role = respondents_by_role(scope)
    comments = comments_by_week(scope)
    total = Tally()
    for row in by_role:
        total.people += row["tally"].people
        total.weight += row["tally"].weight
    return {
        "respondents": total,
        "comments_written": sum(row["written"] for row in comments),
        "comments_public": sum(row["public"] for row in comments),
        "responses_by_week": responses_by_week(scope),
        "comments_by_week": comments,
        "by_role": by_role,
        "by_region": respondents_by_region(scope),
        "coverage": council_coverage(scope),
    }


