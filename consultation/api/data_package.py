"""The open-data package: its tables and a data dictionary for every column. The rows come
from consultation.analysis.open_data (what may leave the portal is decided there)."""

from consultation.analysis import open_data
from consultation.analysis.open_data import MIN_PEOPLE, Table
from consultation.comments.models import ReflectionKind
from consultation.people.roles import RoleGroup
from ideas.paper import PaperPart

SLUG = {"pattern": "^[-a-z0-9]+$"}
REQUIRED = {"required": True}

SCORE_FIELDS = [
    ("answers", "integer", f"People who answered. Empty when fewer than {MIN_PEOPLE} did (suppressed).",
     {"minimum": MIN_PEOPLE}),
    ("mean", "number", "Mean score on the 1 to 5 scale, to 2 decimal places.", {"minimum": 1, "maximum": 5}),
    ("ci_low", "number", "Lower end of the 95 % confidence interval of the mean (Student's t).", {}),
    ("ci_high", "number", "Upper end of the 95 % confidence interval of the mean.", {}),
    ("median", "number", "Median score (halfway between two values when the answers split evenly).",
     {"minimum": 1, "maximum": 5}),
    ("suppressed", "boolean", f"true where fewer than {MIN_PEOPLE} people answered: the other figures are then empty.",
     REQUIRED),
]

TABLES = [
    Table(
        "comments", "Published comments",
        "Every published comment and reply of the current consultation, oldest first. Comments whose "
        "text may contain personal data are left out. No names, email addresses or account numbers.",
        [
            ("id", "integer", "The comment's number; its page is /comments/<id>/.", REQUIRED),
            ("date", "date", "The day it was written (Europe/London).", REQUIRED),
            ("subject", "string", "What it is about: focus-area:<slug>, idea:<focus area>/<idea>, option:<slug> or part:<key>.",
             REQUIRED),
            ("focus_area", "string", "The focus area's slug (see focus-areas), for comments on a focus area or its ideas.", SLUG),
            ("idea", "string", "The idea's slug (see ideas; unique within its focus area).", SLUG),
            ("delivery_option", "string", "The delivery option's slug (see delivery-options).", SLUG),
            ("paper_part", "string", "The part of the consultation paper it is about, for comments on one: "
             + ", ".join(PaperPart.values) + ".", {"enum": list(PaperPart.values)}),
            ("reply_to", "integer", "The id of the comment this replies to; empty for a new thread.", {}),
            ("reflection_kind", "string", "How the author framed it, if they chose: " + ", ".join(ReflectionKind.values) + ".",
             {"enum": list(ReflectionKind.values)}),
            ("text", "string", "The comment as published. Text a spreadsheet would run as a formula "
             "(starting with = + - @) starts with an apostrophe.", REQUIRED),
            ("respondent_group", "string", "The author's group of roles: " + ", ".join(RoleGroup.values) + ".",
             {"required": True, "enum": list(RoleGroup.values)}),
            ("organisation_type", "string", "local_authority if the author works for one of the 153 local authorities, else other (also when the author has since deleted their account: their organisation is removed).",
             {"required": True, "enum": ["local_authority", "other"]}),
            ("organisation", "string", "The local authority, for its staff only; empty for everyone else.", {}),
            ("region", "string", "The local authority's region, for its staff only; empty for everyone else.", {}),
        ],
        open_data.all_comment_records, ["id"],
        [("focus_area", "focus-areas", "slug"), ("delivery_option", "delivery-options", "slug")],
    ),
    Table(
        "focus-area-scores", "Scores per focus area",
        "How useful each focus area would be and how likely the Centre could make a difference, on a "
        "1 to 5 scale, from the submitted responses of the current consultation.",
        [("focus_area", "string", "The focus area's slug (see focus-areas).", {**REQUIRED, **SLUG}),
         ("measure", "string", "usefulness or likelihood.", {"required": True, "enum": ["usefulness", "likelihood"]}),
         *SCORE_FIELDS],
        open_data.focus_area_scores, ["focus_area", "measure"], [("focus_area", "focus-areas", "slug")],
    ),
    Table(
        "delivery-option-scores", "Ratings per delivery option",
        "How well each delivery option would work for the respondent's organisation, on a 1 to 5 scale.",
        [("delivery_option", "string", "The delivery option's slug (see delivery-options).", {**REQUIRED, **SLUG}),
         *SCORE_FIELDS],
        open_data.delivery_option_scores, ["delivery_option"], [("delivery_option", "delivery-options", "slug")],
    ),
    Table(
        "themes", "Themes", "The paper's themes, which group the focus areas.",
        [("slug", "string", "Identifier, used in the portal's addresses and the other files.", {**REQUIRED, **SLUG}), ("title", "string", "Its name, as the paper gives it.", REQUIRED),
         ("summary", "string", "What the theme covers.", {})],
        open_data.themes, ["slug"],
    ),
    Table(
        "strands", "Delivery strands", "DfE's three delivery strands, each tied to a factor of the paper's system model.",
        [("slug", "string", "Identifier, used in the portal's addresses and the other files.", {**REQUIRED, **SLUG}), ("title", "string", "Its name, as the paper gives it.", REQUIRED),
         ("system_factor", "string", "The factor of the system model it is tied to.", {}),
         ("summary", "string", "What the strand covers.", {})],
        open_data.strands, ["slug"],
    ),
    Table(
        "focus-areas", "Focus areas", "The 13 focus areas people score and comment on.",
        [("slug", "string", "Identifier, used in the portal's addresses and the other files.", {**REQUIRED, **SLUG}), ("title", "string", "Its name, as the paper gives it.", REQUIRED),
         ("short_label", "string", "A shorter name for charts.", {}),
         ("theme", "string", "The theme's slug (see themes).", {**REQUIRED, **SLUG}),
         ("strand", "string", "The delivery strand's slug (see strands).", {**REQUIRED, **SLUG}),
         ("summary", "string", "What the focus area is.", REQUIRED),
         ("source_url", "string", "The page of the consultation paper it comes from.", {})],
        open_data.focus_areas, ["slug"], [("theme", "themes", "slug"), ("strand", "strands", "slug")],
    ),
    Table(
        "ideas", "Ideas", "The ideas within each focus area, named by a verb as the paper does.",
        [("focus_area", "string", "The focus area's slug (see focus-areas).", {**REQUIRED, **SLUG}),
         ("slug", "string", "Identifier, unique within its focus area.", {**REQUIRED, **SLUG}),
         ("title", "string", "The verb that names the idea.", REQUIRED),
         ("summary", "string", "What the idea is.", REQUIRED)],
        open_data.ideas, ["focus_area", "slug"], [("focus_area", "focus-areas", "slug")],
    ),
    Table(
        "delivery-options", "Delivery options", "How the Centre of Excellence could be hosted and run.",
        [("slug", "string", "Identifier, used in the portal's addresses and the other files.", {**REQUIRED, **SLUG}), ("title", "string", "Its name, as the paper gives it.", REQUIRED),
         ("summary", "string", "In a sentence or two.", REQUIRED),
         ("description", "string", "The option as the paper describes it.", {})],
        open_data.delivery_options, ["slug"],
    ),
]
BY_NAME = {table.name: table for table in TABLES}


def descriptor() -> dict:
    return open_data.datapackage(TABLES)
