from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from consultation.responses.models import FocusAreaScore, IdeaFlag, Response
from ideas.models import FocusArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(catalogue):
    return {area.slug: area for area in FocusArea.objects.prefetch_related("ideas")}


def form_data(areas, **answers):
    data = {}
    for slug, (usefulness, likelihood, idea_positions) in answers.items():
        area = areas[slug]
        if usefulness:
            data[f"usefulness_{area.pk}"] = str(usefulness)
        if likelihood:
            data[f"likelihood_{area.pk}"] = str(likelihood)
        ideas = list(area.ideas.order_by("position"))
        data[f"ideas_{area.pk}"] = [str(ideas[i].pk) for i in idea_positions]
    return data


def test_save_a_draft_then_come_back_to_it(client, consultation, participant, areas):
    client.force_login(participant)
    data = form_data(areas, **{"improving-data-quality": (4, None, [0, 2])})
    data["save"] = "1"
    response = client.post(reverse("consultation:your_response"), data)
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.status == Response.Status.DRAFT and saved.submitted_at is None
    score = FocusAreaScore.objects.get()
    assert (score.usefulness, score.likelihood) == (4, None)
    assert IdeaFlag.objects.count() == 2

    page = client.get(reverse("consultation:your_response")).content.decode()
    area = areas["improving-data-quality"]
    assert f'name="usefulness_{area.pk}" type="radio" value="4" checked' in page
    assert "This is a draft" in page


def test_submit_then_change_until_it_closes(client, consultation, participant, areas):
    client.force_login(participant)
    first = form_data(areas, **{"discovering-what-works": (5, 5, [1])})
    client.post(reverse("consultation:your_response"), {**first, "submit": "1"})
    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED and response.submitted_at
    submitted_at = response.submitted_at

    changed = form_data(areas, **{"discovering-what-works": (2, None, [])})
    client.post(reverse("consultation:your_response"), {**changed, "submit": "1",
                                                         "anything_else": "More thoughts"})
    response.refresh_from_db()
    assert Response.objects.count() == 1
    assert response.submitted_at == submitted_at
    assert response.anything_else == "More thoughts"
    assert FocusAreaScore.objects.get().usefulness == 2
    assert not IdeaFlag.objects.exists()


def test_clearing_every_answer_for_an_area_removes_its_score(client, consultation, participant, areas):
    client.force_login(participant)
    client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (3, 3, [])}), "save": "1"})
    client.post(reverse("consultation:your_response"), {"save": "1"})
    assert not FocusAreaScore.objects.exists()


@pytest.mark.parametrize("bad", ["0", "6", "three", "-1"])
def test_scores_outside_1_to_5_are_refused_with_an_error(client, consultation, participant, areas, bad):
    client.force_login(participant)
    area = areas["improving-data-quality"]
    response = client.post(reverse("consultation:your_response"), {f"usefulness_{area.pk}": bad, "submit": "1"})
    assert response.status_code == 400
    assert "Choose a score from 1 to 5" in response.content.decode()
    assert not Response.objects.exists()


def test_an_idea_from_elsewhere_cannot_be_flagged_under_another_area(client, consultation, participant, areas):
    client.force_login(participant)
    area, other = areas["improving-data-quality"], areas["discovering-what-works"]
    foreign = other.ideas.first()
    response = client.post(reverse("consultation:your_response"), {f"ideas_{area.pk}": [str(foreign.pk)], "submit": "1"})
    assert response.status_code == 400
    assert not IdeaFlag.objects.exists()


def test_one_response_per_person_is_enforced_by_the_database(consultation, participant):
    Response.objects.create(respondent=participant, consultation=consultation)
    with pytest.raises(IntegrityError):
        Response.objects.create(respondent=participant, consultation=consultation)


def test_score_range_is_enforced_by_the_database(consultation, participant, areas):
    response = Response.objects.create(respondent=participant, consultation=consultation)
    with pytest.raises(IntegrityError):
        FocusAreaScore.objects.create(response=response, focus_area=areas["improving-data-quality"], usefulness=6)


def test_response_cannot_change_after_the_consultation_closes(client, consultation, participant, areas):
    client.force_login(participant)
    client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (5, 5, [])}), "submit": "1"})
    consultation.closes_at = timezone.now() - timedelta(seconds=1)
    consultation.save()
    response = client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (1, 1, [])}), "submit": "1"})
    assert response.status_code == 403
    assert FocusAreaScore.objects.get().usefulness == 5


def test_your_feedback_shows_the_response_and_own_comments(client, consultation, participant, areas):
    from tests.factories import CommentFactory

    client.force_login(participant)
    client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (5, 4, [0])}), "submit": "1"})
    CommentFactory(author=participant, focus_area=areas["discovering-what-works"], body="My own words here")
    page = client.get(reverse("consultation:your_feedback")).content.decode()
    assert "Discovering what works" in page and "Usefulness: 5" in page and "Likelihood of use: 4" in page
    assert "Explore further: Mapping" in page
    assert "My own words here" in page


def test_respondent_counts_show_on_the_catalogue(client, consultation, participant, other_participant, areas):
    for person in (participant, other_participant):
        client.force_login(person)
        client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (5, 4, [])}), "submit": "1"})
    # A draft does not count.
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    client.post(reverse("consultation:your_response"), {**form_data(areas, **{"discovering-what-works": (1, 1, [])}), "save": "1"})
    page = client.get(areas["discovering-what-works"].get_absolute_url()).content.decode()
    assert "2 people responded" in page
