"""The design team's weekly digest. Every number comes from the figures layer
(consultation/analysis/figures.py) with the same Scope the analysis pages use, so the email
and the pages agree: the current consultation's submitted responses and public comments.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import reverse

from coe.cache import get_or_compute
from coe.emails import absolute
from consultation.analysis import figures, option_figures
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.digests.periods import period_bounds
from consultation.moderation.selectors import moderation_queue, reported_comments
from consultation.themes.selectors import themes_grown_between, themes_new_between
from ideas.models import FocusArea, Idea
from models_of_delivery.models import DeliveryOption

BUSY_AREAS_SHOWN = 3
COMMENTS_PER_BUSY_AREA = 3
TOP_FLAGGED = 5


def counts_text(counts: list[int]) -> str:
    """How many people gave each score, in words: "0, 1, 2, 1 and 0 people gave 1 to 5"."""
    return f"{', '.join(str(n) for n in counts[:-1])} and {counts[-1]} people gave 1 to 5"


@dataclass
class AreaSummary:
    area: FocusArea
    new_comments: int = 0
    respondents: int = 0
    usefulness_mean: float | None = None
    likelihood_mean: float | None = None
    usefulness_change: float | None = None
    likelihood_change: float | None = None
    usefulness_counts: list[int] = field(default_factory=lambda: [0] * 5)
    likelihood_counts: list[int] = field(default_factory=lambda: [0] * 5)
    recent_comments: list = field(default_factory=list)

    @property
    def usefulness_text(self) -> str:
        return counts_text(self.usefulness_counts)

    @property
    def likelihood_text(self) -> str:
        return counts_text(self.likelihood_counts)


@dataclass
class OptionWeek:
    """A delivery option in the week: its rating so far and the change on the week before."""

    option: DeliveryOption
    respondents: int = 0
    mean: float | None = None
    change: float | None = None
    counts: list[int] = field(default_factory=lambda: [0] * 5)
    new_comments: int = 0

    @property
    def counts_text(self) -> str:
        """How many gave 1, 2, 3, 4 and 5, in words a plain-text email can show."""
        return counts_text(self.counts)


@dataclass
class DesignTeamDigest:
    period_start: date
    period_end: date
    new_responses: int
    new_comments: int
    areas: list[AreaSummary]
    busy_areas: list[AreaSummary]
    top_flagged: list[tuple[Idea, int, int]]
    roles: list[tuple[str, int]]
    regions: list[tuple[str, int]]
    councils_heard: int
    councils_total: int
    councils_new: int
    pending: int
    reported: int
    admin_queue_url: str
    admin_reported_url: str
    options: list[OptionWeek] = field(default_factory=list)
    paper_parts: list[dict] = field(default_factory=list)
    new_themes: list = field(default_factory=list)
    grown_themes: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new_responses or self.new_comments or self.pending or self.reported)


def _rounded(value):
    return round(value, 2) if value is not None else None


def _change(now_value, before_value):
    if now_value is None or before_value is None:
        return None
    return round(now_value - before_value, 2)


def _scores(areas: dict, until: Scope, before: Scope) -> None:
    now, earlier = figures.score_summaries(until), figures.score_summaries(before)
    for area_id, summary in areas.items():
        for measure in figures.MEASURES:
            overall = figures.summary_for(now, area_id, measure).overall
            previous = figures.summary_for(earlier, area_id, measure).overall
            setattr(summary, f"{measure}_mean", _rounded(overall.mean))
            setattr(summary, f"{measure}_change", _change(overall.mean, previous.mean))
            setattr(summary, f"{measure}_counts", [overall.people[value] for value in range(1, 6)])
        summary.respondents = max(figures.summary_for(now, area_id, m).overall.n for m in figures.MEASURES)


def _recent_comments(busy: list[AreaSummary], week: Scope) -> None:
    recent = (Comment.objects.public().filter(week.comments_q(), focus_area__in=[a.area for a in busy])
              .select_related("author__organisation", "idea").order_by("-created_at"))
    by_area = defaultdict(list)
    for comment in recent[: BUSY_AREAS_SHOWN * 50]:
        if len(by_area[comment.focus_area_id]) < COMMENTS_PER_BUSY_AREA:
            by_area[comment.focus_area_id].append(comment)
    for summary in busy:
        summary.recent_comments = by_area[summary.area.pk]


def _top_flagged(until: Scope, week: Scope) -> list[tuple[Idea, int, int]]:
    total, new = figures.flag_tallies(until), figures.flag_tallies(week)
    ranked = sorted(total.items(), key=lambda item: (-item[1].overall.people, item[0]))[:TOP_FLAGGED]
    ideas = Idea.objects.select_related("focus_area").in_bulk([idea_id for idea_id, _ in ranked])
    return [(ideas[idea_id], tally.overall.people, new[idea_id].overall.people if idea_id in new else 0)
            for idea_id, tally in ranked]


def _options(until: Scope, before: Scope, week: Scope) -> list[OptionWeek]:
    now, earlier = option_figures.option_summaries(until), option_figures.option_summaries(before)
    comments = option_figures.comment_counts(week, "delivery_option_id")
    rows = []
    for option in DeliveryOption.objects.order_by("position", "title"):
        overall = (now.get(option.pk) or option_figures.OptionSummary()).overall
        previous = (earlier.get(option.pk) or option_figures.OptionSummary()).overall
        rows.append(OptionWeek(option=option, respondents=overall.n, mean=_rounded(overall.mean),
                               change=_change(overall.mean, previous.mean),
                               counts=[overall.people[value] for value in range(1, 6)],
                               new_comments=comments.get(option.pk, {}).get("public", 0)))
    return rows


def build_design_team_digest(period_start: date, consultation=None) -> DesignTeamDigest:
    """Everything the design team's weekly email says, in a fixed number of queries."""
    period_end = period_start + timedelta(days=6)
    week = Scope(date_from=period_start, date_to=period_end, consultation=consultation)
    until = Scope(date_to=period_end, consultation=consultation)
    before = Scope(date_to=period_start - timedelta(days=1), consultation=consultation)

    areas = {area.pk: AreaSummary(area=area) for area in FocusArea.objects.select_related("theme")}
    for area_id, n in figures.public_comments_by_focus_area(week).items():
        areas[area_id].new_comments = n
    _scores(areas, until, before)
    busy = sorted((a for a in areas.values() if a.new_comments), key=lambda a: -a.new_comments)[:BUSY_AREAS_SHOWN]
    if busy:
        _recent_comments(busy, week)

    options = _options(until, before, week)
    paper_parts = [row for row in option_figures.paper_part_comments(week) if row["public"]]
    coverage_now, coverage_before = figures.council_coverage(until), figures.council_coverage(before)
    queue = reverse("admin:comments_comment_changelist")
    start, end = period_bounds(period_start)
    return DesignTeamDigest(
        period_start=period_start,
        period_end=period_end,
        new_responses=figures.respondent_totals(week)[figures.ALL].people,
        new_comments=(sum(a.new_comments for a in areas.values()) + sum(o.new_comments for o in options)
                      + sum(row["public"] for row in paper_parts)),
        areas=list(areas.values()),
        busy_areas=busy,
        top_flagged=_top_flagged(until, week),
        roles=[(row["role"], row["tally"].people) for row in figures.respondents_by_role(week)],
        regions=[(row["region"], row["tally"].people) for row in figures.respondents_by_region(week)],
        councils_heard=coverage_now.heard,
        councils_total=coverage_now.total,
        councils_new=coverage_now.heard - coverage_before.heard,
        pending=moderation_queue().count(),
        reported=reported_comments().count(),
        admin_queue_url=absolute(queue + "?state=pending"),
        admin_reported_url=absolute(queue + "?reported=unanswered&state=published"),
        options=options,
        paper_parts=paper_parts,
        new_themes=themes_new_between(start, end),
        grown_themes=themes_grown_between(start, end),
    )


def design_team_digest_for(period_start: date) -> DesignTeamDigest:
    """Built once per week and content version, not once per member of staff."""
    return get_or_compute(f"digest:design-team:{period_start.isoformat()}",
                          lambda: build_design_team_digest(period_start))

