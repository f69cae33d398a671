"""The consultation's window can be ended early but never moved back over what people wrote
in it: a comment outside its consultation's window shows on its page yet is missing from the
analysis, the open data and the API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.people.models import Consultation

pytestmark = pytest.mark.django_db


def change(client, consultation, **times):
    data = {"title": consultation.title, "retention_days": "",
            "opens_at_0": "", "opens_at_1": "", "closes_at_0": "", "closes_at_1": ""}
    for name in ("opens_at", "closes_at"):
        when = timezone.localtime(times.get(name, getattr(consultation, name)))
        data[f"{name}_0"], data[f"{name}_1"] = when.strftime("%d/%m/%Y"), when.strftime("%H:%M:%S")
    return client.post(reverse("admin:consultation_consultation_change", args=[consultation.pk]), data)


def test_an_open_consultation_is_ended_now_not_in_the_past(admin_client):
    now = timezone.now()
    consultation = Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=5),
                                               closes_at=now + timedelta(days=5))
    refused = change(admin_client, consultation, closes_at=now - timedelta(days=1))
    assert refused.status_code == 200 and "cannot be closed in the past" in refused.content.decode()
    refused = change(admin_client, consultation, opens_at=now - timedelta(days=1))
    assert "opening time can only be moved earlier" in refused.content.decode()
    consultation.refresh_from_db()
    assert consultation.is_open()
    assert change(admin_client, consultation, closes_at=now + timedelta(minutes=1)).status_code == 302
    assert change(admin_client, consultation, opens_at=now - timedelta(days=9)).status_code == 302


def test_a_consultation_not_yet_open_can_be_moved_freely(admin_client):
    now = timezone.now()
    consultation = Consultation.objects.create(title="Round two", opens_at=now + timedelta(days=5),
                                               closes_at=now + timedelta(days=9))
    moved = change(admin_client, consultation, opens_at=now + timedelta(days=6), closes_at=now + timedelta(days=20))
    assert moved.status_code == 302


def test_a_closing_the_cache_missed_still_stops_every_write(client, consultation, participant, area):
    """Pages read the window from a cached copy; with Redis away a closing can miss it. Writes
    read it from the database."""
    import uuid

    from consultation.comments.models import Comment
    from consultation.people.selectors import current_consultation

    assert current_consultation().is_open()  # the copy pages use, cached
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert current_consultation().is_open()  # still, as when the cache never heard of the change
    client.force_login(participant)
    response = client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]),
                           {"body": "Posted after the close.", "submission_key": str(uuid.uuid4())})
    assert response.status_code == 403 and not Comment.objects.filter(body="Posted after the close.").exists()
