"""Every analysis page runs a fixed number of queries, however much feedback there is."""

import random

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.people.roles import Role
from consultation.responses.models import FocusAreaScore, IdeaFlag, OptionRating, Response
from ideas.models import FocusArea, Idea
from ideas.paper import PaperPart
from models_of_delivery.models import Consideration, DeliveryOption
from tests.factories import CommentFactory, UserFactory
from tests.models_of_delivery.conftest import load_if_empty

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

URLS = [
    reverse("analysis:overview"),
    reverse("analysis:ranking"),
    reverse("analysis:matrix"),
    reverse("analysis:focus_area", args=["improving-data-quality"]),
    reverse("analysis:exports"),
    reverse("analysis:options"),
    reverse("analysis:option", args=["local-authority-hosting"]),
]
WEIGHTINGS = [{}, {"weighting": "council", "region": "London", "date_from": "2020-01-01"}]


def add_feedback(consultation, councils, people: int, seed: int):
    rng = random.Random(seed)
    roles = list(Role.values)
    users = [
        UserFactory.build(role=rng.choice(roles), organisation=rng.choice([*councils, None]))
        for _ in range(people)
    ]
    for user in users:
        user.set_password(None)
    from consultation.people.models import User

    users = User.objects.bulk_create(users)
    now = timezone.now()
    responses = Response.objects.bulk_create(
        Response(respondent=user, consultation=consultation, status=Response.Status.SUBMITTED,
                 submitted_at=now - timezone.timedelta(days=rng.randint(0, 40)))
        for user in users
    )
    areas, ideas = list(FocusArea.objects.all()), list(Idea.objects.all())
    FocusAreaScore.objects.bulk_create(
        FocusAreaScore(response=response, focus_area=area, usefulness=rng.randint(1, 5), likelihood=rng.randint(1, 5))
        for response in responses for area in areas
    )
    IdeaFlag.objects.bulk_create(
        IdeaFlag(response=response, idea=idea) for response in responses for idea in rng.sample(ideas, 3)
    )
    options, considerations = list(DeliveryOption.objects.all()), list(Consideration.objects.all())
    OptionRating.objects.bulk_create(
        OptionRating(response=response, option=option, score=rng.randint(1, 5),
                     reason=rng.choice(["", "Because it fits", "Call 07700 900123"]))
        for response in responses for option in options
    )
    for response in responses:
        response.important_considerations.set(rng.sample(considerations, 2))
    Comment.objects.bulk_create(
        CommentFactory.build(author=rng.choice(users), delivery_option=rng.choice(options), focus_area=None)
        for _ in range(people)
    )
    Comment.objects.bulk_create(
        CommentFactory.build(author=rng.choice(users), paper_part=rng.choice(PaperPart.values), focus_area=None)
        for _ in range(people)
    )
    Comment.objects.bulk_create(
        CommentFactory.build(author=rng.choice(users), focus_area=rng.choice(areas),
                             reflection_kind=rng.choice(["", "unsure", "general"]),
                             created_at=now - timezone.timedelta(days=rng.randint(0, 40)))
        for _ in range(people * 3)
    )


def queries_for(client, url, params, django_assert_max_num_queries):
    client.get(url, params)  # warm the per-process cache of the current consultation
    with django_assert_max_num_queries(25) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("params", WEIGHTINGS)
def test_analysis_pages_run_a_fixed_number_of_queries(client, consultation, catalogue, local_authorities,
                                                     exporter, params, django_assert_max_num_queries):
    load_if_empty()
    client.force_login(exporter)
    councils = list(local_authorities[:20])
    add_feedback(consultation, councils, people=10, seed=1)
    small = {url: queries_for(client, url, params, django_assert_max_num_queries) for url in URLS}
    add_feedback(consultation, list(local_authorities), people=300, seed=2)
    assert Response.objects.count() == 310 and Comment.objects.count() == 930 + 2 * 310
    large = {url: queries_for(client, url, params, django_assert_max_num_queries) for url in URLS}
    assert large == small
    print(f"queries per page {params or '(raw)'}: {large}")

