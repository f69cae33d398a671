import pytest
from django.test import Client
from django.urls import reverse

from consultation.comments.models import Follow
from ideas.models import FocusArea, Idea

pytestmark = pytest.mark.django_db


def test_follow_and_unfollow_a_focus_area(client, participant, catalogue):
    area = FocusArea.objects.get(slug="improving-data-quality")
    client.force_login(participant)
    url = reverse("consultation:follow_focus_area", args=[area.slug])
    client.post(url)
    assert Follow.objects.filter(follower=participant, focus_area=area).exists()
    assert "Stop following" in client.get(area.get_absolute_url()).content.decode()
    assert area.title in client.get(reverse("consultation:following")).content.decode()
    client.post(url, {"follow": "0"})
    assert not Follow.objects.exists()


def test_a_second_click_or_an_old_page_keeps_what_the_person_asked_for(client, participant, catalogue):
    area = FocusArea.objects.get(slug="improving-data-quality")
    client.force_login(participant)
    url = reverse("consultation:follow_focus_area", args=[area.slug])
    page = client.get(area.get_absolute_url()).content.decode()
    assert 'name="follow" value="1"' in page
    client.post(url, {"follow": "1"})
    client.post(url, {"follow": "1"})  # the button pressed twice
    assert Follow.objects.filter(follower=participant, focus_area=area).count() == 1
    following_page = client.get(reverse("consultation:following")).content.decode()
    assert 'name="follow" value="0"' in following_page
    client.post(url, {"follow": "0", "next": reverse("consultation:following")})
    client.post(url, {"follow": "0", "next": reverse("consultation:following")})  # an out-of-date page
    assert not Follow.objects.exists()


def test_a_follow_empties_nobody_elses_cached_pages_and_shows_at_once_to_its_reader(
        client, participant, catalogue, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_ENABLED = True
    area = FocusArea.objects.get(slug="improving-data-quality")
    reader = Client()
    reader.get(area.get_absolute_url())
    assert reader.get(area.get_absolute_url())["X-Page-Cache"] == "hit"
    client.force_login(participant)
    url = reverse("consultation:follow_focus_area", args=[area.slug])
    assert ">Follow<" in client.get(area.get_absolute_url()).content.decode()
    for follow, button in (("1", "Stop following"), ("0", ">Follow<"), ("1", "Stop following")):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"follow": follow})
        assert button in client.get(area.get_absolute_url()).content.decode()
        assert reader.get(area.get_absolute_url())["X-Page-Cache"] == "hit"


def test_follow_an_idea(client, participant, catalogue):
    idea = Idea.objects.get(focus_area__slug="improving-data-quality", slug="defining")
    client.force_login(participant)
    client.post(reverse("consultation:follow_idea", args=[idea.focus_area.slug, idea.slug]))
    follow = Follow.objects.get()
    assert follow.idea == idea and follow.focus_area is None


def test_follow_needs_post_and_sign_in(client, catalogue):
    url = reverse("consultation:follow_focus_area", args=["improving-data-quality"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Follow.objects.exists()


def test_follow_redirect_only_goes_to_this_site(client, participant, catalogue):
    client.force_login(participant)
    response = client.post(reverse("consultation:follow_focus_area", args=["improving-data-quality"]),
                           {"next": "https://evil.example.com/"})
    assert response["Location"] == "/ideas/improving-data-quality/"


def test_profile_sets_role_and_organisation(client, local_authorities):
    from tests.factories import UserFactory

    person = UserFactory(role="", display_name="")
    client.force_login(person)
    leeds = local_authorities.get(name="Leeds")
    response = client.post(reverse("consultation:profile"), {
        "display_name": "Sam", "role": "la_leadership", "organisation": leeds.pk, "next": "/ideas/",
    })
    assert response.status_code == 302 and response["Location"] == "/ideas/"
    person.refresh_from_db()
    assert (person.role, person.organisation, person.display_name) == ("la_leadership", leeds, "Sam")


def test_profile_errors_use_the_error_summary(client, local_authorities):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=""))
    response = client.post(reverse("consultation:profile"), {"display_name": "", "role": "astronaut"})
    assert response.status_code == 400  # as every other form sent with mistakes
    page = response.content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_display_name">Enter a display name</a>' in page
    assert '<a href="#id_role_0">Select a role from the list</a>' in page


def test_organisation_is_a_local_authority_or_a_named_other_not_both(client, local_authorities):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.post(reverse("consultation:profile"), {
        "display_name": "Sam", "role": "cg_data", "organisation": local_authorities.first().pk,
        "organisation_name": "Department for Education",
    }).content.decode()
    assert "Either choose a local authority or name another organisation, not both" in page


def test_signup_asks_role_and_organisation_and_needs_email_verification(client, local_authorities, mailoutbox):
    from consultation.people.models import User

    response = client.post(reverse("account_signup"), {
        "email": "new.person@council.example.gov.uk", "password1": "a-long-Passphrase-77",
        "password2": "a-long-Passphrase-77", "display_name": "New Person", "role": "la_digital",
        "organisation": local_authorities.get(name="Kent").pk, "organisation_name": "",
    })
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    person = User.objects.get(email="new.person@council.example.gov.uk")
    assert person.role == "la_digital" and person.organisation.name == "Kent"
    assert len(mailoutbox) == 1 and "/accounts/confirm-email/" in mailoutbox[0].body
    # Not verified yet: signing in is refused until the link is followed.
    client.logout()
    client.post(reverse("account_login"), {"login": person.email, "password": "a-long-Passphrase-77"})
    assert "_auth_user_id" not in client.session


def test_the_name_chosen_at_sign_up_does_not_reveal_whether_an_address_has_an_account(
        client, participant, local_authorities, mailoutbox):
    """A sign-up with a taken address makes no account, one with a new address makes an
    unconfirmed one: if that reserved its name, "name taken" on a second sign-up would tell
    which the first address was."""
    def sign_up(email, name):
        return client.post(reverse("account_signup"), {
            "email": email, "password1": "a-long-Passphrase-77", "password2": "a-long-Passphrase-77",
            "display_name": name, "role": "la_data"})

    assert sign_up(participant.email, "Zeta Oracle Alpha").status_code == 302
    assert sign_up("never-seen@example.org", "Zeta Oracle Beta").status_code == 302
    for name in ("Zeta Oracle Alpha", "Zeta Oracle Beta"):  # the same answer for both
        assert sign_up(f"another-{name[-4:].lower()}@example.org", name).status_code == 302


def test_signup_does_not_reveal_that_an_email_is_taken(client, participant, local_authorities, mailoutbox):
    response = client.post(reverse("account_signup"), {
        "email": participant.email, "password1": "a-long-Passphrase-77", "password2": "a-long-Passphrase-77",
        "display_name": "Copycat", "role": "la_data",
    })
    # The same "check your email" outcome as a new address; the owner is told by email instead.
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [participant.email]


def test_password_reset_page_does_not_reveal_unknown_addresses(client, mailoutbox, db):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/done/"
