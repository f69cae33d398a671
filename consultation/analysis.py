"""Reads and statistics for the design team's analysis pages.

Every figure is built from a few grouped queries whose number does not depend on how much
feedback there is: the database returns small aggregate rows (one per focus area, value,
role and, under "one council, one voice", council), and the statistics are computed here in
Python from those rows.

Definitions, also shown on the pages:

- Only submitted responses to the current consultation count.
- A respondent's group is the group of their role (``consultation.roles.role_group``).
- A *council respondent* is someone whose organisation is one of the local authorities.
- **One council, one voice** (``weighting=council``): within each figure, the respondents of
  one local authority share a total weight of 1 (each of k respondents weighs 1/k); everyone
  else weighs 1. For scores the k respondents are those of the council who answered that
  question; for counts of respondents and flags they are the council's respondents in scope.
- **Mean, median and distribution** are weighted by those weights (all weights are 1 in the
  raw view). The median is the middle value, halfway between two values when the weight
  splits exactly.
- **95 % confidence interval** of a mean: Student's t interval, mean ± t(0.975, n−1) · s/√n.
  Under the council weighting n is Kish's effective sample size (Σw)²/Σw² and s the weighted
  standard deviation. No interval for fewer than 2 answers.
- **Divergence** of a focus area on a measure: the range of the group means (highest minus
  lowest) among the respondent groups in which at least ``CAUTION_BELOW`` people answered;
  none when fewer than two groups qualify. A focus area's divergence is the larger of its
  two ranges.
- A **caution** is shown wherever fewer than ``CAUTION_BELOW`` people answered.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import TruncWeek

from consultation.models import Comment, FocusAreaScore, IdeaFlag, Organisation, Response
from consultation.roles import Role, RoleGroup, role_group, roles_in_group
from consultation.selectors import current_consultation
from ideas.models import FocusArea, Idea

SCALE = (1, 2, 3, 4, 5)
MEASURES = ("usefulness", "likelihood")
MEASURE_LABELS = {"usefulness": "Usefulness", "likelihood": "Likelihood of use"}
CAUTION_BELOW = 5
LOCAL_AUTHORITY_COUNT = 153
ALL = "all"
GROUPS = list(RoleGroup)
NO_REGION = "No region (not a local authority)"


# --- Scope: what the filters and the weighting switch ask for -------------------------------


def group_q(group: str, prefix: str) -> Q:
    return Q(**{f"{prefix}role__in": roles_in_group(group)}) if group else Q()


def region_q(region: str, prefix: str) -> Q:
    return Q(**{f"{prefix}organisation__region": region}) if region else Q()


def organisation_type_q(kind: str, prefix: str) -> Q:
    """'local_authority': the person's organisation is a council; 'other': anything else."""
    is_council = Q(**{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY})
    if kind == Organisation.Kind.LOCAL_AUTHORITY:
        return is_council
    if kind == Organisation.Kind.OTHER:
        return ~is_council | Q(**{f"{prefix}organisation__isnull": True})
    return Q()


def period_q(field_name: str, date_from: date | None, date_to: date | None) -> Q:
    q = Q()
    if date_from:
        q &= Q(**{f"{field_name}__date__gte": date_from})
    if date_to:
        q &= Q(**{f"{field_name}__date__lte": date_to})
    return q


@dataclass(frozen=True)
class Scope:
    """The filters in force (all optional) and the weighting."""

    date_from: date | None = None
    date_to: date | None = None
    group: str = ""
    region: str = ""
    organisation_type: str = ""
    weighting: str = "raw"

    @property
    def by_council(self) -> bool:
        return self.weighting == "council"

    def describe(self) -> str:
        """The filters in words, for the page and for printouts."""
        parts = [f"the {RoleGroup(self.group).label.lower()} group" if self.group else "all respondent groups"]
        if self.region:
            parts.append(f"people in a local authority in {self.region}")
        if self.organisation_type == Organisation.Kind.LOCAL_AUTHORITY:
            parts.append("people in a local authority")
        elif self.organisation_type == Organisation.Kind.OTHER:
            parts.append("people not in a local authority")
        if self.date_from:
            parts.append(f"from {self.date_from:%-d %B %Y}")
        if self.date_to:
            parts.append(f"to {self.date_to:%-d %B %Y}")
        return ", ".join(parts)

    def people_q(self, prefix: str) -> Q:
        return (
            group_q(self.group, prefix)
            & region_q(self.region, prefix)
            & organisation_type_q(self.organisation_type, prefix)
        )

    def responses_q(self, prefix: str = "") -> Q:
        """Submitted responses to the current consultation, within the filters."""
        consultation = current_consultation()
        return (
            Q(**{f"{prefix}status": Response.Status.SUBMITTED})
            & Q(**{f"{prefix}consultation_id": consultation.pk if consultation else None})
            & period_q(f"{prefix}submitted_at", self.date_from, self.date_to)
            & self.people_q(f"{prefix}respondent__")
        )

    def comments_q(self) -> Q:
        return period_q("created_at", self.date_from, self.date_to) & self.people_q("author__")


def council_of(prefix: str):
    """The person's local authority id, or None for everyone who is not in one."""
    return Case(
        When(
            **{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY},
            then=F(f"{prefix}organisation_id"),
        ),
        default=Value(None),
        output_field=IntegerField(),
    )


def group_of(prefix: str):
    """The person's respondent group, worked out in SQL from the same rule as role_group()."""
    whens = [
        When(**{f"{prefix}role__in": roles_in_group(group)}, then=Value(group.value))
        for group in GROUPS if group != RoleGroup.OTHER
    ]
    return Case(*whens, default=Value(RoleGroup.OTHER.value))


def _grouped(queryset, scope: Scope, person: str, *keys, by_role=False, **named):
    """`values(...).annotate(n=Count)`: adds the person's group (or role), and their council
    when weighting. Grouping by the four groups, not the 14 roles, keeps the rows few."""
    if by_role:
        named["role"] = F(f"{person}role")
    else:
        named["group"] = group_of(person)
    if scope.by_council:
        named["council"] = council_of(person)
    return queryset.values(*keys, **named).annotate(n=Count("pk")).order_by()


def _weights(rows, partition) -> None:
    """Gives each aggregate row its total weight `w` and sum of squared weights `w2`.

    A council's k people in one partition weigh 1/k each; everyone else weighs 1.
    """
    totals: dict = defaultdict(int)
    for row in rows:
        if row.get("council") is not None:
            totals[(partition(row), row["council"])] += row["n"]
    for row in rows:
        council = row.get("council")
        if council is None:
            row["w"], row["w2"] = float(row["n"]), float(row["n"])
        else:
            k = totals[(partition(row), council)]
            row["w"], row["w2"] = row["n"] / k, row["n"] / (k * k)


# --- Statistics -------------------------------------------------------------------------------

# Two-sided 95 % critical values of Student's t for 1 to 30 degrees of freedom.
_T_975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
]
_Z_975 = statistics.NormalDist().inv_cdf(0.975)


def t_critical(df: float) -> float:
    """t(0.975, df): the table up to 30 (rounding df down, so never too narrow), then the
    Cornish-Fisher expansion around the normal quantile (error below 0.001)."""
    if df < 1:
        raise ValueError("at least one degree of freedom is needed")
    if df <= 30:
        return _T_975[math.floor(df) - 1]
    z = _Z_975
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


@dataclass
class Distribution:
    """Answers on the 1 to 5 scale: people and weight per value, and the statistics."""

    people: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    weight: dict[int, float] = field(default_factory=lambda: dict.fromkeys(SCALE, 0.0))
    weight_squared: float = 0.0

    def add(self, value: int, people: int, weight: float, weight_squared: float) -> None:
        self.people[value] += people
        self.weight[value] += weight
        self.weight_squared += weight_squared

    @classmethod
    def of(cls, values) -> Distribution:
        """From plain answers, each weighing 1 (for tests and small uses)."""
        distribution = cls()
        for value in values:
            distribution.add(value, 1, 1.0, 1.0)
        return distribution

    @property
    def n(self) -> int:
        return sum(self.people.values())

    @property
    def total_weight(self) -> float:
        return sum(self.weight.values())

    @property
    def caution(self) -> bool:
        return self.n < CAUTION_BELOW

    @property
    def effective_n(self) -> float:
        """Kish's effective sample size; equal to n when every weight is 1."""
        return self.total_weight**2 / self.weight_squared if self.weight_squared else 0.0

    @property
    def mean(self) -> float | None:
        total = self.total_weight
        if not total:
            return None
        return sum(value * w for value, w in self.weight.items()) / total

    @property
    def median(self) -> float | None:
        total = self.total_weight
        if not total:
            return None
        half, running = total / 2, 0.0
        present = [value for value in SCALE if self.weight[value] > 0]
        for index, value in enumerate(present):
            running += self.weight[value]
            if math.isclose(running, half, rel_tol=1e-9, abs_tol=1e-12):
                return (value + present[index + 1]) / 2
            if running > half:
                return float(value)
        return float(present[-1])  # pragma: no cover (rounding)

    @property
    def sd(self) -> float | None:
        """Standard deviation, with the n/(n−1) correction (on the effective n when weighted)."""
        n_eff, mean = self.effective_n, self.mean
        if mean is None or n_eff <= 1:
            return None
        variance = sum(w * (value - mean) ** 2 for value, w in self.weight.items()) / self.total_weight
        return math.sqrt(variance * n_eff / (n_eff - 1))

    @property
    def ci(self) -> tuple[float, float] | None:
        """95 % confidence interval of the mean (Student's t)."""
        sd, n_eff = self.sd, self.effective_n
        if sd is None or self.n < 2:
            return None
        half_width = t_critical(n_eff - 1) * sd / math.sqrt(n_eff)
        return (self.mean - half_width, self.mean + half_width)

    @property
    def ci_half_width(self) -> float | None:
        ci = self.ci
        return None if ci is None else (ci[1] - ci[0]) / 2

    def bars(self) -> list[dict]:
        """Per value: people, weight and share of the total weight (0 to 1)."""
        total = self.total_weight
        return [
            {
                "value": value,
                "people": self.people[value],
                "weight": self.weight[value],
                "share": (self.weight[value] / total) if total else 0.0,
            }
            for value in SCALE
        ]


def divergence(by_group: dict[str, Distribution]) -> float | None:
    """Highest minus lowest group mean, among groups with at least CAUTION_BELOW answers."""
    means = [d.mean for d in by_group.values() if d.n >= CAUTION_BELOW]
    if len(means) < 2:
        return None
    return max(means) - min(means)


def _largest(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


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
            _grouped(
                base.filter(**{f"{measure}__isnull": False}),
                scope,
                "response__respondent__",
                "focus_area_id",
                value=F(measure),
            )
        )
        _weights(rows, partition=lambda row: row["focus_area_id"])
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
    rows = list(_grouped(Response.objects.filter(scope.responses_q()), scope, "respondent__", *keys,
                         by_role=by_role, **named))
    _weights(rows, partition=lambda row: None)
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


def flag_tallies(scope: Scope, focus_area=None) -> dict[int, FlagTally]:
    """{idea id: FlagTally}. Weights use the council's respondents in scope (see respondent_totals)."""
    # The weights of flags must be the respondents' weights, so count councils over all
    # respondents in scope first (one query), then apply them to the flag rows (one query).
    council_sizes: dict = defaultdict(int)
    if scope.by_council:
        for row in _grouped(Response.objects.filter(scope.responses_q()), scope, "respondent__"):
            if row["council"] is not None:
                council_sizes[row["council"]] += row["n"]
    flags = IdeaFlag.objects.filter(scope.responses_q("response__"))
    if focus_area is not None:
        flags = flags.filter(idea__focus_area=focus_area)
    tallies: dict[int, FlagTally] = defaultdict(FlagTally)
    for row in _grouped(flags, scope, "response__respondent__", "idea_id"):
        council = row.get("council")
        row["w"] = row["n"] / council_sizes[council] if council is not None else float(row["n"])
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
    public = Q(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True)
    rows = (
        Comment.objects.filter(scope.comments_q())
        .values(week=TruncWeek("created_at"))
        .annotate(written=Count("pk"), public=Count("pk", filter=public))
        .order_by("week")
    )
    return list(rows)


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
    for row in respondent_rows(
        scope,
        region=Case(
            When(respondent__organisation__kind=Organisation.Kind.LOCAL_AUTHORITY,
                 then=F("respondent__organisation__region")),
            default=Value(""),
        ),
    ):
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
    """How many councils have at least one respondent in scope, by region: one query."""
    councils = Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY)
    if scope.region:
        councils = councils.filter(region=scope.region)
    heard_from = Response.objects.filter(scope.responses_q(), respondent__organisation=OuterRef("pk"))
    rows = list(
        councils.annotate(heard=Exists(heard_from)).values("name", "region", "dfe_code", "heard").order_by("region", "name")
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


# --- Per focus area, ranking and the priority matrix --------------------------------------------


def reflection_kinds(scope: Scope, focus_area) -> list[dict]:
    from consultation.models import ReflectionKind

    public = Q(state=Comment.State.PUBLISHED, withdrawn_at__isnull=True)
    rows = {
        row["reflection_kind"]: row
        for row in Comment.objects.filter(scope.comments_q(), focus_area=focus_area)
        .values("reflection_kind")
        .annotate(written=Count("pk"), public=Count("pk", filter=public))
        .order_by()
    }
    kinds = [(value, label) for value, label in ReflectionKind.choices] + [("", "None given (replies and others)")]
    return [
        {"kind": label, "written": rows.get(value, {}).get("written", 0), "public": rows.get(value, {}).get("public", 0)}
        for value, label in kinds
    ]


def focus_area_analysis(scope: Scope, area: FocusArea) -> dict:
    summaries = score_summaries(scope, focus_area=area)
    measures = {measure: summary_for(summaries, area.pk, measure) for measure in MEASURES}
    totals = respondent_totals(scope)
    tallies = flag_tallies(scope, focus_area=area)
    ideas = [
        {"idea": idea, "flags": tallies.get(idea.pk, FlagTally())}
        for idea in Idea.objects.filter(focus_area=area).select_related("focus_area").order_by("position", "verb")
    ]
    return {
        "measures": measures,
        "divergence": _largest(*(m.divergence for m in measures.values())),
        "totals": totals,
        "ideas": ideas,
        "reflection_kinds": reflection_kinds(scope, area),
    }


RANKING_SORTS = {
    "usefulness": "Mean usefulness",
    "likelihood": "Mean likelihood of use",
    "flags": "Flags",
    "divergence": "Divergence",
    "respondents": "People who answered",
    "title": "Title",
}


def _sort_key(value):
    # Missing values sort last whichever way the column is sorted.
    return (value is None, value if value is not None else 0)


def ranking(scope: Scope, sort: str = "usefulness", descending: bool = True) -> dict:
    """Focus areas and ideas, sortable, with counts."""
    summaries = score_summaries(scope)
    tallies = flag_tallies(scope)
    totals = respondent_totals(scope)
    by_council = scope.by_council
    areas = []
    ideas = []
    for area in FocusArea.objects.select_related("theme").prefetch_related("ideas").order_by("position", "title"):
        measures = {measure: summary_for(summaries, area.pk, measure) for measure in MEASURES}
        area_flags = Tally()
        for idea in area.ideas.all():
            tally = tallies.get(idea.pk, FlagTally()).overall
            area_flags.people += tally.people
            area_flags.weight += tally.weight
            ideas.append({"idea": idea, "area": area, "flags": tally, "value": tally.value(by_council)})
        areas.append({
            "area": area,
            "usefulness": measures["usefulness"],
            "likelihood": measures["likelihood"],
            "respondents": max(m.overall.n for m in measures.values()),
            "divergence": _largest(*(m.divergence for m in measures.values())),
            "flags": area_flags,
        })
    keys = {
        "usefulness": lambda a: a["usefulness"].overall.mean,
        "likelihood": lambda a: a["likelihood"].overall.mean,
        "flags": lambda a: a["flags"].value(by_council),
        "divergence": lambda a: a["divergence"],
        "respondents": lambda a: a["respondents"],
        "title": lambda a: a["area"].title.lower(),
    }
    key = keys.get(sort, keys["usefulness"])
    present = [a for a in areas if key(a) is not None]
    missing = [a for a in areas if key(a) is None]
    areas = sorted(present, key=key, reverse=descending) + missing
    idea_key = (lambda i: i["idea"].verb.lower()) if sort == "title" else (lambda i: i["value"])
    ideas.sort(key=idea_key, reverse=descending)
    return {"areas": areas, "ideas": ideas, "totals": totals}


def priority_matrix(scope: Scope) -> list[dict]:
    """Per focus area: usefulness and likelihood, overall and per group (one group when filtered)."""
    summaries = score_summaries(scope)
    groups = [RoleGroup(scope.group)] if scope.group else GROUPS
    rows = []
    for number, area in enumerate(FocusArea.objects.order_by("position", "title"), start=1):
        usefulness = summary_for(summaries, area.pk, "usefulness")
        likelihood = summary_for(summaries, area.pk, "likelihood")
        series = [{"key": ALL, "label": "All respondents", "u": usefulness.overall, "l": likelihood.overall}]
        series += [
            {"key": group.value, "label": group.label, "u": usefulness.by_group[group.value],
             "l": likelihood.by_group[group.value]}
            for group in groups
        ]
        rows.append({"number": number, "area": area, "usefulness": usefulness, "likelihood": likelihood,
                     "series": series})
    return rows
