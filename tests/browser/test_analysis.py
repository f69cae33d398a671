"""A member of the design team opens every analysis page, filters, switches the weighting and
exports; axe-core finds nothing on any page."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.people.models import Consultation, Organisation
from consultation.people.roles import Role
from ideas.models import FocusArea
from tests.analysis.conftest import grant, respond
from tests.browser.conftest import assert_accessible
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def analysis_site(live_site):
    now = timezone.now()
    Consultation.objects.all().delete()
    consultation = Consultation.objects.create(
        title="Round one", opens_at=now - timedelta(days=30), closes_at=now + timedelta(days=30)
    )
    rng = random.Random(7)
    councils = list(Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY)[:40])
    areas = list(FocusArea.objects.all())
    for index in range(60):
        role = rng.choice([Role.LA_DATA, Role.LA_DATA, Role.CG_DATA, Role.SUPPLIER, Role.OTHER_PUBLIC])
        person = UserFactory(role=role, organisation=rng.choice(councils) if role == Role.LA_DATA else None)
        respond(consultation, person, {area: (rng.randint(2, 5), rng.randint(1, 5)) for area in areas},
                submitted_at=now - timedelta(days=rng.randint(0, 25)))
        if index % 3 == 0:
            CommentFactory(author=person, focus_area=rng.choice(areas), reflection_kind="general")
    user = grant(UserFactory(is_staff=True, display_name="Design team"), "view_analysis", "export_data")
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)
    return live_site, user


def sign_in(page, site, user):
    page.goto(site.url + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()


def apply_region_filter(page, region="London"):
    if page.locator("details.coe-filters").get_attribute("open") is None:
        page.get_by_text("Filters and weighting").click()
    page.get_by_label("Region", exact=True).select_option(region)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**region={region.replace(' ', '+')}**")


def test_design_team_reads_every_analysis_page(page, analysis_site):
    site, user = analysis_site
    sign_in(page, site, user)

    page.goto(site.url + "/admin/")
    page.get_by_role("link", name="Analysis: who has taken part, scores, ranking and priority matrix").click()
    expect(page.locator("h1")).to_have_text("Who has taken part")
    expect(page.get_by_role("img", name="Local authorities heard from, by region")).to_be_visible()
    assert_accessible(page)
    apply_region_filter(page)
    expect(page.get_by_text("Showing all respondent groups, people in a local authority in London.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Switch to one council, one voice").click()
    expect(page.get_by_text("One council, one voice:", exact=True)).to_be_visible()
    assert "region=London" in page.url and "weighting=council" in page.url
    assert_accessible(page)

    page.get_by_role("link", name="Ranking of focus areas and ideas").click()
    assert "region=London" in page.url
    expect(page.get_by_role("table", name="Focus areas, sorted by mean usefulness")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mean likelihood of use").click()
    expect(page.get_by_role("table", name="Focus areas, sorted by mean likelihood of use")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Improving data quality").first.click()
    expect(page.locator("h1")).to_have_text("Improving data quality")
    expect(page.get_by_role("img", name="How people scored its usefulness")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Priority matrix").click()
    expect(page.get_by_role("img", name="Priority matrix: usefulness against likelihood of use")).to_be_visible()
    assert_accessible(page)
    apply_region_filter(page, "North West")
    assert_accessible(page)

    page.get_by_role("link", name="Exports").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Responses (CSV)").click()
    assert download.value.suggested_filename.endswith(".csv")
    assert_accessible(page)
