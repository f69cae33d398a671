"""Reads of themes for the analysis pages, "You said, we did", the digest, exports and the API.

Every count and quote is of comments anyone may read (`public_q`, the comments app's rule):
a comment hidden or withdrawn after it was themed drops out everywhere at once. Each
function runs a fixed number of queries, whatever the number of themes or comments.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, F, Max, Q

from consultation.comments.models import Comment, OfficialResponse, public_q
from consultation.people.roles import Role
from consultation.themes.models import FoundTheme, ResponseLink, ThemeAssignment, ThemeRun
from consultation.themes.subjects import Subject, subject_titles

CURRENT = ~Q(state=FoundTheme.State.RETIRED)
NO_REGION = "No region"


def _public_members(prefix: str = "") -> Q:
    return Q(**{f"{prefix}is_current": True}) & public_q(f"{prefix}comment__")


def current_themes(subject: Subject | None = None, *, signed_off_only: bool = False):
    """A subject's current themes (or every subject's), each with `size`: its published comments."""
    themes = FoundTheme.objects.filter(CURRENT)
    if subject is not None:
        themes = themes.filter(**subject.as_filter())
    if signed_off_only:
        themes = themes.filter(state=FoundTheme.State.SIGNED_OFF)
    return themes.annotate(size=Count("assignments", filter=_public_members("assignments__"))).order_by("-size", "label")


def unthemed_count(subject: Subject) -> int:
    return ThemeAssignment.objects.filter(_public_members(), theme__isnull=True, **subject.as_filter()).count()


def subjects_overview() -> list[dict]:
    """Each subject with themes: its title, slug and how many themes and signed off."""
    rows = list(FoundTheme.objects.filter(CURRENT).values("subject_kind", "subject_ref").annotate(
        themes=Count("pk"), signed_off=Count("pk", filter=Q(state=FoundTheme.State.SIGNED_OFF))).order_by(
        "subject_kind", "subject_ref"))
    titles = subject_titles((r["subject_kind"], r["subject_ref"]) for r in rows)
    for row in rows:
        subject = Subject(row["subject_kind"], row["subject_ref"])
        row.update(subject=subject, title=titles.get(subject.key, subject.ref))
    return rows


def recent_runs(limit: int = 10) -> list[ThemeRun]:
    runs = list(ThemeRun.objects.select_related("requested_by")[:limit])
    titles = subject_titles(run.subject_key for run in runs)
    for run in runs:
        run.subject_title = titles.get(run.subject_key, run.subject_ref)
    return runs


def theme_breakdown(subject: Subject) -> dict[str, dict[int, dict[str, int]]]:
    """Per theme of the subject, its published comments by the author's role, the author's
    region (local authorities have one) and the comment's reflection kind: three queries."""
    members = ThemeAssignment.objects.filter(_public_members(), theme__isnull=False,
                                              theme__in=FoundTheme.objects.filter(CURRENT, **subject.as_filter()))
    columns = {"role": "comment__author__role", "region": "comment__author__organisation__region",
               "reflection_kind": "comment__reflection_kind"}
    labels = {"role": dict(Role.choices), "reflection_kind": dict(Comment._meta.get_field("reflection_kind").choices)}
    breakdown: dict[str, dict[int, dict[str, int]]] = {}
    for name, column in columns.items():
        table: dict[int, dict[str, int]] = defaultdict(dict)
        for row in members.values("theme_id", value=F(column)).annotate(n=Count("pk")).order_by():
            value = row["value"] or ""
            label = labels.get(name, {}).get(value, value) or ("Not given" if name != "region" else NO_REGION)
            table[row["theme_id"]][label] = table[row["theme_id"]].get(label, 0) + row["n"]
        breakdown[name] = dict(table)
    return breakdown


def theme_comments(theme: FoundTheme):
    """The theme's published comments, with how each got there (machine or person)."""
    return (ThemeAssignment.objects.filter(_public_members(), theme=theme)
            .select_related("comment__author__organisation", "comment__focus_area", "comment__idea__focus_area",
                            "comment__delivery_option", "person")
            .order_by("-similarity", "comment_id"))


def comment_history(theme: FoundTheme) -> list[ThemeAssignment]:
    """Every placement into or out of this theme, newest first (ended ones included)."""
    ids = ThemeAssignment.objects.filter(theme=theme).values("comment_id")
    return list(ThemeAssignment.objects.filter(comment_id__in=ids, **{"subject_kind": theme.subject_kind,
                                                                       "subject_ref": theme.subject_ref})
                .exclude(made_by=ThemeAssignment.MadeBy.MACHINE, ended_at__isnull=True)
                .select_related("theme", "person").order_by("-created_at", "-pk")[:50])


def changed_since_sign_off(comment: Comment, theme: FoundTheme) -> bool:
    """Its author edited it after the theme was signed off: the analyst signed off other words."""
    return bool(theme.is_signed_off and comment.edited_at and theme.signed_off_at
                and comment.edited_at > theme.signed_off_at)


def published_quotes(themes) -> dict[int, list[Comment]]:
    """The representative comments of each theme that anyone may still read, in order, less
    those edited since the theme was signed off (counted still, but not quoted until an
    analyst signs it off again)."""
    wanted = {pk for theme in themes for pk in theme.quote_ids}
    comments = {c.pk: c for c in Comment.objects.public().filter(pk__in=wanted).select_related(
        "author__organisation", "focus_area", "idea__focus_area", "delivery_option")}
    return {theme.pk: [comments[pk] for pk in theme.quote_ids
                       if pk in comments and not changed_since_sign_off(comments[pk], theme)] for theme in themes}


def quotes_changed_since_sign_off(theme: FoundTheme) -> list[Comment]:
    """The theme's published quotes edited since it was signed off, for the theme page."""
    if not theme.is_signed_off:
        return []
    comments = {c.pk: c for c in Comment.objects.public().filter(pk__in=theme.quote_ids, edited_at__gt=theme.signed_off_at)}
    return [comments[pk] for pk in theme.quote_ids if pk in comments and changed_since_sign_off(comments[pk], theme)]


def responses_for(themes) -> dict[int, list[OfficialResponse]]:
    """The published official responses linked to each theme."""
    table: dict[int, list[OfficialResponse]] = defaultdict(list)
    for link in (ResponseLink.objects.filter(theme__in=[t.pk for t in themes], response__is_published=True)
                 .select_related("response__focus_area").order_by("response__published_at", "pk")):
        table[link.theme_id].append(link.response)
    return dict(table)


def you_said_we_did() -> list[dict]:
    """Per subject, its signed-off themes with counts, published quotes and responses."""
    themes = list(current_themes(signed_off_only=True).filter(size__gt=0))
    quotes, responses = published_quotes(themes), responses_for(themes)
    titles = subject_titles(theme.subject_key for theme in themes)
    subjects: dict[tuple, dict] = {}
    for theme in themes:
        theme.quotes, theme.responses = quotes.get(theme.pk, []), responses.get(theme.pk, [])
        entry = subjects.setdefault(theme.subject_key, {
            "subject": Subject(*theme.subject_key), "title": titles.get(theme.subject_key, ""), "themes": []})
        entry["themes"].append(theme)
    return sorted(subjects.values(), key=lambda s: (s["subject"].kind != "all", s["title"]))


def answered_by(comment) -> list[OfficialResponse]:
    """The published official responses that answer a comment: linked to it, or to a
    signed-off theme it is in now. For the comment's permalink."""
    themes = ThemeAssignment.objects.filter(comment=comment, is_current=True,
                                            theme__state=FoundTheme.State.SIGNED_OFF).values("theme_id")
    return list(OfficialResponse.objects.filter(
        Q(theme_links__comment=comment) | Q(theme_links__theme__in=themes), is_published=True)
        .distinct().order_by("-published_at"))


def comment_themes(comment_ids=None, *, signed_off_only: bool = False) -> dict[int, list[tuple[int, str]]]:
    """For exports and the API: each comment's current themes as (theme id, label), one query.
    The public API should pass signed_off_only=True (labels nobody reviewed stay internal)."""
    rows = ThemeAssignment.objects.filter(is_current=True, theme__isnull=False).filter(
        theme__in=FoundTheme.objects.filter(CURRENT))
    if signed_off_only:
        rows = rows.filter(theme__state=FoundTheme.State.SIGNED_OFF)
    if comment_ids is not None:
        rows = rows.filter(comment_id__in=comment_ids)
    table: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for comment_id, theme_id, label in rows.order_by("comment_id", "theme_id").values_list(
            "comment_id", "theme_id", "theme__label"):
        table[comment_id].append((theme_id, label))
    return dict(table)


def themes_new_between(start: datetime, end: datetime) -> list[FoundTheme]:
    """For the design-team digest: themes found or made in the week, largest first."""
    return list(current_themes().filter(created_at__gte=start, created_at__lt=end)[:10])


def themes_grown_between(start: datetime, end: datetime, limit: int = 5) -> list[FoundTheme]:
    """For the digest: current themes that gained the most published comments in the week
    (by the comments' dates), each with `grew_by`."""
    return list(FoundTheme.objects.filter(CURRENT).annotate(
        grew_by=Count("assignments", filter=_public_members("assignments__") & Q(
            assignments__comment__created_at__gte=start, assignments__comment__created_at__lt=end)),
        latest=Max("assignments__comment__created_at"),
    ).filter(grew_by__gt=0).order_by("-grew_by", "label")[:limit])
