"""The figures layer for the delivery options and the paper's other parts: how well each option
would work (1 to 5) overall and by respondent group, region and organisation type, the reasons
given, the considerations chosen, and the comments on options and on parts of the paper. Same
Scope, weighting and statistics as the focus areas (see scope.py); ask these functions, do not
count this feedback anywhere else."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from consultation.analysis.figures import FlagTally, council_sizes, respondent_totals
from consultation.analysis.rankings import reflection_kinds
from consultation.analysis.scope import (
    GROUPS,
    NO_REGION,
    Scope,
    add_weights,
    grouped,
    organisation_type_of,
    region_of,
)
from consultation.analysis.statistics import Distribution, divergence
from consultation.comments.models import Comment, public_q
from consultation.people.models import Organisation
from consultation.responses.models import OptionRating, Response
from consultation.screening import personal_data_reasons
from ideas.paper import PaperPart
from models_of_delivery.models import Consideration, DeliveryOption

ORGANISATION_TYPES = {Organisation.Kind.LOCAL_AUTHORITY.value: "Local authority",
                      Organisation.Kind.OTHER.value: "Other or none"}
REASONS_SHOWN = 50


@dataclass
class OptionSummary:
    """Ratings of one option: overall, and split three ways (each split adds up to the whole)."""

    overall: Distribution = field(default_factory=Distribution)
    by_group: dict[str, Distribution] = field(default_factory=lambda: {g.value: Distribution() for g in GROUPS})
    by_region: dict[str, Distribution] = field(default_factory=lambda: defaultdict(Distribution))
    by_organisation_type: dict[str, Distribution] = field(
        default_factory=lambda: {kind: Distribution() for kind in ORGANISATION_TYPES})
    reasons: int = 0

    @property
    def divergence(self) -> float | None:
        return divergence(self.by_group)

    def groups(self):
        return [(group, self.by_group[group.value]) for group in GROUPS]

    def group_rows(self):
        return [(group.label, self.by_group[group.value]) for group in GROUPS]

    def regions(self):
        return [(region or NO_REGION, self.by_region[region])
                for region in sorted(self.by_region, key=lambda r: (r == "", r))]

    def organisation_types(self):
        return [(ORGANISATION_TYPES[kind], dist) for kind, dist in self.by_organisation_type.items()]


def option_summaries(scope: Scope, option=None) -> dict[int, OptionSummary]:
    """{option id: OptionSummary}: one grouped query. Under "one council, one voice" a council's
    k respondents who rated the option weigh 1/k each, as for focus-area scores."""
    ratings = OptionRating.objects.filter(scope.responses_q("response__"), score__isnull=False)
    if option is not None:
        ratings = ratings.filter(option=option)
    person = "response__respondent__"
    rows = list(grouped(ratings, scope, person, "option_id", value=F("score"), region=region_of(person),
                        organisation_type=organisation_type_of(person))
                .annotate(reasons=Count("pk", filter=~Q(reason=""))))
    add_weights(rows, partition=lambda row: row["option_id"])
    summaries: dict[int, OptionSummary] = defaultdict(OptionSummary)
    for row in rows:
        summary = summaries[row["option_id"]]
        summary.reasons += row["reasons"]
        for distribution in (summary.overall, summary.by_group[row["group"]], summary.by_region[row["region"]],
                             summary.by_organisation_type[row["organisation_type"]]):
            distribution.add(row["value"], row["n"], row["w"], row["w2"])
    return summaries


@dataclass
class Reasons:
    shown: list[dict]
    withheld: int
    total: int


def option_reasons(scope: Scope, option, limit: int = REASONS_SHOWN) -> Reasons:
    """The newest reasons given with a rating of the option, from the responses that count.
    Any that the personal-data screening flags are withheld (counted, not shown): two queries."""
    ratings = (OptionRating.objects.filter(scope.responses_q("response__"), option=option)
               .exclude(reason="").order_by("-response__submitted_at", "-pk"))
    shown, withheld = [], 0
    for score, reason in ratings.values_list("score", "reason")[:limit]:
        if personal_data_reasons(reason):
            withheld += 1
        else:
            shown.append({"score": score, "reason": reason})
    return Reasons(shown=shown, withheld=withheld, total=ratings.count())


def consideration_tallies(scope: Scope) -> dict[int, FlagTally]:
    """{consideration id: FlagTally}: who chose each consideration as mattering most, weighted
    like flags (a council's k respondents in scope weigh 1/k each). Two queries."""
    sizes = council_sizes(scope)
    chosen = Response.important_considerations.through.objects.filter(scope.responses_q("response__"))
    tallies: dict[int, FlagTally] = defaultdict(FlagTally)
    for row in grouped(chosen, scope, "response__respondent__", "consideration_id"):
        council = row.get("council")
        row["w"] = row["n"] / sizes[council] if council is not None else float(row["n"])
        tallies[row["consideration_id"]].overall.add(row)
        tallies[row["consideration_id"]].by_group[row["group"]].add(row)
    return tallies


def comment_counts(scope: Scope, column: str) -> dict:
    """Comments and replies in scope (any state) and how many are public, per delivery option
    (`column="delivery_option_id"`) or part of the paper (`column="paper_part"`): one query."""
    comments = Comment.objects.filter(scope.comments_q()).exclude(**{column: "" if column == "paper_part" else None})
    rows = comments.values(column).annotate(written=Count("pk"), public=Count("pk", filter=public_q())).order_by()
    return {row[column]: {"written": row["written"], "public": row["public"]} for row in rows}


def paper_part_comments(scope: Scope) -> list[dict]:
    """Per part of the paper, in the paper's order: comments written and public."""
    counts = comment_counts(scope, "paper_part")
    empty = {"written": 0, "public": 0}
    return [{"part": part, **counts.get(part.value, empty)} for part in PaperPart]


def options_analysis(scope: Scope) -> dict:
    """The delivery options page: every option's ratings, the considerations, the comments."""
    summaries = option_summaries(scope)
    comments = comment_counts(scope, "delivery_option_id")
    tallies = consideration_tallies(scope)
    options = [
        {"option": option, "summary": summaries.get(option.pk) or OptionSummary(),
         "comments": comments.get(option.pk, {"written": 0, "public": 0})}
        for option in DeliveryOption.objects.order_by("position", "title")
    ]
    considerations = [{"consideration": c, "tally": tallies.get(c.pk, FlagTally())}
                      for c in Consideration.objects.order_by("position", "title")]
    return {"options": options, "considerations": considerations, "totals": respondent_totals(scope)}


def option_analysis(scope: Scope, option) -> dict:
    """One delivery option's page: its ratings, the reasons given and its comments by kind."""
    return {
        "summary": option_summaries(scope, option=option).get(option.pk) or OptionSummary(),
        "reasons": option_reasons(scope, option),
        "reflection_kinds": reflection_kinds(scope, delivery_option=option),
    }
