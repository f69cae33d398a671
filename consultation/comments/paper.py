"""Feedback on the parts of the paper that are not a focus area, idea or delivery option
(`ideas.paper.PaperPart`): the form that picks the part, and the public counts per part.
Writing goes through consultation.moderation.lifecycle like every other comment."""

from django import forms
from django.db.models import Count

from coe.cache import get_or_compute
from consultation.comments.forms import CommentForm
from consultation.comments.models import Comment
from ideas.paper import PaperPart


class PaperCommentForm(CommentForm):
    """A comment with the part of the paper it is about, chosen from the form's list."""

    paper_part = forms.ChoiceField(
        label="Which part of the paper is this about?",
        choices=PaperPart.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which part of the paper your comment is about",
                        "invalid_choice": "Select a part of the paper from the list"},
    )
    field_order = ["paper_part", "body", "reflection_kind", "submission_key", "website"]


def public_comments_per_paper_part() -> dict[str, int]:
    """Public comments and replies per part of the paper, cached until content changes."""

    def compute():
        rows = (Comment.objects.public().exclude(paper_part="")
                .values("paper_part").annotate(n=Count("pk")).order_by())
        return {row["paper_part"]: row["n"] for row in rows}

    return get_or_compute("comment-counts:paper_part", compute)
