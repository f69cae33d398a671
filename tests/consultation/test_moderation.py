import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment, OfficialResponse, Report
from consultation.moderation import lifecycle
from consultation.moderation.models import ModerationDecision, ModerationSettings
from consultation.people.staff_groups import MODERATORS
from tests.admin_forms import inline_management
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
State = Comment.State


def create(author, area, body="A fair and useful point about data.", consultation=None):
    comment, _ = lifecycle.comment_create(
        author=author, consultation=consultation, focus_area=area, body=body,
        submission_key=uuid.uuid4(),
    )
    return comment


def set_policy(policy, first=1, threshold=3):
    ModerationSettings.objects.update_or_create(
        pk=1, defaults={"policy": policy, "first_comments_to_hold": first, "report_threshold": threshold}
    )


# --- Policy and automatic holds ------------------------------------------------


def test_publish_immediately(consultation, participant, area):
    set_policy(ModerationSettings.Policy.PUBLISH)
    assert create(participant, area, consultation=consultation).state == State.PUBLISHED


def test_new_accounts_contributions_are_held_until_the_first_is_approved(consultation, participant, area,
                                                                          moderator):
    ModerationSettings.objects.all().delete()  # the default policy
    assert ModerationSettings.current().policy == ModerationSettings.Policy.HOLD_NEW_ACCOUNTS
    first = create(participant, area, consultation=consultation)
    second = create(participant, area, consultation=consultation)
    assert (first.state, first.held_reason) == (State.PENDING, Comment.HeldReason.NEW_ACCOUNT)
    assert second.state == State.PENDING  # still nobody has checked anything they wrote
    lifecycle.comment_moderate(comment=first, moderator=moderator, to_state=State.PUBLISHED)
    assert create(participant, area, consultation=consultation).state == State.PUBLISHED


def test_new_account_policy_can_hold_more_than_one(consultation, participant, area, moderator):
    set_policy(ModerationSettings.Policy.HOLD_NEW_ACCOUNTS, first=2)
    held = [create(participant, area, consultation=consultation) for _ in range(2)]
    lifecycle.comment_moderate(comment=held[0], moderator=moderator, to_state=State.PUBLISHED)
    assert create(participant, area, consultation=consultation).state == State.PENDING  # one of two approved
    lifecycle.comment_moderate(comment=held[1], moderator=moderator, to_state=State.PUBLISHED)
    assert create(participant, area, consultation=consultation).state == State.PUBLISHED


def test_hold_everything(consultation, participant, area):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    for _ in range(3):
        assert create(participant, area, consultation=consultation).state == State.PENDING


def test_personal_data_is_held_whatever_the_policy(consultation, participant, area):
    set_policy(ModerationSettings.Policy.PUBLISH)
    comment = create(participant, area, "Ring the family on 07700 900123", consultation)
    assert comment.state == State.PENDING
    assert (comment.held_reason, comment.held_kinds) == (Comment.HeldReason.PERSONAL_DATA, "phone")
    decision = comment.decisions.get()
    assert decision.moderator is None and decision.reason == "May contain personal data: a phone number"


def test_an_edit_that_adds_personal_data_is_held_again(consultation, participant, area):
    set_policy(ModerationSettings.Policy.PUBLISH)
    comment = create(participant, area, consultation=consultation)
    lifecycle.comment_edit(comment=comment, consultation=consultation,
                          body="Now with jo@example.org in it", reflection_kind="")
    comment.refresh_from_db()
    assert comment.state == State.PENDING and comment.held_reason == Comment.HeldReason.PERSONAL_DATA
    assert comment.held_kinds == "email"


def test_authors_see_their_pending_comment_and_others_do_not(client, consultation, participant, other_participant, area):
    set_policy(ModerationSettings.Policy.HOLD_ALL)
    create(participant, area, "Waiting for a moderator to read", consultation)
    client.force_login(participant)
    own = client.get(area.get_absolute_url()).content.decode()
    assert "Waiting for a moderator to read" in own and "Awaiting moderation" in own
    client.force_login(other_participant)
    assert "Waiting for a moderator to read" not in client.get(area.get_absolute_url()).content.decode()
    client.logout()
    assert "Waiting for a moderator to read" not in client.get(area.get_absolute_url()).content.decode()


# --- Transitions ---------------------------------------------------------------


@pytest.mark.parametrize("start", [State.PENDING, State.PUBLISHED, State.HIDDEN, State.REJECTED])
@pytest.mark.parametrize("target", [State.PUBLISHED, State.HIDDEN, State.REJECTED])
def test_every_transition_is_recorded(moderator, area, start, target):
    comment = CommentFactory(focus_area=area, state=start)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=target, reason="Checked")
    comment.refresh_from_db()
    assert comment.state == target
    if start == target:
        assert decision is None and not comment.decisions.exists()
    else:
        assert (decision.from_state, decision.to_state, decision.moderator) == (start, target, moderator)
    assert comment.body  # nothing a moderator does loses text


@pytest.mark.parametrize("target", [State.HIDDEN, State.REJECTED])
def test_hiding_or_rejecting_needs_a_reason(moderator, area, target):
    comment = CommentFactory(focus_area=area)
    with pytest.raises(lifecycle.ModerationError):
        lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=target, reason="  ")
    comment.refresh_from_db()
    assert comment.state == State.PUBLISHED and not comment.decisions.exists()


def test_nobody_moderates_back_to_pending(moderator, area):
    with pytest.raises(lifecycle.ModerationError):
        lifecycle.comment_moderate(comment=CommentFactory(focus_area=area), moderator=moderator, to_state=State.PENDING)


def test_hidden_comment_leaves_a_placeholder_over_its_replies(client, consultation, moderator, participant, area):
    top = CommentFactory(focus_area=area, author=participant, body="Something unkind")
    CommentFactory(focus_area=area, parent=top, body="A reply that stays")
    lifecycle.comment_moderate(comment=top, moderator=moderator, to_state=State.HIDDEN, reason="Unkind to a colleague")
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Something unkind" not in page
    assert "removed by a moderator" in page and "A reply that stays" in page
    # Its author still sees it, with the reason, on their feedback page.
    client.force_login(participant)
    feedback = client.get(reverse("consultation:your_feedback")).content.decode()
    assert "Something unkind" in feedback and "Unkind to a colleague" in feedback


def test_authors_are_emailed_after_commit_with_the_reason_and_how_to_appeal(
    moderator, participant, area, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(focus_area=area, author=participant)
    with django_capture_on_commit_callbacks(execute=True):
        decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.REJECTED,
                                             reason="Advertises a product")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [participant.email]
    assert "rejected" in mail.subject
    assert "Advertises a product" in mail.body and "appeal" in mail.body
    assert "http://" in mail.body  # absolute links
    assert mail.alternatives and "Advertises a product" in mail.alternatives[0][0]
    decision.refresh_from_db()
    assert decision.author_notified_at is not None


def test_approving_a_held_comment_tells_the_author_it_is_live(
    moderator, participant, area, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(focus_area=area, author=participant, state=State.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED)
    assert len(mailoutbox) == 1 and "now live" in mailoutbox[0].subject


def test_a_repeated_notification_task_sends_nothing_twice(moderator, participant, area, mailoutbox):
    from consultation.moderation.tasks import notify_author_of_decision

    comment = CommentFactory(focus_area=area, author=participant)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN, reason="Off topic")
    assert notify_author_of_decision.apply(args=[decision.pk]).get() == "sent"
    assert notify_author_of_decision.apply(args=[decision.pk]).get() == "already sent"
    assert len(mailoutbox) == 1


def test_decisions_cannot_be_changed_or_deleted(moderator, area):
    comment = CommentFactory(focus_area=area)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN, reason="x")
    decision.reason = "rewritten history"
    with pytest.raises(ValueError):
        decision.save()
    with pytest.raises(ValueError):
        decision.delete()


# --- Reports -----------------------------------------------------------------


def test_a_reader_reports_once(client, consultation, participant, area):
    comment = CommentFactory(focus_area=area)
    client.force_login(participant)
    url = reverse("consultation:comment_report", args=[comment.pk])
    client.post(url, {"reason": "spam", "note": "Selling something"})
    client.post(url, {"reason": "abusive"})
    report = Report.objects.get()
    assert (report.reason, report.note, report.reporter) == ("spam", "Selling something", participant)


def test_a_report_needs_a_reason(client, consultation, participant, area):
    comment = CommentFactory(focus_area=area)
    client.force_login(participant)
    response = client.post(reverse("consultation:comment_report", args=[comment.pk]), {})
    assert response.status_code == 400
    assert "Select why you are reporting this comment" in response.content.decode()


def test_nobody_reports_their_own_comment(client, consultation, participant, area):
    comment = CommentFactory(focus_area=area, author=participant)
    client.force_login(participant)
    assert client.post(reverse("consultation:comment_report", args=[comment.pk]), {"reason": "spam"}).status_code == 404


@pytest.mark.parametrize("threshold", [1, 3])
def test_enough_distinct_reports_hide_a_comment_pending_review(area, threshold):
    set_policy(ModerationSettings.Policy.PUBLISH, threshold=threshold)
    comment = CommentFactory(focus_area=area)
    reporters = UserFactory.create_batch(threshold)
    for n, reporter in enumerate(reporters, start=1):
        lifecycle.comment_report(comment=comment, reporter=reporter, reason="abusive")
        lifecycle.comment_report(comment=comment, reporter=reporter, reason="abusive")  # a repeat counts once
        comment.refresh_from_db()
        assert comment.state == (State.PENDING if n >= threshold else State.PUBLISHED)
    assert comment.held_reason == Comment.HeldReason.REPORTED
    decision = comment.decisions.get()
    assert decision.moderator is None and decision.reason == f"Reported by {threshold} or more people"


# --- Official responses ---------------------------------------------------------


def test_official_response_shows_above_the_discussion(client, consultation, moderator, area):
    CommentFactory(focus_area=area, body="What will you do about this?")
    OfficialResponse.objects.create(focus_area=area, author=moderator, body="We are testing two tools with six councils.")
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Official response from the design team" in page
    assert page.index("We are testing two tools") < page.index("What will you do about this?")
    for official in OfficialResponse.objects.all():  # as the admin does: one save each
        official.is_published = False
        official.save()
    assert "We are testing two tools" not in client.get(area.get_absolute_url()).content.decode()


# --- The admin queue -------------------------------------------------------------


def test_moderator_group_has_exactly_the_permissions_it_needs():
    codenames = set(Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True))
    assert {"view_comment", "change_comment", "view_moderationdecision", "add_officialresponse"} <= codenames
    assert not codenames & {"delete_comment", "change_user", "view_user", "change_focusarea",
                            "change_moderationdecision", "delete_moderationdecision", "view_analysis"}


def test_moderator_runs_the_queue_but_nothing_more(client, moderator, area):
    client.force_login(moderator)
    assert not moderator.is_superuser
    assert client.get(reverse("admin:comments_comment_changelist")).status_code == 200
    assert client.get(reverse("admin:comments_officialresponse_add")).status_code == 200
    for forbidden in ["admin:consultation_user_changelist", "admin:ideas_focusarea_add",
                      "admin:auth_group_changelist", "admin:responses_response_changelist"]:
        assert client.get(reverse(forbidden)).status_code == 403, forbidden
    change = reverse("admin:ideas_focusarea_change", args=[area.pk])
    page = client.get(change)
    assert page.status_code == 200 and b'name="title"' not in page.content  # view only


def test_bulk_hide_asks_for_a_reason_then_records_each_decision(client, moderator, area, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    comments = CommentFactory.create_batch(3, focus_area=area)
    url = reverse("admin:comments_comment_changelist") + "?state=all"  # published: not in the queue
    client.force_login(moderator)
    ids = [str(c.pk) for c in comments]
    ask = client.post(url, {"action": "hide_comments", "_selected_action": ids})
    assert ask.status_code == 200 and b"Give a reason" in ask.content
    missing = client.post(url, {"action": "hide_comments", "_selected_action": ids, "apply": "1", "reason": ""})
    assert b"Give a reason: the authors will see it" in missing.content
    assert not ModerationDecision.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"action": "hide_comments", "_selected_action": ids, "apply": "1",
                                 "reason": "Names a colleague"})
    assert done.status_code == 302
    assert set(Comment.objects.values_list("state", flat=True)) == {State.HIDDEN}
    assert ModerationDecision.objects.filter(moderator=moderator, reason="Names a colleague").count() == 3
    assert len(mailoutbox) == 3


def test_change_page_shows_full_text_context_and_audit_trail_read_only(client, moderator, area):
    parent = CommentFactory(focus_area=area, body="The original point")
    comment = CommentFactory(focus_area=area, parent=parent, body="Line one\nLine two <b>x</b>")
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.HIDDEN, reason="Checked twice")
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert "Line one<br>Line two &lt;b&gt;x&lt;/b&gt;" in page
    assert "The original point" in page and "Checked twice" in page
    decision = ModerationDecision.objects.get()
    assert client.get(reverse("admin:moderation_moderationdecision_change", args=[decision.pk])).status_code == 200
    assert client.post(reverse("admin:moderation_moderationdecision_delete", args=[decision.pk])).status_code == 403
    assert client.get(reverse("admin:moderation_moderationdecision_add")).status_code == 403


def test_change_page_moderates_with_a_reason(client, moderator, area):
    comment = CommentFactory(focus_area=area, state=State.PENDING)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    seen = {"seen_revision": comment.revision}  # the hidden field the change page carries
    refused = client.post(url, {"new_state": "rejected", "reason": "", **seen, **inline_management()})
    assert refused.status_code == 200 and b"Give a reason" in refused.content
    client.post(url, {"new_state": "published", "reason": "", **seen, **inline_management()})
    comment.refresh_from_db()
    assert comment.state == State.PUBLISHED


def test_queue_filters_find_held_and_reported_comments(client, moderator, area):
    CommentFactory(focus_area=area, state=State.PENDING, body="Call 07700 900123",
                   held_reason=Comment.HeldReason.PERSONAL_DATA, held_kinds="phone")
    reported = CommentFactory(focus_area=area, body="Reported words")
    Report.objects.create(comment=reported, reporter=UserFactory(), reason="spam")
    CommentFactory(focus_area=area, body="Quiet words")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")
    personal = client.get(url, {"held": "personal_data"}).content.decode()
    assert "Call 07700 900123" in personal and "Quiet words" not in personal
    flagged = client.get(url, {"reported": "yes", "state": "all"}).content.decode()
    assert "Reported words" in flagged and "Quiet words" not in flagged
    pending = client.get(url, {"state": "pending"}).content.decode()
    assert "Call 07700" in pending and "Quiet words" not in pending


def test_changelist_with_1000_comments_runs_a_fixed_number_of_queries(client, moderator, area, django_assert_max_num_queries):
    authors = UserFactory.create_batch(5)
    url = reverse("admin:comments_comment_changelist") + "?state=all"
    client.force_login(moderator)
    Comment.objects.bulk_create(CommentFactory.build(author=authors[n % 5], focus_area=area) for n in range(20))
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        assert client.get(url).status_code == 200
    Comment.objects.bulk_create(CommentFactory.build(author=authors[n % 5], focus_area=area) for n in range(980))
    with django_assert_max_num_queries(30) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    print(f"comment changelist: {len(large.captured_queries)} queries")


def test_moderator_can_edit_the_policy(client, moderator):
    client.force_login(moderator)
    settings = ModerationSettings.current()
    response = client.post(reverse("admin:moderation_moderationsettings_change", args=[settings.pk]),
                           {"policy": "hold_all", "first_comments_to_hold": "1", "report_threshold": "5"})
    assert response.status_code == 302
    settings.refresh_from_db()
    assert (settings.policy, settings.report_threshold) == ("hold_all", 5)



def test_reports_a_moderator_answered_do_not_count_again(area, moderator):
    set_policy(ModerationSettings.Policy.PUBLISH, threshold=3)
    comment = CommentFactory(focus_area=area)
    for reporter in UserFactory.create_batch(3):
        lifecycle.comment_report(comment=comment, reporter=reporter, reason="abusive")
    comment.refresh_from_db()
    assert comment.state == State.PENDING
    lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=State.PUBLISHED,
                               seen_revision=comment.revision)
    lifecycle.comment_report(comment=comment, reporter=UserFactory(), reason="abusive")
    comment.refresh_from_db()
    assert comment.state == State.PUBLISHED  # one new report is not three
    for reporter in UserFactory.create_batch(2):
        lifecycle.comment_report(comment=comment, reporter=reporter, reason="abusive")
    comment.refresh_from_db()
    assert comment.state == State.PENDING


def test_the_digest_and_its_queue_link_count_only_reports_nobody_has_answered(client, consultation, area, moderator):
    from consultation.digests import design_team

    set_policy(ModerationSettings.Policy.PUBLISH, threshold=3)
    answered, waiting = CommentFactory(focus_area=area, body="Answered words"), CommentFactory(
        focus_area=area, body="Waiting words")
    for reporter in UserFactory.create_batch(3):
        lifecycle.comment_report(comment=answered, reporter=reporter, reason="abusive")
    answered.refresh_from_db()
    lifecycle.comment_moderate(comment=answered, moderator=moderator, to_state=State.PUBLISHED,
                               seen_revision=answered.revision)
    lifecycle.comment_report(comment=waiting, reporter=UserFactory(), reason="spam")
    digest = design_team.build_design_team_digest(timezone.localdate())
    assert digest.reported == 1
    client.force_login(moderator)
    queue = client.get(digest.admin_reported_url.removeprefix(settings.SITE_URL)).content.decode()
    assert "Waiting words" in queue and "Answered words" not in queue and "1 comment" in queue


def test_a_comment_waiting_for_a_moderator_is_not_said_to_be_removed(client, consultation, participant, area):
    top = CommentFactory(focus_area=area, author=participant, body="Held with a detail to check",
                         state=State.PENDING)
    CommentFactory(focus_area=area, parent=top, author=participant, body="A published reply by its author")
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Held with a detail to check" not in page and "A published reply by its author" in page
    assert "waiting for a moderator to check it" in page and "removed by a moderator" not in page
