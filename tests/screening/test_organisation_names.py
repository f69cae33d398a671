"""The organisation name on a profile is shown beside every comment, like the display name: it gets
the same stricter check (`organisation_name_problem`) on the profile page and in imports."""

import pytest
from django.urls import reverse

from consultation.imports.respondents import respondent_for
from consultation.people.roles import Role
from consultation.screening.display_names import display_name_problem
from consultation.screening.organisations import organisation_name_problem

REFUSED = [
    ("Carers of Kyrie (who is 8)", "a person's name with details about them"),
    ("Foster home, 7B Kingfisher Tower", "a street address"),
    ("Mr and Mrs Oyelaran (adopters)", "a person's name with details about them"),
    ("Sandra Quinn Fostering, Gateshead", "a person's name with details about them"),
    ("Adopter of Grace & Hope", "a person's name with details about them"),
    ("Call 07700 900123", "a phone number"),
]
REAL = ["Leeds City Council", "Department for Education", "Barnardo's", "NSPCC", "Coram", "Action for Children",
        "The Fostering Network", "Social Finance", "Children's Commissioner for England", "Mosaic by Servelec",
        "Kent County Council", "Smith & Jones Consulting Ltd", "Foster Care Associates", "Adoption UK",
        "Family Rights Group", "TACT Fostering", ""]


@pytest.mark.parametrize(("name", "kind"), REFUSED)
def test_an_organisation_name_that_points_to_a_child_or_a_carer_is_refused(name, kind):
    assert organisation_name_problem(name) == f"Organisation name must not include {kind}"


@pytest.mark.parametrize("name", REAL)
def test_real_organisations_pass(name):
    assert organisation_name_problem(name) == ""


def test_hidden_characters_are_refused():
    assert organisation_name_problem("NSP\u200bCC") == "Organisation name must not contain hidden characters"


@pytest.mark.parametrize("name", ["Adopter of Grace & Hope", "Special guardian Tariq Mahmood",
                                  "Sandra Quinn, foster carer Gateshead"])
def test_display_names_that_name_a_carer_and_their_care_are_refused(name):
    assert display_name_problem(name) == "Display name must not include a person's name with details about them"


@pytest.mark.django_db
def test_the_profile_page_refuses_it_with_the_govuk_error_summary(client, participant):
    client.force_login(participant)
    page = client.post(reverse("consultation:profile"), {
        "display_name": "Sam", "role": Role.CG_DATA, "organisation_name": "Sandra Quinn Fostering, Gateshead"})
    body = page.content.decode()
    assert page.status_code == 400 and "govuk-error-summary" in body
    assert "Organisation name must not include a person&#x27;s name with details about them" in body
    assert "Sandra Quinn" not in body.split("govuk-error-summary", 1)[1].split("</div>", 1)[0]
    participant.refresh_from_db()
    assert participant.organisation_name == ""


@pytest.mark.django_db
def test_the_profile_page_keeps_a_real_organisation(client, participant):
    client.force_login(participant)
    page = client.post(reverse("consultation:profile"), {
        "display_name": "Sam", "role": Role.CG_DATA, "organisation_name": "The Fostering Network"})
    assert page.status_code in (200, 302)
    participant.refresh_from_db()
    assert participant.organisation_name == "The Fostering Network"


@pytest.mark.django_db
@pytest.mark.parametrize(("given", "kept"), [
    ("Mr and Mrs Oyelaran (adopters)", ""), ("Foster home, 7B Kingfisher Tower", ""),
    ("Carers of Kyrie (who is 8)", ""), ("Action for Children", "Action for Children"),
])
def test_an_imported_organisation_name_is_blanked_when_it_fails_the_check(given, kept):
    person, existing = respondent_for(email="", fallback_key=f"k-{len(given)}", role=Role.CG_DATA,
                                      organisation=None, organisation_name=given)
    assert not existing and person.imported and person.organisation_name == kept
