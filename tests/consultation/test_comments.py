import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from ideas.models import Idea
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def post_comment(client, area, body="This would really help our team.", **extra):
    data = {"body": body, "submission_key": str(uuid.uuid4()), **extra}
    return client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]), data)


def test_signed_in_participant_comments_on_a_focus_area(client, consultation, participant, area):
    client.force_login(participant)
    response = post_comment(client, area, reflection_kind="enthusiastic")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{area.get_absolute_url()}#comment-{comment.pk}"
    assert comment.author == participant and comment.focus_area == area and comment.idea is None
    assert comment.reflection_kind == "enthusiastic"
    page = client.get(area.get_absolute_url()).content.decode()
    assert "This would really help our team." in page
    assert participant.display_name in page
    assert "Local authority data professional, Barnsley" in page
    assert participant.email not in page


def test_comment_on_an_idea_counts_towards_its_focus_area(client, consultation, participant, catalogue):
    idea = Idea.objects.get(focus_area__slug="discovering-what-works", slug="mapping")
    client.force_login(participant)
    client.post(
        reverse("consultation:comment_on_idea", args=[idea.focus_area.slug, idea.slug]),
        {"body": "Mapping is overdue.", "submission_key": str(uuid.uuid4())},
    )
    comment = Comment.objects.get()
    assert comment.idea == idea and comment.focus_area == idea.focus_area
    assert "Mapping is overdue." in client.get(idea.get_absolute_url()).content.decode()
    catalogue_page = client.get(reverse("ideas:catalogue")).content.decode()
    assert "1 comment" in catalogue_page


def test_anonymous_visitor_cannot_comment(client, consultation, area):
    response = post_comment(client, area)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_person_without_a_role_is_sent_to_the_profile_step(client, consultation, area):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=""))
    response = post_comment(client, area)
    assert response.status_code == 302 and response["Location"].startswith("/profile/?next=")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Enter your comment"),
        ("abc", "Comment must be 5 characters or more"),
        ("x" * 5001, "Comment must be 5,000 characters or fewer"),
        ("bad\x00byte here", "Comment must not contain control characters"),
    ],
)
def test_invalid_comment_shows_the_error_summary_and_keeps_the_text(client, consultation, participant, area, body, message):
    client.force_login(participant)
    response = post_comment(client, area, body=body)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert f'<a href="#id_body">{message}</a>' in page
    assert not Comment.objects.exists()


def test_double_submission_creates_one_comment(client, consultation, participant, area):
    client.force_login(participant)
    data = {"body": "Only once please.", "submission_key": str(uuid.uuid4())}
    url = reverse("consultation:comment_on_focus_area", args=[area.slug])
    first = client.post(url, data)
    second = client.post(url, data)
    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_form_sent_again_with_changed_words_says_the_first_post_stands(client, consultation, participant, area):
    from django.contrib.messages import get_messages

    client.force_login(participant)
    key = str(uuid.uuid4())
    url = reverse("consultation:comment_on_focus_area", args=[area.slug])
    client.post(url, {"body": "My first words.", "submission_key": key})
    again = client.post(url, {"body": "Changed after going back.", "submission_key": key})
    assert Comment.objects.get().body == "My first words."
    told = [str(message) for message in get_messages(again.wsgi_request)]
    assert any("already posted from this form" in message for message in told)


def test_markup_and_control_characters_are_stored_as_given_and_shown_inert(client, consultation, participant, area):
    hostile = '<script>alert("x")</script> <b>bold</b> \u202eevil\u200b ' + "W" * 300
    client.force_login(participant)
    post_comment(client, area, body=hostile)
    assert Comment.objects.get().body == hostile
    page = client.get(area.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_urls_in_comments_become_links_and_line_breaks_stay(client, consultation, participant, area):
    client.force_login(participant)
    post_comment(client, area, body="See https://example.org/report\nsecond line")
    page = client.get(area.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/report" rel="nofollow">https://example.org/report</a>' in page
    assert "report</a>\nsecond line" in page


def test_reply_joins_the_thread_one_level_deep(client, consultation, participant, other_participant, area):
    top = CommentFactory(author=other_participant, focus_area=area)
    client.force_login(participant)
    client.post(reverse("consultation:reply", args=[top.pk]),
                {"body": "I agree with this.", "submission_key": str(uuid.uuid4())})
    reply = Comment.objects.get(parent=top)
    client.post(reverse("consultation:reply", args=[reply.pk]),
                {"body": "A reply to the reply.", "submission_key": str(uuid.uuid4())})
    assert Comment.objects.get(body="A reply to the reply.").parent == top
    assert reply.focus_area == area


def test_comments_order_newest_or_oldest_first(client, consultation, area):
    now = timezone.now()
    CommentFactory(focus_area=area, body="Older comment here", created_at=now - timedelta(days=2))
    CommentFactory(focus_area=area, body="Newer comment here", created_at=now)
    newest = client.get(area.get_absolute_url()).content.decode()
    oldest = client.get(area.get_absolute_url() + "?order=oldest").content.decode()
    assert newest.index("Newer comment") < newest.index("Older comment")
    assert oldest.index("Older comment") < oldest.index("Newer comment")
    assert client.get(area.get_absolute_url() + "?order=sideways").status_code == 200


def page_link(html, rel):
    found = re.search(rf'href="([^"]+)" rel="{rel}"', html)
    return found.group(1).replace("&amp;", "&").split("#")[0] if found else None


def test_comments_are_paginated_by_where_the_last_page_ended(client, consultation, area):
    CommentFactory.create_batch(25, focus_area=area)
    first = client.get(area.get_absolute_url()).content.decode()
    assert first.count('class="coe-comment"') == 20
    assert page_link(first, "prev") is None
    older = page_link(first, "next")
    assert "after=" in older
    second = client.get(area.get_absolute_url() + older).content.decode()
    assert second.count('class="coe-comment"') == 5
    assert page_link(second, "next") is None
    back = client.get(area.get_absolute_url() + page_link(second, "prev")).content.decode()
    assert back.count('class="coe-comment"') == 20 and page_link(back, "prev") is None
    for nonsense in ("?page=999", "?after=abc", "?before=1.x", "?after=99999999999999999999.1", "?after=-1.5",
                     "?after=999999999999999999.1", "?before=%C2%B9.1", "?after=1.%C2%B2"):
        assert client.get(area.get_absolute_url() + nonsense).status_code == 200


def test_permalink_shows_the_comment_and_its_replies(client, consultation, area):
    top = CommentFactory(focus_area=area, body="Permalinked words")
    CommentFactory(focus_area=area, parent=top, body="Its reply")
    page = client.get(reverse("consultation:comment", args=[top.pk])).content.decode()
    assert "Permalinked words" in page and "Its reply" in page


def test_author_edits_and_the_comment_is_marked_edited(client, consultation, participant, area):
    comment = CommentFactory(author=participant, focus_area=area)
    client.force_login(participant)
    response = client.post(reverse("consultation:comment_edit", args=[comment.pk]),
                           {"body": "Changed my mind a little.", "reflection_kind": "unsure"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Changed my mind a little." and comment.edited_at is not None
    assert "· edited" in client.get(area.get_absolute_url()).content.decode()


def test_author_withdraws_and_replies_stay_readable(client, consultation, participant, area):
    comment = CommentFactory(author=participant, focus_area=area, body="Words I regret")
    CommentFactory(focus_area=area, parent=comment, body="A reply worth keeping")
    client.force_login(participant)
    client.post(reverse("consultation:comment_withdraw", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.body == "" and comment.withdrawn_at is not None
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Words I regret" not in page
    assert "withdrawn by its author" in page and "A reply worth keeping" in page


@pytest.mark.parametrize("action", ["comment_edit", "comment_withdraw"])
def test_someone_elses_comment_cannot_be_edited_or_withdrawn(client, consultation, participant, other_participant, area, action):
    comment = CommentFactory(author=other_participant, focus_area=area, body="Not yours to touch")
    client.force_login(participant)
    url = reverse(f"consultation:{action}", args=[comment.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Forged change here", "reflection_kind": ""}).status_code == 404
    comment.refresh_from_db()
    assert comment.body == "Not yours to touch" and comment.withdrawn_at is None


def test_writes_are_refused_when_the_consultation_is_closed(client, consultation, participant, area):
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.opens_at = timezone.now() - timedelta(days=10)
    consultation.save()
    client.force_login(participant)
    response = post_comment(client, area)
    assert response.status_code == 403
    assert "The consultation has closed" in response.content.decode()
    assert not Comment.objects.exists()
    page = client.get(area.get_absolute_url()).content.decode()
    assert "You can still read everything" in page
    assert "Post comment" not in page


def test_writes_are_refused_before_the_consultation_opens(client, consultation, participant, area):
    consultation.opens_at = timezone.now() + timedelta(days=1)
    consultation.closes_at = timezone.now() + timedelta(days=10)
    consultation.save()
    client.force_login(participant)
    response = post_comment(client, area)
    assert response.status_code == 403
    assert "has not opened yet" in response.content.decode()
