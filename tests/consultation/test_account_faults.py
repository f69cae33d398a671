"""Account faults a prober found: a failing mail server with tasks in-process, addresses
longer than the database holds, two sign-ups with one address at once, and escaped subjects."""

from smtplib import SMTPServerDisconnected

import pytest
from allauth.account.models import EmailAddress
from allauth.utils import get_form_class
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse

from coe import outbox
from coe.models import OutgoingEmail
from consultation.comments.models import Comment
from consultation.moderation.notices import decision_notice_send
from consultation.people.account_forms import SignupForm
from consultation.people.models import User
from tests.factories import CommentFactory, FocusAreaFactory, ModerationDecisionFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase 9"
TOO_LONG = "Email address must be 254 characters or fewer"


def sign_up_form(email: str, display_name: str = "Jo") -> dict:
    return {"email": email, "password1": PASSWORD, "password2": PASSWORD, "display_name": display_name,
            "role": "la_data"}


def address(length: int) -> str:
    """A well-formed address of exactly `length` characters: a 64-character local part, then
    domain labels of at most 63 (what Django's validator allows)."""
    domain = "example.org"
    while len(domain) < length - 65:
        label = "d" * min(63, length - 65 - len(domain) - 1)
        domain = f"{label}.{domain}"
    return "a" * (length - len(domain) - 1) + "@" + domain


# --- 1. A failing or hung mail server, tasks in-process ---------------------------------


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that fails the way `error` says (set by the test)."""

    error: Exception = SMTPServerDisconnected("Connection unexpectedly closed")

    def send_messages(self, messages):
        raise self.error


@pytest.fixture
def broken_mail(settings, monkeypatch, no_abuse_limits, local_authorities):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # no REDIS_URL: the documented laptop set-up
    settings.EMAIL_BACKEND = "tests.consultation.test_account_faults.BrokenMailBackend"
    return monkeypatch


@pytest.mark.parametrize("error", [SMTPServerDisconnected("Connection unexpectedly closed"),
                                   TimeoutError("timed out")], ids=["failing", "hung"])
def test_sign_up_with_the_mail_server_down_shows_the_next_page_and_keeps_the_email(broken_mail, settings, error):
    broken_mail.setattr(BrokenMailBackend, "error", error)
    client = Client(raise_request_exception=False)
    response = client.post(reverse("account_signup"), sign_up_form("new@example.org"))
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="new@example.org").exists()
    row = OutgoingEmail.objects.get(to="new@example.org")
    assert row.sent_at is None and row.claimed_at is None and type(error).__name__ in row.last_error
    # The mail server is back: the sweep's send delivers it, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.outgoing_email_send(row.pk) == "sent"
    assert [m.to for m in mail.outbox] == [["new@example.org"]]


def test_password_reset_with_the_mail_server_down_shows_the_next_page(broken_mail):
    UserFactory(email="known@example.org")
    response = Client(raise_request_exception=False).post(
        reverse("account_reset_password"), {"email": "known@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("account_reset_password_done")
    row = OutgoingEmail.objects.get(to="known@example.org")
    assert row.sent_at is None and row.claimed_at is None and row.last_error


# --- 2. Addresses longer than the database holds -----------------------------------------


@pytest.fixture
def long_address():
    return address(300)


def test_the_address_helper_makes_what_it_says():
    assert [len(address(n)) for n in (254, 255, 300, 320)] == [254, 255, 300, 320]


def test_sign_up_refuses_an_address_too_long_to_store(client, no_abuse_limits, local_authorities, long_address):
    response = client.post(reverse("account_signup"), sign_up_form(long_address))
    assert response.status_code == 200 and TOO_LONG in response.content.decode()
    assert not User.objects.exists() and not OutgoingEmail.objects.exists() and not mail.outbox


def test_sign_up_takes_an_address_of_254_characters_whole(client, no_abuse_limits, local_authorities, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    longest = address(254)
    response = client.post(reverse("account_signup"), sign_up_form(longest))
    assert response.status_code == 302
    assert User.objects.get().email == longest and [m.to for m in mail.outbox] == [[longest]]


def test_password_reset_refuses_an_address_too_long_to_store(no_abuse_limits, long_address):
    response = Client(raise_request_exception=False).post(reverse("account_reset_password"), {"email": long_address})
    assert response.status_code == 200 and TOO_LONG in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_sign_in_refuses_an_address_too_long_to_be_an_account(client, no_abuse_limits, long_address):
    response = client.post(reverse("account_login"), {"login": long_address, "password": PASSWORD})
    assert response.status_code == 200 and TOO_LONG in response.content.decode()


def test_adding_an_address_too_long_to_store_says_so(no_abuse_limits, participant, long_address):
    client = Client(raise_request_exception=False)
    client.force_login(participant)
    response = client.post(reverse("account_email"), {"action_add": "", "email": long_address})
    assert response.status_code == 200 and TOO_LONG in response.content.decode()
    assert not EmailAddress.objects.filter(email=long_address).exists()


@pytest.mark.parametrize("name", ["login", "signup", "add_email", "reset_password", "change_email"])
def test_every_email_field_on_the_account_forms_has_the_limit(rf, settings, name):
    form_class = get_form_class(settings.ACCOUNT_FORMS, name, None)
    kwargs = {"request": rf.post("/")} if name == "login" else {}
    if name == "add_email":
        kwargs["user"] = UserFactory()
    field = "login" if name == "login" else "email"
    form = form_class(data={field: address(255)}, **kwargs)
    form.is_valid()
    assert TOO_LONG in form.errors.get(field, [])


# --- 3. Two sign-ups with one address at once --------------------------------------------


def test_a_second_sign_up_racing_the_first_gets_the_taken_address_answer(
        monkeypatch, no_abuse_limits, local_authorities, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    Client().post(reverse("account_signup"), sign_up_form("first@example.org", "Ann"))
    taken = Client().post(reverse("account_signup"), sign_up_form("first@example.org", "Bob"))  # allauth's own answer
    mail.outbox.clear()

    # The other worker's sign-up with this address saves between this one's check and save.
    check = SignupForm.validate_unique_email

    def check_then_lose_the_race(form, value):
        email = check(form, value)
        winner = UserFactory(email=value)
        EmailAddress.objects.create(user=winner, email=value, primary=True)
        return email

    monkeypatch.setattr(SignupForm, "validate_unique_email", check_then_lose_the_race)
    response = Client(raise_request_exception=False).post(reverse("account_signup"), sign_up_form("race@example.org", "Cy"))

    assert response.status_code == taken.status_code == 302
    assert response["Location"] == taken["Location"]
    assert User.objects.filter(email="race@example.org").count() == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [(["race@example.org"], "You already have an account")]


# --- 4. Subjects are plain text -----------------------------------------------------------


def send_notice(title: str, to_state: str) -> str:
    comment = CommentFactory(focus_area=FocusAreaFactory(title=title), state=to_state)
    from_state = Comment.State.PENDING if to_state == Comment.State.PUBLISHED else Comment.State.PUBLISHED
    decision = ModerationDecisionFactory(comment=comment, from_state=from_state, to_state=to_state)
    assert decision_notice_send(decision.pk) == "sent"
    [message] = mail.outbox
    return message.subject


@pytest.mark.parametrize("to_state, subject", [
    (Comment.State.PUBLISHED, "Your comment on Children's data & AI is now live"),
    (Comment.State.HIDDEN, "Your comment on Children's data & AI has been hidden"),
])
def test_notice_subjects_are_not_html_escaped(to_state, subject):
    assert send_notice("Children's data & AI", to_state) == subject


def test_a_notice_subject_is_one_line_whatever_the_title():
    assert send_notice("Children's data\n& AI", Comment.State.PUBLISHED) == (
        "Your comment on Children's data & AI is now live")
