"""Moderation that cannot be slipped past, tried in Chromium as an author and a moderator:
approving a comment its author changed meanwhile publishes nothing, and a new account's
reply waits like its first comment."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationSettings
from consultation.people.staff_groups import MODERATORS
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.browser.test_moderation_journey import setting, sign_in, sign_in_to_admin, verified  # noqa: F401 (fixture)
from tests.factories import CommentFactory

pytestmark = pytest.mark.browser


def moderator_page(browser, url):
    moderator = verified(email="mod@example.org", display_name="Mo", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    admin = browser.new_context(bypass_csp=True).new_page()
    sign_in_to_admin(admin, url, "mod@example.org")
    return admin


def test_approving_a_comment_edited_since_the_moderator_opened_it_publishes_nothing(browser, setting):  # noqa: F811 (the fixture imported above)
    url = setting.url
    ModerationSettings.objects.filter(pk=1).update(policy=ModerationSettings.Policy.HOLD_ALL)
    area = FocusArea.objects.get(slug="improving-data-quality")
    verified(email="author@example.org", display_name="Alex")

    author = browser.new_context(bypass_csp=True).new_page()
    sign_in(author, url, "author@example.org")
    author.goto(url + area.get_absolute_url())
    author.get_by_label("Your comment").fill("A careful point about shared data standards")
    author.get_by_role("button", name="Post comment").click()
    expect(author.get_by_text("Your comment will appear once a moderator has checked it")).to_be_visible()
    comment = Comment.objects.get()

    admin = moderator_page(browser, url)
    admin.goto(url + f"/admin/comments/comment/{comment.pk}/change/")
    expect(admin.get_by_text("A careful point about shared data standards")).to_be_visible()

    # While the moderator reads, the author changes the text.
    author.goto(url + f"/comments/{comment.pk}/edit/")
    author.get_by_label("Your comment").fill("Something quite different that nobody has checked")
    author.get_by_role("button", name="Save changes").click()
    expect(author.get_by_text("Your comment will appear once a moderator has checked it")).to_be_visible()
    assert_accessible(author)

    # The moderator approves from the page already open: nothing is published.
    admin.get_by_label("Change state to").select_option("published")
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.get_by_text("changed the text after you opened it")).to_be_visible()
    comment.refresh_from_db()
    assert comment.state == Comment.State.PENDING
    reader = browser.new_context().new_page()
    reader.goto(url + area.get_absolute_url())
    assert reader.get_by_text("nobody has checked").count() == 0

    # Opened afresh, the new text is what the moderator approves.
    admin.goto(url + f"/admin/comments/comment/{comment.pk}/change/")
    expect(admin.get_by_text("Something quite different that nobody has checked")).to_be_visible()
    admin.get_by_label("Change state to").select_option("published")
    admin.get_by_role("button", name="Save", exact=True).click()
    reader.goto(url + area.get_absolute_url())
    expect(reader.get_by_text("Something quite different that nobody has checked")).to_be_visible()


def test_a_new_accounts_reply_waits_for_a_moderator_like_its_first_comment(browser, setting):  # noqa: F811 (the fixture imported above)
    url = setting.url
    ModerationSettings.objects.filter(pk=1).update(policy=ModerationSettings.Policy.HOLD_NEW_ACCOUNTS)
    area = FocusArea.objects.get(slug="improving-data-quality")
    CommentFactory(focus_area=area, body="An established participant's view on standards")
    verified(email="newcomer@example.org", display_name="Nia")

    page = browser.new_context(bypass_csp=True).new_page()
    sign_in(page, url, "newcomer@example.org")
    page.goto(url + area.get_absolute_url())
    page.get_by_label("Your comment").fill("My first comment, which a moderator will check")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment will appear once a moderator has checked it")).to_be_visible()

    thread = page.locator("article", has_text="An established participant's view on standards")
    thread.get_by_role("link", name="Reply").click()
    page.get_by_label("Your reply").fill("A reply that must not skip the check")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply will appear once a moderator has checked it")).to_be_visible()
    assert_accessible(page)

    assert set(Comment.objects.filter(author__email="newcomer@example.org").values_list("state", flat=True)) == {
        Comment.State.PENDING}
    reader = browser.new_context().new_page()
    reader.goto(url + area.get_absolute_url())
    expect(reader.get_by_text("An established participant's view on standards")).to_be_visible()
    assert reader.get_by_text("must not skip the check").count() == 0
