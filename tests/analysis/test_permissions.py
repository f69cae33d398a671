"""The analysis pages need analysis.view_analysis; exports need analysis.export_data."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("analysis:overview"),
    reverse("analysis:ranking"),
    reverse("analysis:matrix"),
    reverse("analysis:focus_area", args=["improving-data-quality"]),
]
EXPORTS = [
    reverse("analysis:exports"),
    reverse("analysis:export", args=["responses", "csv"]),
    reverse("analysis:export", args=["comments", "xlsx"]),
    reverse("analysis:export", args=["catalogue", "csv"]),
]


@pytest.mark.parametrize("url", PAGES + EXPORTS)
def test_anonymous_people_are_sent_to_sign_in(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", PAGES + EXPORTS)
def test_signed_in_participant_gets_403(client, catalogue, participant, url):
    client.force_login(participant)
    response = client.get(url)
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


@pytest.mark.parametrize("url", PAGES + EXPORTS)
def test_moderator_without_the_permission_gets_403(client, catalogue, moderator, url):
    client.force_login(moderator)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_analyst_sees_the_pages(client, consultation, catalogue, analyst, url):
    client.force_login(analyst)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", EXPORTS)
def test_analyst_without_the_export_permission_cannot_export(client, catalogue, analyst, url):
    client.force_login(analyst)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", EXPORTS)
def test_exporter_can_export(client, consultation, catalogue, exporter, url):
    client.force_login(exporter)
    response = client.get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content


def test_superuser_has_every_permission(client, consultation, catalogue):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(PAGES[0]).status_code == 200


def test_admin_index_links_to_the_analysis_only_for_those_allowed(client, analyst, moderator):
    client.force_login(analyst)
    page = client.get(reverse("admin:index")).content.decode()
    assert reverse("analysis:overview") in page
    assert reverse("analysis:exports") not in page
    client.force_login(moderator)
    assert reverse("analysis:overview") not in client.get(reverse("admin:index")).content.decode()
