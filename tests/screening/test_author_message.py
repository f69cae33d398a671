"""Authors are told which kind of detail to remove, never the detail itself, and can edit."""

import uuid

import pytest
from django.urls import reverse

from consultation.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_a_held_comment_names_the_kind_with_a_link_to_edit(client, consultation, participant, area):
    client.force_login(participant)
    url = reverse("consultation:comment_on_focus_area", args=[area.slug])
    page = client.post(url, {"body": "Tommy, aged 7, is on 07700 900123", "submission_key": uuid.uuid4()},
                       follow=True).content.decode()
    comment = Comment.objects.get(author=participant)
    assert comment.state == Comment.State.PENDING
    assert "it may contain a phone number and a person&#x27;s name with details about them" in page
    banner = page[page.index("govuk-notification-banner__content"):]
    banner = banner[:banner.index("</div>")]
    assert "07700" not in banner and "Tommy" not in banner  # never echoed
    edit = reverse("consultation:comment_edit", args=[comment.pk])
    assert f'<a class="govuk-notification-banner__link" href="{edit}">Edit your comment</a>' in banner


def test_the_edit_page_says_what_to_remove(client, consultation, participant, area):
    client.force_login(participant)
    client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]),
                {"body": "They live at 12 Acacia Avenue", "submission_key": uuid.uuid4()})
    comment = Comment.objects.get(author=participant)
    page = client.get(reverse("consultation:comment_edit", args=[comment.pk])).content.decode()
    assert "Your comment may contain a street address." in page
    client.post(reverse("consultation:comment_edit", args=[comment.pk]),
                {"body": "They live in a council flat", "reflection_kind": ""})
    comment.refresh_from_db()
    assert comment.held_kinds == "" and comment.state == Comment.State.PENDING  # a moderator still reads it
    assert "may contain" not in client.get(reverse("consultation:comment_edit", args=[comment.pk])).content.decode()
