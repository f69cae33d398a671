"""Names people can trust (issue 14, item 4): the profile and sign-up forms refuse names that
pose as the portal, hide characters, mix alphabets, carry personal data or imitate others."""

import pytest
from django.urls import reverse

from consultation.people.forms import ProfileForm
from consultation.people.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def errors_for(name, user=None, organisation_name=""):
    form = ProfileForm({"display_name": name, "role": Role.LA_DATA, "organisation_name": organisation_name},
                       user=user)
    form.is_valid()
    return form.errors


@pytest.mark.parametrize(("name", "message"), [
    ("Design team", "must not suggest that you speak for the consultation"),
    ("A former participant", "must not suggest that you speak for the consultation"),
    ("Moderator Mike", "must not suggest that you speak for the consultation"),
    ("Portal ADMIN", "must not suggest that you speak for the consultation"),
    ("St\u0430ff", "must use letters from one alphabet"),  # a Cyrillic "a"
    ("D3sign Team", "must not suggest that you speak for the consultation"),
    ("\u202eJane", "must not contain hidden characters"),  # a right-to-left override
    ("\u200b\u200b", "must not contain hidden characters"),  # zero-width spaces only
    ("Jane 07700 900123", "must not include a phone number"),
    ("...", "must include at least one letter"),
])
def test_names_that_mislead_are_refused_with_a_govuk_error(name, message):
    assert message in errors_for(name)["display_name"][0]


def test_another_participants_name_or_a_look_alike_is_refused(participant):
    UserFactory(display_name="Jane Smith")
    for copy in ("Jane Smith", "jane  smith", "J\u0430ne Smith", "JANE SMlTH"):
        errors = errors_for(copy, user=participant).get("display_name", [""])[0]
        assert "already used by another participant, or looks like it" in errors or "one alphabet" in errors
    assert "display_name" not in errors_for("Jane Smith-Jones", user=participant)
    UserFactory(display_name="Bob Jones (demo)")
    for copy in ("BOB JONES (DEMO)", "bob jones (demo)", "B0B J0NES (DEM0)"):  # "O" was folded before the case
        assert "already used" in errors_for(copy, user=participant).get("display_name", [""])[0], copy


def test_people_keep_their_own_name_and_staff_may_say_design_team():
    person = UserFactory(display_name="Sam Okafor")
    assert "display_name" not in errors_for("Sam Okafor", user=person)
    staff = UserFactory(is_staff=True, display_name="Design team")
    assert "display_name" not in errors_for("Design team", user=staff)


def test_an_organisation_name_with_personal_data_is_refused():
    errors = errors_for("Jo Bloggs", organisation_name="Call 07700 900123")
    assert errors["organisation_name"][0].startswith("Organisation name must not include a phone number")


def test_the_profile_page_shows_the_error_in_the_govuk_summary(client, participant):
    client.force_login(participant)
    page = client.post(reverse("consultation:profile"), {"display_name": "Design team", "role": Role.LA_DATA})
    body = page.content.decode()
    assert page.status_code in (200, 400) and "govuk-error-summary" in body
    assert "must not suggest that you speak for the consultation" in body
