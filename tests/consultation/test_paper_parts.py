"""Feedback on the rest of the paper: "Tell us what's missing, or about another part of the
paper", one public page per part, through the same lifecycle, moderation and screening."""

import uuid

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.moderation.models import ModerationSettings
from ideas.paper import PaperPart
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db
INDEX = reverse("consultation:paper")


def post(client, **data):
    return client.post(INDEX, {"submission_key": uuid.uuid4(), "body": "", "reflection_kind": "", **data})


def test_start_page_and_footer_link_to_it(client, consultation, catalogue):
    page = client.get(reverse("start")).content.decode()
    assert page.count(f'href="{INDEX}"') == 2


def test_a_participant_picks_a_part_and_the_comment_is_published_on_its_page(client, consultation, participant):
    client.force_login(participant)
    response = post(client, paper_part=PaperPart.MISSING_SYSTEM, body="Nothing about data sharing agreements.",
                    reflection_kind="specific_issue")
    comment = Comment.objects.get()
    assert (comment.paper_part, comment.state, comment.reflection_kind) == ("missing-how-our-system-works",
                                                                             "published", "specific_issue")
    assert comment.focus_area is None and comment.delivery_option is None
    assert response.status_code == 302
    assert response["Location"] == f"/paper/missing-how-our-system-works/#comment-{comment.pk}"
    page = client.get("/paper/missing-how-our-system-works/").content.decode()
    assert "Nothing about data sharing agreements." in page
    assert "Something missing from how our system works" in page
    assert "Nothing about data sharing" not in client.get("/paper/cost/").content.decode()
    index = client.get(INDEX).content.decode()
    assert "Something missing from how our system works</a> <span class=\"coe-meta\">(1 comment)" in index


def test_personal_data_is_held_like_any_comment(client, consultation, participant):
    client.force_login(participant)
    post(client, paper_part=PaperPart.COST, body="Email me at jo@example.org about costs")
    comment = Comment.objects.get()
    assert comment.state == Comment.State.PENDING and comment.held_reason == Comment.HeldReason.PERSONAL_DATA
    assert comment.held_kinds == "email"
    client.logout()
    assert "jo@example.org" not in client.get("/paper/cost/").content.decode()


def test_the_new_account_policy_holds_it_too(client, consultation, participant):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.HOLD_ALL})
    client.force_login(participant)
    post(client, paper_part=PaperPart.VALUE, body="Value deserves its own section.")
    assert Comment.objects.get().state == Comment.State.PENDING


def test_errors_are_said_in_govuk_words_and_nothing_is_lost(client, consultation, participant):
    client.force_login(participant)
    response = post(client, body="I typed this and forgot the part.")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "Select which part of the paper your comment is about" in page
    assert "I typed this and forgot the part." in page
    assert post(client, paper_part="not-a-part", body="Some words here").status_code == 400
    assert not Comment.objects.exists()


def test_the_comment_form_on_a_part_page_and_a_reply_keep_the_part(client, consultation, participant):
    client.force_login(participant)
    client.post(reverse("consultation:comment_on_paper_part", args=["quality"]),
                {"submission_key": uuid.uuid4(), "body": "Quality needs a definition."})
    comment = Comment.objects.get()
    client.post(reverse("consultation:reply", args=[comment.pk]),
                {"submission_key": uuid.uuid4(), "body": "Agreed, and a measure."})
    reply = Comment.objects.exclude(pk=comment.pk).get()
    assert (comment.paper_part, reply.paper_part, reply.parent_id) == ("quality", "quality", comment.pk)
    assert client.get(reverse("consultation:comment", args=[reply.pk])).status_code == 200
    assert client.post(reverse("consultation:comment_on_paper_part", args=["nope"]),
                       {"submission_key": uuid.uuid4(), "body": "x" * 10}).status_code == 404


def test_signed_out_readers_see_the_parts_and_are_asked_to_sign_in(client, consultation):
    CommentFactory(paper_part=PaperPart.ENGAGEMENT, body="More workshops in the north, please.")
    page = client.get(INDEX).content.decode()
    assert "Sign in" in page and "<textarea" not in page
    assert client.get("/paper/engagement-opportunities/").status_code == 200
    assert client.get("/paper/no-such-part/").status_code == 404
    assert client.post(INDEX, {"paper_part": "cost", "body": "Anonymous words"}).status_code == 302  # to sign in
    assert not Comment.objects.filter(body="Anonymous words").exists()


def test_the_database_allows_exactly_one_subject(participant, area):
    with pytest.raises(IntegrityError), transaction.atomic():
        CommentFactory(author=participant, focus_area=area, paper_part=PaperPart.COST)
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(author=participant, paper_part="made-up", body="x", submission_key=uuid.uuid4())


def test_a_part_page_runs_a_fixed_number_of_queries(client, consultation, participant, no_page_cache,
                                                    django_assert_max_num_queries):
    def measure():
        with django_assert_max_num_queries(20) as captured:
            assert client.get("/paper/context/").status_code == 200
        return len(captured.captured_queries)

    client.force_login(participant)
    CommentFactory(paper_part=PaperPart.CONTEXT)
    measure()
    small = measure()
    for _ in range(15):
        parent = CommentFactory(paper_part=PaperPart.CONTEXT)
        CommentFactory(paper_part=PaperPart.CONTEXT, parent=parent)
    measure()  # the cached thread count was dropped when content changed: refill it
    assert measure() == small


def test_the_authors_data_download_and_the_admin_queue_name_the_part(client, consultation, participant, moderator):
    import json

    CommentFactory(author=participant, paper_part=PaperPart.STATUS, body="Status is unclear.")
    client.force_login(participant)
    data = json.loads(client.get(reverse("consultation:data_export")).content)
    assert {"kind": "part of the paper", "title": "Status"} in [c["on"] for c in data["comments"]]
    client.force_login(moderator)
    queue = client.get(reverse("admin:comments_comment_changelist") + "?state=all").content.decode()
    assert "Status is unclear." in queue and ">Status<" in queue


def test_the_index_runs_a_fixed_number_of_queries(client, consultation, participant, no_page_cache,
                                                  django_assert_max_num_queries):
    def measure():
        client.get(INDEX)  # refill the cached counts after content changed
        with django_assert_max_num_queries(15) as captured:
            assert client.get(INDEX).status_code == 200
        return len(captured.captured_queries)

    client.force_login(participant)
    CommentFactory(paper_part=PaperPart.CONTEXT)
    small = measure()
    for part in PaperPart:
        CommentFactory.create_batch(3, paper_part=part)
    assert measure() == small
