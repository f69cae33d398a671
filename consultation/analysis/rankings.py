"""Per focus area, the ranking and the priority matrix, built from the figures layer."""

from __future__ import annotations

from django.db.models import Count

from consultation.analysis.figures import (
    MEASURES,
    FlagTally,
    Tally,
    flag_tallies,
    respondent_totals,
    score_summaries,
    summary_for,
)
from consultation.analysis.scope import ALL, GROUPS, Scope
from consultation.analysis.statistics import largest
from consultation.comments.models import Comment, ReflectionKind, public_q
from consultation.people.roles import RoleGroup
from ideas.models import FocusArea, Idea


def reflection_kinds(scope: Scope, **subject) -> list[dict]:
    """Comments on one subject (`focus_area=` with its ideas, or `delivery_option=`) by kind."""
    public = public_q()
    rows = {
        row["reflection_kind"]: row
        for row in Comment.objects.filter(scope.comments_q(), **subject)
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
        "divergence": largest(*(m.divergence for m in measures.values())),
        "totals": totals,
        "ideas": ideas,
        "reflection_kinds": reflection_kinds(scope, focus_area=area),
    }


RANKING_SORTS = {
    "usefulness": "Mean usefulness",
    "likelihood": "Mean likelihood of use",
    "flags": "Flags",
    "divergence": "Divergence",
    "respondents": "People who answered",
    "title": "Title",
}


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
            "divergence": largest(*(m.divergence for m in measures.values())),
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
    idea_key = (lambda i: i["idea"].title.lower()) if sort == "title" else (lambda i: i["value"])
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
