"""The response as a task list, step by step to "Check your answers" and submitted; then the
consultation closes and every form goes. In Chromium at 1280 and 320 px, axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.people.models import Consultation
from consultation.responses.models import Response
from tests.browser.journeys import WIDTHS, check, open_consultation
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def sign_in(page, live_site, email):
    person = UserFactory(email=email, display_name="Rae")
    person.emailaddress_set.create(email=email, verified=True, primary=True)
    page.goto(live_site.url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site.url + "/")
    return person


def status_of(page, task: str) -> str:
    item = page.locator(".govuk-task-list__item").filter(has=page.get_by_text(task, exact=True))
    return item.locator(".govuk-task-list__status").inner_text().strip()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_whole_task_list_to_check_answers_and_submit_then_closed(page, live_site, width):
    from tests.models_of_delivery.conftest import load_if_empty

    load_if_empty()
    consultation = open_consultation()
    page.set_viewport_size({"width": width, "height": 900})
    person = sign_in(page, live_site, f"rater{width}@example.org")

    page.goto(live_site.url + "/ideas/improving-data-quality/")
    page.get_by_role("link", name="Score this focus area in your response").click()
    expect(page.get_by_role("heading", name="Data as a resource", level=1)).to_be_visible()
    assert page.url.endswith("/your-response/data-as-a-resource/#area-improving-data-quality")

    page.goto(live_site.url + "/your-response/")
    expect(page.get_by_text("You have completed 0 of 8 sections")).to_be_visible()
    assert status_of(page, "Data as a resource") == "Not started"
    check(page, "task-list", width)

    page.get_by_role("link", name="Data as a resource").click()
    check(page, "step-areas", width)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select whether you have completed this section")
    check(page, "step-error", width)
    area = page.locator("div", has=page.get_by_role("heading", name="Improving data quality", exact=True)).last
    area.get_by_role("group", name="How useful would this be").get_by_label("4", exact=True).check()
    area.get_by_role("group", name="How likely").get_by_label("2", exact=True).check()
    area.get_by_label("Providing data quality tools").check()
    page.get_by_label("No, I’ll come back to it later").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("have been saved to a draft")).to_be_visible()
    assert status_of(page, "Data as a resource") == "In progress"

    # Change a score back to "No answer", and mark the step done.
    page.get_by_role("link", name="Data as a resource").click()
    area = page.locator("div", has=page.get_by_role("heading", name="Improving data quality", exact=True)).last
    area.get_by_role("group", name="How likely").get_by_label("No answer").check()
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    assert status_of(page, "Data as a resource") == "Completed"

    page.get_by_role("link", name="How the Centre could be set up").click()
    check(page, "step-delivery", width)
    option = page.locator("div", has=page.get_by_role("heading", name="Local authority hosting", exact=True)).last
    option.get_by_role("group", name="How well would this work").get_by_label("4", exact=True).check()
    option.get_by_label("Why? (optional)").fill("We already share services this way")
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("link", name="Anything else you would like to tell us").click()
    check(page, "step-anything-else", width)
    page.get_by_label("Is there anything else").fill("Shared validation rules would save every council time.")
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("You have completed 3 of 8 sections")).to_be_visible()
    check(page, "task-list-progress", width)
    assert Response.objects.get(respondent=person).status == Response.Status.DRAFT

    page.get_by_role("link", name="Check your answers").click()
    expect(page.get_by_role("heading", name="Check your answers before submitting your response")).to_be_visible()
    expect(page.get_by_text("Useful to the sector: 4 out of 5")).to_be_visible()
    expect(page.get_by_text("Likely to use: No answer").first).to_be_visible()
    check(page, "check-answers", width)
    page.get_by_role("link", name="Change Improving data quality").click()
    assert page.url.endswith("/your-response/data-as-a-resource/#area-improving-data-quality")
    page.go_back()
    page.get_by_role("button", name="Submit response").click()
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()
    check(page, "submitted", width)
    saved = Response.objects.get(respondent=person)
    assert saved.status == Response.Status.SUBMITTED
    assert (saved.scores.get().usefulness, saved.scores.get().likelihood) == (4, None)

    # The consultation closes: no form anywhere on the person's pages; each says what happens next.
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    from django.core.cache import cache

    cache.clear()
    page.goto(live_site.url + "/your-response/")
    expect(page.get_by_text("can no longer be changed")).to_be_visible()
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    assert page.locator("main form").count() == 0 and page.locator(".govuk-task-list__link").count() == 0
    check(page, "closed-task-list", width)
    page.goto(live_site.url + "/your-response/data-as-a-resource/")
    assert page.url == live_site.url + "/your-response/"
    page.goto(live_site.url + "/your-response/check-your-answers/")
    assert page.locator("main form").count() == 0 and page.get_by_text("Change", exact=True).count() == 0
    check(page, "closed-check-answers", width)
    page.goto(live_site.url + "/your-feedback/")
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    assert page.locator("main form").count() == 0
    check(page, "closed-your-feedback", width)
    page.goto(live_site.url + "/ideas/improving-data-quality/")
    assert page.get_by_label("Your comment").count() == 0
    assert page.get_by_role("link", name="Score this focus area in your response").count() == 0
    check(page, "closed-focus-area", width)
