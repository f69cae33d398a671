"""Comments are published, an analyst asks for themes and a real Celery worker builds them;
the analyst merges two, renames one, signs it off and writes the official response; an
anonymous visitor reads it on "You said, we did". axe-core finds nothing on any page, and
screenshots at 1280 and 320 px go to /tmp/shots/themes/."""

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from consultation.comments.models import OfficialResponse
from consultation.themes.models import FoundTheme, ResponseLink, ThemeRun
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.browser.test_analysis import sign_in
from tests.factories import CommentFactory, UserFactory
from tests.themes.conftest import EDIT, VIEW, grant
from tests.themes.evaluation_set import THEMES

pytestmark = [pytest.mark.browser, pytest.mark.redis]
SHOTS = Path("/tmp/shots/themes")


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("() => document.fonts.ready")
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        height = page.evaluate("() => document.body.scrollHeight")
        for part, top in enumerate(range(0, height, 1200) if width == 320 else []):
            page.screenshot(path=str(SHOTS / f"{name}-{width}-part{part}.png"), full_page=True,
                            clip={"x": 0, "y": top, "width": width, "height": min(1200, height - top)})
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def themed_site(live_site, consultation):
    area = FocusArea.objects.get(slug="improving-data-quality")
    for name in ("recording_burden", "data_sharing", "funding"):
        for text in THEMES[name][:12]:
            CommentFactory(focus_area=area, body=text)
    analyst = grant(UserFactory(is_staff=True, display_name="Theme analyst"), VIEW, EDIT, ("comments", "add_officialresponse"))
    analyst.emailaddress_set.create(email=analyst.email, verified=True, primary=True)
    return live_site, analyst, area


def test_themes_go_from_a_worker_through_review_to_you_said_we_did(page, browser, themed_site, real_broker):
    site, analyst, area = themed_site
    sign_in(page, site, analyst)
    page.goto(site.url + "/analysis/themes/")
    assert_accessible(page)
    page.get_by_label("What to find themes in").select_option(f"focus_area-{area.pk}")
    started = time.monotonic()
    page.get_by_role("button", name="Find themes").click(timeout=60_000)
    print(f"Asking for themes took {time.monotonic() - started:.1f} s")
    expect(page.get_by_text(f"Finding themes in {area.title}")).to_be_visible()

    deadline = time.monotonic() + 90
    while not ThemeRun.objects.filter(status=ThemeRun.Status.DONE).exists():
        assert time.monotonic() < deadline, "the worker did not build the themes"
        assert not ThemeRun.objects.filter(status=ThemeRun.Status.FAILED).exists(), ThemeRun.objects.first().error
        time.sleep(0.5)
    from coe.celery import app

    done_by_worker = [stats.get("total", {}) for stats in (app.control.inspect(timeout=5).stats() or {}).values()]
    assert any("consultation.tasks.build_themes" in totals for totals in done_by_worker), done_by_worker
    page.reload()
    shoot(page, "index")
    page.get_by_role("link", name=area.title).click()
    expect(page.get_by_role("table").first).to_be_visible()
    assert_accessible(page)
    shoot(page, "subject")

    themes = list(FoundTheme.objects.filter(subject_ref=str(area.pk)).order_by("pk"))
    merged, kept = themes[0], themes[1]
    page.get_by_role("link", name=merged.label, exact=True).first.click()
    page.get_by_label("Merge this theme into").select_option(str(kept.pk))
    page.get_by_role("button", name="Merge").click()
    expect(page.get_by_text(f"“{merged.label}” merged into this theme")).to_be_visible()
    expect(page.locator("h1")).to_have_text(kept.label)

    page.get_by_label("Name", exact=True).fill("What people want changed")
    page.get_by_role("button", name="Save name and description").click()
    expect(page.locator("h1")).to_have_text("What people want changed")
    page.get_by_role("button", name="Sign off this theme").click()
    expect(page.get_by_text("Theme signed off")).to_be_visible()
    page.get_by_label("What the design team did").fill("We will halve the forms practitioners fill in.")
    page.get_by_role("button", name="Publish response").click()
    expect(page.get_by_text("Official response published and linked to this theme")).to_be_visible()
    assert_accessible(page)
    shoot(page, "theme")

    response = OfficialResponse.objects.get()
    assert ResponseLink.objects.get(response=response).theme_id == kept.pk
    assert FoundTheme.objects.get(pk=merged.pk).merged_into_id == kept.pk

    visitor = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    public = visitor.new_page()
    public.goto(site.url + "/you-said-we-did/")
    expect(public.get_by_role("heading", name="What people want changed")).to_be_visible()
    expect(public.get_by_text("We will halve the forms practitioners fill in.")).to_be_visible()
    expect(public.get_by_role("heading", name=area.title)).to_be_visible()
    assert public.get_by_role("link", name="Read the comment").count() >= 3
    assert_accessible(public)
    shoot(public, "you-said-we-did")
    visitor.close()
