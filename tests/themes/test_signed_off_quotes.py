"""A signed-off theme quotes the words an analyst signed off: a quoted comment its author
edits afterwards leaves "You said, we did" (still counted) until an analyst signs off again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.themes import selectors, services
from consultation.themes.models import FoundTheme

pytestmark = pytest.mark.django_db

ADVERT = "Forget peer networks, book our paid webinar series instead, only £99 a seat."


def sign_off_and_edit_a_quote(client, theme_analyst, theme: FoundTheme) -> Comment:
    services.theme_sign_off(theme_id=theme.pk, person=theme_analyst)
    quoted = Comment.objects.select_related("author").get(pk=theme.quote_ids[0])
    client.force_login(quoted.author)
    response = client.post(reverse("consultation:comment_edit", args=[quoted.pk]), {"body": ADVERT, "reflection_kind": ""})
    assert response.status_code == 302
    quoted.refresh_from_db()
    assert quoted.body == ADVERT and quoted.state == Comment.State.PUBLISHED  # no personal data: published at once
    client.logout()
    return quoted


def test_an_edit_after_sign_off_takes_the_quote_off_you_said_we_did_but_keeps_the_count(
        client, consultation, theme_analyst, built, no_page_cache):
    _, themes = built
    theme = themes[0]
    size = selectors.current_themes().get(pk=theme.pk).size
    quoted = sign_off_and_edit_a_quote(client, theme_analyst, theme)

    page = client.get(reverse("themes:you_said_we_did")).content.decode()
    assert theme.label in page and "webinar" not in page
    assert f"<strong>{size} comments</strong>" in page  # still a member: the count stays honest
    kept = Comment.objects.get(pk=theme.quote_ids[1])
    assert kept.body.split()[0] in page
    theme.refresh_from_db()
    assert [c.pk for c in selectors.published_quotes([theme])[theme.pk]] == theme.quote_ids[1:]
    assert [c.pk for c in selectors.quotes_changed_since_sign_off(theme)] == [quoted.pk]


def test_the_theme_page_says_which_quote_changed_and_signing_off_again_restores_it(
        client, consultation, theme_analyst, built, no_page_cache):
    _, themes = built
    theme = themes[0]
    quoted = sign_off_and_edit_a_quote(client, theme_analyst, theme)

    client.force_login(theme_analyst)
    page = client.get(reverse("themes:theme", args=[theme.pk])).content.decode()
    assert "changed since this theme was signed off" in page
    assert f"Comment {quoted.pk}" in page and "Sign off again" in page
    client.post(reverse("themes:theme_action", args=[theme.pk, "sign-off"]))
    theme.refresh_from_db()
    assert selectors.quotes_changed_since_sign_off(theme) == []
    assert "changed since this theme was signed off" not in client.get(
        reverse("themes:theme", args=[theme.pk])).content.decode()
    client.logout()
    assert "webinar" in client.get(reverse("themes:you_said_we_did")).content.decode()


def test_an_edit_before_sign_off_is_what_the_analyst_signed_off(theme_analyst, built):
    _, themes = built
    theme = themes[0]
    Comment.objects.filter(pk=theme.quote_ids[0]).update(edited_at=timezone.now() - timedelta(minutes=5))
    services.theme_sign_off(theme_id=theme.pk, person=theme_analyst)
    theme.refresh_from_db()
    assert [c.pk for c in selectors.published_quotes([theme])[theme.pk]] == theme.quote_ids
    assert selectors.quotes_changed_since_sign_off(theme) == []
