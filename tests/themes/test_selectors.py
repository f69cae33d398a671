"""The reads other apps are to call: theme ids and labels for exports and the API, new and
growing themes for the digest, and the `answered_by` include for a comment's permalink."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.themes import selectors, services
from consultation.themes.models import FoundTheme
from tests.factories import (
    CommentFactory,
    FoundThemeFactory,
    OfficialResponseFactory,
    ThemeAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def test_comment_themes_give_ids_and_labels_and_keep_unreviewed_ones_out_of_the_api(theme_analyst):
    signed = ThemeAssignmentFactory(theme__label="Recording burden")
    draft = ThemeAssignmentFactory(theme__label="Not yet reviewed")
    services.theme_sign_off(theme_id=signed.theme_id, person=theme_analyst)
    everything = selectors.comment_themes()
    assert everything[signed.comment_id] == [(signed.theme_id, "Recording burden")]
    assert everything[draft.comment_id] == [(draft.theme_id, "Not yet reviewed")]
    public = selectors.comment_themes([signed.comment_id, draft.comment_id], signed_off_only=True)
    assert public == {signed.comment_id: [(signed.theme_id, "Recording burden")]}


def test_digest_selectors_find_new_themes_and_those_that_grew(consultation):
    now = timezone.now()
    week_start = now - timedelta(days=7)
    old = FoundThemeFactory(label="Old and growing", created_at=now - timedelta(days=30))
    for days in (1, 2, 3):
        ThemeAssignmentFactory(theme=old, comment=CommentFactory(created_at=now - timedelta(days=days)))
    ThemeAssignmentFactory(theme=old, comment=CommentFactory(created_at=now - timedelta(days=20)))
    new = FoundThemeFactory(label="Found this week", created_at=now - timedelta(days=1))
    ThemeAssignmentFactory(theme=new, comment=CommentFactory(created_at=now - timedelta(days=1)))
    hidden = CommentFactory(created_at=now - timedelta(days=1), state=Comment.State.HIDDEN)
    ThemeAssignmentFactory(theme=new, comment=hidden)
    FoundThemeFactory(label="Retired", state=FoundTheme.State.RETIRED, created_at=now - timedelta(days=1))

    assert [t.label for t in selectors.themes_new_between(week_start, now)] == ["Found this week"]
    grown = selectors.themes_grown_between(week_start, now)
    assert [(t.label, t.grew_by) for t in grown] == [("Old and growing", 3), ("Found this week", 1)]


def test_the_permalink_include_shows_the_response_that_answered_a_comment(theme_analyst):
    assignment = ThemeAssignmentFactory()
    response = OfficialResponseFactory(body="We changed the form.")
    other = CommentFactory()
    services.response_link_create(response=response, person=theme_analyst, theme_id=assignment.theme_id)
    template = Template('{% include "themes/_answered_by.html" %}')
    assert "We changed the form." not in template.render(Context({"comment": assignment.comment}))  # not signed off yet
    services.theme_sign_off(theme_id=assignment.theme_id, person=theme_analyst)
    assert "We changed the form." in template.render(Context({"comment": assignment.comment}))
    assert template.render(Context({"comment": other})).strip() == ""
    services.response_link_create(response=response, person=theme_analyst, comment_id=other.pk)
    assert "The design team answered this" in template.render(Context({"comment": other}))
    assert selectors.answered_by(other) == [response]
