"""Faults a tester found in moderation: a notice sent twice by two workers at once, a bulk
action that stopped part-way with a 500, a double-clicked Withdraw that said "Page not
found", and a report threshold of 0."""

import threading
import time
from smtplib import SMTPServerDisconnected

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.mail.backends import locmem
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.moderation import lifecycle, notices
from consultation.moderation.models import ModerationDecision, ModerationSettings
from consultation.moderation.tasks import notify_author_of_decision
from tests.concurrency import at_once
from tests.factories import CommentFactory

State = Comment.State


@pytest.fixture(autouse=True)
def staff_groups(db):
    """Migrations make the staff groups; a transactional test's flush removes them."""
    from django.contrib.auth.models import Group, Permission

    from consultation.people.staff_groups import MODERATORS, sync_staff_groups

    if not Group.objects.filter(name=MODERATORS).exists():
        sync_staff_groups(Group, Permission)


def shown(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


# --- 1. One notice per decision, however many senders run at once ----------------------


@pytest.fixture
def slow_mail(monkeypatch, mailoutbox):
    """A mail server that takes its time: two senders are both mid-send together."""
    send = locmem.EmailBackend.send_messages

    def slowly(self, messages):
        time.sleep(0.4)
        return send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", slowly)
    return mailoutbox


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_notice_at_once_email_the_author_once(area, participant, moderator, slow_mail,
                                                                          monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (the suite runs on it under CI)")
    comment = CommentFactory(focus_area=area, author=participant)
    with monkeypatch.context() as patch:  # the worker is stopped: the decision's own task waits
        patch.setattr(lifecycle.notify_author_of_decision, "delay", lambda *args: None)
        decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN,
                                              reason="Names a colleague")
    results, errors = at_once(lambda: notify_author_of_decision.apply(args=[decision.pk]).get())
    assert errors == []
    assert len(slow_mail) == 1 and slow_mail[0].to == [participant.email]
    assert results.count("sent") == 1
    decision.refresh_from_db()
    assert decision.author_notified_at is not None


@pytest.mark.django_db
def test_a_failed_send_leaves_the_notice_for_the_sweep_and_it_goes_once(area, participant, moderator, mailoutbox,
                                                                       monkeypatch):
    comment = CommentFactory(focus_area=area, author=participant)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.REJECTED,
                                          reason="Advertises a product")

    def server_gone(self, messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patch:
        patch.setattr(locmem.EmailBackend, "send_messages", server_gone)
        with pytest.raises(SMTPServerDisconnected):
            notices.decision_notice_send(decision.pk)
    decision.refresh_from_db()
    assert decision.author_notified_at is None
    later = timezone.now() + timezone.timedelta(minutes=5)
    assert decision.pk in notices.decisions_awaiting_notice(before=later)  # not lost
    assert notices.decision_notice_send(decision.pk) == "sent"
    assert notices.decision_notice_send(decision.pk) == "already sent"
    assert len(mailoutbox) == 1
    assert decision.pk not in notices.decisions_awaiting_notice(before=later)


@pytest.mark.django_db
def test_the_sweep_leaves_a_notice_that_is_being_sent(area, participant, moderator, mailoutbox):
    comment = CommentFactory(focus_area=area, author=participant)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN,
                                          reason="Off topic")
    ModerationDecision.objects.filter(pk=decision.pk).update(notice_claimed_at=timezone.now())
    later = timezone.now() + timezone.timedelta(minutes=5)
    assert decision.pk not in notices.decisions_awaiting_notice(before=later)
    assert notices.decision_notice_send(decision.pk) == "nothing to do" and mailoutbox == []
    # A sender that died mid-send: after the claim expires, the notice is tried again.
    stale = timezone.now() - notices.CLAIM_EXPIRY - timezone.timedelta(seconds=1)
    ModerationDecision.objects.filter(pk=decision.pk).update(notice_claimed_at=stale)
    assert decision.pk in notices.decisions_awaiting_notice(before=later)
    assert notices.decision_notice_send(decision.pk) == "sent" and len(mailoutbox) == 1


# --- 2. A bulk action with one comment that cannot be changed now ------------------------


@pytest.mark.django_db
def test_a_bulk_hide_with_one_locked_comment_changes_the_rest_and_says_which(
        client, moderator, area, mailoutbox, monkeypatch, django_capture_on_commit_callbacks):
    comments = CommentFactory.create_batch(4, focus_area=area)
    locked = comments[2]
    moderate = lifecycle.comment_moderate

    def lock_timeout_on_one(*, comment, **kwargs):
        if comment.pk == locked.pk:
            raise OperationalError("canceling statement due to statement timeout")
        return moderate(comment=comment, **kwargs)

    monkeypatch.setattr(lifecycle, "comment_moderate", lock_timeout_on_one)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist") + "?state=all"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "hide_comments", "_selected_action": [c.pk for c in comments],
                                     "apply": "1", "reason": "Names a colleague"})
    assert response.status_code == 302
    others = [c for c in comments if c.pk != locked.pk]
    states = dict(Comment.objects.values_list("pk", "state"))
    assert [states[c.pk] for c in others] == [State.HIDDEN] * 3 and states[locked.pk] == State.PUBLISHED
    assert ModerationDecision.objects.filter(comment__in=others, to_state=State.HIDDEN).count() == 3
    assert not locked.decisions.exists()
    assert len(mailoutbox) == 3
    messages = shown(response)
    assert ("success", "Hid 3 comments: " + ", ".join(str(c.pk) for c in others) + ".") in messages
    assert ("warning", f"Left as they were: comment {locked.pk}. "
                       "Someone else was changing it at the same moment. Try again.") in messages
    assert len(messages) == 2


@pytest.mark.django_db(transaction=True)
def test_a_bulk_hide_waits_no_longer_than_the_lock_timeout_for_a_comment_another_transaction_holds(
        client, moderator, area, mailoutbox):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (the suite runs on it under CI)")
    comments = CommentFactory.create_batch(4, focus_area=area)
    locked = comments[2]
    holding, done = threading.Event(), threading.Event()

    def hold_the_row():
        try:
            with transaction.atomic():
                Comment.objects.select_for_update().get(pk=locked.pk)
                holding.set()
                done.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert holding.wait(timeout=10)
        with connection.cursor() as cursor:  # what a statement timeout does, sooner
            cursor.execute("SET lock_timeout = '300ms'")
        client.force_login(moderator)
        response = client.post(reverse("admin:comments_comment_changelist") + "?state=all", {
            "action": "hide_comments", "_selected_action": [c.pk for c in comments], "apply": "1",
            "reason": "Names a colleague"})
    finally:
        done.set()
        holder.join(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert response.status_code == 302
    states = dict(Comment.objects.values_list("pk", "state"))
    assert [states[c.pk] for c in comments] == [State.HIDDEN, State.HIDDEN, State.PUBLISHED, State.HIDDEN]
    assert len(mailoutbox) == 3 and not locked.decisions.exists()
    assert ("warning", f"Left as they were: comment {locked.pk}. "
                       "Someone else was changing it at the same moment. Try again.") in shown(response)


@pytest.mark.django_db
def test_a_bulk_hide_says_which_comments_were_already_hidden(client, moderator, area):
    hidden = CommentFactory(focus_area=area, state=State.HIDDEN)
    live = CommentFactory(focus_area=area)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist") + "?state=all"
    response = client.post(url, {"action": "hide_comments", "_selected_action": [hidden.pk, live.pk],
                                 "apply": "1", "reason": "Off topic"})
    assert response.status_code == 302
    messages = shown(response)
    assert messages == [("success", f"Hid 1 comment: {live.pk}."),
                        ("info", f"Already hidden, so left as it was: comment {hidden.pk}.")]


# --- 3. Withdraw pressed twice ------------------------------------------------------


@pytest.mark.django_db
def test_withdrawing_twice_answers_the_same_as_once(client, consultation, participant, area):
    comment = CommentFactory(author=participant, focus_area=area, body="Words I regret")
    client.force_login(participant)
    url = reverse("consultation:comment_withdraw", args=[comment.pk])
    first = client.post(url)
    client.get(first.url)  # the subject page shows the first message
    second = client.post(url)
    assert first.status_code == second.status_code == 302
    assert second.url == first.url == area.get_absolute_url()
    assert shown(second) == [("success", "Your comment has been withdrawn")]
    assert comment.decisions.filter(reason="Withdrawn by its author").count() == 1


@pytest.mark.django_db
def test_someone_elses_withdrawn_comment_is_still_not_found(client, consultation, participant, other_participant,
                                                            area):
    comment = CommentFactory(author=other_participant, focus_area=area)
    lifecycle.comment_withdraw(comment=comment, consultation=consultation)
    client.force_login(participant)
    url = reverse("consultation:comment_withdraw", args=[comment.pk])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_withdrawn_comment_still_cannot_be_edited(client, consultation, participant, area):
    comment = CommentFactory(author=participant, focus_area=area)
    lifecycle.comment_withdraw(comment=comment, consultation=consultation)
    client.force_login(participant)
    assert client.get(reverse("consultation:comment_edit", args=[comment.pk])).status_code == 404


# --- 4. The report threshold -------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_refuses_a_report_threshold_below_one(client, moderator):
    client.force_login(moderator)
    settings = ModerationSettings.current()
    url = reverse("admin:moderation_moderationsettings_change", args=[settings.pk])
    response = client.post(url, {"policy": "publish", "first_comments_to_hold": "1", "report_threshold": "0"})
    assert response.status_code == 200
    assert "report_threshold" in response.context["adminform"].form.errors
    settings.refresh_from_db()
    assert settings.report_threshold == 3
    with pytest.raises(ValidationError):
        ModerationSettings(report_threshold=0).full_clean()
