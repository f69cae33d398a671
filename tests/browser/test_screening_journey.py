"""An author whose comment looks like personal data is told which kind to remove, follows the
link to edit, and a moderator sees the flagged parts marked with their kinds."""

import pytest
from playwright.sync_api import expect

from consultation.comments.models import Comment
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.browser.test_moderation_journey import setting, sign_in, sign_in_to_admin, verified  # noqa: F401
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
def test_the_author_is_told_what_to_remove_and_the_moderator_sees_it_marked(browser, setting, width):  # noqa: F811
    from django.contrib.auth.models import Group

    from consultation.people.staff_groups import MODERATORS

    url = setting.url
    area = FocusArea.objects.get(slug="improving-data-quality")
    verified(email="author@example.org", display_name="Alex")
    moderator = verified(email="mod@example.org", display_name="Mo", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    UserFactory(display_name="Someone")

    page = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900}).new_page()
    sign_in(page, url, "author@example.org")
    page.goto(url + area.get_absolute_url())
    page.get_by_label("Your comment").fill("Our foster child, Ruby aged 11, waited a year; ring me on 07700 900123")
    page.get_by_role("button", name="Post comment").click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("it may contain a phone number and a person's name with details about them")
    assert "07700" not in banner.inner_text() and "Ruby" not in banner.inner_text()
    assert_accessible(page)
    banner.get_by_role("link", name="Edit your comment").click()
    expect(page.get_by_text("Your comment may contain a phone number")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your comment").fill("Our foster child waited a year for a placement near her school")
    page.get_by_role("button", name="Save changes").click()
    comment = Comment.objects.get(author__email="author@example.org")
    assert comment.held_kinds == "" and comment.state == Comment.State.PENDING

    comment.body = "Ring Ruby's foster carer on 07700 900123"
    comment.held_kinds = "phone name"
    comment.save()
    admin = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900}).new_page()
    sign_in_to_admin(admin, url, "mod@example.org")
    admin.goto(url + f"/admin/comments/comment/{comment.pk}/change/")
    expect(admin.locator("mark", has_text="07700 900123")).to_be_visible()
    expect(admin.get_by_text("[a phone number]")).to_be_visible()
    admin.get_by_label("Change state to").select_option("published")
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.get_by_text("Confirm that the highlighted detail is not personal data")).to_be_visible()
    admin.get_by_label("I have read the highlighted text").check()
    admin.get_by_label("Change state to").select_option("published")
    admin.get_by_role("button", name="Save", exact=True).click()
    comment.refresh_from_db()
    assert comment.state == Comment.State.PUBLISHED
    assert comment.decisions.get(moderator=moderator).personal_data_confirmed
