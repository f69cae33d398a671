"""How much feedback a focus area or a delivery option has had, for the public pages:
`{% feedback_counts area as counts %}` gives `counts.comments` and `counts.respondents`."""

from django import template

from consultation.comments.selectors import public_comment_counts
from consultation.responses.selectors import respondent_counts

register = template.Library()

COLUMNS = {"focusarea": ("focus_area_id", "focus_area_id"), "deliveryoption": ("delivery_option_id", "option_id")}


@register.simple_tag(takes_context=True)
def feedback_counts(context, subject) -> dict:
    comment_column, response_column = COLUMNS[subject._meta.model_name]
    # Looked up once per page, however many cards it shows.
    memo = context.get("request").__dict__.setdefault("_feedback_counts", {})
    if comment_column not in memo:
        memo[comment_column] = (public_comment_counts(comment_column), respondent_counts(response_column))
    comments, respondents = memo[comment_column]
    return {"comments": comments.get(subject.pk, 0), "respondents": respondents.get(subject.pk, 0)}
