from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.comments.models import Comment, ReflectionKind
from consultation.people.roles import Role
from consultation.responses.models import FocusAreaScore, OptionRating, Response
from ideas.models import FocusArea
from models_of_delivery.models import DeliveryOption
from tests.factories import CommentFactory, UserFactory

FLAGGED = "Ring me on 07700 900123 about my son's case."


def respond(consultation, person, *, scores=(), ratings=()):
    response = Response.objects.create(respondent=person, consultation=consultation,
                                       status=Response.Status.SUBMITTED,
                                       submitted_at=timezone.now() - timedelta(days=1))
    FocusAreaScore.objects.bulk_create(FocusAreaScore(response=response, focus_area=area, usefulness=u, likelihood=lk)
                                       for area, u, lk in scores)
    OptionRating.objects.bulk_create(OptionRating(response=response, option=option, score=score, reason="Because.")
                                     for option, score in ratings)
    return response


@pytest.fixture
def world(consultation, catalogue, local_authorities):
    return make_world(consultation, local_authorities)


def make_world(consultation, local_authorities):
    """Comments in every state, by a council officer and a supplier; one flagged by screening;
    five people scoring one focus area and one option, four scoring another of each."""
    leeds = local_authorities.get(name="Leeds")
    officer = UserFactory(display_name="Olu Officer", email="olu@leeds.example", role=Role.LA_DATA, organisation=leeds)
    supplier = UserFactory(display_name="Sam Supplier", email="sam@supplier.example", role=Role.CONSULTANT,
                           organisation_name="Supplier Ltd")
    area = FocusArea.objects.get(slug="improving-data-quality")
    other_area = FocusArea.objects.exclude(pk=area.pk).order_by("position").first()
    idea = area.ideas.order_by("position").first()
    option, other_option = DeliveryOption.objects.order_by("position")[:2]
    now = timezone.now()
    comments = {
        "area": CommentFactory(author=officer, focus_area=area, body="Shared tools would help.",
                               reflection_kind=ReflectionKind.ENTHUSIASTIC, created_at=now - timedelta(days=3)),
        "idea": CommentFactory(author=supplier, idea=idea, body="We could build this.",
                               reflection_kind=ReflectionKind.UNSURE, created_at=now - timedelta(days=2)),
        "option": CommentFactory(author=officer, delivery_option=option, body="A council host knows the work.",
                                 created_at=now - timedelta(days=1)),
        "flagged": CommentFactory(author=supplier, focus_area=area, body=FLAGGED, created_at=now - timedelta(hours=5)),
        "hidden": CommentFactory(author=supplier, focus_area=area, body="Hidden words", state=Comment.State.HIDDEN),
        "pending": CommentFactory(author=supplier, focus_area=area, body="Pending words", state=Comment.State.PENDING),
        "withdrawn": CommentFactory(author=officer, focus_area=area, body="Withdrawn words", withdrawn_at=now),
    }
    comments["reply"] = CommentFactory(author=supplier, focus_area=area, parent=comments["area"],
                                       body="Agreed, and cheaper.", created_at=now - timedelta(hours=1))
    for index in range(5):
        person = UserFactory(role=Role.LA_DIGITAL if index % 2 else Role.CG_DATA)
        scores = [(area, 4, 3)] + ([(other_area, 2, 2)] if index < 4 else [])
        ratings = [(option, 5)] + ([(other_option, 1)] if index < 4 else [])
        respond(consultation, person, scores=scores, ratings=ratings)
    return {"officer": officer, "supplier": supplier, "area": area, "other_area": other_area, "idea": idea,
            "option": option, "other_option": other_option, "comments": comments}
