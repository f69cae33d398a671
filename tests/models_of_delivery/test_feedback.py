"""Feedback on the delivery options: comments and the structured part of the response."""

import uuid
from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.responses.models import OptionRating, Response
from models_of_delivery.models import Consideration, DeliveryOption

pytestmark = pytest.mark.django_db


@pytest.fixture
def option(delivery_models):
    return DeliveryOption.objects.get(slug="local-authority-hosting")


def rate(client, options, **extra):
    """Answers the delivery options step, then submits the response from "Check your answers"."""
    data = {"completed": "yes", **extra}
    for option, score, reason in options:
        data[f"option_score_{option.pk}"] = str(score)
        data[f"option_reason_{option.pk}"] = reason
    answered = client.post(reverse("consultation:response_step", args=["how-the-centre-could-be-set-up"]), data)
    if answered.status_code != 302:
        return answered
    client.post(reverse("consultation:response_check"))
    return answered


def test_comment_on_a_delivery_option(client, consultation, participant, option):
    client.force_login(participant)
    response = client.post(reverse("consultation:comment_on_delivery_option", args=[option.slug]),
                           {"body": "Hosting by a council worked well for us.", "submission_key": str(uuid.uuid4())})
    comment = Comment.objects.get()
    assert response["Location"] == f"{option.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.delivery_option, comment.focus_area, comment.idea) == (option, None, None)
    page = client.get(option.get_absolute_url()).content.decode()
    assert "Hosting by a council worked well for us." in page
    overview = client.get(reverse("models_of_delivery:overview")).content.decode()
    assert "1 comment · 0 people rated it" in overview


def test_replies_on_an_option_stay_on_the_option(client, consultation, participant, other_participant, option):
    from tests.factories import CommentFactory

    top = CommentFactory(delivery_option=option, author=other_participant)
    client.force_login(participant)
    client.post(reverse("consultation:reply", args=[top.pk]),
                {"body": "Agreed, with caveats.", "submission_key": str(uuid.uuid4())})
    assert Comment.objects.get(parent=top).delivery_option == option


def test_a_comment_has_exactly_one_kind_of_subject(participant, option, catalogue):
    from ideas.models import FocusArea

    with pytest.raises(IntegrityError):
        Comment.objects.create(author=participant, focus_area=FocusArea.objects.first(), delivery_option=option,
                               body="Both at once", submission_key=uuid.uuid4())


def test_ratings_and_considerations_save_into_the_same_response(client, consultation, participant, delivery_models, catalogue):
    client.force_login(participant)
    hosting, entity = DeliveryOption.objects.get(slug="local-authority-hosting"), DeliveryOption.objects.get(slug="new-legal-entity")
    chosen = list(Consideration.objects.all()[:2])
    rate(client, [(hosting, 4, "Councils trust councils"), (entity, 2, "")],
         considerations=[str(c.pk) for c in chosen])
    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED
    ratings = {r.option.slug: (r.score, r.reason) for r in response.option_ratings.select_related("option")}
    assert ratings == {"local-authority-hosting": (4, "Councils trust councils"), "new-legal-entity": (2, "")}
    assert set(response.important_considerations.all()) == set(chosen)

    # Changing it later updates the same rows; a cleared option is removed.
    rate(client, [(hosting, 5, "Even better")])
    response.refresh_from_db()
    assert Response.objects.count() == 1
    assert list(response.option_ratings.values_list("score", "reason")) == [(5, "Even better")]
    assert not response.important_considerations.exists()
    page = client.get(reverse("consultation:your_feedback")).content.decode()
    assert "Would work for us: 5 out of 5" in page


def test_ratings_outside_1_to_5_are_refused(client, consultation, participant, option, catalogue):
    client.force_login(participant)
    response = rate(client, [(option, 9, "")])
    assert response.status_code == 400 and "Choose a score from 1 to 5, or “No answer”" in response.content.decode()
    assert not OptionRating.objects.exists()


def test_ratings_obey_the_consultation_window(client, consultation, participant, option, catalogue):
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save()
    client.force_login(participant)
    assert rate(client, [(option, 3, "")]).status_code == 403
    assert client.post(reverse("consultation:comment_on_delivery_option", args=[option.slug]),
                       {"body": "Too late now.", "submission_key": str(uuid.uuid4())}).status_code == 403
    assert not OptionRating.objects.exists() and not Comment.objects.exists()


def test_counts_per_option_on_the_comparison(client, consultation, participant, other_participant, option, catalogue):
    for person in (participant, other_participant):
        client.force_login(person)
        rate(client, [(option, 3, "")])
    page = client.get(reverse("models_of_delivery:compare")).content.decode()
    assert "0 comments, 2 ratings" in page


def test_option_pages_run_a_fixed_number_of_queries_with_many_comments(client, consultation, option, no_page_cache, django_assert_max_num_queries):
    from tests.factories import CommentFactory, UserFactory

    authors = UserFactory.create_batch(3)
    url = option.get_absolute_url()
    CommentFactory(delivery_option=option, author=authors[0])
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    Comment.objects.bulk_create(CommentFactory.build(delivery_option=option, author=authors[n % 3]) for n in range(200))
    with django_assert_max_num_queries(20) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)
