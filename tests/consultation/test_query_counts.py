"""Pages with discussion run a fixed number of queries, however many comments there are."""

import pytest
from django.urls import reverse

from consultation.comments.models import Comment
from ideas.models import FocusArea
from tests.factories import CommentFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def add_discussion(area, threads, replies_each, authors):
    tops = [CommentFactory.build(author=authors[n % len(authors)], focus_area=area) for n in range(threads)]
    Comment.objects.bulk_create(tops)
    Comment.objects.bulk_create(
        CommentFactory.build(author=authors[n % len(authors)], focus_area=area, parent=top)
        for top in tops for n in range(replies_each)
    )


def queries_for(client, url, django_assert_max_num_queries):
    client.get(url)  # warm the per-process caches (the current consultation) first
    with django_assert_max_num_queries(20) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_focus_area_page_with_500_comments_runs_a_fixed_number_of_queries(
    client, consultation, catalogue, participant, signed_in, django_assert_max_num_queries
):
    area = FocusArea.objects.get(slug="improving-data-quality")
    authors = UserFactory.create_batch(5)
    if signed_in:
        client.force_login(participant)
    add_discussion(area, threads=3, replies_each=1, authors=authors)
    url = area.get_absolute_url()
    small = queries_for(client, url, django_assert_max_num_queries)
    add_discussion(area, threads=100, replies_each=4, authors=authors)  # 500 + 6 in all
    assert Comment.objects.filter(focus_area=area).count() == 506
    large = queries_for(client, url, django_assert_max_num_queries)
    assert large == small
    print(f"focus-area page: {large} queries ({'signed in' if signed_in else 'anonymous'})")


def test_catalogue_counts_add_no_query_per_row(client, consultation, catalogue, django_assert_max_num_queries):
    url = reverse("ideas:catalogue")
    before = queries_for(client, url, django_assert_max_num_queries)
    authors = UserFactory.create_batch(3)
    for area in FocusArea.objects.all():
        add_discussion(area, threads=5, replies_each=2, authors=authors)
    after = queries_for(client, url, django_assert_max_num_queries)
    assert after == before
    assert "15 comments" in client.get(url).content.decode()
