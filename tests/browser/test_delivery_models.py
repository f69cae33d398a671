import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.models_of_delivery.conftest import load_if_empty

pytestmark = pytest.mark.browser

TABLE_REGION = "Comparison of the options (scrolls sideways)"


@pytest.fixture
def delivery_site(live_site):
    """The live site with the delivery-models content (a transactional test starts empty)."""
    load_if_empty()
    return live_site


def cell(page, column: str, row: str):
    """The comparison cell found through its column and row headers, as a reader would."""
    table = page.get_by_role("table", name="The options compared")
    headers = table.locator("thead th[scope=col]").all_inner_texts()
    column_index = headers.index(column)  # the first header is the row-heading column
    body_row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=row, exact=True))
    return body_row.locator("th, td").nth(column_index)


def test_reader_moves_from_the_overview_to_the_comparison_an_option_and_the_organisations(page, delivery_site):
    page.goto(delivery_site.url + "/delivery-models/")
    expect(page.locator("h1")).to_have_text("How the Centre of Excellence could be run")
    expect(page.get_by_role("img", name="The centre as a hub with spokes")).to_be_visible()
    assert page.get_by_role("link", name="Delivery models").get_attribute("aria-current") == "page"
    assert_accessible(page)

    page.get_by_role("link", name="Compare the options side by side").click()
    expect(page.locator("h1")).to_have_text("Compare the options")
    assert "Takes time and money to set up" in cell(page, "A new legal entity", "Risks").inner_text()
    assert "subscriptions" in cell(page, "Local authority hosting", "Lasting beyond start-up funding").inner_text()
    region = page.get_by_role("region", name=TABLE_REGION)
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    assert_accessible(page)

    page.get_by_role("link", name="Aligning with existing infrastructure").first.click()
    expect(page.locator("h1")).to_have_text("Aligning with existing infrastructure")
    assert page.get_by_role("link", name="Coram (external website)").get_attribute("href") == "https://www.coram.org.uk/"
    expect(page.get_by_role("term").filter(has_text="Filling the right gap")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="All the organisations the paper mentions").click()
    expect(page.locator("h1")).to_have_text("Organisations that work in similar ways")
    expect(page.get_by_role("heading", name="Private companies")).to_be_visible()
    assert_accessible(page)


def test_comparison_scrolls_inside_its_region_on_a_phone(browser, delivery_site):
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(delivery_site.url + "/delivery-models/compare/")
    region = page.get_by_role("region", name=TABLE_REGION)
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    # The page itself does not scroll sideways: only the table's region does.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "label => document.querySelector(`[aria-label='${label}']`).scrollLeft > 0", arg=TABLE_REGION
    )
    expect(page.get_by_role("link", name="Other models").first).to_be_visible()
    assert_accessible(page)
    context.close()


def test_unknown_option_is_a_404(page, delivery_site):
    response = page.goto(delivery_site.url + "/delivery-models/no-such-option/")
    assert response.status == 404


def test_respondent_compares_rates_two_options_and_comments_on_one(page, delivery_site):
    from datetime import timedelta

    from django.utils import timezone

    from consultation.moderation.models import ModerationSettings
    from consultation.people.models import Consultation
    from consultation.responses.models import OptionRating
    from tests.factories import UserFactory

    now = timezone.now()
    Consultation.objects.all().delete()
    Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    person = UserFactory(email="rater@example.org", display_name="Rae")
    person.emailaddress_set.create(email=person.email, verified=True, primary=True)

    page.goto(delivery_site.url + "/accounts/login/")
    page.get_by_label("Email").fill("rater@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(delivery_site.url + "/")

    page.goto(delivery_site.url + "/delivery-models/compare/")
    expect(cell(page, "Local authority hosting", "Feedback so far")).to_have_text("0 comments, 0 ratings")
    assert_accessible(page)

    page.goto(delivery_site.url + "/delivery-models/local-authority-hosting/")
    page.get_by_role("link", name="Rate it in your response").click()
    for title, score, reason in [("Local authority hosting", "4", "We already share services this way"),
                                 ("Central government hosting", "2", "")]:
        section = page.locator("div", has=page.get_by_role("heading", name=title, exact=True)).last
        section.get_by_role("group", name="How well would this work").get_by_label(score, exact=True).check()
        if reason:
            section.get_by_label("Why? (optional)").fill(reason)
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Check your answers").click()
    page.get_by_role("button", name="Submit response").click()
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()
    assert dict(OptionRating.objects.values_list("option__slug", "score")) == {
        "local-authority-hosting": 4, "central-government-hosting": 2,
    }
    assert_accessible(page)

    page.goto(delivery_site.url + "/delivery-models/local-authority-hosting/")
    page.get_by_label("Your comment").fill("Hosting in a council keeps it close to practice.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment has been posted")).to_be_visible()
    expect(page.get_by_text("Hosting in a council keeps it close to practice.")).to_be_visible()
    assert_accessible(page)

    page.goto(delivery_site.url + "/delivery-models/compare/")
    expect(cell(page, "Local authority hosting", "Feedback so far")).to_have_text("1 comment, 1 rating")
