"""The response as a GOV.UK task list: one step per theme (its two or three focus areas), one
for the delivery options and one for anything else. Which steps there are and what state each
is in is decided here; the views only show it."""

from dataclasses import dataclass, field

from django.urls import reverse

from ideas.selectors import focus_areas_for_listing, group_by_theme
from models_of_delivery.models import DeliveryOption

DELIVERY = "how-the-centre-could-be-set-up"
ANYTHING_ELSE = "anything-else"
NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"


@dataclass
class Step:
    slug: str
    title: str
    kind: str  # "areas", "delivery" or "anything_else"
    hint: str = ""
    areas: list = field(default_factory=list)
    options: list = field(default_factory=list)


def response_steps() -> list[Step]:
    """Every step, in the order the task list shows them (three queries)."""
    steps = [
        Step(slug=theme.slug, title=theme.title, kind="areas", areas=areas,
             hint=_listed([area.title for area in areas]))
        for theme, areas in group_by_theme(focus_areas_for_listing())
    ]
    options = list(DeliveryOption.objects.all())
    steps.append(Step(slug=DELIVERY, title="How the Centre could be set up", kind="delivery", options=options,
                      hint="How well each hosting option would work for you, and what matters most"))
    steps.append(Step(slug=ANYTHING_ELSE, title="Anything else you would like to tell us", kind="anything_else"))
    return steps


def _listed(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"


def step_for_area(steps: list[Step], area_slug: str) -> Step | None:
    return next((step for step in steps if any(area.slug == area_slug for area in step.areas)), None)


def step_has_answers(step: Step, response) -> bool:
    if response is None:
        return False
    if step.kind == "areas":
        area_ids = {area.pk for area in step.areas}
        idea_ids = {idea.pk for area in step.areas for idea in area.ideas.all()}
        return (any(score.focus_area_id in area_ids for score in response.scores.all())
                or any(flag.idea_id in idea_ids for flag in response.flags.all()))
    if step.kind == "delivery":
        return bool(response.option_ratings.all()) or bool(response.important_considerations.all())
    return bool(response.anything_else)


def step_status(step: Step, response) -> str:
    """Completed once the person says so; in progress once anything in it is answered."""
    if response is not None and step.slug in response.completed_sections:
        return COMPLETED
    return IN_PROGRESS if step_has_answers(step, response) else NOT_STARTED


def _score_text(value) -> str:
    return f"{value} out of 5" if value else "No answer"


def check_answers(steps: list[Step], response) -> dict:
    """What "Check your answers" lists: per step its status and one row per question group,
    each with the address of the step that changes it; and how many scores are answered."""
    scores = {score.focus_area_id: score for score in response.scores.all()} if response else {}
    flagged = {flag.idea_id for flag in response.flags.all()} if response else set()
    ratings = {rating.option_id: rating for rating in response.option_ratings.all()} if response else {}
    sections, answered, possible = [], 0, 0
    for step in steps:
        url = reverse("consultation:response_step", args=[step.slug])
        rows = []
        for area in step.areas:
            score = scores.get(area.pk)
            values = (score.usefulness, score.likelihood) if score else (None, None)
            answered += sum(v is not None for v in values)
            possible += 2
            ideas = [idea.title for idea in area.ideas.all() if idea.pk in flagged]
            lines = [f"Useful to the sector: {_score_text(values[0])}", f"Likely to use: {_score_text(values[1])}",
                     f"Explore further: {', '.join(ideas) if ideas else 'none chosen'}"]
            rows.append((area.title, lines if score or ideas else ["Not answered"], f"{url}#area-{area.slug}"))
        for option in step.options:
            rating = ratings.get(option.pk)
            answered += bool(rating and rating.score)
            possible += 1
            lines = [f"Would work for us: {_score_text(rating.score if rating else None)}"]
            if rating and rating.reason:
                lines.append(f"Why: {rating.reason}")
            rows.append((option.title, lines, f"{url}#option-{option.slug}"))
        if step.kind == "delivery":
            chosen = [c.title for c in response.important_considerations.all()] if response else []
            rows.append(("What matters most", [", ".join(chosen) or "None chosen"], f"{url}#considerations"))
        if step.kind == "anything_else":
            rows.append(("Anything else", [response.anything_else if response and response.anything_else
                                           else "Nothing added"], url))
        sections.append((step, step_status(step, response), rows))
    return {"sections": sections, "answered": answered, "possible": possible,
            "has_answers": any(step_has_answers(step, response) for step in steps)}
