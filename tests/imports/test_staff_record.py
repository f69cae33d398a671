"""Staff record feedback received by email, at a workshop or event, or by letter: through
screening and moderation, marked as recorded by staff, never a login."""

import uuid
from datetime import date, timedelta

import pytest
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.imports.models import StaffRecord
from consultation.people.models import User
from consultation.people.roles import Role
from consultation.people.sources import Source
from consultation.responses.models import Response
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ADD = "admin:imports_staffrecord_add"
# A day inside the test consultation's window (it opens 30 days before today).
RECEIVED = date.today() - timedelta(days=10)


def form(**values):
    data = {"channel": "email", "received_on": RECEIVED.isoformat(), "role": Role.LA_DATA, "organisation": "",
            "organisation_name": "", "email": "", "kind": "comment", "subject": "", "reflection_kind": "",
            "body": "", "anything_else": "", "submission_key": str(uuid.uuid4())}
    data.update(values)
    return data


def test_an_emailed_comment_waits_for_a_moderator_and_makes_no_login(admin_client, consultation, area, local_authorities,
                                                                     mailoutbox):
    leeds = local_authorities.get(name="Leeds")
    page = admin_client.post(reverse(ADD), form(
        organisation=leeds.pk, subject=f"area:{area.pk}", body="We already check returns against shared rules.",
        reflection_kind="enthusiastic"), follow=True)

    assert page.status_code == 200
    assert "waits in the moderation queue" in page.content.decode()
    record = StaffRecord.objects.get()
    comment = record.comment
    assert (comment.source, comment.state, comment.focus_area, comment.created_at.date()) == (
        Source.STAFF, Comment.State.PENDING, area, RECEIVED)
    person = record.respondent
    assert person.imported and not person.has_usable_password() and not person.is_active
    assert (person.role, person.organisation) == (Role.LA_DATA, leeds)
    assert mailoutbox == []


def test_a_structured_response_from_a_workshop_is_saved_as_recorded_by_staff(admin_client, consultation, catalogue):
    area = catalogue.get(slug="discovering-what-works")
    idea = area.ideas.first()
    admin_client.post(reverse(ADD), form(
        channel="workshop", kind="response", organisation_name="Regional network",
        **{f"usefulness_{area.pk}": "4", f"likelihood_{area.pk}": "2"}, flagged_ideas=[idea.pk],
        anything_else="Table 3 wanted a shared glossary."))

    response = Response.objects.get()
    assert (response.source, response.is_submitted, response.submitted_at.date()) == (Source.STAFF, True, RECEIVED)
    assert [(s.focus_area, s.usefulness, s.likelihood) for s in response.scores.all()] == [(area, 4, 2)]
    assert [f.idea for f in response.flags.all()] == [idea]
    assert response.respondent.organisation_name == "Regional network"


def test_mistakes_are_shown_and_nothing_is_saved(admin_client, consultation, catalogue):
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    page = admin_client.post(reverse(ADD), form(received_on=tomorrow, role="", body=""))
    text = page.content.decode()
    assert "The date received must be today or in the past" in text
    assert "Choose what the comment is about" in text and "Enter their comment" in text
    page = admin_client.post(reverse(ADD), form(kind="response"))
    assert "Enter at least one score, idea or answer" in page.content.decode()
    assert not StaffRecord.objects.exists() and not User.objects.filter(imported=True).exists()


def test_someone_who_answered_online_keeps_their_response(admin_client, consultation, catalogue):
    person = UserFactory(email="kim@council.example")
    person.emailaddress_set.create(email=person.email, verified=True, primary=True)
    Response.objects.create(respondent=person, consultation=consultation, status=Response.Status.SUBMITTED)
    area = catalogue.first()
    page = admin_client.post(reverse(ADD), form(kind="response", email="kim@council.example",
                                                **{f"usefulness_{area.pk}": "1"}))
    assert "already responded online" in page.content.decode()
    assert not StaffRecord.objects.exists()


def test_imported_comments_are_in_the_moderation_queue_with_their_source(client, moderator, consultation, area):
    from consultation.moderation.lifecycle import comment_create

    person = UserFactory(imported=True, is_active=False)
    comment_create(author=person, consultation=consultation, focus_area=area, body="Said at the Leeds workshop",
                   submission_key=uuid.uuid4(), source=Source.STAFF)
    client.force_login(moderator)
    queue = client.get(reverse("admin:comments_comment_changelist"), {"state": "pending", "source__exact": "staff"})
    assert "Said at the Leeds workshop" in queue.content.decode()
    assert "Brought in from another channel" in queue.content.decode()


def test_a_date_before_the_consultation_opened_is_refused(admin_client, consultation, catalogue):
    """The analysis, the API and the exports count comments written while the consultation was
    open: a comment dated before it would show on its page and be counted nowhere."""
    before = (consultation.opens_at - timedelta(days=3)).date().isoformat()
    page = admin_client.post(reverse(ADD), form(received_on=before, subject=f"area:{catalogue.first().pk}",
                                                body="Said at a workshop before the consultation opened."))
    assert "when the consultation was open" in page.content.decode()
    assert not StaffRecord.objects.exists() and not Comment.objects.exists()


def test_the_form_sent_twice_records_the_feedback_once(admin_client, consultation, area):
    """A double click, or the form sent again from another tab: one record, one comment, one
    respondent, and the second answer is the first record's page as if it had just been made."""
    sent = form(subject=f"area:{area.pk}", body="Sent once, clicked twice.")
    for _ in range(2):
        assert admin_client.post(reverse(ADD), sent).status_code == 302
    assert StaffRecord.objects.count() == 1 and Comment.objects.filter(body="Sent once, clicked twice.").count() == 1
    assert User.objects.filter(staff_records__isnull=False).count() == 1
    admin_client.post(reverse(ADD), {**sent, "submission_key": str(uuid.uuid4())})  # a new form: a new record
    assert StaffRecord.objects.count() == 2
