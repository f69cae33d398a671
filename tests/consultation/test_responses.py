"""The response as a task list: steps save drafts, check your answers, submit, closed states."""

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
    return {area.slug: area for area in FocusArea.objects.prefetch_related("ideas").select_related("theme")}


def answers(areas, completed="yes", **by_slug):
    data = {"completed": completed}
    for slug, (usefulness, likelihood, idea_positions) in by_slug.items():
        area = areas[slug]
        data[f"usefulness_{area.pk}"] = str(usefulness or "")
        data[f"likelihood_{area.pk}"] = str(likelihood or "")
        ideas = list(area.ideas.order_by("position"))
        data[f"ideas_{area.pk}"] = [str(ideas[i].pk) for i in idea_positions]
    return data


def step_url(areas, slug):
    return reverse("consultation:response_step", args=[areas[slug].theme.slug])


def save_step(client, areas, slug, completed="yes", **values):
    return client.post(step_url(areas, slug), answers(areas, completed, **{slug: values.get("v", (None, None, []))}))


def test_the_task_list_shows_every_step_not_started(client, consultation, participant, areas):
    client.force_login(participant)
    page = client.get(reverse("consultation:your_response")).content.decode()
    assert page.count("<li class=\"govuk-task-list__item") == 8  # six themes, the delivery options, anything else
    assert page.count("Not started") == 8
    assert "You have completed 0 of 8 sections" in page
    assert "Check your answers" in page


def test_saving_a_step_saves_a_draft_and_sets_its_status(client, consultation, participant, areas):
    client.force_login(participant)
    response = save_step(client, areas, "improving-data-quality", completed="no", v=(4, None, [0, 2]))
    assert response.status_code == 302 and response["Location"] == reverse("consultation:your_response")
    saved = Response.objects.get()
    assert saved.status == Response.Status.DRAFT and saved.submitted_at is None
    assert (FocusAreaScore.objects.get().usefulness, FocusAreaScore.objects.get().likelihood) == (4, None)
    assert IdeaFlag.objects.count() == 2
    page = client.get(reverse("consultation:your_response")).content.decode()
    assert "saved to a draft" in page and "In progress" in page and page.count("Not started") == 7

    save_step(client, areas, "improving-data-quality", completed="yes", v=(4, 3, [0, 2]))
    page = client.get(reverse("consultation:your_response")).content.decode()
    assert "You have completed 1 of 8 sections" in page and "In progress" not in page
    form = client.get(step_url(areas, "improving-data-quality")).content.decode()
    area = areas["improving-data-quality"]
    assert f'name="usefulness_{area.pk}" type="radio" value="4" checked' in form


def test_a_step_leaves_the_other_steps_answers_alone(client, consultation, participant, areas):
    client.force_login(participant)
    save_step(client, areas, "improving-data-quality", v=(4, 4, [0]))
    save_step(client, areas, "discovering-what-works", v=(2, 2, [1]))
    assert FocusAreaScore.objects.count() == 2 and IdeaFlag.objects.count() == 2


def test_no_answer_clears_a_score(client, consultation, participant, areas):
    client.force_login(participant)
    save_step(client, areas, "improving-data-quality", v=(4, 5, []))
    save_step(client, areas, "improving-data-quality", v=(None, 5, []))
    score = FocusAreaScore.objects.get()
    assert (score.usefulness, score.likelihood) == (None, 5)
    area = areas["improving-data-quality"]
    form = client.get(step_url(areas, "improving-data-quality")).content.decode()
    assert f'name="usefulness_{area.pk}" type="radio" value="" checked' in form
    save_step(client, areas, "improving-data-quality", v=(None, None, []))
    assert not FocusAreaScore.objects.exists()


def test_a_step_asks_whether_it_is_completed(client, consultation, participant, areas):
    client.force_login(participant)
    data = answers(areas, **{"improving-data-quality": (4, 4, [])})
    del data["completed"]
    response = client.post(step_url(areas, "improving-data-quality"), data)
    assert response.status_code == 400
    assert "Select whether you have completed this section" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("bad", ["0", "6", "three", "-1"])
def test_scores_outside_1_to_5_are_refused_with_an_error(client, consultation, participant, areas, bad):
    client.force_login(participant)
    area = areas["improving-data-quality"]
    response = client.post(step_url(areas, "improving-data-quality"), {f"usefulness_{area.pk}": bad, "completed": "yes"})
    assert response.status_code == 400
    assert "Choose a score from 1 to 5, or “No answer”" in response.content.decode()
    assert not Response.objects.exists()


def test_an_idea_from_elsewhere_cannot_be_flagged_under_another_area(client, consultation, participant, areas):
    client.force_login(participant)
    area, other = areas["improving-data-quality"], areas["discovering-what-works"]
    response = client.post(step_url(areas, "improving-data-quality"),
                           {f"ideas_{area.pk}": [str(other.ideas.first().pk)], "completed": "yes"})
    assert response.status_code == 400
    assert not IdeaFlag.objects.exists()


def test_check_your_answers_lists_everything_with_change_links_then_submits(client, consultation, participant, areas):
    client.force_login(participant)
    save_step(client, areas, "improving-data-quality", v=(4, None, [0]))
    page = client.get(reverse("consultation:response_check")).content.decode()
    assert "Check your answers before submitting your response" in page
    assert "You have answered 1 of 31 scores" in page  # 13 areas x 2, 5 delivery options
    assert "Useful to the sector: 4 out of 5" in page and "Likely to use: No answer" in page
    assert "Explore further: Providing data quality tools" in page
    assert f'href="{step_url(areas, "improving-data-quality")}#area-improving-data-quality">Change' in page
    assert Response.objects.get().status == Response.Status.DRAFT

    response = client.post(reverse("consultation:response_check"))
    assert response["Location"] == reverse("consultation:response_submitted")
    saved = Response.objects.get()
    assert saved.status == Response.Status.SUBMITTED and saved.submitted_at
    page = client.get(reverse("consultation:response_submitted")).content.decode()
    assert "Response submitted" in page and "What happens next" in page


def test_nothing_answered_cannot_be_submitted(client, consultation, participant, areas):
    client.force_login(participant)
    response = client.post(reverse("consultation:response_check"))
    assert response.status_code == 400
    assert "Answer at least one question before you submit your response" in response.content.decode()
    assert not Response.objects.filter(status=Response.Status.SUBMITTED).exists()


def test_a_submitted_response_changes_in_place(client, consultation, participant, areas):
    client.force_login(participant)
    save_step(client, areas, "discovering-what-works", v=(5, 5, [1]))
    client.post(reverse("consultation:response_check"))
    submitted_at = Response.objects.get().submitted_at
    save_step(client, areas, "discovering-what-works", v=(2, None, []))
    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED and response.submitted_at == submitted_at
    assert FocusAreaScore.objects.get().usefulness == 2 and not IdeaFlag.objects.exists()
    page = client.get(reverse("consultation:your_response")).content.decode()
    assert "saved to your submitted response" in page


def test_anything_else_has_its_own_step(client, consultation, participant, areas):
    client.force_login(participant)
    client.post(reverse("consultation:response_step", args=["anything-else"]),
                {"anything_else": "More thoughts", "completed": "yes"})
    assert Response.objects.get().anything_else == "More thoughts"


def test_an_answer_naming_a_child_is_refused_and_nothing_is_saved(client, consultation, participant, areas):
    client.force_login(participant)
    page = client.post(reverse("consultation:response_step", args=["anything-else"]),
                       {"anything_else": "Our foster child, Ruby aged 11, waited a year", "completed": "yes"})
    text = page.content.decode()
    assert page.status_code == 400 and "govuk-error-summary" in text
    assert "must not include a person&#x27;s name with details about them" in text
    assert not Response.objects.exists()


def test_a_focus_area_links_to_the_step_that_scores_it(client, consultation, participant, areas):
    client.force_login(participant)
    page = client.get(areas["improving-data-quality"].get_absolute_url()).content.decode()
    link = reverse("consultation:response_area", args=["improving-data-quality"])
    assert f'href="{link}">Score this focus area in your response' in page
    response = client.get(link)
    assert response["Location"] == step_url(areas, "improving-data-quality") + "#area-improving-data-quality"


def test_when_closed_every_form_goes_and_the_pages_say_what_happens_next(client, consultation, participant, areas):
    client.force_login(participant)
    save_step(client, areas, "discovering-what-works", v=(5, 5, []))
    client.post(reverse("consultation:response_check"))
    consultation.closes_at = timezone.now() - timedelta(seconds=1)
    consultation.save()

    task_list = client.get(reverse("consultation:your_response")).content.decode()
    assert "can no longer be changed" in task_list and "What happens next" in task_list
    assert "<form" not in task_list.split('id="main-content"')[1]
    assert "govuk-task-list__link" not in task_list and "Check your answers</a>" not in task_list
    assert client.get(step_url(areas, "discovering-what-works"))["Location"] == reverse("consultation:your_response")
    check = client.get(reverse("consultation:response_check")).content.decode()
    assert "Submit response" not in check and ">Change<" not in check
    feedback = client.get(reverse("consultation:your_feedback")).content.decode()
    assert "What happens next" in feedback and "Change your response" not in feedback
    area_page = client.get(areas["discovering-what-works"].get_absolute_url()).content.decode()
    assert "Score this focus area" not in area_page

    # A form sent just as it closed: the closed page, and nothing changes.
    response = client.post(step_url(areas, "discovering-what-works"), answers(areas, **{"discovering-what-works": (1, 1, [])}))
    assert b"The consultation has closed" in response.content and b"could not be saved" in response.content
    assert FocusAreaScore.objects.get().usefulness == 5


def test_one_response_per_person_is_enforced_by_the_database(consultation, participant):
    Response.objects.create(respondent=participant, consultation=consultation)
    with pytest.raises(IntegrityError):
        Response.objects.create(respondent=participant, consultation=consultation)


def test_score_range_is_enforced_by_the_database(consultation, participant, areas):
    response = Response.objects.create(respondent=participant, consultation=consultation)
    with pytest.raises(IntegrityError):
        FocusAreaScore.objects.create(response=response, focus_area=areas["improving-data-quality"], usefulness=6)


def test_your_feedback_shows_the_response_and_own_comments(client, consultation, participant, areas):
    from tests.factories import CommentFactory

    client.force_login(participant)
    save_step(client, areas, "discovering-what-works", v=(5, 4, [0]))
    client.post(reverse("consultation:response_check"))
    CommentFactory(author=participant, focus_area=areas["discovering-what-works"], body="My own words here")
    page = client.get(reverse("consultation:your_feedback")).content.decode()
    assert "Discovering what works" in page and "Usefulness: 5" in page and "Likelihood of use: 4" in page
    assert "Explore further: Mapping innovation activity" in page
    assert "My own words here" in page


def test_respondent_counts_count_submitted_responses_only(client, consultation, participant, other_participant, areas):
    from tests.factories import UserFactory

    for person in (participant, other_participant):
        client.force_login(person)
        save_step(client, areas, "discovering-what-works", v=(5, 4, []))
        client.post(reverse("consultation:response_check"))
    client.force_login(UserFactory())
    save_step(client, areas, "discovering-what-works", v=(1, 1, []))  # a draft does not count
    page = client.get(areas["discovering-what-works"].get_absolute_url()).content.decode()
    assert "2 people responded" in page


def test_the_task_list_runs_a_fixed_number_of_queries(client, consultation, participant, areas, django_assert_max_num_queries):
    client.force_login(participant)
    for slug in ("discovering-what-works", "improving-data-quality"):
        save_step(client, areas, slug, v=(3, 3, [0, 1]))
    for url in (reverse("consultation:your_response"), reverse("consultation:response_check"),
                step_url(areas, "improving-data-quality"),
                reverse("consultation:response_step", args=["how-the-centre-could-be-set-up"])):
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_times_read_the_govuk_way(client, consultation, participant, areas):
    from datetime import datetime

    from django.template import Context, Template

    rendered = Template('{{ a|date:"g:ia" }} {{ b|date:"g:ia" }}').render(
        Context({"a": datetime(2026, 11, 24, 9, 26), "b": datetime(2026, 11, 24, 15, 5)}))
    assert rendered == "9:26am 3:05pm"
    client.force_login(participant)
    save_step(client, areas, "improving-data-quality", v=(4, 4, []))
    page = client.get(reverse("consultation:your_response")).content.decode()
    assert "last saved on" in page and "a.m." not in page and "p.m." not in page
