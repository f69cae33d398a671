"""A participant rates the delivery options and says what the paper is missing; the design team
finds both on the analysis pages, in the exports and in the digest, and a stranger in the API
and the open data, at 1280 and at 320 px, with axe on every
page. SHOTS_DIR=/some/folder also saves a screenshot of each analysis page at both widths."""

import csv
import io
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect

from consultation.moderation.models import ModerationSettings
from consultation.people.models import Consultation
from tests.analysis.conftest import grant
from tests.browser.conftest import assert_accessible
from tests.factories import UserFactory
from tests.models_of_delivery.conftest import load_if_empty

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SHOTS_DIR")
REASON = "We already share services this way"
MISSING = "Nothing on how data is shared between councils and health partners."


@pytest.fixture
def site(live_site):
    load_if_empty()
    now = timezone.now()
    Consultation.objects.all().delete()
    Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    return live_site


def person(email, **extra):
    user = UserFactory(email=email, **extra)
    user.emailaddress_set.create(email=email, verified=True, primary=True)
    return user


def sign_in(page, site, email):
    page.goto(site.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/accounts/login/"))


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.evaluate("document.fonts.ready")
        width = page.viewport_size["width"]
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def too_wide(page, width) -> list[str]:
    """The outermost elements that reach past the viewport, to say what made a page too wide."""
    return page.evaluate("""width => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))""", width)


def download_csv(page, link_name) -> list[dict]:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def participant_takes_part(page, site):
    person("rae@example.org", display_name="Rae")
    sign_in(page, site, "rae@example.org")
    page.goto(site.url + "/your-response/how-the-centre-could-be-set-up/")
    section = page.locator("div", has=page.get_by_role("heading", name="Local authority hosting", exact=True)).last
    section.get_by_role("group", name="How well would this work").get_by_label("4", exact=True).check()
    section.get_by_label("Why? (optional)").fill(REASON)
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.goto(site.url + "/your-response/check-your-answers/")
    page.get_by_role("button", name="Submit response").click()
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()

    page.goto(site.url + "/")
    page.get_by_role("link", name="Tell us what's missing, or about another part of the paper").click()
    expect(page.locator("h1")).to_have_text("Tell us what's missing, or about another part of the paper")
    assert_accessible(page)
    shot(page, "paper-index")
    page.get_by_role("button", name="Send your comment").click()  # nothing chosen: GOV.UK errors
    expect(page.get_by_role("alert")).to_contain_text("Select which part of the paper your comment is about")
    assert_accessible(page)
    shot(page, "paper-index-error")
    page.get_by_label("Something missing from how our system works").check()
    page.get_by_label("Your comment").fill(MISSING)
    page.get_by_label("I've identified a specific issue with this").check()
    page.get_by_role("button", name="Send your comment").click()
    expect(page.locator("h1")).to_have_text("Something missing from how our system works")
    expect(page.get_by_text(MISSING)).to_be_visible()
    assert_accessible(page)
    shot(page, "paper-part")


def test_options_and_whats_missing_reach_the_analysis_and_the_exports(browser, page, site):
    participant_takes_part(page, site)
    staff = grant(UserFactory(is_staff=True, display_name="Design team"), "view_analysis", "export_data")
    staff.emailaddress_set.create(email=staff.email, verified=True, primary=True)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    sign_in(desk, site, staff.email)

    desk.goto(site.url + "/analysis/")
    table = desk.get_by_role("table", name="Comments on other parts of the paper, in any moderation state")
    row = table.locator("tr", has=desk.get_by_role("link", name="Something missing from how our system works"))
    expect(row.locator("td").first).to_have_text("1")
    assert_accessible(desk)
    shot(desk, "overview")

    desk.get_by_role("link", name="Delivery options").click()
    expect(desk.locator("h1")).to_have_text("Delivery options")
    expect(desk.get_by_role("img", name="How well each delivery option would work: mean score")).to_be_visible()
    options = desk.get_by_role("table", name="Delivery options compared")
    la_row = options.locator("tr", has=desk.get_by_role("link", name="Local authority hosting"))
    expect(la_row.locator("td").first).to_have_text("1")
    expect(la_row).to_contain_text("Caution")  # one answer: said in words, no interval
    assert_accessible(desk)
    shot(desk, "options")

    la_row.get_by_role("link", name="Local authority hosting").click()
    expect(desk.locator("h1")).to_have_text("Local authority hosting")
    expect(desk.get_by_text(REASON)).to_be_visible()
    assert_accessible(desk)
    shot(desk, "option")

    desk.get_by_role("link", name="Exports").click()
    responses = download_csv(desk, "Responses (CSV)")
    assert [(r["option: local-authority-hosting: rating"], r["option: local-authority-hosting: reason"])
            for r in responses] == [("4", REASON)]
    comments = download_csv(desk, "Comments (CSV)")
    assert [(c["paper_part"], c["body"], c["reflection_kind"]) for c in comments] == [
        ("missing-how-our-system-works", MISSING, "specific_issue")]

    # The design team's weekly digest, as the admin previews it before it goes.
    staff.user_permissions.add(Permission.objects.get(codename="view_digestdelivery"))
    desk.goto(site.url + "/admin/digests/digestdelivery/preview/email/")
    option = desk.locator("tr", has=desk.get_by_role("link", name="Local authority hosting")).last  # the innermost
    expect(option.locator("td").nth(1)).to_have_text("1")  # respondents
    expect(option.locator("td").nth(2)).to_contain_text("4")  # mean
    expect(desk.get_by_role("listitem").filter(has_text="Something missing from how our system works")).to_contain_text(
        "1 new published comment")
    context.close()

    # And a stranger finds the comment in the public API and the open data; the option's single
    # rating is suppressed there (fewer than 5 people).
    stranger = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    found = stranger.request.get(site.url + "/api/v1/comments/?subject=part:missing-how-our-system-works").json()
    assert [(c["text"], c["paper_part"]) for c in found["results"]] == [(MISSING, "missing-how-our-system-works")]
    scores = stranger.request.get(site.url + "/api/v1/scores/delivery-options/").json()
    hosting = next(row for row in scores if row["delivery_option"] == "local-authority-hosting")
    assert hosting["answers"] is None and hosting["mean"] is None
    open_comments = stranger.request.get(site.url + "/open-data/comments.csv").text()
    assert MISSING in open_comments and "missing-how-our-system-works" in open_comments
    stranger.context.close()


def test_analysis_pages_reflow_at_320_px(browser, site):
    from consultation.responses.models import OptionRating
    from ideas.models import FocusArea
    from ideas.paper import PaperPart
    from models_of_delivery.models import DeliveryOption
    from tests.analysis.conftest import respond
    from tests.factories import CommentFactory

    consultation = Consultation.objects.get()
    areas = list(FocusArea.objects.all())
    options = list(DeliveryOption.objects.all())
    for index in range(3):  # few answers: the hard case for the charts
        response = respond(consultation, UserFactory(), dict.fromkeys(areas, (3 + index % 2, 4)))
        for option in options:
            OptionRating.objects.create(response=response, option=option, score=2 + index, reason="")
    CommentFactory(paper_part=PaperPart.COST)
    staff = grant(UserFactory(is_staff=True), "view_analysis", "export_data")
    staff.emailaddress_set.create(email=staff.email, verified=True, primary=True)
    for width in (1280, 320):
        context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
        page = context.new_page()
        sign_in(page, site, staff.email)
        for name, path in [("overview", "/analysis/"), ("options", "/analysis/delivery-options/"),
                           ("option", "/analysis/delivery-options/local-authority-hosting/"),
                           ("focus-area", "/analysis/focus-areas/improving-data-quality/"),
                           ("matrix", "/analysis/priority-matrix/"), ("ranking", "/analysis/ranking/")]:
            page.goto(site.url + path)
            # The page itself never scrolls sideways: wide tables scroll in their own region.
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, too_wide(page, width))
            fallback = page.get_by_text("The chart is shown on wider screens. The table below has the same figures.")
            if page.locator(".coe-chart").count():
                if width == 320:
                    expect(page.locator(".coe-chart").first).to_be_hidden()
                    expect(fallback.first).to_be_visible()
                else:
                    expect(page.locator(".coe-chart").first).to_be_visible()
                    expect(fallback.first).to_be_hidden()
            if name == "matrix":
                expect(page.get_by_text("13 of 13 focus areas have fewer than 5 answers")).to_be_visible()
                # Three answers each: no interval anywhere, so none runs off the 1 to 5 scale.
                matrix = page.get_by_role("table", name="The priority matrix as a table").inner_text()
                assert not re.search(r"\d to -?\d", matrix)
            assert_accessible(page)
            shot(page, f"reflow-{name}")
        context.close()


def test_paper_pages_reflow_at_320_px(browser, site):
    from ideas.paper import PaperPart
    from tests.factories import CommentFactory

    CommentFactory(paper_part=PaperPart.MORE_ON_DELIVERY, body="Appendix 3 should compare costs.")
    person("sam@example.org", display_name="Sam")
    context = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 800})
    page = context.new_page()
    sign_in(page, site, "sam@example.org")
    for name, path in [("paper-index", "/paper/"), ("paper-part", "/paper/more-on-models-for-delivery/")]:
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, (path, too_wide(page, 320))
        assert_accessible(page)
        shot(page, name)
    expect(page.get_by_text("Appendix 3 should compare costs.")).to_be_visible()
    context.close()
