"""The charts on each analysis page, drawn from its figures with the SVG parts in svg.py."""

from __future__ import annotations

import math

from consultation.analysis.scope import CAUTION_BELOW
from consultation.analysis.svg import (
    Bar,
    column_chart,
    group_means_chart,
    group_style,
    share_bar_chart,
)
from consultation.analysis.svg_matrix import priority_matrix_chart

MEASURE_WORDS = {"usefulness": "usefulness", "likelihood": "likelihood of use"}


def _people(n) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def _tally_value(tally, by_council: bool) -> float:
    return tally.weight if by_council else tally.people


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def overview_charts(figures: dict, scope) -> dict:
    by_council = scope.by_council
    weighted = " (one council, one voice)" if by_council else ""
    weeks = figures["responses_by_week"]
    response_bars = [
        Bar(f"{row['week']:%-d %b}" if row["week"] else "?", _tally_value(row["tally"], by_council),
            _number(_tally_value(row["tally"], by_council)))
        for row in weeks
    ]
    comment_bars = [
        Bar(f"{row['week']:%-d %b}", row["written"], str(row["written"])) for row in figures["comments_by_week"]
    ]
    coverage = figures["coverage"]
    coverage_rows = [
        Bar(row["region"], row["share"], f"{row['heard']} of {row['total']}") for row in coverage.by_region
    ]
    return {
        "responses": column_chart(
            "responses-by-week", f"Responses submitted each week{weighted}",
            "Responses by week beginning: " + "; ".join(f"{b.label}: {b.text}" for b in response_bars)
            if response_bars else "No responses yet.",
            response_bars, max_value=max([b.value for b in response_bars], default=1),
            x_label="Week beginning (Monday)",
        ),
        "comments": column_chart(
            "comments-by-week", "Comments written each week",
            "Comments by week beginning: " + "; ".join(f"{b.label}: {b.text}" for b in comment_bars)
            if comment_bars else "No comments yet.",
            comment_bars, max_value=max([b.value for b in comment_bars], default=1),
            x_label="Week beginning (Monday)", colour="#4c2c92",
        ),
        "coverage": share_bar_chart(
            "coverage-by-region", "Local authorities heard from, by region",
            f"{coverage.heard} of {coverage.total} local authorities have at least one respondent. "
            + "; ".join(f"{b.label}: {b.text}" for b in coverage_rows),
            coverage_rows,
        ),
    }


def distribution_chart(chart_id: str, measure: str, summary, area_title: str):
    overall = summary.overall
    bars = [
        Bar(str(bar["value"]), bar["share"], f"{bar['share']:.0%}") for bar in overall.bars()
    ]
    words = MEASURE_WORDS[measure]
    if overall.n:
        description = (
            f"{area_title}, {words}, from {_people(overall.n)}: "
            + "; ".join(f"score {bar['value']}: {bar['share']:.0%} ({_people(bar['people'])})" for bar in overall.bars())
            + f". Mean {overall.mean:.2f}, median {overall.median:g}."
        )
    else:
        description = f"No one has scored the {words} of {area_title} yet."
    top = max([b.value for b in bars], default=0)
    return column_chart(
        chart_id, f"How people scored its {words}", description, bars,
        max_value=min(1.0, max(0.2, math.ceil(top * 5 - 1e-9) / 5)), axis_format=lambda v: f"{v:.0%}",
        x_label=f"Score for {words} (1 = lowest, 5 = highest)",
    )


def group_chart(chart_id: str, measure: str, summary):
    rows = [{"group": "all", "distribution": summary.overall}] + [
        {"group": group.value, "distribution": dist} for group, dist in summary.groups()
    ]
    words = MEASURE_WORDS[measure]
    parts = []
    for row in rows:
        dist, label = row["distribution"], group_style(row["group"])["label"]
        if dist.mean is None:
            parts.append(f"{label}: no answers")
        else:
            ci = dist.ci
            interval = f", 95% interval {ci[0]:.2f} to {ci[1]:.2f}" if ci else ""
            parts.append(f"{label}: mean {dist.mean:.2f}{interval}, {_people(dist.n)}")
    return group_means_chart(chart_id, f"Mean {words} by respondent group", "; ".join(parts) + ".", rows)


def focus_area_charts(figures: dict, area) -> dict:
    built = {}
    for measure, summary in figures["measures"].items():
        built[measure] = {
            "distribution": distribution_chart(f"{measure}-distribution", measure, summary, area.title),
            "groups": group_chart(f"{measure}-groups", measure, summary),
        }
    return built


def matrix_legend(scope) -> list[str]:
    from consultation.people.roles import RoleGroup

    return [scope.group] if scope.group else [group.value for group in RoleGroup]


def few_answers(rows: list[dict]) -> int:
    """Focus areas that some people scored, but fewer than CAUTION_BELOW on one measure or both."""
    counts = [(row["usefulness"].overall.n, row["likelihood"].overall.n) for row in rows]
    return sum(1 for u, v in counts if max(u, v) > 0 and min(u, v) < CAUTION_BELOW)


def matrix_chart(rows: list[dict], scope):
    """The priority matrix: groups with at least CAUTION_BELOW answers on both measures."""

    groups = matrix_legend(scope)
    points, described = [], []
    for row in rows:
        u, v = row["usefulness"], row["likelihood"]
        point = {"number": row["number"], "overall": None, "groups": {}}
        if u.overall.mean is not None and v.overall.mean is not None:
            point["overall"] = (u.overall.mean, v.overall.mean, u.overall.ci, v.overall.ci)
            described.append(
                f"{row['number']}. {row['area'].title}: usefulness {u.overall.mean:.2f}, likelihood {v.overall.mean:.2f}"
            )
        for group in groups:
            gu, gv = u.by_group[group], v.by_group[group]
            if min(gu.n, gv.n) >= CAUTION_BELOW:
                point["groups"][group] = (gu.mean, gu.ci, gv.mean, gv.ci)
        points.append(point)
    description = (
        "Each focus area's mean usefulness (across) against mean likelihood of use (up), numbered as in "
        "the table below, with each respondent group's means joined to it. Numbers that would hide each "
        "other are moved aside, with a line to their true place. "
        + ("; ".join(described) + "." if described else "No scores yet.")
        + (f" {few_answers(rows)} focus areas have fewer than {CAUTION_BELOW} answers: their means could move a lot."
           if few_answers(rows) else "")
    )
    return priority_matrix_chart(
        "priority-matrix", "Priority matrix: usefulness against likelihood of use", description, points, groups,
        group_intervals=len(groups) == 1,
    )


# --- Delivery options ---------------------------------------------------------------------------

OPTION_STYLE = {"shape": "circle", "colour": "#1d70b8", "label": ""}


def _means_description(rows: list[dict], what: str) -> str:
    parts = []
    for row in rows:
        dist = row["distribution"]
        if dist.mean is None:
            parts.append(f"{row['label']}: no answers")
            continue
        ci = dist.ci
        interval = f", 95% interval {ci[0]:.2f} to {ci[1]:.2f}" if ci else ""
        few = f", fewer than {CAUTION_BELOW} answers" if dist.caution else ""
        parts.append(f"{row['label']}: mean {dist.mean:.2f}{interval}, {_people(dist.n)}{few}")
    return f"{what}. " + "; ".join(parts) + "."


def options_comparison_chart(options: list[dict]):
    """Every delivery option's mean "how well would this work" side by side."""
    rows = [{"group": "all", "label": row["option"].title, "style": OPTION_STYLE,
             "distribution": row["summary"].overall} for row in options]
    return group_means_chart("options-comparison", "How well each delivery option would work: mean score",
                             _means_description(rows, "Mean score from 1 (not at all) to 5 (very well)"), rows)


def option_charts(summary, option) -> dict:
    """One option's page: its distribution, and its mean by group, region and organisation type."""
    overall = summary.overall
    bars = [Bar(str(bar["value"]), bar["share"], f"{bar['share']:.0%}") for bar in overall.bars()]
    top = max([b.value for b in bars], default=0)
    description = (
        f"{option.title}, from {_people(overall.n)}: "
        + "; ".join(f"score {bar['value']}: {bar['share']:.0%} ({_people(bar['people'])})" for bar in overall.bars())
        + (f". Mean {overall.mean:.2f}, median {overall.median:g}." if overall.n else ".")
    ) if overall.n else f"No one has rated {option.title} yet."

    def means(chart_id, title, pairs):
        rows = [{"group": "all", "label": label, "style": OPTION_STYLE, "distribution": dist} for label, dist in pairs]
        return group_means_chart(chart_id, title, _means_description(rows, title), rows)

    return {
        "distribution": column_chart(
            "option-distribution", "How well it would work: how people scored it", description, bars,
            max_value=min(1.0, max(0.2, math.ceil(top * 5 - 1e-9) / 5)), axis_format=lambda v: f"{v:.0%}",
            x_label="Score (1 = not at all, 5 = very well)",
        ),
        "groups": group_means_chart(
            "option-groups", "Mean score by respondent group",
            _means_description([{"label": g.label, "distribution": d} for g, d in summary.groups()],
                               "Mean score by respondent group"),
            [{"group": "all", "distribution": overall}]
            + [{"group": group.value, "distribution": dist} for group, dist in summary.groups()]),
        "regions": means("option-regions", "Mean score by region", summary.regions()),
        "organisation_types": means("option-organisation-types", "Mean score by organisation type",
                                    summary.organisation_types()),
    }
