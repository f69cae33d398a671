"""The Content Security Policy in a real browser: pages, GOV.UK Frontend and the admin work
under it with nothing blocked. These pages are loaded WITHOUT bypass_csp."""

import pytest
from playwright.sync_api import expect

from ideas.models import Idea
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

# Records every violation the browser reports, before any of the page's own code runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


class StrictPage:
    """A page under the site's real CSP, with the console and page errors collected."""

    def __init__(self, page):
        self.page = page
        self.console = []
        self.errors = []
        page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.add_init_script(RECORD_VIOLATIONS)

    def assert_nothing_blocked(self):
        violations = self.page.evaluate("window.__cspViolations")
        policy_messages = [
            m
            for m in self.console
            if "Content Security Policy" in m
            or "Content-Security-Policy" in m
            or "Permissions-Policy" in m
            or "Permissions policy" in m
        ]
        assert violations == [], f"CSP violations on {self.page.url}: {violations}"
        assert policy_messages == [], f"policy messages on {self.page.url}: {policy_messages}"
        assert self.errors == [], f"JavaScript errors on {self.page.url}: {self.errors}"

    def assert_govuk_frontend_started(self):
        page = self.page
        assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        assert page.evaluate("typeof window.GOVUKFrontend") == "object"
        # initAll marks each component it starts with data-<module>-init.
        assert (
            page.locator(".govuk-service-navigation[data-govuk-service-navigation-init]").count()
            == 1
        )
        assert page.locator(".govuk-skip-link[data-govuk-skip-link-init]").count() == 1


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # no bypass_csp
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield StrictPage(page)
    context.close()


def test_public_pages_run_govuk_frontend_under_the_csp(strict_page, live_site):
    page = strict_page.page
    for path in ["/", "/ideas/", "/accounts/login/"]:
        response = page.goto(live_site.url + path)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        strict_page.assert_govuk_frontend_started()
        strict_page.assert_nothing_blocked()
    # Fonts and the stylesheet loaded: GOV.UK's typeface is in use.
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith(
        '"GDS Transport"'
    )
    assert page.evaluate(
        "document.fonts.ready.then(fonts => [...fonts].some("
        "f => f.family.includes('GDS Transport') && f.status === 'loaded'))"
    )


def test_the_service_navigation_menu_works_on_a_narrow_screen_under_the_csp(strict_page, live_site):
    page = strict_page.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_site.url + "/ideas/")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()  # the component's JavaScript un-hides it
    assert page.locator("#navigation").is_hidden()
    toggle.click()
    expect(page.locator("#navigation")).to_be_visible()
    strict_page.assert_nothing_blocked()


def test_the_admin_works_under_the_csp(strict_page, live_site, django_user_model):
    staff = django_user_model.objects.create_superuser("staff@example.org", "correct-horse-battery")
    staff.emailaddress_set.create(email=staff.email, verified=True, primary=True)
    page = strict_page.page
    page.goto(live_site.url + "/admin/")
    assert "/accounts/login/?next=%2Fadmin%2F" in page.url
    strict_page.assert_nothing_blocked()
    page.get_by_label("Email").fill("staff@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Moderation and content")).to_be_visible()
    strict_page.assert_nothing_blocked()

    # A changelist: the actions script counts the ticked rows.
    page.goto(live_site.url + "/admin/ideas/idea/")
    page.locator("#action-toggle").check()
    assert page.locator(".action-counter").inner_text().startswith("39 of 39 selected")
    strict_page.assert_nothing_blocked()

    # A change form, with the admin's form scripts.
    page.goto(live_site.url + f"/admin/ideas/idea/{Idea.objects.first().pk}/change/")
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_visible()
    strict_page.assert_nothing_blocked()


def test_the_session_expired_page_is_accessible(page, live_site):
    page.goto(live_site.url + "/accounts/login/")
    page.context.clear_cookies()  # as if the session and CSRF cookie had gone
    page.locator("#id_login").fill("someone@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Your session may have expired")
    assert_accessible(page)


def test_the_bad_request_page_is_accessible(page, live_site, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024  # the live server runs in this process
    page.goto(live_site.url + "/accounts/login/")
    page.locator("#id_login").fill("someone@example.org")
    page.locator("#id_password").fill("x" * 2000)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Sorry, there is a problem with what was sent")
    assert_accessible(page)
