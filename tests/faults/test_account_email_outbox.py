"""Account emails go through the outbox: with the broker away the request only stores the
email; the sweep sends it once the broker and the mail server are back, once."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from coe import outbox
from coe.models import OutgoingEmail
from coe.tasks import send_waiting_account_emails
from tests.factories import OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_in_process_an_account_email_goes_at_once_and_is_recorded(no_abuse_limits):
    UserFactory(email="known@example.org")
    Client().post(reverse("account_reset_password"), {"email": "known@example.org"})
    assert [m.to for m in mail.outbox] == [["known@example.org"]]
    row = OutgoingEmail.objects.get(to="known@example.org")
    assert row.sent_at is not None and "password" in row.subject.lower()


def test_without_a_worker_the_request_stores_the_email_and_the_sweep_sends_it_once(
        settings, no_abuse_limits, django_capture_on_commit_callbacks, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the Celery app reads Django's settings
    queued = []
    monkeypatch.setattr("coe.tasks.send_account_email.delay", queued.append)  # a broker that never delivers
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("account_reset_password"), {"email": "known@example.org"})
    assert response.status_code == 302 and not mail.outbox
    row = OutgoingEmail.objects.get(to="known@example.org")
    assert queued == [row.pk] and row.sent_at is None
    assert send_waiting_account_emails(0) == 1  # the broker is back: the sweep queues it again
    assert queued == [row.pk, row.pk]
    # Both messages reach a worker (the first was only late): one email goes.
    assert [outbox.outgoing_email_send(pk) for pk in queued] == ["sent", "nothing to do"]
    assert [m.to for m in mail.outbox] == [["known@example.org"]]
    assert send_waiting_account_emails(0) == 0


def test_a_failing_mail_server_keeps_the_email_for_the_sweep(settings):
    row = OutgoingEmailFactory()
    settings.EMAIL_BACKEND = "tests.consultation.flaky_mail.FailAfterTwoBackend"
    from tests.consultation import flaky_mail

    flaky_mail.sent[:] = ["x", "y"]
    flaky_mail.healthy = False
    with pytest.raises(SMTPServerDisconnected):
        outbox.outgoing_email_send(row.pk)
    row.refresh_from_db()
    assert row.sent_at is None and row.claimed_at is None and row.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.outgoing_email_send(row.pk) == "sent"
    assert outbox.outgoing_email_send(row.pk) == "nothing to do"
    assert len(mail.outbox) == 1
