"""A newcomer signs up, verifies their email, comments, replies, edits, withdraws and
responds, in Chromium; axe-core checks every page on the way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationSettings
from consultation.people.models import Consultation
from consultation.responses.models import Response
from tests.browser.conftest import assert_accessible
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def open_consultation(live_site):
    now = timezone.now()
    Consultation.objects.all().delete()
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    return Consultation.objects.create(
        title="Round one", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30)
    )


def test_newcomer_signs_up_comments_and_responds(page, live_site, open_consultation, mailoutbox, settings):
    settings.SITE_URL = live_site.url  # the email's links are built from SITE_URL
    from ideas.models import FocusArea

    area = FocusArea.objects.get(slug="improving-data-quality")
    someone = UserFactory(display_name="Priya")
    CommentFactory(author=someone, focus_area=area, body="Has anyone costed a shared tool?")

    page.goto(live_site.url + "/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Email").fill("officer@council.example.gov.uk")
    page.get_by_label("Display name").fill("Jo from Leeds")
    page.get_by_label("Local authority data professional").check()
    page.get_by_label("Local authority (if you work for one)").select_option(label="Leeds")
    page.get_by_label("Create a password").fill("a-long-Passphrase-77")
    page.get_by_label("Enter the password again").fill("a-long-Passphrase-77")
    page.get_by_role("button", name="Create account").click()
    assert_accessible(page)

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm email address").click()
    page.wait_for_url(live_site.url + "/")  # confirming signs the person in
    expect(page.get_by_text("You have confirmed officer@council.example.gov.uk")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()

    page.goto(live_site.url + area.get_absolute_url())
    assert_accessible(page)
    page.get_by_label("Your comment").fill("We would use shared validation tools every month.")
    page.get_by_label("I'm enthusiastic about this").check()
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment has been posted")).to_be_visible()
    expect(page.get_by_text("Jo from Leeds").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reply to Priya").click()
    assert_accessible(page)
    page.get_by_label("Your reply").fill("Not yet, but we could share our estimates.")
    page.get_by_role("button", name="Post reply").click()
    assert Comment.objects.filter(parent__author=someone, author__display_name="Jo from Leeds").exists()

    page.get_by_role("link", name=re.compile("^Edit your comment")).first.click()
    assert_accessible(page)
    page.get_by_label("Your comment").fill("We would use shared validation tools every week.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("every week")).to_be_visible()
    expect(page.get_by_text("edited", exact=False).first).to_be_visible()

    page.get_by_role("link", name=re.compile("^Withdraw your comment")).first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Withdraw comment").click()
    expect(page.get_by_text("Your comment has been withdrawn")).to_be_visible()

    page.get_by_role("link", name="Your feedback").click()
    assert_accessible(page)
    page.get_by_role("link", name="Start your response").click()
    assert_accessible(page)
    page.get_by_role("link", name="Data as a resource").click()
    section = page.locator("div", has=page.get_by_role("heading", name="Improving data quality", exact=True)).last
    section.get_by_role("group", name="How useful would this be").get_by_label("4", exact=True).check()
    section.get_by_label(re.compile("^Defining")).check()
    page.get_by_label("No, I’ll come back to it later").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("have been saved to a draft")).to_be_visible()
    assert Response.objects.get().status == "draft"

    page.goto(live_site.url + "/ideas/")
    page.get_by_role("link", name="Your feedback").click()
    page.get_by_role("link", name="Continue your response").click()
    page.get_by_role("link", name="Data as a resource").click()
    section = page.locator("div", has=page.get_by_role("heading", name="Improving data quality", exact=True)).last
    assert section.get_by_role("group", name="How useful would this be").get_by_label("4", exact=True).is_checked()
    section.get_by_role("group", name="How likely").get_by_label("2", exact=True).check()
    page.get_by_label("Yes, I’ve completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Check your answers").click()
    page.get_by_role("button", name="Submit response").click()
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()
    assert_accessible(page)
    response = Response.objects.get()
    assert response.status == "submitted"
    assert response.scores.get().likelihood == 2


def test_keyboard_alone_posts_a_comment(page, live_site, open_consultation):
    from ideas.models import FocusArea

    person = UserFactory(email="keys@example.org", display_name="Keyboard user")
    person.emailaddress_set.create(email=person.email, verified=True, primary=True)
    page.goto(live_site.url + "/accounts/login/")
    page.get_by_label("Email").focus()
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    page.wait_for_url(live_site.url + "/")
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()

    area = FocusArea.objects.get(slug="discovering-what-works")
    page.goto(live_site.url + area.get_absolute_url())
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    for _ in range(60):  # tab through the page until the comment box has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_body":
            break
    assert page.evaluate("document.activeElement.id") == "id_body"
    page.keyboard.type("Typed and sent with the keyboard alone.")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Post comment":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.get().body == "Typed and sent with the keyboard alone."
