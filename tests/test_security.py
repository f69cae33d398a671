"""Security headers, the Content Security Policy, request limits and the 400/403 pages."""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db

PAGES = ["/", "/ideas/", "/accounts/login/", "/no-such-page/"]


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_strict_content_security_policy(client, catalogue, path):
    response = client.get(path)
    assert response.status_code == (404 if path == "/no-such-page/" else 200)
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["font-src"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_the_security_headers(client, catalogue, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_the_page_templates_have_no_inline_script_or_style(client, catalogue):
    # The policy allows no inline code, so a page that had some would break in the browser.
    for path in ["/", "/ideas/", "/accounts/login/"]:
        html = client.get(path).content.decode()
        assert "<script>" not in html
        assert "<style" not in html
        assert " style=" not in html
        assert " onclick=" not in html


def test_the_csrf_cookie_is_httponly(client):
    response = Client(enforce_csrf_checks=True).get(reverse("account_login"))
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_production_cookies_are_secure_and_httponly():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS > 0, s.SECURE_CONTENT_TYPE_NOSNIFF, s.X_FRAME_OPTIONS)",
        extra_env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True True True True DENY"


def test_request_limits_come_from_the_environment():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATA_UPLOAD_MAX_MEMORY_SIZE, s.DATA_UPLOAD_MAX_NUMBER_FIELDS)",
        extra_env={"DATA_UPLOAD_MAX_MEMORY_SIZE": "1024", "DATA_UPLOAD_MAX_NUMBER_FIELDS": "50"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "1024 50"


class _FormFields(HTMLParser):
    """The fields of the page's main form, as a browser would see them."""

    def __init__(self):
        super().__init__()
        self.inside, self.fields = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and "novalidate" in attrs:
            self.inside = True
        elif self.inside and tag in ("input", "textarea", "button") and attrs.get("name"):
            self.fields.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def every_answer_filled(page: str) -> list[tuple[str, str]]:
    """The biggest body a form can send: every radio group answered, every box ticked,
    every text box full to its limit."""
    parser = _FormFields()
    parser.feed(page)
    data, answered = [], set()
    for tag, attrs in parser.fields:
        name, kind = attrs["name"], attrs.get("type", "text")
        if tag == "textarea":
            data.append((name, "x" * int(attrs["maxlength"])))
        elif kind == "radio" and name not in answered:
            answered.add(name)
            data.append((name, "yes" if name == "completed" else "5"))
        elif kind in ("checkbox", "hidden") or (tag == "button" and name == "submit"):
            data.append((name, attrs["value"]))
    return data


def test_the_biggest_forms_are_saved_under_the_default_limits(consultation, participant, catalogue):
    from consultation.responses.models import Response
    from consultation.responses.steps import response_steps
    from ideas.models import FocusArea, Idea
    from models_of_delivery.models import Consideration, DeliveryOption

    client = Client(enforce_csrf_checks=True)  # like a browser: the token comes from the page
    client.force_login(participant)
    sizes = []
    for step in response_steps():
        url = reverse("consultation:response_step", args=[step.slug])
        data = every_answer_filled(client.get(url).content.decode())
        body = urlencode(data)
        sizes.append((len(data), len(body)))
        assert client.post(url, body, content_type="application/x-www-form-urlencoded").status_code == 302
    assert max(size for _, size in sizes) > 10_000  # the big steps, not empty ones
    check = reverse("consultation:response_check")
    data = every_answer_filled(client.get(check).content.decode())
    assert client.post(check, urlencode(data), content_type="application/x-www-form-urlencoded").status_code == 302

    saved = Response.objects.get(respondent=participant)
    assert saved.status == Response.Status.SUBMITTED
    assert saved.scores.filter(usefulness=5, likelihood=5).count() == FocusArea.objects.count()
    assert saved.flags.count() == Idea.objects.count()
    assert saved.option_ratings.filter(score=5).count() == DeliveryOption.objects.count()
    assert all(len(r.reason) == 2000 for r in saved.option_ratings.all())
    assert saved.important_considerations.count() == Consideration.objects.count()
    assert len(saved.anything_else) == 10_000
    assert len(saved.completed_sections) == len(sizes)


def assert_bad_request_page(response):
    assert response.status_code == 400
    assert response.templates[0].name == "400.html"
    assert b"Sorry, there is a problem with what was sent" in response.content
    assert "Content-Security-Policy" in response


def test_an_oversize_post_gets_the_400_page(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = Client(enforce_csrf_checks=True)  # like a browser: the CSRF check reads the body
    client.get(reverse("account_login"))  # sets the CSRF cookie
    response = client.post(reverse("ideas:catalogue"), {"body": "x" * 2000})
    assert_bad_request_page(response)


def test_an_oversize_post_to_a_form_gets_the_400_page_at_the_default_limit(client, settings):
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": body})
    assert_bad_request_page(response)


def test_an_oversize_response_gets_the_400_page_and_saves_nothing(client, settings, consultation,
                                                                  participant, catalogue):
    from consultation.responses.models import Response

    client.force_login(participant)
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("consultation:response_step", args=["anything-else"]),
                           {"anything_else": body, "completed": "yes"})
    assert_bad_request_page(response)
    assert not Response.objects.filter(respondent=participant).exists()


def test_too_many_fields_gets_the_400_page(client, settings):
    fields = {f"field_{n}": "1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("account_login"), fields)
    assert_bad_request_page(response)


def test_a_post_without_a_csrf_token_gets_the_session_expired_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": "a@example.org", "password": "secret"}
    )
    assert response.status_code == 403
    assert response.templates[0].name == "403.html"
    assert b"Your session may have expired" in response.content
    assert b"govuk-heading-l" in response.content


def test_permission_denied_gets_the_govuk_403_page(rf):
    from coe.views import permission_denied

    response = permission_denied(rf.get("/"), exception=None)
    assert response.status_code == 403
    assert b"You cannot see this page" in response.content
    assert b"Your session may have expired" not in response.content


def test_staff_sign_in_through_the_one_form_with_its_limits(client, settings, frozen_rate_clock):
    """The admin had its own sign-in form, with no limit on guessing: it now sends staff to
    the sign-in everyone uses (allauth's, with its limits), and back to the admin."""
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True, is_superuser=True, email="boss@example.org")
    staff.set_password("a-long-staff-password")
    staff.save()
    staff.emailaddress_set.create(email=staff.email, verified=True, primary=True)
    to_admin = client.get("/admin/", follow=True)
    assert to_admin.redirect_chain[-1][0] == f"{reverse('account_login')}?{urlencode({'next': '/admin/'})}"
    guessed = client.post("/admin/login/?next=/admin/", {"username": "boss@example.org",
                                                         "password": "a-long-staff-password"})
    assert guessed.status_code == 302 and "_auth_user_id" not in client.session  # the old form signs no one in
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/5m/key"}
    sign_in = f"{reverse('account_login')}?next=/admin/"
    for _ in range(3):
        client.post(sign_in, {"login": "boss@example.org", "password": "a-wrong-guess"})
    limited = client.post(sign_in, {"login": "boss@example.org", "password": "a-long-staff-password"})
    assert "_auth_user_id" not in client.session and limited.status_code in (200, 429)
    frozen_rate_clock.advance(301)
    signed_in = client.post(sign_in, {"login": "boss@example.org", "password": "a-long-staff-password"})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_participant_asking_for_the_admin_gets_the_403_page(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 403 and "You do not have permission" in response.content.decode()
