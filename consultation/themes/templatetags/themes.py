"""`{% answered_by comment as responses %}`: the official responses that answer a comment,
for its permalink (templates/themes/_answered_by.html shows them)."""

from django import template

from consultation.themes.selectors import answered_by as responses_answering

register = template.Library()


@register.simple_tag
def answered_by(comment):
    return responses_answering(comment)
