"""Nobody can tell from the answers, nor from their timing, whether an address has an account:
sign-up and password reset answer the same in content and in time (the real password hasher)."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from tests import summary
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROUNDS = 5


@pytest.fixture
def real_hasher(settings, no_abuse_limits):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


# Display names are unique among participants, so each new account gets its own.
NAMES = ["Sam Ash", "Kit Birch", "Lee Cedar", "Jo Dale", "Max Elm", "Pat Fir"]


def sign_up(email, name="Pat Fir"):
    client = Client()
    started = time.perf_counter()
    response = client.post(reverse("account_signup"), {
        "email": email, "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
        "display_name": name, "role": UserFactory._meta.model._meta.get_field("role").choices[0][0],
    })
    elapsed = time.perf_counter() - started
    return response, client.get(response["Location"]) if response.status_code == 302 else response, elapsed


def visible(response) -> str:
    html = response.content.decode()
    html = re.sub(r"[\w.+-]+@example\.org", "ADDRESS", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_sign_up_answers_the_same_for_a_new_and_a_taken_address(real_hasher, mailoutbox):
    UserFactory(email="taken@example.org")
    taken_times, new_times = [], []
    for n in range(ROUNDS):
        taken, taken_page, taken_elapsed = sign_up("taken@example.org")
        fresh, fresh_page, fresh_elapsed = sign_up(f"new{n}@example.org", NAMES[n])
        taken_times.append(taken_elapsed)
        new_times.append(fresh_elapsed)
        assert taken.status_code == fresh.status_code == 302
        assert taken["Location"] == fresh["Location"]
        assert visible(taken_page) == visible(fresh_page)
    assert sorted(m.to[0] for m in mailoutbox).count("taken@example.org") == ROUNDS  # each told by email
    # The fastest of each: the least disturbed by whatever else the machine is doing.
    taken_ms, new_ms = min(taken_times) * 1000, min(new_times) * 1000
    summary.line(f"Sign-up, fastest of {ROUNDS}: taken address {taken_ms:.0f} ms, new address {new_ms:.0f} ms")
    # Before the fix: 13-68 ms against 428-1,288 ms. Now both do one full password hash.
    assert taken_ms > 0.5 * new_ms and new_ms > 0.5 * taken_ms


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(real_hasher, mailoutbox):
    UserFactory(email="known@example.org")
    times = {"known@example.org": [], "unknown@example.org": []}
    pages = {}
    for _ in range(ROUNDS):
        for email in times:
            client = Client()
            started = time.perf_counter()
            response = client.post(reverse("account_reset_password"), {"email": email})
            times[email].append(time.perf_counter() - started)
            pages[email] = (response.status_code, response["Location"], visible(client.get(response["Location"])))
    assert pages["known@example.org"] == pages["unknown@example.org"]
    assert [m.to[0] for m in mailoutbox].count("unknown@example.org") == ROUNDS
    known, unknown = (min(t) * 1000 for t in times.values())
    summary.line(f"Password reset, fastest of {ROUNDS}: known address {known:.0f} ms, unknown {unknown:.0f} ms")
    # Nothing slow on either side; the margin is for a busy machine's noise.
    assert abs(known - unknown) < max(100, 0.6 * max(known, unknown))
