"""Playwright driving Debian's Chromium, with axe-core for accessibility checks."""

from pathlib import Path

import pytest
from django.db import connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from consultation.people.loaders import load_local_authorities
from consultation.people.models import Organisation
from ideas.loaders import load_catalogue
from ideas.models import DeliveryStrand, FocusArea, Idea, Theme

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp lets the test inject axe-core; the portal's own pages never need it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class _ServeThroughWhitenoise:
    """pytest-django's live server answers /static/ from the finders, which do not know
    the hashed names of the manifest storage; let whitenoise serve them as in production."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return self.application(environ, start_response)


class LiveSite:
    def __init__(self, url):
        self.url = url


@pytest.fixture
def live_site(transactional_db):
    """A live server with the catalogue and local authorities in place."""
    if not Theme.objects.exists():
        load_catalogue(Theme, DeliveryStrand, FocusArea, Idea)
    if not Organisation.objects.exists():
        load_local_authorities(Organisation)
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = LiveServerThread("localhost", _ServeThroughWhitenoise, shared, port=0)
    thread.daemon = True
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield LiveSite(f"http://{thread.host}:{thread.port}")
    thread.terminate()
    # The shared in-memory SQLite connection stays shareable: the browser's keep-alive
    # request threads can outlive the server by a moment and close it from their thread.


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        # Also "region" (best practice): all content inside a landmark, for people who move by landmarks.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: {region: {enabled: true}}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"axe-core found problems on {page.url}: {violations}"
