"""Building themes for a subject, rebuilding without losing reviewed work, and placing new
comments: on the real database, with the real clustering."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.themes import building, runs, services, tasks
from consultation.themes.models import FoundTheme, SubjectKind, ThemeAssignment, ThemeRun
from consultation.themes.subjects import WHOLE, Subject
from tests.factories import CommentFactory
from tests.themes.conftest import publish
from tests.themes.evaluation_set import THEMES

pytestmark = pytest.mark.django_db


def build(subject, person=None, django_capture_on_commit_callbacks=None):
    run = ThemeRun.objects.create(**subject.as_filter(), requested_by=person)
    return runs.theme_build(run.pk)


def current_themes(subject):
    return FoundTheme.objects.filter(**subject.as_filter()).exclude(state=FoundTheme.State.RETIRED)


def test_a_run_groups_the_published_comments_and_records_itself(three_themes, area):
    hidden = CommentFactory(focus_area=area, body=THEMES["funding"][20], state=Comment.State.HIDDEN)
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    run = build(subject)
    assert run.status == ThemeRun.Status.DONE, run.error
    assert run.comment_count == 36 and run.method == "tfidf-lsa-kmeans"
    assert run.duration_seconds is not None and run.finished_at >= run.started_at
    themes = list(current_themes(subject))
    assert 2 <= run.theme_count == len(themes)
    for theme in themes:
        assert theme.label and theme.key_phrases and theme.description.startswith("The most typical comments")
        assert len(theme.quote_ids) == 3
        assert theme.assignments.filter(is_current=True).count() >= 3
    assigned = ThemeAssignment.objects.filter(is_current=True, **subject.as_filter())
    assert assigned.count() == 36
    assert not assigned.filter(comment=hidden).exists()
    assert set(assigned.values_list("made_by", flat=True)) == {"machine"}


def test_a_second_run_keeps_signed_off_and_person_placed_work(three_themes, area, theme_analyst):
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    build(subject)
    signed, other = list(current_themes(subject))[:2]
    services.theme_rename(theme_id=signed.pk, label="Too much recording", person=theme_analyst)
    services.theme_sign_off(theme_id=signed.pk, person=theme_analyst)
    kept_members = set(signed.assignments.filter(is_current=True).values_list("comment_id", flat=True))
    moved = other.assignments.filter(is_current=True).first().comment_id
    services.comment_theme_move(comment_id=moved, subject=subject, theme_id=None, person=theme_analyst)

    second = build(subject)
    signed.refresh_from_db()
    assert second.status == ThemeRun.Status.DONE
    assert signed.label == "Too much recording" and signed.is_signed_off and signed.run_id != second.pk
    assert set(signed.assignments.filter(is_current=True).values_list("comment_id", flat=True)) == kept_members
    placed = ThemeAssignment.objects.get(comment_id=moved, is_current=True, **subject.as_filter())
    assert placed.made_by == "person" and placed.theme is None
    other.refresh_from_db()
    assert other.state == FoundTheme.State.REVIEWED  # a move counts as review: kept too
    untouched = FoundTheme.objects.filter(run__isnull=False, **subject.as_filter()).exclude(pk__in=[signed.pk, other.pk])
    assert untouched.filter(run=second).exists()
    assert not untouched.exclude(run=second).exclude(state=FoundTheme.State.RETIRED).exists()
    # The history stays: the first machine placement of the moved comment is still there, ended.
    assert ThemeAssignment.objects.filter(comment_id=moved, is_current=False, made_by="machine").exists()


def test_new_comments_go_to_the_nearest_theme_and_labels_stay(three_themes, area, theme_analyst):
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    build(subject)
    theme = current_themes(subject).first()
    services.theme_rename(theme_id=theme.pk, label="Named by a person", person=theme_analyst)
    services.theme_sign_off(theme_id=theme.pk, person=theme_analyst)
    late = publish(area, [THEMES["recording_burden"][20], THEMES["data_sharing"][20], THEMES["funding"][20]])
    pending = CommentFactory(focus_area=area, body=THEMES["funding"][21], state=Comment.State.PENDING)

    assert runs.new_comments_assign() == 3
    placed = ThemeAssignment.objects.filter(comment__in=late, is_current=True, **subject.as_filter())
    assert placed.count() == 3 and placed.filter(theme__isnull=False).count() >= 2
    assert not ThemeAssignment.objects.filter(comment=pending).exists()
    theme.refresh_from_db()
    assert theme.label == "Named by a person"
    assert runs.new_comments_assign() == 0  # nothing placed twice


def test_a_failed_run_says_why_and_a_redelivered_one_does_nothing(three_themes, area, monkeypatch):
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    monkeypatch.setattr("consultation.themes.building.finding.find", lambda *a, **k: 1 / 0)
    run = build(subject)
    assert run.status == ThemeRun.Status.FAILED and "ZeroDivisionError" in run.error
    assert not ThemeAssignment.objects.exists()
    assert runs.theme_build(run.pk).status == ThemeRun.Status.FAILED


def test_nightly_plans_subjects_with_new_comments_once(three_themes, area):
    planned = runs.runs_plan()
    subjects = {(r.subject_kind, r.subject_ref) for r in ThemeRun.objects.filter(pk__in=planned)}
    assert subjects == {("all", ""), ("focus_area", str(area.pk))}
    assert runs.runs_plan() == []  # queued already: not planned again


def aged(run, minutes):
    ThemeRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    return run


def test_a_run_asked_for_while_the_broker_was_away_is_built_once_by_the_sweep(
        three_themes, area, theme_analyst, monkeypatch, django_capture_on_commit_callbacks):
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    with django_capture_on_commit_callbacks(execute=False):  # the message never reached a worker
        lost = aged(services.theme_run_request(subject, theme_analyst)[0], minutes=10)
    recent = ThemeRun.objects.create(**WHOLE.as_filter())  # its own message may still be on the way
    built = []
    real_build = building.build
    monkeypatch.setattr("consultation.themes.building.build", lambda run: built.append(run.pk) or real_build(run))

    assert tasks.build_waiting_theme_runs() == 1
    lost.refresh_from_db()
    assert lost.status == ThemeRun.Status.DONE and built == [lost.pk]
    assert ThemeRun.objects.get(pk=recent.pk).status == ThemeRun.Status.QUEUED
    assert tasks.build_waiting_theme_runs() == 0  # a second sweep finds nothing
    assert tasks.build_themes(lost.pk) == ThemeRun.Status.DONE  # the original message, late: claimed already
    assert built == [lost.pk]


def test_nightly_does_not_count_a_run_left_queued_as_done(three_themes, area):
    """A run left queued (never sent) covers nothing yet: nightly queues it again rather
    than skipping the subject, and makes no second run beside it."""
    Comment.objects.update(created_at=timezone.now() - timedelta(minutes=30))
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    stale = aged(ThemeRun.objects.create(**subject.as_filter()), minutes=10)
    planned = runs.runs_plan()
    assert stale.pk in planned
    assert ThemeRun.objects.filter(**subject.as_filter()).count() == 1


def test_a_run_whose_worker_stopped_mid_build_is_marked_failed_by_the_sweep(area):
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    stopped = ThemeRun.objects.create(**subject.as_filter(), status=ThemeRun.Status.RUNNING,
                                      started_at=timezone.now() - timedelta(hours=3))
    busy = ThemeRun.objects.create(**WHOLE.as_filter(), status=ThemeRun.Status.RUNNING,  # one running per subject
                                   started_at=timezone.now() - timedelta(minutes=1))
    tasks.build_waiting_theme_runs()
    stopped.refresh_from_db()
    assert stopped.status == ThemeRun.Status.FAILED and "Ask for a new run" in stopped.error
    assert ThemeRun.objects.get(pk=busy.pk).status == ThemeRun.Status.RUNNING
