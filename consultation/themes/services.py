"""A person's changes to themes: ask for a run, rename, describe, merge, split, move a
comment, sign off, link an official response. The machine's side is `runs.py`.

Any change marks a theme reviewed, and a rebuild never replaces a reviewed theme nor moves a
comment a person placed. Each place of a comment is an append-only `ThemeAssignment`; each
change a `ThemeChange`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from consultation.themes import runs
from consultation.themes.models import (
    FoundTheme,
    ResponseLink,
    ThemeAssignment,
    ThemeChange,
    ThemeRun,
)
from consultation.themes.subjects import Subject

Action = ThemeChange.Action


def theme_run_request(subject: Subject, person=None) -> tuple[ThemeRun, bool]:
    """Records a run and queues it once the transaction commits (tasks take ids). A subject
    with a run already queued or running gets that run back, not queued again (False)."""
    from consultation.themes.tasks import build_themes

    run, created = runs.theme_run_open(subject, person)
    if created:
        transaction.on_commit(lambda: build_themes.delay(run.pk))
    return run, created


def _reviewed(theme: FoundTheme) -> None:
    theme.updated_at = timezone.now()
    if theme.state == FoundTheme.State.DRAFT:
        theme.state = FoundTheme.State.REVIEWED


def _log(theme, action, person, **detail) -> None:
    ThemeChange.objects.create(theme=theme, action=action, person=person, detail=detail)


def _place(comment_id: int, subject_filter: dict, theme: FoundTheme | None, person, now) -> None:
    ThemeAssignment.objects.filter(comment_id=comment_id, is_current=True, **subject_filter).update(
        is_current=False, ended_at=now)
    ThemeAssignment.objects.create(comment_id=comment_id, theme=theme, made_by=ThemeAssignment.MadeBy.PERSON,
                                   person=person, created_at=now, **subject_filter)


def _current(theme_id: int) -> FoundTheme:
    return FoundTheme.objects.select_for_update().exclude(state=FoundTheme.State.RETIRED).get(pk=theme_id)


@transaction.atomic
def theme_rename(*, theme_id: int, label: str, person) -> FoundTheme:
    theme = _current(theme_id)
    before, theme.label = theme.label, label.strip()
    _reviewed(theme)
    theme.save()
    _log(theme, Action.RENAME, person, before=before, after=theme.label)
    return theme


@transaction.atomic
def theme_describe(*, theme_id: int, description: str, person) -> FoundTheme:
    theme = _current(theme_id)
    theme.description = description.strip()
    _reviewed(theme)
    theme.save()
    _log(theme, Action.DESCRIBE, person)
    return theme


@transaction.atomic
def theme_merge(*, theme_id: int, into_id: int, person) -> FoundTheme:
    """Moves every comment of one theme into another of the same subject; the first retires."""
    theme, target = _current(theme_id), _current(into_id)
    if theme.pk == target.pk or theme.subject_key != target.subject_key:
        raise ValueError("A theme can only be merged into another theme on the same subject")
    now = timezone.now()
    for comment_id in theme.assignments.filter(is_current=True).values_list("comment_id", flat=True):
        _place(comment_id, {"subject_kind": theme.subject_kind, "subject_ref": theme.subject_ref}, target, person, now)
    theme.state, theme.retired_at, theme.merged_into, theme.updated_at = FoundTheme.State.RETIRED, now, target, now
    theme.save()
    target.quote_ids = list(dict.fromkeys(target.quote_ids + theme.quote_ids))[:3]
    _reviewed(target)
    target.save()
    _log(target, Action.MERGE, person, merged=theme.pk, label=theme.label)
    return target


@transaction.atomic
def theme_split(*, theme_id: int, comment_ids: list[int], label: str, person) -> FoundTheme:
    """Takes the chosen comments out of a theme into a new one, named by the person."""
    theme = _current(theme_id)
    chosen = set(theme.assignments.filter(is_current=True, comment_id__in=comment_ids).values_list("comment_id", flat=True))
    if not chosen:
        raise ValueError("Choose at least one comment of this theme")
    now = timezone.now()
    new = FoundTheme.objects.create(
        subject_kind=theme.subject_kind, subject_ref=theme.subject_ref, label=label.strip(), split_from=theme,
        state=FoundTheme.State.REVIEWED, quote_ids=[pk for pk in theme.quote_ids if pk in chosen] or sorted(chosen)[:3],
        created_at=now, updated_at=now)
    for comment_id in chosen:
        _place(comment_id, {"subject_kind": theme.subject_kind, "subject_ref": theme.subject_ref}, new, person, now)
    theme.quote_ids = [pk for pk in theme.quote_ids if pk not in chosen]
    _reviewed(theme)
    theme.save()
    _log(theme, Action.SPLIT, person, into=new.pk, comments=sorted(chosen))
    return new


@transaction.atomic
def comment_theme_move(*, comment_id: int, subject: Subject, theme_id: int | None, person) -> ThemeAssignment:
    """A person places a comment in another theme of the subject, or in no theme."""
    target = _current(theme_id) if theme_id else None
    if target is not None and target.subject_key != subject.key:
        raise ValueError("That theme is about another subject")
    current = ThemeAssignment.objects.filter(comment_id=comment_id, is_current=True, **subject.as_filter()).first()
    if current is None:
        raise ValueError("That comment has no place in this subject's themes yet")
    _place(comment_id, subject.as_filter(), target, person, timezone.now())
    for theme in filter(None, [current.theme, target]):
        theme = _current(theme.pk)
        if comment_id in theme.quote_ids and theme != target:
            theme.quote_ids = [pk for pk in theme.quote_ids if pk != comment_id]
        _reviewed(theme)
        theme.save()
        _log(theme, Action.MOVE, person, comment=comment_id, to=target.pk if target else None)
    return ThemeAssignment.objects.get(comment_id=comment_id, is_current=True, **subject.as_filter())


@transaction.atomic
def theme_sign_off(*, theme_id: int, person) -> FoundTheme:
    theme = _current(theme_id)
    theme.state, theme.signed_off_by, theme.signed_off_at = FoundTheme.State.SIGNED_OFF, person, timezone.now()
    theme.updated_at = theme.signed_off_at
    theme.save()
    _log(theme, Action.SIGN_OFF, person)
    return theme


@transaction.atomic
def response_link_create(*, response, person, theme_id: int | None = None, comment_id: int | None = None) -> ResponseLink:
    """Says an official response answers a theme (or one comment). Linking twice is one link."""
    if (theme_id is None) == (comment_id is None):
        raise ValueError("Link a response to a theme or to a comment")
    target = {"theme_id": theme_id} if theme_id else {"comment_id": comment_id}
    link, created = ResponseLink.objects.get_or_create(response=response, **target, defaults={"linked_by": person})
    if created and theme_id:
        _log(_current(theme_id), Action.LINK, person, response=response.pk)
    return link


@transaction.atomic
def theme_response_write(*, theme_id: int, person, focus_area, title: str, body: str):
    """The design team's official response, written from a theme and linked to it."""
    from consultation.comments.models import OfficialResponse

    response = OfficialResponse.objects.create(focus_area=focus_area, title=title.strip(), body=body.strip(), author=person)
    response_link_create(response=response, person=person, theme_id=theme_id)
    return response
