"""Reads of structured responses. Which responses count is decided once, here
(`counted_responses_q`): the analysis pages, the digests, the exports and the public counts
all start from it."""

from django.db.models import Count, Q

from coe.cache import get_or_compute
from consultation.people.selectors import current_consultation
from consultation.responses.models import FocusAreaScore, OptionRating, Response


def counted_responses_q(consultation=None, prefix: str = "") -> Q:
    """Submitted responses to `consultation` (the current one unless given)."""
    consultation = consultation or current_consultation()
    return Q(**{
        f"{prefix}status": Response.Status.SUBMITTED,
        f"{prefix}consultation_id": consultation.pk if consultation else None,
    })


def respondent_counts(column: str) -> dict[int, int]:
    """People whose counted response answered each focus area (`column="focus_area_id"`) or
    rated each delivery option (`column="option_id"`); cached until content changes."""
    scores = {"focus_area_id": FocusAreaScore.objects.all(),
              "option_id": OptionRating.objects.filter(score__isnull=False)}[column]

    def compute():
        rows = (scores.filter(counted_responses_q(prefix="response__"))
                .values(column).annotate(n=Count("response__respondent", distinct=True)).order_by())
        return {row[column]: row["n"] for row in rows}

    return get_or_compute(f"respondent-counts:{column}", compute)


def response_of(user, consultation):
    if consultation is None:
        return None
    return (
        Response.objects.filter(respondent=user, consultation=consultation)
        .prefetch_related("scores", "flags", "option_ratings", "important_considerations")
        .first()
    )


def option_ratings_of(response):
    return list(response.option_ratings.select_related("option").order_by("option__position"))
