"""Sign-up to a signed-in account through the real forms and the link in the real email, in
Chromium at 1280 and 320 px, axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from consultation.people.models import User
from tests.browser.journeys import WIDTHS, check, open_consultation

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
def test_sign_up_confirm_by_email_and_be_signed_in(page, live_site, mailoutbox, settings, width):
    open_consultation()
    settings.SITE_URL = live_site.url  # the email's links are built from SITE_URL
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site.url + "/accounts/signup/")
    check(page, "signup", width)

    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    summary = page.locator(".govuk-error-summary__list").inner_text()
    assert "This field is required" not in summary
    assert "Enter your email address" in summary and "Enter a password" in summary
    check(page, "signup-errors", width)

    email = f"officer{width}@council.example.gov.uk"
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Display name").fill("Jo from Leeds")
    page.get_by_label("Local authority data professional").check()
    page.get_by_label("Local authority (if you work for one)").select_option(label="Leeds")
    page.get_by_label("Create a password").fill("a-long-Passphrase-77")
    page.get_by_label("Enter the password again").fill("a-long-Passphrase-77")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    check(page, "check-your-email", width)

    message = mailoutbox[-1]
    assert message.subject == "Confirm your email address" and "Hello from" not in message.body
    link = re.search(rf"{re.escape(live_site.url)}/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    check(page, "confirm-email", width)
    page.get_by_role("button", name="Confirm email address").click()

    page.wait_for_url(live_site.url + "/")
    expect(page.get_by_text(f"You have confirmed {email}")).to_be_visible()
    if width > 640:  # at 320 px the navigation sits behind the "Menu" button
        expect(page.get_by_role("link", name="Sign out")).to_be_visible()
    check(page, "signed-in", width)
    assert User.objects.get(email=email).emailaddress_set.get().verified

    page.goto(live_site.url + "/accounts/logout/")
    check(page, "sign-out", width)
    page.get_by_role("button", name="Sign out").click()
    page.goto(live_site.url + "/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary__list")).to_contain_text("Enter your email address")
    check(page, "sign-in-errors", width)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("a-long-Passphrase-77")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site.url + "/")

    page.goto(live_site.url + "/accounts/password/reset/")
    check(page, "password-reset", width)
    page.goto(live_site.url + "/accounts/password/change/")
    check(page, "password-change", width)
    page.goto(live_site.url + "/accounts/email/")
    check(page, "email-addresses", width)
