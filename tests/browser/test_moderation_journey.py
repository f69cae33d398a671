"""A held comment, a moderator working the queue in the admin, and the author's view."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationSettings
from consultation.people.models import Consultation
from consultation.people.staff_groups import MODERATORS, sync_staff_groups
from ideas.models import FocusArea
from tests.browser.conftest import assert_accessible
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.browser


def sign_in(page, url, email, password="correct-horse-battery"):
    page.goto(url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url + "/")


def sign_in_to_admin(page, url, email, password="correct-horse-battery"):
    page.goto(url + "/admin/")  # staff sign in through the form everyone uses, then back
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url + "/admin/")


@pytest.fixture
def setting(live_site):
    from django.contrib.auth.models import Permission

    now = timezone.now()
    Consultation.objects.all().delete()
    Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    if not Group.objects.filter(name=MODERATORS).exists():  # a transactional flush removed it
        from django.apps import apps
        from django.contrib.auth.management import create_permissions

        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        sync_staff_groups(Group, Permission)
    return live_site


def verified(**kwargs):
    person = UserFactory(**kwargs)
    person.emailaddress_set.create(email=person.email, verified=True, primary=True)
    return person


def test_held_comment_is_moderated_in_the_admin_and_the_author_sees_why(browser, setting, mailoutbox):
    url = setting.url
    area = FocusArea.objects.get(slug="improving-data-quality")
    author = verified(email="author@example.org", display_name="Alex")
    moderator = verified(email="mod@example.org", display_name="Mo", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    waiting = CommentFactory(focus_area=area, state=Comment.State.PENDING, body="Please approve me, I am fine",
                             held_reason=Comment.HeldReason.NEW_ACCOUNT)
    rude = CommentFactory(focus_area=area, author=author, body="An unkind remark about a named colleague")

    # The author writes a comment with a phone number in it: it is held.
    author_context = browser.new_context(bypass_csp=True)
    page = author_context.new_page()
    sign_in(page, url, "author@example.org")
    page.goto(url + area.get_absolute_url())
    page.get_by_label("Your comment").fill("Ring our team on 07700 900123 to talk about this")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Awaiting moderation").first).to_be_visible()
    assert_accessible(page)
    held = Comment.objects.get(body__startswith="Ring our team")
    assert held.state == Comment.State.PENDING and held.held_kinds == "phone"

    # A moderator finds it in the queue by the filter, approves another and hides one.
    mod_context = browser.new_context(bypass_csp=True)
    admin = mod_context.new_page()
    sign_in_to_admin(admin, url, "mod@example.org")
    admin.goto(url + "/admin/comments/comment/")
    admin.get_by_role("link", name="May contain personal data").click()
    assert "held=personal_data" in admin.url
    rows = admin.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    assert "Ring our team" in rows.first.inner_text()

    admin.goto(url + "/admin/comments/comment/?state=pending")
    admin.locator("#result_list tbody tr", has_text="Please approve me").locator("input.action-select").check()
    admin.locator("select[name=action]").select_option("approve_comments")
    admin.get_by_role("button", name="Go").click()
    admin.get_by_role("button", name=re.compile("^Approve 1 comment")).click()
    expect(admin.get_by_text("Approved 1 comment")).to_be_visible()

    admin.goto(url + "/admin/comments/comment/?state=published")
    admin.locator("#result_list tbody tr", has_text="An unkind remark").locator("input.action-select").check()
    admin.locator("select[name=action]").select_option("hide_comments")
    admin.get_by_role("button", name="Go").click()
    admin.get_by_label("Reason").fill("Please do not name colleagues")
    admin.get_by_role("button", name=re.compile("^Hide 1 comment")).click()
    expect(admin.get_by_text("Hid 1 comment")).to_be_visible()

    waiting.refresh_from_db()
    rude.refresh_from_db()
    assert waiting.state == Comment.State.PUBLISHED
    assert (rude.state, rude.moderation_reason) == (Comment.State.HIDDEN, "Please do not name colleagues")
    assert rude.decisions.get().moderator == moderator

    # The author sees the reason on "Your feedback"; the public page no longer shows it.
    page.goto(url + "/your-feedback/")
    card = page.locator(".govuk-summary-card", has_text="An unkind remark")
    assert "Hidden" in card.inner_text() and "Please do not name colleagues" in card.inner_text()
    assert_accessible(page)
    public = browser.new_context().new_page()
    public.goto(url + area.get_absolute_url())
    assert public.get_by_text("An unkind remark").count() == 0
    expect(public.get_by_text("Please approve me, I am fine")).to_be_visible()
