"""Account defects testers found: a stranger could lock anyone out of signing in, a database
failure mid-sign-up left an account whose email never came, personal pages had no
Cache-Control, and deleting an account did not ask for the password."""

import pytest
from allauth.account.models import EmailAddress
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from coe import outbox
from coe.models import OutgoingEmail
from consultation.comments.models import Comment
from consultation.people.models import User
from tests.factories import CommentFactory, UserFactory

PASSWORD = "correct-horse-battery"
TOO_MANY = "You have tried to sign in too many times"


def verified_person(email):
    person = UserFactory(email=email)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    return person


def sign_in(client, email, password=PASSWORD):
    """Through the real sign-in form (allauth's view, its limits and our adapter)."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


# --- 1. Strangers cannot lock a person out of their own browser ----------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_rate_clock")
def test_a_strangers_wrong_passwords_do_not_lock_the_person_out_of_their_own_browser(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,5/5m/key"}
    verified_person("amy@council.example")
    amy = Client(REMOTE_ADDR="192.0.2.10")
    assert sign_in(amy, "amy@council.example").status_code == 302  # her browser, on Monday
    amy.post(reverse("account_logout"))

    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert sign_in(stranger, "amy@council.example", "wrong").status_code == 200
    # Strangers are still limited per account, whatever their address...
    assert TOO_MANY in sign_in(stranger, "amy@council.example").content.decode()
    assert TOO_MANY in sign_in(Client(REMOTE_ADDR="198.51.100.7"), "amy@council.example").content.decode()
    # ...but Amy's own browser signs her in.
    response = sign_in(amy, "amy@council.example")
    assert response.status_code == 302 and "_auth_user_id" in amy.session


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_rate_clock")
def test_a_known_browser_still_has_a_limit_of_its_own(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,5/5m/key"}
    verified_person("amy@council.example")
    amy = Client(REMOTE_ADDR="192.0.2.10")
    sign_in(amy, "amy@council.example")
    amy.post(reverse("account_logout"))
    for _ in range(5):
        assert sign_in(amy, "amy@council.example", "wrong").status_code == 200
    assert TOO_MANY in sign_in(amy, "amy@council.example").content.decode()
    # Her guesses used her browser's count, not the one every other browser shares.
    assert sign_in(Client(REMOTE_ADDR="203.0.113.9"), "amy@council.example").status_code == 302


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_rate_clock")
def test_a_browser_known_for_another_account_is_a_stranger_here(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,5/5m/key"}
    verified_person("amy@council.example")
    verified_person("mallory@council.example")
    mallory = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_in(mallory, "mallory@council.example").status_code == 302
    mallory.post(reverse("account_logout"))
    for _ in range(5):
        sign_in(Client(REMOTE_ADDR="198.51.100.7"), "amy@council.example", "wrong")
    assert TOO_MANY in sign_in(mallory, "amy@council.example").content.decode()


# --- 2. Sign-up saves everything or nothing -------------------------------------------------


def sign_up_form(email):
    return {"email": email, "password1": "a long enough passphrase 9", "password2": "a long enough passphrase 9",
            "display_name": "Jo", "role": "la_data"}


@pytest.mark.django_db(transaction=True)  # commits as in production, so a half-saved sign-up would stay
def test_a_database_failure_during_sign_up_saves_nothing_and_a_second_try_works(local_authorities, monkeypatch):
    store = outbox.outgoing_email_store
    failures = []

    def outbox_table_locked_once(message):
        if not failures:
            failures.append(message.to)
            if connection.vendor != "postgresql":
                raise OperationalError("database is locked")
            with connection.cursor() as cursor:  # the statement timeout, for real
                cursor.execute("SET LOCAL statement_timeout = 1; SELECT pg_sleep(1)")
        return store(message)

    monkeypatch.setattr(outbox, "outgoing_email_store", outbox_table_locked_once)
    browser = Client(raise_request_exception=False)
    response = browser.post(reverse("account_signup"), sign_up_form("new@example.org"))

    assert failures == [["new@example.org"]]
    assert response.status_code == 503
    assert "Your account has not been created" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()
    assert not EmailAddress.objects.filter(email="new@example.org").exists()

    again = browser.post(reverse("account_signup"), sign_up_form("new@example.org"))
    assert again.status_code == 302 and again["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="new@example.org").count() == 1
    assert OutgoingEmail.objects.filter(to="new@example.org").count() == 1  # the email is on its way


# --- 3. Pages for a signed-in person stay out of shared caches ------------------------------


@pytest.mark.django_db
def test_pages_for_a_signed_in_person_are_private(client, consultation, participant, area):
    rejected = CommentFactory(author=participant, focus_area=area, state=Comment.State.REJECTED)
    client.force_login(participant)
    for url in (reverse("consultation:profile"), reverse("consultation:your_feedback"),
                reverse("consultation:your_response"), reverse("consultation:comment", args=[rejected.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-cache", url
    # A page that says more keeps it.
    download = client.get(reverse("consultation:data_export"))
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]


@pytest.mark.django_db
def test_signed_out_pages_and_the_api_keep_their_own_headers(client, participant, catalogue):
    assert "Cache-Control" not in Client().get(reverse("start"))
    client.force_login(participant)
    api = client.get("/api/v1/themes/")  # the API's public data stays cacheable by anyone
    assert api.status_code == 200 and api["Cache-Control"] == "public, max-age=60"


# --- 4. Deleting an account asks for the password -------------------------------------------


@pytest.mark.django_db
def test_deleting_an_account_needs_its_password(client, participant):
    client.force_login(participant)
    page = client.get(reverse("consultation:account_delete")).content.decode()
    assert 'type="password"' in page and 'autocomplete="current-password"' in page

    missing = client.post(reverse("consultation:account_delete"), {"comments": "keep"})
    assert missing.status_code == 400 and "Enter your password" in missing.content.decode()
    wrong = client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": "not-it"})
    assert wrong.status_code == 400
    assert "govuk-error-summary" in wrong.content.decode()
    assert "Your password is not correct" in wrong.content.decode()
    participant.refresh_from_db()
    assert not participant.is_deleted and participant.is_active

    right = client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": PASSWORD})
    assert right.status_code == 302 and right["Location"] == reverse("consultation:account_deleted")
    participant.refresh_from_db()
    assert participant.is_deleted


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_rate_clock")
def test_guessing_the_password_on_the_delete_page_is_limited(client, participant, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,3/5m/key"}
    client.force_login(participant)
    for _ in range(3):
        client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": "guess"})
    refused = client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": PASSWORD})
    assert refused.status_code == 400 and "too many times" in refused.content.decode()
    participant.refresh_from_db()
    assert not participant.is_deleted


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_rate_clock")
def test_a_strangers_guesses_do_not_stop_the_person_deleting_their_account(client, participant, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,3/5m/key"}
    for _ in range(3):
        sign_in(Client(REMOTE_ADDR="203.0.113.9"), participant.email, "wrong")
    client.force_login(participant)
    response = client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": PASSWORD})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.is_deleted
