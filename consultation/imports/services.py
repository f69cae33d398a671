"""Feedback staff record on someone's behalf (an email, a workshop table, a letter): through
the same owners as everything else, the comment lifecycle and `response_save`; never a login."""

import uuid
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from consultation.imports.models import StaffRecord
from consultation.imports.respondents import respondent_for
from consultation.moderation.lifecycle import comment_create
from consultation.people.sources import Source
from consultation.responses.models import Response
from consultation.responses.services import response_save


class AlreadyResponded(Exception):
    """The person answered online: their own response is not overwritten."""


def staff_record_create(*, submission_key: uuid.UUID | None = None, **details) -> StaffRecord:
    """Records feedback once per `submission_key`: the add form sent twice (a double click,
    two tabs) gives back the first record, and nothing of the second is kept."""
    if submission_key is not None and (done := StaffRecord.objects.filter(submission_key=submission_key).first()):
        return done
    try:
        return _staff_record_create(submission_key=submission_key, **details)
    except IntegrityError:  # the same form, sent at the same moment, committed first
        if submission_key is None:
            raise
        return StaffRecord.objects.get(submission_key=submission_key)


@transaction.atomic
def _staff_record_create(*, recorded_by, consultation, channel: str, received_on, role: str,
                         organisation, organisation_name: str, email: str = "", submission_key=None,
                         comment: dict | None = None, response: dict | None = None) -> StaffRecord:
    """`comment`: focus_area/idea/delivery_option, body, reflection_kind. `response`: scores,
    flagged_ideas, anything_else (as for response_save)."""
    # Noon of the day received, kept inside the consultation's window on its first and last
    # days, so the analysis counts what the page shows.
    received_at = timezone.make_aware(datetime.combine(received_on, time(12)))
    received_at = min(max(received_at, consultation.opens_at), consultation.closes_at - timedelta(seconds=1))
    person, _ = respondent_for(email=email, fallback_key=uuid.uuid4().hex, role=role,
                               organisation=organisation, organisation_name=organisation_name)
    record = StaffRecord(channel=channel, received_on=received_on, recorded_by=recorded_by, respondent=person,
                         submission_key=submission_key)
    if comment is not None:
        record.comment, _ = comment_create(
            author=person, consultation=consultation, submission_key=uuid.uuid4(), source=Source.STAFF,
            created_at=received_at, **comment,
        )
    if response is not None:
        existing = Response.objects.filter(respondent=person, consultation=consultation).first()
        if existing is not None and existing.source == Source.ONLINE:
            raise AlreadyResponded
        record.response = response_save(
            respondent=person, consultation=consultation, submit=True, source=Source.STAFF,
            submitted_at=received_at, **response,
        )
    record.save()
    return record
