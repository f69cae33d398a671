"""An analyst's theme names and descriptions are shown to the public: they may not hide
characters (direction overrides, zero-width spaces), as display names may not."""

import pytest
from django.urls import reverse

from consultation.themes.models import FoundTheme, ThemeAssignment, ThemeChange

pytestmark = pytest.mark.django_db

HIDDEN = ["\u202e", "\u202d", "\u2066", "\u200f", "\u200b", "\u200d", "\ufeff", "\u2060"]


@pytest.mark.parametrize("char", HIDDEN)
def test_the_edit_form_refuses_hidden_characters_in_the_name_and_description(client, theme_analyst, built, char):
    _, themes = built
    theme = themes[0]
    client.force_login(theme_analyst)
    url = reverse("themes:theme_action", args=[theme.pk, "edit"])
    response = client.post(url, {"label": f"Recording {char}burden", "description": "Fine."})
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page
    assert "Name must not contain hidden characters" in page
    response = client.post(url, {"label": "Recording burden", "description": f"Forms{char} and screens."})
    assert response.status_code == 400 and "Description must not contain hidden characters" in response.content.decode()
    theme.refresh_from_db()
    assert theme.label != "Recording burden" and not ThemeChange.objects.exists()


def test_the_split_form_refuses_hidden_characters_in_the_new_name(client, theme_analyst, built):
    _, themes = built
    theme = themes[0]
    members = list(ThemeAssignment.objects.filter(theme=theme, is_current=True).values_list("comment_id", flat=True))
    client.force_login(theme_analyst)
    response = client.post(reverse("themes:theme_action", args=[theme.pk, "split"]),
                           {"comments": members[:2], "label": "Typing \u202eat night"})
    assert response.status_code == 400 and "Name must not contain hidden characters" in response.content.decode()
    assert FoundTheme.objects.filter(split_from=theme).count() == 0


def test_a_description_may_have_lines_and_a_name_may_have_accents(client, theme_analyst, built):
    _, themes = built
    client.force_login(theme_analyst)
    client.post(reverse("themes:theme_action", args=[themes[0].pk, "edit"]),
                {"label": "Données et café", "description": "Forms.\r\nScreens.\tAnd more."})
    themes[0].refresh_from_db()
    assert themes[0].label == "Données et café" and themes[0].description.endswith("Screens.\tAnd more.")
