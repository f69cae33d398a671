"""A member of staff records a response that came by email, through the admin in Chromium:
it is saved as recorded by staff, with no login made, and the form passes axe."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.imports.models import StaffRecord
from consultation.people.models import Consultation
from consultation.people.roles import Role
from consultation.people.sources import Source
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.browser.test_moderation_journey import sign_in_to_admin
from tests.factories import UserFactory

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOTS_DIR", "")  # set it to keep screenshots of the form


def test_staff_record_an_emailed_response_in_the_admin(browser, live_site):
    now = timezone.now()
    Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=9))
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    staff.emailaddress_set.create(email=staff.email, verified=True, primary=True)
    area = FocusArea.objects.get(slug="improving-data-quality")
    page = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}).new_page()
    sign_in_to_admin(page, live_site.url, "staff@example.org")

    page.goto(live_site.url + "/admin/imports/staffrecord/add/")
    assert_accessible(page)
    if SHOTS:
        page.evaluate("document.fonts.ready")
        page.screenshot(path=f"{SHOTS}/staff-form-1280.png", full_page=True)
        page.set_viewport_size({"width": 320, "height": 800})
        page.screenshot(path=f"{SHOTS}/staff-form-320.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("How it came to us").select_option("email")
    page.get_by_label("Date received").fill((now - timedelta(days=1)).date().isoformat())
    page.get_by_label("Their role").select_option(Role.LA_LEADERSHIP)
    page.get_by_label("Their local authority").select_option(label="Kent")
    page.get_by_label("A structured response (scores)").check()
    page.get_by_text("Or their structured response").click()  # opens the folded section
    page.get_by_label(f"{area.title}: how useful to the sector (1 to 5)").select_option("5")
    page.get_by_label("Anything else they said").fill("Sent by email after the regional meeting.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("was added successfully")).to_be_visible()
    assert_accessible(page)
    record = StaffRecord.objects.get()
    assert record.channel == StaffRecord.Channel.EMAIL and record.response.source == Source.STAFF
    assert record.response.scores.get().usefulness == 5
    assert record.respondent.organisation.name == "Kent" and not record.respondent.has_usable_password()
