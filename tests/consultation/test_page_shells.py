"""Signed-in pages come from shells rendered once (coe/shells.py): each reader still gets the
page a whole render would give them: their own token and submission key, their own links,
follow state, navigation and messages, and every change at once."""

import re
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from consultation.moderation import lifecycle
from ideas.paper import PaperPart
from tests.factories import CommentFactory, DeliveryOptionFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_key)" value=)"[^"]+"')


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def staff_with(*codenames):
    person = UserFactory(is_staff=True)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return person


def test_a_page_from_its_shell_is_the_page_a_whole_render_gives(consultation, participant, area, settings):
    idea = area.ideas.first()
    option = DeliveryOptionFactory()
    CommentFactory(focus_area=area, author=participant, body="Mine, on the focus area")
    CommentFactory(focus_area=area, idea=idea, body="Someone else's, on the idea")
    analyst = staff_with("view_analysis", "export_data", "edit_themes", "view_themes")
    pages = [(participant, url) for url in (
        area.get_absolute_url(), idea.get_absolute_url(), option.get_absolute_url(),
        reverse("consultation:paper_part", args=[PaperPart.values[0]]))]
    pages += [(analyst, reverse("analysis:overview")), (analyst, reverse("analysis:options")),
              (analyst, reverse("themes:index"))]
    for person, url in pages:
        client = signed_in(person)
        settings.PAGE_CACHE_ENABLED = False
        whole = text(client, url)
        settings.PAGE_CACHE_ENABLED = True
        text(client, url)  # the first reader fills the shell
        assert TOKENS.sub(r"\1", text(client, url)) == TOKENS.sub(r"\1", whole), url


def test_each_reader_gets_a_token_and_a_key_that_work_for_them(consultation, participant, other_participant, area):
    readers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    for client, person in zip(readers, (participant, other_participant), strict=True):
        client.force_login(person)
    comment_url = reverse("consultation:comment_on_focus_area", args=[area.slug])
    forms = [re.search(rf'<form method="post" action="{comment_url}".*?</form>', text(client, area.get_absolute_url()),
                       re.S).group(0) for client in readers]
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1) for form in forms]
    keys = [re.search(r'name="submission_key" value="([^"]+)"', form).group(1) for form in forms]
    assert len(set(tokens)) == 2 and len(set(keys)) == 2 and all(uuid.UUID(key) for key in keys)
    for client, token, key in zip(readers, tokens, keys, strict=True):
        posted = client.post(comment_url, {
            "csrfmiddlewaretoken": token, "submission_key": key,
            "body": "Posted with the token and key from the cached page"})
        assert posted.status_code == 302


def test_follow_state_links_and_messages_are_each_readers_own(consultation, participant, other_participant, area):
    comment, _ = lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                                          body="A comment both readers see", submission_key=uuid.uuid4())
    author, reader = signed_in(participant), signed_in(other_participant)
    for client in (author, reader):
        text(client, area.get_absolute_url())  # both cached before anything changes
    followed = reader.post(reverse("consultation:follow_focus_area", args=[area.slug]), follow=True)
    page = followed.content.decode()
    assert f"You are now following {area.title}" in page and "Stop following" in page
    page = text(reader, area.get_absolute_url())
    assert "Stop following" in page and f"You are now following {area.title}" not in page  # shown once
    assert f"/comments/{comment.pk}/report/" in page and f"/comments/{comment.pk}/edit/" not in page
    page = text(author, area.get_absolute_url())
    assert "Stop following" not in page and ">Follow<" in page
    assert f"/comments/{comment.pk}/edit/" in page and f"/comments/{comment.pk}/report/" not in page


def test_navigation_and_permission_links_follow_the_reader(consultation, participant, area):
    staff = staff_with("view_analysis")
    assert "Staff area" in text(signed_in(staff), area.get_absolute_url())
    assert "Staff area" not in text(signed_in(participant), area.get_absolute_url())
    exports = reverse("analysis:exports")
    assert exports not in text(signed_in(staff), reverse("analysis:overview"))
    assert exports in text(signed_in(staff_with("view_analysis", "export_data")), reverse("analysis:overview"))
    assert exports not in text(signed_in(staff), reverse("analysis:overview"))


def test_a_change_reaches_every_shell_at_once(consultation, participant, other_participant, area):
    reader = signed_in(other_participant)
    assert "Shown after the change" not in text(reader, area.get_absolute_url())
    lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                             body="Shown after the change", submission_key=uuid.uuid4())
    assert "Shown after the change" in text(reader, area.get_absolute_url())
    consultation.closes_at = consultation.opens_at.replace(year=consultation.opens_at.year + 5)
    consultation.opens_at = consultation.opens_at.replace(year=consultation.opens_at.year + 4)
    consultation.save()
    page = text(reader, area.get_absolute_url())
    assert "Post comment" not in page and "The consultation opens on" in page


def test_words_of_a_mark_that_a_person_wrote_are_left_as_they_wrote_them(rf, participant):
    """A reason shown on an analysis page reaches the shell itself, escaped: it may hold the
    words of a mark, but only a form's own attribute is filled."""
    from django.utils.html import escape

    from coe import shells

    written = f'I typed "{shells.CSRF_MARK}" and {shells.SUBMISSION_KEY_MARK} here'
    form = (f'<input type="hidden" name="csrfmiddlewaretoken" value="{shells.CSRF_MARK}">'
            f'<input type="hidden" name="submission_key" value="{shells.SUBMISSION_KEY_MARK}">')
    request = rf.get("/")
    request.user = participant
    html = shells.fill(request, {"html": f"<p>{escape(written)}</p>{form}", "slots": []})
    assert f"<p>{escape(written)}</p>" in html
    assert shells.CSRF_MARK not in html.split("</p>")[1] and shells.SUBMISSION_KEY_MARK not in html.split("</p>")[1]
    assert re.search(r'name="submission_key" value="[0-9a-f-]{36}"', html)
