"""The weekly digest through the real Redis broker, a real Celery worker process and a
real SMTP server on loopback."""

import time
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from consultation.comments.models import Follow
from consultation.digests.models import DigestDelivery
from consultation.digests.tasks import send_weekly_digests
from ideas.models import FocusArea
from tests.factories import CommentFactory, UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]
WEEK = date(2026, 11, 16)


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_weekly_digest_goes_out_once_through_redis_a_worker_and_smtp(real_broker, smtp_sink, catalogue):
    smtp_sink.messages.clear()
    area = FocusArea.objects.get(slug="improving-data-quality")
    followers = UserFactory.create_batch(3)
    for person in followers:
        Follow.objects.create(follower=person, focus_area=area)
    staff = UserFactory(is_staff=True, wants_design_team_digest=True)
    opted_out = UserFactory(wants_followers_digest=False)
    Follow.objects.create(follower=opted_out, focus_area=area)
    when = datetime(2026, 11, 18, 10, tzinfo=timezone.get_current_timezone())
    CommentFactory(focus_area=area, created_at=when, body="Fresh news for followers")

    result = send_weekly_digests.delay(WEEK.isoformat())
    assert result.get(timeout=30) == {"period": "2026-11-16", "design_team": 1, "followers": 3}
    assert wait_for(lambda: len(smtp_sink.messages) == 4), f"{len(smtp_sink.messages)} emails arrived"

    # A second beat, or a retried run, finds every row done and sends nothing more.
    assert send_weekly_digests.delay(WEEK.isoformat()).get(timeout=30) == {
        "period": "2026-11-16", "design_team": 0, "followers": 0,
    }
    time.sleep(1)
    recipients = sorted(message["To"] for message in smtp_sink.messages)
    assert recipients == sorted([p.email for p in followers] + [staff.email])
    assert opted_out.email not in recipients
    follower_mail = next(m for m in smtp_sink.messages if m["To"] == followers[0].email)
    assert follower_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in follower_mail.walk()
             if not part.is_multipart()}
    assert "Fresh news for followers" in parts["text/plain"] and "Fresh news for followers" in parts["text/html"]
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {"sent"}
    assert timedelta(0) < timezone.now() - DigestDelivery.objects.first().sent_at < timedelta(minutes=5)


def test_the_beat_schedule_entry_points_at_a_registered_task(real_broker):
    from coe.celery import app

    app.loader.import_default_modules()
    entry = app.conf.beat_schedule["weekly-digests"]
    registered = app.control.inspect(timeout=5).registered() or {}
    assert any(entry["task"] in tasks for tasks in registered.values())
