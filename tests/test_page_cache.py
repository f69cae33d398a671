"""Anonymous pages come from the cache until something they show changes."""

import uuid

import pytest
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_second_anonymous_read_is_a_hit_with_no_queries(client, consultation, area, django_assert_num_queries):
    first = client.get(area.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(area.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_a_new_comment_shows_at_once(client, consultation, participant, area):
    client.get(area.get_absolute_url())
    lifecycle.comment_create(author=participant, consultation=consultation, focus_area=area,
                            body="Fresh words for everyone", submission_key=uuid.uuid4())
    page = client.get(area.get_absolute_url())
    assert page["X-Page-Cache"] == "miss" and b"Fresh words for everyone" in page.content
    assert b"1 comment" in client.get(reverse("ideas:catalogue")).content


def test_moderation_and_admin_edits_invalidate(client, consultation, area):
    comment = CommentFactory(focus_area=area, body="Soon to be hidden")
    assert b"Soon to be hidden" in client.get(area.get_absolute_url()).content
    lifecycle.comment_moderate(comment=comment, moderator=None, to_state=Comment.State.HIDDEN, reason="x")
    assert b"Soon to be hidden" not in client.get(area.get_absolute_url()).content
    area.title = "Improving data quality, renamed"
    area.save()
    assert b"Improving data quality, renamed" in client.get(reverse("ideas:catalogue")).content


def test_signed_in_people_and_cookie_bearers_are_never_served_from_the_cache(client, consultation, participant, area):
    client.get(area.get_absolute_url())
    client.force_login(participant)
    page = client.get(area.get_absolute_url())
    assert "X-Page-Cache" not in page
    assert b"Post comment" in page.content
    client.logout()
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get(area.get_absolute_url())


def test_a_page_that_mints_a_csrf_token_is_not_shared(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from coe.cache import cache_anonymous_page

    @cache_anonymous_page
    def with_form(request):
        return HttpResponse(f"token {get_token(request)}")

    @cache_anonymous_page
    def without_form(request):
        return HttpResponse("no token here")

    def visit(view, path):
        request = rf.get(path)
        request.user = AnonymousUser()
        return view(request)

    assert "X-Page-Cache" not in visit(with_form, "/with-form/")
    assert "X-Page-Cache" not in visit(with_form, "/with-form/")  # never stored, never served
    assert visit(without_form, "/plain/")["X-Page-Cache"] == "miss"
    assert visit(without_form, "/plain/")["X-Page-Cache"] == "hit"


def test_pages_are_served_when_the_cache_is_down(client, consultation, area, settings):
    settings.CACHES = {"default": {"BACKEND": "coe.cache_backend.ResilientRedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}}
    for url in (reverse("start"), reverse("ideas:catalogue"), area.get_absolute_url()):
        assert client.get(url).status_code == 200


def test_saving_a_draft_keeps_the_cache_and_submitting_refreshes_counts(client, consultation, participant, area):
    def respond(save=None, submit=None):
        client.post(reverse("consultation:response_step", args=[area.theme.slug]),
                    {f"usefulness_{area.pk}": "4", "completed": "yes"})
        if submit:
            client.post(reverse("consultation:response_check"))

    reader = type(client)()
    reader.get(area.get_absolute_url())
    client.force_login(participant)
    respond(save="1")
    assert reader.get(area.get_absolute_url())["X-Page-Cache"] == "hit"
    respond(submit="1")
    page = reader.get(area.get_absolute_url())
    assert page["X-Page-Cache"] == "miss" and b"1 person responded" in page.content
