"""What the API answers, as pydantic schemas: the OpenAPI document is generated from these,
and django-ninja checks every answer against them before it leaves."""

import datetime
import re
from typing import Literal

from ninja import Schema
from pydantic import Field, field_validator

from consultation.api.comments import CURSOR_PATTERN, SUBJECT_PATTERN
from consultation.comments.models import ReflectionKind
from consultation.people.roles import RoleGroup

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ReflectionKindValue = Literal[tuple(ReflectionKind.values)]
GroupValue = Literal[tuple(RoleGroup.values)]


class Problem(Schema):
    detail: str = Field(description="What was wrong, in words.")


class Theme(Schema):
    slug: str
    title: str
    summary: str
    focus_areas: list[str] = Field(description="Slugs of the theme's focus areas.")


class Strand(Schema):
    slug: str
    title: str
    system_factor: str
    summary: str
    focus_areas: list[str] = Field(description="Slugs of the strand's focus areas.")


class Idea(Schema):
    slug: str = Field(description="Unique within its focus area.")
    title: str
    summary: str


class FocusArea(Schema):
    slug: str
    title: str
    short_label: str
    theme: str = Field(description="The theme's slug.")
    strand: str = Field(description="The delivery strand's slug.")
    summary: str
    source_url: str = Field(description="The page of the consultation paper it comes from.")
    ideas: list[Idea]


class DeliveryOption(Schema):
    slug: str
    title: str
    summary: str
    description: str


class ThemeRef(Schema):
    id: int
    label: str


class Comment(Schema):
    id: int
    date: datetime.date = Field(description="The day it was written (Europe/London).")
    subject: str = Field(description="What it is about, as the `subject` filter spells it.")
    focus_area: str | None
    idea: str | None = Field(description="The idea's slug (unique within `focus_area`).")
    delivery_option: str | None
    paper_part: str | None = Field(description="The part of the paper it is about (see the documentation's list).")
    reply_to: int | None = Field(description="The comment it replies to.")
    themes: list[ThemeRef] = Field(default_factory=list, description="Themes analysts signed off that it belongs to.")
    reflection_kind: ReflectionKindValue | None
    text: str
    respondent_group: GroupValue
    organisation_type: Literal["local_authority", "other"]
    organisation: str | None = Field(description="The local authority, for its staff only.")
    region: str | None = Field(description="The local authority's region, for its staff only.")


class CommentPage(Schema):
    results: list[Comment]
    withheld: int = Field(description="Published comments in this page's range left out because "
                                       "their text may contain personal data.")
    next: str | None = Field(description="The cursor of the next page; none on the last page.")


class Score(Schema):
    answers: int | None = Field(description="People who answered; empty when suppressed.")
    mean: float | None
    ci_low: float | None = Field(description="95 % confidence interval of the mean (Student's t).")
    ci_high: float | None
    median: float | None
    suppressed: bool = Field(description="True where fewer than 5 people answered.")


class FocusAreaScore(Score):
    focus_area: str
    measure: Literal["usefulness", "likelihood"]


class DeliveryOptionScore(Score):
    delivery_option: str


class CommentFilters(Schema):
    subject: str = Field(
        None, pattern=SUBJECT_PATTERN,
        description="focus-area:<slug> (its ideas included), idea:<focus-area>/<idea>, option:<slug>.")
    kind: ReflectionKindValue = Field(None, description="The reflection kind.")
    date_from: datetime.date = Field(None, description="Written on or after this day.")
    date_to: datetime.date = Field(None, description="Written on or before this day.")
    cursor: str = Field(None, pattern=CURSOR_PATTERN, description="The `next` value of the page before.")
    limit: int = Field(50, ge=1, le=100, description="Comments examined per page.")

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def iso_dates_only(cls, value):
        """YYYY-MM-DD, as the document says; pydantic alone would read "0" as 1 January 1970."""
        if isinstance(value, str) and not ISO_DATE.fullmatch(value):
            raise ValueError("a date is written YYYY-MM-DD")
        return value
