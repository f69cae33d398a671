"""What a moderator sees and must do: flagged spans highlighted with their kinds, a filter by
kind, the queue first, and a recorded confirmation before flagged text is published."""

import re

import pytest
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from tests.admin_forms import inline_management
from tests.factories import CommentFactory, DeliveryOptionFactory, UserFactory

pytestmark = pytest.mark.django_db
State = Comment.State
FLAGGED = "Tommy, aged 7, needs a call on 07700 900123 <b>now</b>"


def held(area, body=FLAGGED, kinds="phone name", **kwargs):
    return CommentFactory(focus_area=area, state=State.PENDING, body=body,
                          held_reason=Comment.HeldReason.PERSONAL_DATA, held_kinds=kinds, **kwargs)


def test_the_change_page_marks_each_flagged_span_with_its_kind_in_words(client, moderator, area):
    comment = held(area)
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert '<mark class="coe-flag">Tommy</mark> <strong class="coe-flag__kind">[a person&#x27;s name' in page
    assert '<mark class="coe-flag">07700 900123</mark> <strong class="coe-flag__kind">[a phone number]' in page
    assert "&lt;b&gt;now&lt;/b&gt;" in page  # the author's text is escaped, never markup
    assert "2 details flagged: a phone number; a person&#x27;s name" in page
    assert "it is not personal data and may be published" in page  # the confirmation box


def test_approving_flagged_text_needs_the_confirmation_and_records_it(client, moderator, area):
    comment = held(area)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    form = {"new_state": "published", "reason": "", "seen_revision": comment.revision, **inline_management()}
    refused = client.post(url, form)
    assert refused.status_code == 200 and b"Confirm that the highlighted detail is not personal data" in refused.content
    comment.refresh_from_db()
    assert comment.state == State.PENDING
    client.post(url, {**form, "personal_data_confirmed": "on"})
    comment.refresh_from_db()
    assert comment.state == State.PUBLISHED
    decision = comment.decisions.get(moderator=moderator)
    assert decision.personal_data_confirmed is True


def test_the_lifecycle_refuses_unconfirmed_flagged_text_and_hiding_needs_no_confirmation(moderator, area):
    comment = held(area)
    with pytest.raises(lifecycle.PersonalDataNotConfirmed):
        lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN,
                                          reason="Names a child")
    assert decision.personal_data_confirmed is False


def test_bulk_approval_shows_the_highlights_and_needs_the_confirmation(client, moderator, area):
    flagged, plain = held(area), CommentFactory(focus_area=area, state=State.PENDING, body="Fine words")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")
    base = {"action": "approve_comments", "_selected_action": [flagged.pk, plain.pk],
            f"revision-{flagged.pk}": flagged.revision, f"revision-{plain.pk}": plain.revision}
    shown = client.post(url, base).content.decode()
    assert '<mark class="coe-flag">07700 900123</mark>' in shown and "none of it is personal data" in shown
    refused = client.post(url, {**base, "apply": "1", "reason": ""})
    assert b"Confirm that the highlighted detail is not personal data" in refused.content
    assert Comment.objects.get(pk=flagged.pk).state == State.PENDING
    client.post(url, {**base, "apply": "1", "reason": "", "personal_data_confirmed": "on"})
    assert set(Comment.objects.filter(pk__in=[flagged.pk, plain.pk]).values_list("state", flat=True)) == {
        State.PUBLISHED}
    assert Comment.objects.get(pk=flagged.pk).decisions.get(moderator=moderator).personal_data_confirmed
    assert not Comment.objects.get(pk=plain.pk).decisions.get(moderator=moderator).personal_data_confirmed


def test_the_queue_opens_on_comments_waiting_and_filters_by_kind(client, moderator, area):
    held(area, body="Ring 07700 900123", kinds="phone")
    held(area, body="They live at 12 Acacia Avenue", kinds="address")
    CommentFactory(focus_area=area, body="Already published words")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")
    first = client.get(url).content.decode()
    assert "Ring 07700" in first and "Acacia Avenue" in first and "Already published" not in first
    everything = client.get(url, {"state": "all"}).content.decode()
    assert "Already published" in everything
    phones = client.get(url, {"kind": "phone"}).content.decode()
    assert "Ring 07700" in phones and "Acacia Avenue" not in phones
    assert re.search(r'<a href="\?kind=address[^"]*"[^>]*>A street address</a>', first)


def test_search_does_not_match_authors_email_addresses(client, moderator, area):
    author = UserFactory(email="secret.person@example.org", display_name="Quiet Author")
    CommentFactory(focus_area=area, author=author, body="Words from a quiet author")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")
    assert "Words from a quiet author" not in client.get(url, {"q": "secret.person", "state": "all"}).content.decode()
    assert "Words from a quiet author" in client.get(url, {"q": "Quiet Author", "state": "all"}).content.decode()


def test_a_delivery_option_comment_shows_its_option(client, moderator):
    option = DeliveryOptionFactory(title="A national body")
    comment = CommentFactory(delivery_option=option, state=State.PENDING, body="On the option")
    client.force_login(moderator)
    listing = client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert "A national body (delivery option)" in listing
    change = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert "A national body (delivery option)" in change
