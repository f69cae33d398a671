from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from consultation.responses.models import FocusAreaScore, IdeaFlag, Response
from tests.factories import UserFactory


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="analysis", codename__in=codenames))
    return user


@pytest.fixture
def analyst(db):
    return grant(UserFactory(is_staff=True, display_name="Analyst"), "view_analysis")


@pytest.fixture
def exporter(db):
    return grant(UserFactory(is_staff=True, display_name="Exporter"), "view_analysis", "export_data")


def respond(consultation, person, scores=None, flags=(), submitted_at=None, status=Response.Status.SUBMITTED):
    """A response by person: scores {focus area: (usefulness, likelihood)}, flags of ideas."""
    response = Response.objects.create(
        respondent=person,
        consultation=consultation,
        status=status,
        submitted_at=submitted_at or (timezone.now() - timedelta(days=1)),
    )
    FocusAreaScore.objects.bulk_create(
        FocusAreaScore(response=response, focus_area=area, usefulness=u, likelihood=lk)
        for area, (u, lk) in (scores or {}).items()
    )
    IdeaFlag.objects.bulk_create(IdeaFlag(response=response, idea=idea) for idea in flags)
    return response
