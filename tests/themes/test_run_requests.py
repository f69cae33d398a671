"""Asking for a run of a subject that already has one queued or running gets that run: a
double click, or two analysts at once, make one row and one build."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from consultation.themes import runs, services
from consultation.themes.models import ThemeRun
from consultation.themes.subjects import WHOLE
from tests.concurrency import at_once


@pytest.fixture
def sent(monkeypatch):
    """The run ids sent to the workers (none is built, so each run stays queued)."""
    ids = []
    monkeypatch.setattr("consultation.themes.tasks.build_themes.delay", ids.append)
    return ids


@pytest.mark.django_db
def test_two_posts_of_the_form_make_one_run_and_say_the_second_is_under_way(
        client, theme_analyst, sent, django_capture_on_commit_callbacks):
    client.force_login(theme_analyst)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("themes:index"), {"subject": "all"}, follow=True).content.decode()
        second = client.post(reverse("themes:index"), {"subject": "all"}, follow=True).content.decode()
    run = ThemeRun.objects.get()
    assert sent == [run.pk] and run.status == ThemeRun.Status.QUEUED
    assert "Finding themes in The whole consultation" in first
    assert "already under way" in second


@pytest.mark.django_db
def test_a_running_run_is_returned_and_a_finished_one_is_not(theme_analyst, sent):
    running = ThemeRun.objects.create(**WHOLE.as_filter(), status=ThemeRun.Status.RUNNING)
    assert services.theme_run_request(WHOLE, theme_analyst) == (running, False)
    ThemeRun.objects.filter(pk=running.pk).update(status=ThemeRun.Status.DONE)
    new, created = services.theme_run_request(WHOLE, theme_analyst)
    assert created and new.pk != running.pk and new.status == ThemeRun.Status.QUEUED


@pytest.mark.django_db
def test_the_database_refuses_a_second_unfinished_run_of_a_subject():
    ThemeRun.objects.create(**WHOLE.as_filter())
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeRun.objects.create(**WHOLE.as_filter(), status=ThemeRun.Status.RUNNING)


@pytest.mark.django_db
def test_nightly_planning_adds_no_run_beside_a_running_one(three_themes):
    # Started before the comments came: planning would otherwise want a newer run.
    ThemeRun.objects.create(**WHOLE.as_filter(), status=ThemeRun.Status.RUNNING,
                            created_at=timezone.now() - timedelta(hours=1))
    planned = runs.runs_plan()
    assert ThemeRun.objects.filter(**WHOLE.as_filter()).count() == 1
    assert not ThemeRun.objects.filter(pk__in=planned, **WHOLE.as_filter()).exists()


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_on_two_connections_make_one_run(theme_analyst, sent):
    def ask():
        with transaction.atomic():
            asked = services.theme_run_request(WHOLE, theme_analyst)
            # Hold the transaction open, so each request runs before the other commits.
            threading.Event().wait(0.3)
            return asked

    results, errors = at_once(ask)
    assert errors == []
    run = ThemeRun.objects.get()
    assert sorted(created for _, created in results) == [False, True]
    assert {r.pk for r, _ in results} == {run.pk} and sent == [run.pk]


@pytest.mark.django_db(transaction=True)
def test_the_migration_settles_duplicate_runs_made_before_it(migrator):
    old = migrator.apply_initial_migration(("themes", "0002_analysts_edit_themes")).apps
    OldRun = old.get_model("themes", "ThemeRun")  # noqa: N806
    first = OldRun.objects.create(subject_kind="all", subject_ref="", status="queued")
    running = OldRun.objects.create(subject_kind="all", subject_ref="", status="running")
    other = OldRun.objects.create(subject_kind="focus_area", subject_ref="1", status="queued")
    later = OldRun.objects.create(subject_kind="focus_area", subject_ref="1", status="queued")
    new = migrator.apply_tested_migration(("themes", "0003_one_unfinished_run_per_subject")).apps
    statuses = dict(new.get_model("themes", "ThemeRun").objects.values_list("pk", "status"))
    assert statuses == {first.pk: "failed", running.pk: "running", other.pk: "queued", later.pk: "failed"}
