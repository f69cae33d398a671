"""allauth's pages and emails in GOV.UK style: labels, error wording, emails, sign-in on confirming."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sign_up_errors_say_what_to_do_once_per_field(client, local_authorities):
    page = client.post(reverse("account_signup"), {}).content.decode()
    assert "This field is required" not in page
    summary = page.split('govuk-error-summary__list">')[1].split("</ul>")[0]
    for message in ("Enter your email address", "Enter a password", "Enter your password again",
                    "Enter a display name", "Select the role that best describes you"):
        assert summary.count(message) == 1, message
    assert "placeholder=" not in page
    assert '<label class="govuk-label" for="id_email">Email address</label>' in page


def test_weak_and_mismatched_passwords_in_govuk_words(client, local_authorities):
    page = client.post(reverse("account_signup"), {
        "email": "not-an-email", "password1": "12345", "password2": "54321", "display_name": "Jo", "role": "la_data",
    }).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in page
    page = client.post(reverse("account_signup"), {
        "email": "jo@example.org", "password1": "12345", "password2": "12345", "display_name": "Jo", "role": "la_data",
    }).content.decode()
    assert "Your password must be 8 characters or more" in page
    page = client.post(reverse("account_signup"), {
        "email": "jo@example.org", "password1": "a long passphrase 9", "password2": "another passphrase 9",
        "display_name": "Jo", "role": "la_data",
    }).content.decode()
    assert "The passwords do not match: enter the same password twice" in page


def test_sign_in_errors(client):
    page = client.post(reverse("account_login"), {}).content.decode()
    assert "Enter your email address" in page and "Enter your password" in page
    assert "This field is required" not in page and "placeholder=" not in page
    assert "Keep me signed in on this device" in page and "Remember Me" not in page


def test_sign_up_sends_a_plain_english_email_and_confirming_signs_in(client, local_authorities, mailoutbox, settings):
    settings.SITE_URL = "https://consultation.example.org"
    response = client.post(reverse("account_signup"), {
        "email": "officer@council.example.gov.uk", "password1": "a long enough passphrase 9",
        "password2": "a long enough passphrase 9", "display_name": "Jo", "role": "la_data",
    })
    page = client.get(response["Location"]).content.decode()
    assert "<h1 class=\"govuk-heading-l\">Check your email</h1>" in page and "finalize" not in page

    email = mailoutbox[-1]
    assert email.subject == "Confirm your email address"
    assert "Centre of Excellence consultation" in email.from_email
    assert "Hello from" not in email.body and "You're receiving this" not in email.body
    assert "Centre of Excellence consultation" in email.body
    link = re.search(r"https://consultation\.example\.org/accounts/confirm-email/\S+/", email.body).group(0)
    html = email.alternatives[0][0]
    assert link in html and "Centre of Excellence consultation" in html

    path = link.removeprefix(settings.SITE_URL)
    page = client.get(path).content.decode()
    assert "Confirm that you want to use <strong class=\"coe-wrap\">officer@council.example.gov.uk</strong>" in page
    assert 'href="mailto:officer' not in page
    response = client.post(path)
    assert response.status_code == 302
    assert client.get(reverse("consultation:your_feedback")).status_code == 200  # signed in, no second sign-in


def test_account_emails_subjects_are_sentence_case(client, mailoutbox, participant):
    participant.emailaddress_set.create(email=participant.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": participant.email})
    email = mailoutbox[-1]
    assert email.subject == "Reset your password"
    assert re.search(r"/accounts/password/reset/key/\S+/", email.body)
    assert "Hello from" not in email.body


@pytest.mark.parametrize("name", ["account_reset_password", "account_reset_password_done", "account_login", "account_signup"])
def test_account_pages_use_the_govuk_layout(client, name):
    page = client.get(reverse(name)).content.decode()
    assert "govuk-heading-l" in page and "Centre of Excellence consultation" in page
