"""A person reads the privacy notice, downloads their data and deletes their account, in
Chromium; axe-core checks the notice, the confirmation page (also with an error) and the done page."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from consultation.people.models import User
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


def sign_in(page, url, email):
    page.goto(url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_downloads_their_data_and_deletes_their_account(page, live_site):
    area = FocusArea.objects.get(slug="improving-data-quality")
    person = UserFactory(email="leaving@council.example.gov.uk", display_name="Lee Leaving")
    person.emailaddress_set.create(email=person.email, verified=True, primary=True)
    CommentFactory(author=person, focus_area=area, body="Words that outlive the account.")

    page.goto(live_site.url + "/")
    page.get_by_role("link", name="Privacy", exact=True).click()
    page.wait_for_url(live_site.url + "/privacy/")
    expect(page.get_by_role("heading", name="Privacy notice")).to_be_visible()
    assert_accessible(page)

    sign_in(page, live_site.url, person.email)
    page.wait_for_url(live_site.url + "/")
    page.goto(live_site.url + "/profile/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your data").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "leaving@council.example.gov.uk"
    assert data["comments"][0]["text"] == "Words that outlive the account."

    page.get_by_role("link", name="Delete your account").click()
    expect(page.get_by_role("heading", name="Delete your account")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Delete your account").click()  # no choice made
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    assert not User.objects.get(pk=person.pk).is_deleted

    page.get_by_label("Keep them readable").check()
    page.get_by_label("Enter your password to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Delete your account").click()
    page.wait_for_url("**/your-account/deleted/")
    expect(page.get_by_role("heading", name="Your account has been deleted")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()  # signed out
    assert_accessible(page)

    page.goto(live_site.url + area.get_absolute_url())
    expect(page.get_by_text("Words that outlive the account.")).to_be_visible()
    expect(page.get_by_text("A former participant", exact=True)).to_be_visible()
    expect(page.get_by_text("Lee Leaving")).to_have_count(0)

    sign_in(page, live_site.url, "leaving@council.example.gov.uk")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.url.startswith(live_site.url + "/accounts/login/")
