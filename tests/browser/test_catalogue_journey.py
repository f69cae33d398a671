import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

GOVUK_FOCUS_YELLOW = "rgb(255, 221, 0)"


def shows_govuk_focus(locator) -> bool:
    """GOV.UK's focus state: a yellow background (links) or a yellow outline (inputs)."""
    style = locator.evaluate(
        "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.outlineColor, s.outlineStyle]; }"
    )
    background, outline, outline_style = style
    return background == GOVUK_FOCUS_YELLOW or (outline == GOVUK_FOCUS_YELLOW and outline_style != "none")


def test_reader_finds_an_idea_by_theme_and_search(page, live_site):
    page.goto(live_site.url + "/")
    expect(page.locator("h1")).to_have_text("Imagining a Centre of Excellence")
    assert_accessible(page)

    page.get_by_role("button", name="Read the ideas").click()
    expect(page.locator("h1")).to_have_text("Ideas for the Centre of Excellence")
    assert_accessible(page)

    page.get_by_label("Theme").select_option(label="Data as a resource")
    page.get_by_role("button", name="Apply filters").click()
    assert "theme=data-as-a-resource" in page.url
    assert page.get_by_role("status").inner_text().startswith("2 focus areas and 6 ideas")
    assert_accessible(page)

    page.get_by_label("Search ideas").fill("standards")
    page.get_by_role("button", name="Apply filters").click()
    assert "q=standards" in page.url
    headings = page.locator(".govuk-summary-card__title").all_inner_texts()
    assert "Curating technical standards" in headings
    assert_accessible(page)

    page.get_by_role("link", name="Curating technical standards").first.click()
    expect(page.locator("h1")).to_have_text("Curating technical standards")
    expect(page.get_by_role("link", name="Read “Curating technical standards” in the consultation paper")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Managing changes to standards").click()
    expect(page.locator("h1")).to_have_text("Managing changes to standards")
    assert_accessible(page)


def test_no_results_and_error_states_are_accessible(page, live_site):
    page.goto(live_site.url + "/ideas/?q=xylophone")
    expect(page.get_by_role("heading", name="No ideas match your filters")).to_be_visible()
    assert_accessible(page)
    page.goto(live_site.url + "/ideas/?theme=not-a-theme")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Select a theme from the list").click()
    assert page.evaluate("document.activeElement.id") == "id_theme"


def test_404_page_is_accessible(page, live_site):
    response = page.goto(live_site.url + "/ideas/no-such-thing/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page)


def test_keyboard_user_can_skip_to_content_and_sees_focus(page, live_site):
    page.goto(live_site.url + "/ideas/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()
    assert shows_govuk_focus(skip)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    # Tab to the search box, type, and submit with the keyboard alone.
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("id") == "id_q"
    assert shows_govuk_focus(focused)
    page.keyboard.type("procurement")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=procurement**")
    # Every focusable element on the results page shows the focus state as it is reached.
    for _ in range(6):
        page.keyboard.press("Tab")
        assert shows_govuk_focus(page.locator(":focus"))


def test_pages_work_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/ideas/")
    page.get_by_label("Theme").select_option(label="Policy enablers")
    page.get_by_role("button", name="Apply filters").click()
    assert "theme=policy-enablers" in page.url
    assert page.get_by_role("status").inner_text().startswith("2 focus areas")
    context.close()
