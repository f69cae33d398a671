"""The discussion is rendered once for every reader and cached (consultation/comments/threads.py):
a change shows at once for everyone, and each reader still gets their own links and their
own unpublished comments."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(participant, other_participant):
    """A signed-out reader, a signed-in one and the author: each its own browser."""
    anonymous, signed_in, author = Client(), Client(), Client()
    signed_in.force_login(other_participant)
    author.force_login(participant)
    return {"anonymous": anonymous, "signed in": signed_in, "author": author}


def page(client, area):
    return client.get(area.get_absolute_url()).content.decode()


def article(html, comment):
    found = re.search(rf'<article[^>]+id="comment-{comment.pk}".*?</article>', html, re.S)
    return found.group(0) if found else ""


def test_the_threads_are_rendered_once_and_shared(client, consultation, participant, area, django_assert_max_num_queries):
    CommentFactory.create_batch(3, focus_area=area)
    client.force_login(participant)
    client.get(area.get_absolute_url())
    with django_assert_max_num_queries(20) as warm:
        client.get(area.get_absolute_url())
    assert not any("consultation_comment" in q["sql"] and "LIMIT 21" in q["sql"] for q in warm.captured_queries), \
        "a second reader should get the threads from the cache, not from another page query"


def test_a_change_to_a_comment_its_state_or_its_authors_name_shows_at_once_for_everyone(
        consultation, participant, area, readers):
    comment, created = lifecycle.comment_create(
        author=participant, consultation=consultation, focus_area=area,
        body="The first wording of this comment", submission_key=uuid.uuid4())
    assert comment.is_public
    for client in readers.values():
        assert "The first wording of this comment" in page(client, area)  # now cached for each

    lifecycle.comment_edit(comment=comment, consultation=consultation, body="The second wording, edited",
                           reflection_kind="")
    comment.refresh_from_db()
    for name, client in readers.items():
        html = page(client, area)
        assert "The second wording, edited" in html and "The first wording" not in html, name

    participant.display_name = "Renamed Reader"
    participant.save()
    for name, client in readers.items():
        assert "Renamed Reader" in article(page(client, area), comment), name

    lifecycle.comment_moderate(comment=comment, moderator=None, to_state=Comment.State.HIDDEN, reason="Off-topic")
    for name in ("anonymous", "signed in"):
        assert "The second wording" not in page(readers[name], area), name
    own = article(page(readers["author"], area), comment)
    assert "The second wording, edited" in own and "Hidden" in own and "Reason: Off-topic" in own


def test_each_reader_gets_their_own_links_on_the_shared_threads(consultation, participant, area, readers):
    mine = CommentFactory(focus_area=area, author=participant, body="Written by the author")
    theirs = CommentFactory(focus_area=area, body="Written by someone else")
    edit, report = reverse("consultation:comment_edit", args=[mine.pk]), reverse("consultation:comment_report", args=[theirs.pk])
    anonymous, signed_in, author = (page(readers[name], area) for name in ("anonymous", "signed in", "author"))
    assert edit not in anonymous and report not in anonymous and "Report" not in anonymous
    assert edit not in signed_in and report in signed_in
    assert reverse("consultation:comment_report", args=[mine.pk]) in signed_in
    assert edit in author and report in author
    assert reverse("consultation:comment_report", args=[mine.pk]) not in author


def test_a_held_comment_is_shown_to_its_author_alone_in_its_place(consultation, participant, area, readers):
    older = CommentFactory(focus_area=area, body="An older public comment")
    held, _ = lifecycle.comment_create(
        author=participant, consultation=consultation, focus_area=area, body="My held words",
        submission_key=uuid.uuid4())
    Comment.objects.filter(pk=held.pk).update(state=Comment.State.PENDING)
    held.refresh_from_db()
    reply = CommentFactory(focus_area=area, parent=older, author=participant, state=Comment.State.PENDING,
                           body="My held reply")
    for name in ("anonymous", "signed in"):
        html = page(readers[name], area)
        assert "My held words" not in html and "My held reply" not in html, name
    html = page(readers["author"], area)
    own = article(html, held)
    assert "My held words" in own and "Awaiting moderation" in own
    assert "Only you can see this until a moderator has checked it." in own
    assert html.index("My held words") < html.index("An older public comment") < html.index("My held reply")
    assert "Awaiting moderation" in article(html, reply)


def test_the_author_of_a_removed_comment_with_public_replies_sees_it_in_place(consultation, participant, area, readers):
    top = CommentFactory(focus_area=area, author=participant, body="Later rejected words")
    CommentFactory(focus_area=area, parent=top, body="A public reply to it")
    page(readers["author"], area)
    lifecycle.comment_moderate(comment=top, moderator=None, to_state=Comment.State.REJECTED, reason="Spam")
    for name in ("anonymous", "signed in"):
        html = page(readers[name], area)
        assert "removed by a moderator" in article(html, top) and "A public reply to it" in html, name
    own = article(page(readers["author"], area), top)
    assert "Later rejected words" in own and "Rejected" in own and "removed by a moderator" not in own


@pytest.mark.usefixtures("no_page_cache")
def test_the_page_is_the_same_without_the_cache(consultation, participant, area, readers, settings):
    CommentFactory(focus_area=area, author=participant, body="Cached or not")
    uncached = {name: page(client, area) for name, client in readers.items()}
    settings.PAGE_CACHE_ENABLED = True
    for name, client in readers.items():
        page(client, area)  # fills the cache
        assert _without_tokens(page(client, area)) == _without_tokens(uncached[name]), name


def _without_tokens(html):
    return re.sub(r'value="[^"]{32,}"', "", html)


def test_a_page_deep_in_a_long_discussion_runs_the_same_queries_as_the_first(
        client, consultation, area, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE_ENABLED = False
    authors = UserFactory.create_batch(3)
    Comment.objects.bulk_create(CommentFactory.build(author=authors[n % 3], focus_area=area) for n in range(130))
    first = client.get(area.get_absolute_url()).content.decode()
    link = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&").split("#")[0]
    pages = 1
    while link and pages < 10:  # walk to the last page, each as cheap as the first
        with django_assert_max_num_queries(20) as deep:
            html = client.get(area.get_absolute_url() + link).content.decode()
        pages += 1
        found = re.search(r'href="([^"]+)" rel="next"', html)
        link = found.group(1).replace("&amp;", "&").split("#")[0] if found else None
    assert pages == 7 and html.count('class="coe-comment"') == 10
    with django_assert_max_num_queries(20) as top:
        client.get(area.get_absolute_url())
    assert len(deep.captured_queries) == len(top.captured_queries)


def test_the_signed_in_focus_area_page_runs_a_fixed_number_of_queries(
        client, consultation, participant, area, django_assert_max_num_queries):
    """Cache on, as in production: however long the discussion and however many of the reader's
    own comments wait for moderation, one query (the person); the page comes from its shell
    (coe/shells.py) and the session, threads and follow state from the cache."""
    authors = UserFactory.create_batch(4)
    client.force_login(participant)

    def queries():
        client.get(area.get_absolute_url())  # the first reader after a change fills the caches
        with django_assert_max_num_queries(1) as captured:
            assert client.get(area.get_absolute_url()).status_code == 200
        return len(captured.captured_queries)

    CommentFactory(focus_area=area, author=participant, state=Comment.State.PENDING, body="Mine, waiting")
    small = queries()
    tops = Comment.objects.bulk_create(CommentFactory.build(author=authors[n % 4], focus_area=area) for n in range(60))
    Comment.objects.bulk_create(CommentFactory.build(author=authors[n % 4], focus_area=area, parent=tops[n % 60])
                                for n in range(240))
    Comment.objects.bulk_create(CommentFactory.build(author=participant, focus_area=area, parent=tops[n],
                                                     state=Comment.State.PENDING, body="My pending reply")
                                for n in range(0, 60, 7))
    from coe.cache import content_changed
    content_changed()  # bulk_create sends no signals
    assert queries() == small
    first_page = client.get(area.get_absolute_url()).content.decode()
    assert first_page.count("My pending reply") == 3  # under the newest 20 threads: 42, 49 and 56
    assert "Mine, waiting" not in first_page  # older than all 60: on the last page


def test_every_comment_form_gets_its_own_submission_key(client, consultation, participant, area):
    client.force_login(participant)
    keys = {re.search(r'name="submission_key" value="([^"]+)"', client.get(area.get_absolute_url()).content.decode())
            .group(1) for _ in range(3)}
    assert len(keys) == 3 and all(uuid.UUID(key) for key in keys)
