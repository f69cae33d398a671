"""Privacy (issue 9, point 6): download your data, delete your account, the privacy notice
and the retention period."""

import json
import uuid
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment, Follow, Report
from consultation.digests.models import DigestDelivery
from consultation.moderation import lifecycle, notices
from consultation.moderation.models import ModerationDecision
from consultation.people.models import Consultation, User
from consultation.privacy import services as privacy
from consultation.responses import services as response_services
from consultation.responses.models import OptionRating, Response
from models_of_delivery.models import Consideration, DeliveryOption
from tests.factories import CommentFactory, FollowFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def comment_by(author, area, body="A fair and useful point about data.", parent=None):
    comment, _ = lifecycle.comment_create(
        author=author, consultation=Consultation.objects.first(), focus_area=area,
        body=body, parent=parent, submission_key=uuid.uuid4(),
    )
    return comment


@pytest.fixture
def busy_participant(consultation, participant, other_participant, moderator, area):
    """A participant who has done everything, among other people who have too."""
    idea = area.ideas.first()
    option = DeliveryOption.objects.first()
    consideration = Consideration.objects.first()
    response_services.response_save(
        respondent=participant, consultation=consultation, scores={area: (4, 2)}, flagged_ideas=[idea],
        anything_else="Our council would pilot this.", submit=True,
        option_ratings={option: (3, "Hosting suits a shared service")}, considerations=[consideration],
    )
    mine = comment_by(participant, area, "My own words about data quality.")
    hidden = comment_by(participant, area, "A comment a moderator will hide.")
    lifecycle.comment_moderate(comment=hidden, moderator=moderator, to_state=Comment.State.HIDDEN,
                              reason="Please keep to the topic")
    theirs = comment_by(other_participant, area, "Somebody else's private thoughts.")
    lifecycle.comment_report(comment=theirs, reporter=participant, reason=Report.Reason.OFF_TOPIC,
                            note="Not about this area")
    # Someone reports the participant's comment: who did it is not the participant's data.
    lifecycle.comment_report(comment=mine, reporter=other_participant, reason=Report.Reason.SPAM,
                            note="A note by the other person")
    comment_by(other_participant, area, "A reply from someone else.", parent=mine)
    FollowFactory(follower=participant, focus_area=area)
    FollowFactory(follower=other_participant, idea=idea)
    DigestDelivery.objects.create(kind=DigestDelivery.Kind.FOLLOWERS, period_start=date(2026, 3, 2),
                                  recipient=participant, status=DigestDelivery.Status.SENT)
    DigestDelivery.objects.create(kind=DigestDelivery.Kind.FOLLOWERS, period_start=date(2026, 3, 2),
                                  recipient=other_participant, status=DigestDelivery.Status.SENT)
    participant.emailaddress_set.create(email=participant.email, verified=True, primary=True)
    participant.mine, participant.hidden = mine, hidden
    return participant


# --- Download your data -------------------------------------------------------------

def test_export_is_a_json_attachment_of_the_persons_own_data(client, busy_participant, area):
    client.force_login(busy_participant)
    response = client.get(reverse("consultation:data_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert ".json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)

    account = data["account"]
    assert account["email"] == busy_participant.email
    assert account["email_addresses"] == [{"email": busy_participant.email, "verified": True, "primary": True}]
    assert account["display_name"] == busy_participant.display_name
    assert account["role"] == "Local authority data professional"
    assert account["organisation"] == "Barnsley"
    assert account["preferences"]["weekly_email_about_what_i_follow"] is True
    assert account["date_joined"]

    [answer] = data["responses"]
    assert answer["status"] == "Submitted"
    assert answer["focus_area_scores"] == [{"focus_area": area.title, "usefulness": 4, "likelihood": 2}]
    assert answer["ideas_to_explore_further"][0]["idea"] == area.ideas.first().title
    assert answer["delivery_option_ratings"][0]["reason"] == "Hosting suits a shared service"
    assert answer["important_considerations"] == [Consideration.objects.first().title]
    assert answer["anything_else"] == "Our council would pilot this."

    texts = {c["text"]: c for c in data["comments"]}
    assert set(texts) == {"My own words about data quality.", "A comment a moderator will hide."}
    hidden = texts["A comment a moderator will hide."]
    assert hidden["state"] == "Hidden"
    assert hidden["moderator_reason"] == "Please keep to the topic"
    assert hidden["moderation_history"][-1]["by"] == "a moderator"
    assert hidden["moderation_history"][-1]["reason"] == "Please keep to the topic"

    [report] = data["reports_you_made"]
    assert (report["reason"], report["note"]) == ("Off-topic", "Not about this area")
    assert data["following"] == [{"kind": "focus area", "title": area.title,
                                  "since": data["following"][0]["since"]}]
    assert data["digest_emails"] == [{"kind": "What you follow", "week_beginning": "2026-03-02",
                                      "status": "Sent", "sent_at": None}]


def test_export_holds_nothing_about_anyone_else(client, busy_participant, other_participant, moderator):
    client.force_login(busy_participant)
    text = client.get(reverse("consultation:data_export")).content.decode()

    for foreign in (other_participant.email, other_participant.display_name, moderator.email,
                    moderator.display_name, "Somebody else's private thoughts.", "A reply from someone else.",
                    "A note by the other person", "Spam or advertising"):
        assert foreign not in text
    assert "staff_work" not in json.loads(text)


def test_export_needs_sign_in(client, busy_participant):
    response = client.get(reverse("consultation:data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_of_a_moderator_includes_their_work_but_not_the_authors(client, busy_participant, moderator):
    client.force_login(moderator)
    data = json.loads(client.get(reverse("consultation:data_export")).content)
    [decision] = data["staff_work"]["moderation_decisions"]
    assert (decision["to_state"], decision["reason"]) == ("Hidden", "Please keep to the topic")
    assert busy_participant.email not in json.dumps(data)
    assert data["comments"] == []


def test_profile_links_to_download_and_delete(client, participant):
    client.force_login(participant)
    page = client.get(reverse("consultation:profile")).content.decode()
    assert reverse("consultation:data_export") in page
    assert "Download your data" in page
    assert reverse("consultation:account_delete") in page
    assert "Delete your account" in page


# --- Delete your account ------------------------------------------------------------

def sign_in_works(email) -> bool:
    browser = Client()
    browser.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return "_auth_user_id" in browser.session


def test_confirmation_page_warns_and_asks_about_comments(client, participant):
    client.force_login(participant)
    page = client.get(reverse("consultation:account_delete")).content.decode()
    assert "govuk-warning-text" in page
    assert "You cannot undo this" in page
    assert 'type="radio"' in page and 'value="keep"' in page and 'value="remove"' in page


def test_delete_needs_sign_in(client):
    response = client.get(reverse("consultation:account_delete"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(reverse("consultation:account_delete"), {"comments": "keep"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_get_deletes_nothing_and_a_post_without_a_choice_is_refused(client, participant):
    client.force_login(participant)
    client.get(reverse("consultation:account_delete"), {"comments": "remove"})
    response = client.post(reverse("consultation:account_delete"), {})
    assert response.status_code == 400
    assert "Select what should happen to your comments" in response.content.decode()
    participant.refresh_from_db()
    assert not participant.is_deleted and participant.is_active


def test_only_the_signed_in_persons_account_can_be_deleted(client, participant, other_participant):
    client.force_login(other_participant)
    client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": PASSWORD,
                                                         "user": participant.pk, "pk": participant.pk})
    participant.refresh_from_db()
    other_participant.refresh_from_db()
    assert not participant.is_deleted
    assert other_participant.is_deleted


def test_delete_keeping_comments(client, busy_participant, other_participant, area):
    old_email = busy_participant.email
    assert sign_in_works(old_email)
    other_browser = Client()
    other_browser.force_login(busy_participant)  # signed in elsewhere too
    client.force_login(busy_participant)

    response = client.post(reverse("consultation:account_delete"), {"comments": "keep", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("consultation:account_deleted")
    assert "_auth_user_id" not in client.session
    done = client.get(response["Location"]).content.decode()
    assert "Your account has been deleted" in done
    assert "a former participant" in done

    person = User.objects.get(pk=busy_participant.pk)
    assert person.is_deleted and not person.is_active
    assert person.email == f"deleted-{person.pk}@invalid"
    assert (person.display_name, person.organisation, person.organisation_name) == ("", None, "")
    assert not person.has_usable_password()
    assert not EmailAddress.objects.filter(email__iexact=old_email).exists()
    assert not Follow.objects.filter(follower=person).exists()
    assert not DigestDelivery.objects.filter(recipient=person).exists()
    assert Follow.objects.filter(follower=other_participant).exists()  # nobody else's
    assert DigestDelivery.objects.filter(recipient=other_participant).exists()

    # Comments stay readable, without their author's name, role or organisation.
    mine = Comment.objects.get(pk=busy_participant.mine.pk)
    assert mine.body == "My own words about data quality." and mine.withdrawn_at is None
    page = Client().get(area.get_absolute_url()).content.decode()
    assert "My own words about data quality." in page
    assert "A former participant" in page
    assert busy_participant.display_name not in page
    assert "Barnsley" not in page
    assert "A reply from someone else." in page
    # The response's scores stay for the analysis, tied to nobody.
    response_row = Response.objects.get(respondent=person)
    assert response_row.scores.get().usefulness == 4
    assert response_row.anything_else == "Our council would pilot this."
    # Their report stays part of the other comment's record; the moderation record is intact.
    assert Report.objects.filter(reporter=person).count() == 1
    assert ModerationDecision.objects.filter(comment=busy_participant.hidden).exists()

    assert not sign_in_works(old_email)
    assert other_browser.get(reverse("consultation:profile")).status_code == 302


def test_delete_removing_comments(client, busy_participant, area):
    old_email = busy_participant.email
    client.force_login(busy_participant)
    response = client.post(reverse("consultation:account_delete"), {"comments": "remove", "password": PASSWORD})
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    assert "The text of your comments has been removed" in done

    mine = Comment.objects.get(pk=busy_participant.mine.pk)
    assert mine.body == "" and mine.withdrawn_at is not None
    assert Comment.objects.get(pk=busy_participant.hidden.pk).body == ""
    page = Client().get(area.get_absolute_url()).content.decode()
    assert "My own words about data quality." not in page
    assert "This comment was withdrawn by its author." in page  # the placeholder
    assert "A reply from someone else." in page  # replies stay readable
    response_row = Response.objects.get(respondent_id=busy_participant.pk)
    assert response_row.anything_else == ""
    assert OptionRating.objects.get(response=response_row).reason == ""
    assert response_row.scores.get().likelihood == 2
    assert not sign_in_works(old_email)


def test_delete_is_post_only(client, participant):
    client.force_login(participant)
    response = client.put(reverse("consultation:account_delete"), {"comments": "keep"})
    assert response.status_code == 405
    participant.refresh_from_db()
    assert not participant.is_deleted


def test_deletion_ends_every_session_of_the_person(participant, other_participant):
    mine, theirs = Client(), Client()
    mine.force_login(participant)
    theirs.force_login(other_participant)
    privacy.account_delete(participant, remove_comments=False)
    assert mine.get(reverse("consultation:profile")).status_code == 302
    assert theirs.get(reverse("consultation:profile")).status_code == 200
    assert Session.objects.exists()


def test_done_page_only_for_someone_who_just_deleted(client):
    response = client.get(reverse("consultation:account_deleted"))
    assert response.status_code == 302
    assert response["Location"] == reverse("start")


def test_deleting_twice_changes_nothing_more(participant):
    first = privacy.account_delete(participant, remove_comments=False)
    again = privacy.account_delete(first, remove_comments=True)
    assert again.deleted_at == first.deleted_at
    assert again.email == first.email


def test_moderation_notices_are_not_sent_to_a_deleted_account(consultation, participant, moderator, area,
                                                              mailoutbox):
    comment = comment_by(participant, area)
    privacy.account_delete(participant, remove_comments=False)
    decision = lifecycle.comment_moderate(comment=comment, moderator=moderator, to_state=Comment.State.HIDDEN,
                                         reason="Off topic")
    from consultation.moderation.tasks import notify_author_of_decision

    assert notify_author_of_decision.apply(args=[decision.pk]).get() == "no one to tell"
    assert mailoutbox == []
    later = timezone.now() + timedelta(hours=1)
    assert decision.pk not in notices.decisions_awaiting_notice(before=later)


def test_a_deleted_authors_reply_shows_as_a_former_participant(consultation, participant, other_participant,
                                                               area):
    thread = comment_by(other_participant, area, "The first comment in the thread.")
    reply = comment_by(participant, area, "A reply that stays readable.", parent=thread)
    privacy.account_delete(participant, remove_comments=False)
    page = Client().get(reverse("consultation:comment", args=[reply.pk])).content.decode()
    assert "A reply that stays readable." in page
    assert "A former participant" in page
    assert participant.display_name not in page


# --- Privacy notice -----------------------------------------------------------------

def test_privacy_notice_renders_and_is_in_the_footer(client, consultation, settings):
    settings.FEEDBACK_EMAIL = "privacy-questions@example.org"
    response = client.get(reverse("consultation:privacy"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("consultation:privacy") == "/privacy/"
    assert response.context["feedback_email"] == "privacy-questions@example.org"
    for words in ("What we hold about you", "Why we hold it", "Who can see it", "How long we keep it",
                  "Your rights", "Contact us", "public interest", "Placeholder",
                  "mailto:privacy-questions@example.org"):
        assert words in page
    assert "until a set period after the consultation closes" in page
    start = client.get(reverse("start")).content.decode()
    assert 'href="/privacy/">Privacy</a>' in start


def test_privacy_notice_gives_the_retention_period(client, consultation):
    # Closing just after midnight in British Summer Time (still the day before in UTC), so
    # the date shown must be London's.
    london = timezone.get_current_timezone()
    consultation.opens_at = datetime(2026, 10, 1, 9, tzinfo=london)
    consultation.closes_at = datetime(2027, 4, 1, 0, 30, tzinfo=london)
    consultation.retention_days = 180
    consultation.save()
    page = client.get(reverse("consultation:privacy")).content.decode()
    assert "180 days after the consultation closes, until 28 September 2027" in page


# --- Retention ----------------------------------------------------------------------

@pytest.fixture
def closed_round(consultation, area):
    """A consultation that ran and closed 100 days ago, with people who took part."""
    now = timezone.now()
    consultation.opens_at = now - timedelta(days=160)
    consultation.closes_at = now - timedelta(days=100)
    consultation.save()
    during = now - timedelta(days=120)
    respondent = UserFactory(display_name="Rae Respondent", date_joined=during - timedelta(days=400))
    Response.objects.create(respondent=respondent, consultation=consultation, status=Response.Status.SUBMITTED)
    commenter = UserFactory(display_name="Cam Commenter", date_joined=during - timedelta(days=400))
    comment = CommentFactory(author=commenter, focus_area=area, created_at=during, body="Kept after retention.")
    staff = UserFactory(display_name="Sam Staff", is_staff=True, date_joined=during)
    CommentFactory(author=staff, focus_area=area, created_at=during)
    # Joined long after it closed: not part of this round.
    newcomer = UserFactory(display_name="Nia Newcomer")
    return {"consultation": consultation, "respondent": respondent, "commenter": commenter,
            "comment": comment, "staff": staff, "newcomer": newcomer}


def run_command(*args) -> str:
    out = StringIO()
    call_command("enforce_retention", *args, stdout=out)
    return out.getvalue()


def test_no_retention_period_keeps_everyone(closed_round):
    output = run_command()
    assert "no retention period set" in output
    assert "No accounts to anonymise." in output
    assert not User.objects.filter(deleted_at__isnull=False).exists()


def test_period_not_over_keeps_everyone(closed_round):
    closed_round["consultation"].retention_days = 365
    closed_round["consultation"].save()
    assert "retention period not over" in run_command()
    assert not User.objects.filter(deleted_at__isnull=False).exists()


def test_dry_run_changes_nothing(closed_round):
    closed_round["consultation"].retention_days = 30
    closed_round["consultation"].save()
    before = list(User.objects.order_by("pk").values_list("email", "display_name", "deleted_at"))
    output = run_command("--dry-run")
    assert "Dry run: would anonymise 2 accounts" in output
    assert str(closed_round["respondent"].pk) in output
    assert list(User.objects.order_by("pk").values_list("email", "display_name", "deleted_at")) == before


def test_real_run_anonymises_only_participants_past_the_period_and_a_rerun_does_nothing(client, closed_round):
    closed_round["consultation"].retention_days = 30
    closed_round["consultation"].save()
    output = run_command()
    assert "Anonymised 2 accounts" in output

    respondent = User.objects.get(pk=closed_round["respondent"].pk)
    commenter = User.objects.get(pk=closed_round["commenter"].pk)
    for person in (respondent, commenter):
        assert person.is_deleted and not person.is_active
        assert person.email == f"deleted-{person.pk}@invalid"
        assert person.display_name == ""
    assert User.objects.get(pk=closed_round["staff"].pk).display_name == "Sam Staff"
    assert not User.objects.get(pk=closed_round["staff"].pk).is_deleted
    assert not User.objects.get(pk=closed_round["newcomer"].pk).is_deleted
    comment = Comment.objects.get(pk=closed_round["comment"].pk)
    assert comment.body == "Kept after retention." and comment.withdrawn_at is None
    page = client.get(comment.get_absolute_url()).content.decode()
    assert "A former participant" in page and "Cam Commenter" not in page

    stamps = list(User.objects.order_by("pk").values_list("deleted_at", flat=True))
    assert "No accounts to anonymise." in run_command()
    assert list(User.objects.order_by("pk").values_list("deleted_at", flat=True)) == stamps


def test_someone_taking_part_in_a_later_round_is_kept(closed_round, area):
    closed_round["consultation"].retention_days = 30
    closed_round["consultation"].save()
    now = timezone.now()
    later = Consultation.objects.create(title="Round two", opens_at=now - timedelta(days=5),
                                        closes_at=now + timedelta(days=25))
    CommentFactory(author=closed_round["commenter"], focus_area=area, created_at=now - timedelta(days=1))
    run = privacy.retention_enforce()
    assert run.account_ids == [closed_round["respondent"].pk]
    assert later in run.kept
    assert not User.objects.get(pk=closed_round["commenter"].pk).is_deleted


def test_retention_task_wraps_the_service(closed_round):
    from consultation.privacy.tasks import enforce_retention

    closed_round["consultation"].retention_days = 0
    closed_round["consultation"].save()
    assert enforce_retention.apply().get() == 2
    assert enforce_retention.apply().get() == 0


def test_retention_days_in_the_consultation_admin():
    from django.contrib import admin

    assert "retention_days" in admin.site._registry[Consultation].list_display
