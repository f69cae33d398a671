"""Published comments for the API: filters, and keyset (cursor) pagination by id.

A page examines up to `limit` published comments after the cursor in one query; those the
personal-data screening flags are left out and counted (`withheld`), so a page can hold
fewer than `limit` comments while later pages still exist. The cursor is the last id
examined, so no comment is skipped or repeated when new ones are published meanwhile.
"""

from dataclasses import dataclass

from django.db.models import Q

from consultation.analysis import open_data
from consultation.themes.selectors import comment_themes
from ideas.paper import PaperPart

# What a comment can be about, as the `subject` filter spells it: a pattern for the key and
# the filter it stands for. A new kind of subject is one line here.
SUBJECTS = {
    "focus-area": (r"[-a-z0-9]+", lambda key: Q(focus_area__slug=key)),
    "idea": (r"[-a-z0-9]+/[-a-z0-9]+",
             lambda key: Q(focus_area__slug=key.split("/")[0], idea__slug=key.split("/")[1])),
    "option": (r"[-a-z0-9]+", lambda key: Q(delivery_option__slug=key)),
    "part": ("(" + "|".join(PaperPart.values) + ")", lambda key: Q(paper_part=key)),
}
SUBJECT_PATTERN = "^(" + "|".join(f"{kind}:{pattern}" for kind, (pattern, _) in SUBJECTS.items()) + ")$"


def encode_cursor(last_id: int) -> str:
    """The cursor is the last id a page examined. Clients treat it as opaque, so the order
    can change in a later version; its pattern in the schema is exact, so every cursor the
    schema allows is one this API accepts."""
    return str(last_id)


CURSOR_PATTERN = r"^[0-9]{1,18}$"


def filters_q(subject=None, kind=None, date_from=None, date_to=None) -> Q:
    q = Q()
    if subject:
        name, _, key = subject.partition(":")
        q &= SUBJECTS[name][1](key)
    if kind:
        q &= Q(reflection_kind=kind)
    if date_from:
        q &= Q(created_at__date__gte=date_from)
    if date_to:
        q &= Q(created_at__date__lte=date_to)
    return q


@dataclass
class Page:
    results: list[dict]
    withheld: int
    next: str | None


def comments_page(*, after: int = 0, limit: int = 50, **filters) -> Page:
    """One page of published comments, oldest first: one query."""
    rows = list(
        open_data.published_comments().filter(filters_q(**filters), pk__gt=after)
        .order_by("pk").values_list(*open_data.COMMENT_VALUES)[: limit + 1]
    )
    more = len(rows) > limit
    examined = rows[:limit]
    results, withheld = open_data.comment_records(examined)
    themes = comment_themes([record["id"] for record in results], signed_off_only=True)
    for record in results:
        record["themes"] = [{"id": pk, "label": label} for pk, label in themes.get(record["id"], [])]
    return Page(results, withheld, encode_cursor(examined[-1][0]) if more else None)
