"""The admin's only way in for feedback from elsewhere is the staff record form (the file
import is a command): text PostgreSQL or UTF-8 cannot hold is a form error there, never a 500."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from consultation.imports.models import StaffRecord
from consultation.people.models import User
from tests.imports.test_staff_record import ADD, form

pytestmark = pytest.mark.django_db


def test_nul_characters_are_a_form_error_and_nothing_is_saved(admin_client, consultation, area):
    page = admin_client.post(reverse(ADD), form(subject=f"area:{area.pk}", body="Said at a\x00 workshop",
                                                organisation_name="Network\x00", anything_else="\x00"))

    assert page.status_code == 200
    assert page.content.decode().count("Null characters are not allowed.") == 3
    assert not StaffRecord.objects.exists() and not User.objects.filter(imported=True).exists()


def test_bytes_that_are_not_utf8_do_not_break_the_form(admin_client, consultation, area):
    body = urlencode(form(subject=f"area:{area.pk}", body="BODY", organisation_name="ORG")).encode()
    body = body.replace(b"BODY", b"Caf%E9+%ED%B3%BF").replace(b"ORG", b"%FF")

    page = admin_client.generic("POST", reverse(ADD), body, content_type="application/x-www-form-urlencoded")

    assert page.status_code == 302  # saved, and on to the list
    record = StaffRecord.objects.get()
    assert "\ufffd" in record.comment.body  # replaced, never a lone surrogate
    record.comment.body.encode()
