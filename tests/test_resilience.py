"""With Redis gone, people can still read and comment; what needed the broker waits in the
database and goes out once it is back. With the mail server failing, nothing is lost."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationDecision
from consultation.moderation.tasks import send_waiting_notices
from tests.factories import CommentFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1

WITHOUT_REDIS = """
import json, uuid
from django.test import Client
from consultation.moderation import lifecycle, notices
from consultation.responses import services as response_services
from consultation.comments.models import Comment
from consultation.people.models import User
out = {}
reader = Client()
out["reads"] = [reader.get(url).status_code for url in ("/", "/ideas/", "/ideas/improving-data-quality/",
                                                        "/delivery-models/compare/")]
health = reader.get("/readyz")
out["health"] = [health.status_code, health.json(), reader.get("/healthz").status_code]
writer = Client()  # through the real sign-in form: allauth's rate-limit lock must not fail closed
signed_in = writer.post("/accounts/login/", {"login": "writer@example.org", "password": "correct-horse-battery"})
out["sign_in"] = [signed_in.status_code, signed_in.get("Location", "")]
posted = writer.post("/focus-areas/improving-data-quality/comments/",
                     {"body": "Posted while Redis was down", "submission_key": str(uuid.uuid4())})
out["post"] = [posted.status_code, posted.get("Location", "")]
decision = lifecycle.comment_moderate(
    comment=Comment.objects.get(body="To be hidden while Redis is down"),
    moderator=User.objects.get(email="mod@example.org"), to_state="hidden", reason="Names a colleague")
out["decision"] = decision.pk
print("RESULT " + json.dumps(out))
"""


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_reading_and_commenting_work_without_redis_and_notices_go_once_it_is_back(
    real_broker, smtp_sink, catalogue, consultation
):
    from ideas.models import FocusArea

    area = FocusArea.objects.get(slug="improving-data-quality")
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    writer = UserFactory(email="writer@example.org", display_name="Writer")
    # The subprocess has the real hashers, not the tests' fast MD5 one.
    writer.password = PBKDF2PasswordHasher().encode("correct-horse-battery", "resiliencesalt")
    writer.save(update_fields=["password"])
    EmailAddress.objects.create(user=writer, email=writer.email, verified=True, primary=True)
    author = UserFactory(email="author@example.org")
    UserFactory(email="mod@example.org", is_staff=True)
    CommentFactory(focus_area=area, author=author, body="To be hidden while Redis is down")
    base = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{base['USER']}@{base['HOST']}:{base['PORT']}/{connection.settings_dict['NAME']}",
        "REDIS_URL": DEAD_REDIS,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    started = time.monotonic()
    run = subprocess.run([sys.executable, "manage.py", "shell", "-c", WITHOUT_REDIS], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("RESULT "))[7:])
    assert time.monotonic() - started < 60  # nothing hung waiting for Redis

    assert result["reads"] == [200, 200, 200, 200]
    assert result["health"] == [200, {"status": "degraded", "checks": {"database": "ok", "redis": "down"}}, 200]
    assert result["sign_in"] == [302, "/"]
    assert result["post"][0] == 302 and "#comment-" in result["post"][1]
    assert Comment.objects.filter(body="Posted while Redis was down").exists()
    decision = ModerationDecision.objects.get(pk=result["decision"])
    assert decision.author_notified_at is None  # the broker was down: the notice waits

    # Redis is back (this process and its worker use the real one): the sweep sends it.
    smtp_sink.messages.clear()
    assert send_waiting_notices.delay(0).get(timeout=30) == 1
    deadline = time.monotonic() + 30
    while not smtp_sink.messages and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [m["To"] for m in smtp_sink.messages] == ["author@example.org"]
    decision.refresh_from_db()
    assert decision.author_notified_at is not None
    assert send_waiting_notices.delay(0).get(timeout=30) == 0  # and only once


@pytest.mark.django_db
def test_a_notice_that_meets_a_failing_mail_server_is_kept_and_sent_later(settings, catalogue, mailoutbox,
                                                                         django_capture_on_commit_callbacks):
    from consultation.moderation import lifecycle
    from ideas.models import FocusArea

    settings.EMAIL_BACKEND = "tests.consultation.flaky_mail.FailAfterTwoBackend"
    from tests.consultation import flaky_mail

    flaky_mail.sent[:] = ["x", "y"]  # the server already took two today and is now failing
    flaky_mail.healthy = False
    comment = CommentFactory(focus_area=FocusArea.objects.first())
    with django_capture_on_commit_callbacks(execute=True):
        decision = lifecycle.comment_moderate(comment=comment, moderator=UserFactory(is_staff=True),
                                             to_state=Comment.State.REJECTED, reason="Spam")
    decision.refresh_from_db()
    assert decision.author_notified_at is None  # the failure was logged, not raised at the moderator
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_waiting_notices(0) == 1
    decision.refresh_from_db()
    assert decision.author_notified_at is not None and len(mailoutbox) == 1
