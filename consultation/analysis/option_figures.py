"""The figures layer for the delivery options: how well each option would work (1 to 5),
within a Scope, in one grouped query (the same rows and weights as the focus areas' scores)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from consultation.analysis.scope import Scope, add_weights, grouped
from consultation.analysis.statistics import Distribution
from consultation.responses.models import OptionRating


def option_score_distributions(scope: Scope) -> dict[int, Distribution]:
    """{delivery option id: Distribution of its 1 to 5 ratings}: one grouped query."""
    ratings = OptionRating.objects.filter(scope.responses_q("response__"), score__isnull=False)
    rows = list(grouped(ratings, scope, "response__respondent__", "option_id", value=F("score")))
    add_weights(rows, partition=lambda row: row["option_id"])
    distributions: dict[int, Distribution] = defaultdict(Distribution)
    for row in rows:
        distributions[row["option_id"]].add(row["value"], row["n"], row["w"], row["w2"])
    return dict(distributions)
