"""The digests' small leaks, closed: "send again" never re-sends a digest that may have been
delivered without a confirmation naming that risk; unsubscribe links expire after a year and
carry no readable account number; a dry run with nobody opted in says so."""

import base64
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from consultation.digests import sending
from consultation.digests.models import DigestDelivery
from tests.factories import DigestDeliveryFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = DigestDelivery.Status


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def send_again(client, deliveries, **extra):
    return client.post(reverse("admin:digests_digestdelivery_changelist"), {
        "action": "resend_deliveries", ACTION_CHECKBOX_NAME: [d.pk for d in deliveries], **extra,
    })


def test_send_again_resends_a_failed_delivery_at_once(admin_client, django_capture_on_commit_callbacks):
    failed = DigestDeliveryFactory(status=Status.FAILED)
    sent = DigestDeliveryFactory(status=Status.SENT)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = send_again(admin_client, [failed, sent])
    assert response.status_code == 302
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == Status.PENDING and sent.status == Status.SENT
    assert len(queued) == 1


def test_a_delivery_left_sending_needs_a_confirmation_that_names_the_risk(admin_client):
    unsure = DigestDeliveryFactory(status=Status.SENDING)
    failed = DigestDeliveryFactory(status=Status.FAILED)
    page = send_again(admin_client, [unsure, failed])
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "the same email twice" in text and str(unsure.recipient) in text
    unsure.refresh_from_db()
    failed.refresh_from_db()
    assert (unsure.status, failed.status) == (Status.SENDING, Status.FAILED)  # nothing done yet


def test_declining_sends_only_the_failed_ones(admin_client):
    unsure = DigestDeliveryFactory(status=Status.SENDING)
    failed = DigestDeliveryFactory(status=Status.FAILED)
    assert send_again(admin_client, [unsure, failed], confirm_sending="no").status_code == 302
    unsure.refresh_from_db()
    failed.refresh_from_db()
    assert (unsure.status, failed.status) == (Status.SENDING, Status.PENDING)


def test_confirming_sends_the_unsure_one_again(admin_client):
    unsure = DigestDeliveryFactory(status=Status.SENDING)
    assert send_again(admin_client, [unsure], confirm_sending="yes").status_code == 302
    unsure.refresh_from_db()
    assert unsure.status == Status.PENDING


def test_an_unsubscribe_link_carries_no_readable_account_number():
    person = UserFactory()
    first, second = (sending.unsubscribe_token(person, "followers") for _ in range(2))
    assert first != second  # a fresh mask each time: nothing stable to recognise a person by
    payload = first.split(":")[0]
    raw = base64.urlsafe_b64decode(payload[1:] + "=" * (-len(payload[1:]) % 4))
    assert person.pk.to_bytes(8, "big") not in raw and str(person.pk) not in first.split(":")[0]


def test_an_unsubscribe_link_expires_after_a_year(client, monkeypatch):
    person = UserFactory(wants_followers_digest=True)
    token = sending.unsubscribe_token(person, "followers")
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 366 * 24 * 3600)
    response = client.post(reverse("consultation:unsubscribe", args=[token]))
    assert response.status_code == 410
    assert "This unsubscribe link has expired" in response.content.decode()
    person.refresh_from_db()
    assert person.wants_followers_digest


def test_an_old_style_link_gets_the_expired_page_and_changes_nothing(client):
    person = UserFactory(wants_followers_digest=True)
    old = signing.Signer(salt=sending.OLD_UNSUBSCRIBE_SALT).sign_object({"u": person.pk, "k": "followers"})
    response = client.post(reverse("consultation:unsubscribe", args=[old]))
    assert response.status_code == 410 and "govuk-heading-l" in response.content.decode()
    person.refresh_from_db()
    assert person.wants_followers_digest


def test_a_link_within_the_year_still_works(client, monkeypatch):
    person = UserFactory(wants_followers_digest=True)
    token = sending.unsubscribe_token(person, "followers")
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 364 * 24 * 3600)
    assert client.post(reverse("consultation:unsubscribe", args=[token])).status_code == 200
    person.refresh_from_db()
    assert not person.wants_followers_digest


def test_a_dry_run_with_nobody_opted_in_says_so(capsys):
    call_command("send_digest", "--kind", "design_team", "--week", "2026-11-16", "--dry-run")
    assert "nobody has opted in to the Design team's weekly digest" in capsys.readouterr().out
