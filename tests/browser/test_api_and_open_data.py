"""An anonymous visitor finds the API's documentation and the open data from the footer, in
Chromium; axe-core checks both pages; another site's page reads the API (CORS) in the browser."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.api.conftest import make_world
from tests.browser.conftest import assert_accessible
from tests.models_of_delivery.conftest import load_if_empty

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_site):
    load_if_empty()
    return live_site


@pytest.fixture
def world(site, consultation, local_authorities):
    return make_world(consultation, local_authorities)


def test_a_visitor_finds_the_api_and_the_open_data_and_another_site_reads_the_api(page, site, world):
    page.goto(site.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="API for developers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API for developers")
    assert_accessible(page)
    document = page.request.get(site.url + page.get_by_role("link", name="OpenAPI 3 document (JSON)").get_attribute("href"))
    assert document.ok and "/api/v1/comments/" in document.json()["paths"]

    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    expect(page.get_by_text("1 more is left out because the text may contain personal data")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Published comments (comments.csv)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8"))))
    assert [row["text"] for row in rows][:1] == ["Shared tools would help."]
    assert all("Olu" not in row["text"] for row in rows)

    # A page on another origin (127.0.0.1 is not localhost to the browser) reads the API.
    other_origin = site.url.replace("localhost", "127.0.0.1")
    page.goto(other_origin + "/privacy/")
    count = page.evaluate("url => fetch(url).then(r => r.json()).then(areas => areas.length)",
                          site.url + "/api/v1/focus-areas/")
    assert count == 13
    refused = page.evaluate(
        "url => fetch(url, {method: 'DELETE'}).then(() => 'sent', () => 'blocked')", site.url + "/api/v1/focus-areas/")
    assert refused == "blocked"  # the preflight allows only GET, HEAD and OPTIONS


def test_screenshots_of_the_pages(browser, site, world):
    """Not an assertion of looks: pictures at 1280 and 320 px for a person to check."""
    shots = Path("/tmp/shots/api")
    shots.mkdir(parents=True, exist_ok=True)
    for width in (1280, 320):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, path in (("documentation", "/api/"), ("open-data", "/open-data/")):
            page.goto(site.url + path)
            page.evaluate("document.fonts.ready")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{path} scrolls sideways at {width} px ({scroll_width})"
            page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        context.close()
