"""Writes of the structured response."""

from django.db import transaction
from django.utils import timezone

from consultation.people.access import ensure_open
from consultation.people.sources import Source
from consultation.responses.models import FocusAreaScore, IdeaFlag, OptionRating, Response


@transaction.atomic
def response_save(*, respondent, consultation, scores=None, flagged_ideas=None, anything_else=None,
                  submit=False, option_ratings=None, considerations=None, section=None, section_completed=False,
                  source=Source.ONLINE, submitted_at=None):
    """Saves one step of the response (or all of it), a draft until it is submitted; `submit`
    submits it. Only what is given changes: the focus areas in `scores` (area to (usefulness,
    likelihood); `flagged_ideas` are the ideas chosen among those areas' ideas), the options in
    `option_ratings` (option to (score, reason)), `considerations`, `anything_else`. `section`
    names the step saved, marked completed or not by `section_completed`. A response from
    another channel (`source`) keeps the date it was given and is not bound to the window."""
    if source == Source.ONLINE:
        ensure_open(consultation)
    response, _ = Response.objects.select_for_update().get_or_create(
        respondent=respondent, consultation=consultation, defaults={"source": source}
    )
    now = timezone.now()
    response.updated_at = now
    if anything_else is not None:
        response.anything_else = anything_else
    if section:
        done = [slug for slug in response.completed_sections if slug != section]
        response.completed_sections = [*done, section] if section_completed else done
    if submit:
        response.status = Response.Status.SUBMITTED
        response.submitted_at = submitted_at or response.submitted_at or now
    response.save()

    if scores is not None:
        _save_scores(response, scores, flagged_ideas or [])
    if option_ratings is not None:
        rated = {option.pk: values for option, values in option_ratings.items() if values[0] or values[1]}
        OptionRating.objects.filter(response=response, option_id__in=[o.pk for o in option_ratings]).exclude(
            option_id__in=rated).delete()
        existing_ratings = {rating.option_id: rating for rating in response.option_ratings.all()}
        for option_id, (score, reason) in rated.items():
            rating = existing_ratings.get(option_id) or OptionRating(response=response, option_id=option_id)
            rating.score, rating.reason = score, reason
            rating.save()
    if considerations is not None:
        response.important_considerations.set(considerations)
    return response


def _save_scores(response, scores, flagged_ideas):
    covered = [area.pk for area in scores]
    answered = {area.pk: values for area, values in scores.items() if any(v is not None for v in values)}
    FocusAreaScore.objects.filter(response=response, focus_area_id__in=covered).exclude(
        focus_area_id__in=answered).delete()
    existing = {score.focus_area_id: score for score in response.scores.all()}
    for area_id, (usefulness, likelihood) in answered.items():
        score = existing.get(area_id) or FocusAreaScore(response=response, focus_area_id=area_id)
        score.usefulness, score.likelihood = usefulness, likelihood
        score.save()

    wanted = {idea.pk for idea in flagged_ideas}
    IdeaFlag.objects.filter(response=response, idea__focus_area_id__in=covered).exclude(idea_id__in=wanted).delete()
    have = set(response.flags.values_list("idea_id", flat=True))
    IdeaFlag.objects.bulk_create(IdeaFlag(response=response, idea_id=pk) for pk in wanted - have)


def response_submitted_create(*, respondent, consultation, scores, flagged_ideas, anything_else, source,
                              submitted_at=None):
    """A submitted response from another channel by someone who has none yet (an imported
    respondent made a moment ago): three inserts, where `response_save` would first look for
    one to update. The database's one-response-per-person rule still holds."""
    now = timezone.now()
    response = Response.objects.create(
        respondent=respondent, consultation=consultation, status=Response.Status.SUBMITTED,
        anything_else=anything_else, source=source, created_at=now, updated_at=now,
        submitted_at=submitted_at or now,
    )
    FocusAreaScore.objects.bulk_create(
        FocusAreaScore(response=response, focus_area=area, usefulness=usefulness, likelihood=likelihood)
        for area, (usefulness, likelihood) in scores.items() if usefulness is not None or likelihood is not None)
    if flagged_ideas:
        IdeaFlag.objects.bulk_create(IdeaFlag(response=response, idea=idea) for idea in flagged_ideas)
    return response
