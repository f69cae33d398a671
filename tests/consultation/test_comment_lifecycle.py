"""The comment lifecycle's rules, tried through the real pages and the real admin as an
author and a moderator would (consultation/moderation/lifecycle.py)."""

import uuid

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from consultation.moderation.models import ModerationDecision, ModerationSettings
from consultation.moderation.tasks import notify_author_of_decision
from models_of_delivery.models import DeliveryOption
from tests.admin_forms import inline_management
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db
State = Comment.State


def set_policy(policy):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": policy, "first_comments_to_hold": 1})


def post(client, area, body):
    return client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]),
                       {"body": body, "submission_key": str(uuid.uuid4())})


def edit(client, comment, body):
    return client.post(reverse("consultation:comment_edit", args=[comment.pk]), {"body": body})


def flash(response) -> str:
    """The newest message the author was shown."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def public_page(client, area) -> str:
    client.logout()
    return client.get(area.get_absolute_url()).content.decode()


def approve_in_admin(client, moderator, comment, seen_revision):
    client.force_login(moderator)
    return client.post(reverse("admin:comments_comment_change", args=[comment.pk]), {
        "new_state": State.PUBLISHED, "reason": "", "seen_revision": seen_revision,
        **inline_management(),
    })


# --- Edits are screened like new comments ---------------------------------------------------


def test_under_hold_everything_an_edit_of_a_published_comment_waits_for_a_moderator(
        client, consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    client.force_login(participant)
    post(client, area, "A harmless first version of my point.")
    comment = Comment.objects.get()
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    assert "A harmless first version" in public_page(client, area)

    client.force_login(participant)
    response = edit(client, comment, "Now with something a moderator has never seen.")
    assert flash(response) == "Your comment will appear once a moderator has checked it"
    comment.refresh_from_db()
    assert comment.state == State.PENDING and comment.revision == 2
    page = public_page(client, area)
    assert "never seen" not in page and "harmless first version" not in page
    decision = comment.decisions.order_by("-pk").first()
    assert (decision.moderator, decision.from_state, decision.to_state, decision.revision) == (
        None, State.PUBLISHED, State.PENDING, 2)


def test_an_edit_that_adds_a_phone_number_is_held_and_the_author_is_told_what_to_remove(
        client, consultation, participant, area):
    set_policy(ModerationSettings.Policy.PUBLISH)
    client.force_login(participant)
    post(client, area, "We should share tools across councils.")
    comment = Comment.objects.get()
    assert comment.state == State.PUBLISHED
    response = edit(client, comment, "We should share tools. Ring me on 07700 900123.")
    message = flash(response)
    assert "a phone number" in message and "07700" not in message and "has been updated" not in message
    assert Comment.objects.get().state == State.PENDING
    assert "07700 900123" not in public_page(client, area)


def test_a_trusted_authors_edit_under_the_new_account_policy_stays_published(
        client, consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_NEW_ACCOUNTS)
    client.force_login(participant)
    post(client, area, "My first point, held for checking.")
    comment = Comment.objects.get()
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    client.force_login(participant)
    response = edit(client, comment, "My first point, put more clearly.")
    assert flash(response) == "Your comment has been updated"
    assert "put more clearly" in public_page(client, area)


# --- Approval publishes the version the moderator saw ---------------------------------------


def test_approving_after_the_author_changed_the_text_publishes_nothing(
        client, consultation, participant, area, moderator, mailoutbox, django_capture_on_commit_callbacks):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    client.force_login(participant)
    post(client, area, "The version the moderator reads.")
    comment = Comment.objects.get()

    client.force_login(moderator)
    form = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert 'name="seen_revision" value="1"' in form and "The version the moderator reads." in form

    client.force_login(participant)
    edit(client, comment, "A different text slipped in after the moderator opened the page.")

    with django_capture_on_commit_callbacks(execute=True):
        response = approve_in_admin(client, moderator, comment, seen_revision=1)
    assert response.status_code == 200  # the form again, with the reason
    assert "changed the text after you opened it" in response.content.decode()
    comment.refresh_from_db()
    assert comment.state == State.PENDING and comment.body.startswith("A different text")
    assert "slipped in" not in public_page(client, area)
    assert mailoutbox == []
    # The page shown again carries the new text, and approving from it now approves that text.
    assert 'name="seen_revision" value="2"' in response.content.decode()
    assert "A different text slipped in" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        approve_in_admin(client, moderator, comment, seen_revision=2)
    assert Comment.objects.get().state == State.PUBLISHED
    assert "slipped in" in public_page(client, area)
    assert [m.subject for m in mailoutbox] and "live" in mailoutbox[0].subject.lower()


def test_a_bulk_approval_skips_a_comment_edited_since_the_confirmation_page(
        client, consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    comment, _ = lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                                          body="Shown on the confirmation page.", submission_key=uuid.uuid4())
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")
    page = client.post(url, {"action": "approve_comments", "_selected_action": [comment.pk]}).content.decode()
    assert f'name="revision-{comment.pk}" value="1"' in page and "Shown on the confirmation page." in page
    lifecycle.comment_edit(comment=comment, consultation=consultation, body="Changed behind the moderator.",
                           reflection_kind="")
    response = client.post(url, {"action": "approve_comments", "_selected_action": [comment.pk], "apply": "1",
                                 f"revision-{comment.pk}": "1", "reason": ""}, follow=True)
    assert "Approved 0 comments" in response.content.decode()
    assert "Left as they were" in response.content.decode()
    assert Comment.objects.get().state == State.PENDING


# --- Pre-moderation covers every contribution of a new account ------------------------------


def test_a_new_accounts_reply_and_option_comment_are_held_too(client, consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_NEW_ACCOUNTS)
    someone = CommentFactory(focus_area=area, body="An established participant's comment.")
    client.force_login(participant)
    post(client, area, "My first comment, held.")
    response = client.post(reverse("consultation:reply", args=[someone.pk]),
                           {"body": "A reply that must not skip the check.", "submission_key": str(uuid.uuid4())})
    assert flash(response) == "Your reply will appear once a moderator has checked it"
    option = DeliveryOption.objects.first()
    client.post(reverse("consultation:comment_on_delivery_option", args=[option.slug]),
                {"body": "An option comment that must wait too.", "submission_key": str(uuid.uuid4())})
    assert set(Comment.objects.filter(author=participant).values_list("state", flat=True)) == {State.PENDING}
    assert "must not skip the check" not in public_page(client, area)

    first = Comment.objects.get(author=participant, body="My first comment, held.")
    lifecycle.comment_moderate(comment=first, moderator=moderator, to_state=State.PUBLISHED)
    client.force_login(participant)
    response = client.post(reverse("consultation:reply", args=[someone.pk]),
                           {"body": "Now trusted, published at once.", "submission_key": str(uuid.uuid4())})
    assert flash(response) == "Your reply has been posted"


# --- Withdrawal leaves the queue for good ------------------------------------------------------


def test_a_comment_withdrawn_while_held_leaves_the_queue_and_can_never_be_published(
        client, consultation, participant, area, moderator, mailoutbox, django_capture_on_commit_callbacks):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    client.force_login(participant)
    post(client, area, "I will take this back before anyone checks it.")
    comment = Comment.objects.get()
    client.post(reverse("consultation:comment_withdraw", args=[comment.pk]))

    client.force_login(moderator)
    queue = client.get(reverse("admin:comments_comment_changelist"), {"state": "pending"})
    assert list(queue.context["cl"].result_list) == []
    everything = client.get(reverse("admin:comments_comment_changelist"), {"state": "all"})
    assert [c.pk for c in everything.context["cl"].result_list] == [comment.pk]  # still kept, not deleted

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:comments_comment_changelist") + "?state=all", {
            "action": "approve_comments", "_selected_action": [comment.pk], "apply": "1", "reason": ""},
            follow=True)
    assert "withdrew this comment" in response.content.decode()
    comment.refresh_from_db()
    assert comment.state == State.PENDING and comment.is_withdrawn and not comment.is_public
    assert mailoutbox == []
    with pytest.raises(lifecycle.ModerationError):
        lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    assert comment.decisions.filter(reason="Withdrawn by its author").exists()


def test_a_live_notice_is_not_sent_for_a_comment_withdrawn_after_approval(consultation, participant, area,
                                                                         moderator, mailoutbox):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    comment, _ = lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                                          body="Approved, then withdrawn.", submission_key=uuid.uuid4())
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    lifecycle.comment_withdraw(comment=comment, consultation=consultation)
    assert notify_author_of_decision(decision.pk) == "superseded"
    assert mailoutbox == []


# --- The truth for the author, and the audit trail ----------------------------------------------


def test_the_author_of_a_held_comment_is_not_told_it_was_posted(client, consultation, participant, area):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    client.force_login(participant)
    response = post(client, area, "Waiting for a moderator, and told so.")
    assert flash(response) == "Your comment will appear once a moderator has checked it"
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Only you can see this until a moderator has checked it" in page


def test_every_transition_writes_an_audit_row(consultation, participant, other_participant, area, moderator):
    ModerationSettings.objects.update_or_create(pk=1, defaults={
        "policy": ModerationSettings.Policy.HOLD_ALL, "report_threshold": 1})
    comment, _ = lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                                          body="A point for the record.", submission_key=uuid.uuid4())
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    lifecycle.comment_report(comment=comment, reporter=other_participant, reason="off_topic")
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN, reason="Off topic")
    lifecycle.comment_edit(comment=comment, consultation=consultation, body="A point, rewritten.",
                           reflection_kind="")
    lifecycle.comment_withdraw(comment=comment, consultation=consultation)
    trail = [(d.from_state, d.to_state, d.moderator_id is not None)
             for d in ModerationDecision.objects.filter(comment=comment).order_by("pk")]
    assert trail == [
        (State.PENDING, State.PENDING, False),  # held by the policy
        (State.PENDING, State.PUBLISHED, True),  # approved
        (State.PUBLISHED, State.PENDING, False),  # held by a report
        (State.PENDING, State.HIDDEN, True),  # hidden
        (State.HIDDEN, State.HIDDEN, False),  # withdrawn by its author
    ]


def test_removing_the_personal_detail_keeps_the_comment_held_and_says_so_truthfully(
        client, consultation, participant, area):
    set_policy(ModerationSettings.Policy.PUBLISH)
    client.force_login(participant)
    post(client, area, "Ring me on 07700 900123 about the pilot.")
    comment = Comment.objects.get()
    response = edit(client, comment, "Ring our team about the pilot.")
    assert flash(response) == "Your comment will appear once a moderator has checked it"
    comment.refresh_from_db()
    assert comment.state == State.PENDING  # a person checks the fix, not the pattern
    assert comment.decisions.order_by("-pk").first().revision == 2


def test_an_edit_sent_after_the_comment_was_withdrawn_in_another_tab_says_so(
        client, consultation, participant, area, monkeypatch):
    comment = CommentFactory(focus_area=area, author=participant, body="Written in the first tab.")
    client.force_login(participant)
    # The edit page was read before the other tab withdrew the comment.
    monkeypatch.setattr("consultation.moderation.views._own_comment", lambda request, pk: comment)
    lifecycle.comment_withdraw(comment=Comment.objects.get(pk=comment.pk), consultation=consultation)
    response = client.post(reverse("consultation:comment_edit", args=[comment.pk]),
                           {"body": "Changed in the second tab.", "reflection_kind": ""})
    assert response.status_code == 302
    assert flash(response) == "That comment was withdrawn, so it was not changed"
    assert Comment.objects.get(pk=comment.pk).body == ""


def test_a_bulk_action_with_a_revision_that_is_not_a_number_skips_the_comment(
        client, consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    comment, _ = lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                                          body="Waiting for a moderator.", submission_key=uuid.uuid4())
    client.force_login(moderator)
    response = client.post(reverse("admin:comments_comment_changelist"), {
        "action": "approve_comments", "_selected_action": [comment.pk], "apply": "1",
        f"revision-{comment.pk}": "\u00b2", "reason": ""}, follow=True)
    assert response.status_code == 200 and "Left as they were" in response.content.decode()
    assert Comment.objects.get().state == State.PENDING


def test_someone_signed_out_while_writing_gets_their_words_back_after_signing_in(client, consultation, area):
    """The session ran out while they wrote: the post cannot be saved, but nothing they wrote
    is lost, and signing in brings them back to the page the form was on (not to an address
    that only takes posts, which answered a blank 405)."""
    from allauth.account.models import EmailAddress

    from tests.factories import UserFactory

    person = UserFactory(email="writer@example.org")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    page = f"http://testserver{area.get_absolute_url()}"
    response = client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]),
                           {"body": "Three paragraphs I wrote over lunch.", "submission_key": str(uuid.uuid4())},
                           HTTP_REFERER=page)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    signed_in = client.post(response["Location"], {"login": person.email, "password": "correct-horse-battery"},
                            follow=True)
    assert signed_in.redirect_chain[-1][0] == area.get_absolute_url()
    assert "Three paragraphs I wrote over lunch." in signed_in.content.decode()
    assert not Comment.objects.exists()
    assert "Three paragraphs" not in client.get(area.get_absolute_url()).content.decode()  # shown once


def test_a_reply_that_names_the_child_its_comment_described_is_held(client, consultation, participant, area):
    """Read alone, "Is that Kacey?" names nobody in particular; under a comment about a
    14-year-old girl waiting for CAMHS it identifies her."""
    from tests.factories import CommentFactory, UserFactory

    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    parent = CommentFactory(focus_area=area, author=UserFactory(),
                            body="We have a 14-year-old girl in Bury who has waited two years for CAMHS.")
    naming = "Is that Kacey? She was in my class."
    assert lifecycle.hold_reason(participant, naming)[0] == ""  # alone, nothing to hold
    client.force_login(participant)
    client.post(reverse("consultation:reply", args=[parent.pk]), {"body": naming, "submission_key": str(uuid.uuid4())})
    reply = Comment.objects.get(parent=parent)
    assert reply.state == Comment.State.PENDING and reply.held_reason == Comment.HeldReason.PERSONAL_DATA
    client.logout()
    assert naming not in client.get(area.get_absolute_url()).content.decode()
    harmless = CommentFactory(focus_area=area, parent=parent, author=participant, body="Agreed, the waits are long.")
    lifecycle.comment_edit(comment=harmless, consultation=consultation, body="Same girl, she's 14 now and still "
                           "on the waiting list at the CAMHS in Bury.", reflection_kind="")
    harmless.refresh_from_db()
    assert harmless.state == Comment.State.PENDING  # an edit is read with its comment too
