"""The benchmark's seed on a tiny volume: the shape it writes, so `make bench` cannot rot."""

from django.db.models import Count

from bench.seed import open_consultation, seed
from consultation.comments.models import Comment
from consultation.people.models import Consultation, User
from consultation.responses.models import FocusAreaScore, Response


def test_seed_writes_the_shape_the_benchmark_needs(db, catalogue, local_authorities):
    counts = seed(users=30, commenters=10, responses=30, comments=50, follows=20, log=lambda *a: None)

    assert counts["users"] == 30 and counts["responses"] == 30 and counts["comments"] == 50
    assert User.objects.filter(email__startswith="bench-person-").count() == 30
    assert Response.objects.count() == 30
    # One response per person: every respondent answered exactly once.
    assert not Response.objects.values("respondent").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert FocusAreaScore.objects.filter(response__in=Response.objects.all()).exists()

    comments = Comment.objects.all()
    assert comments.count() == 50
    assert comments.filter(parent__isnull=True).count() == 50 - 50 * 45 // 100
    # Replies sit in their parent's discussion and are never nested deeper.
    for reply in comments.filter(parent__isnull=False).select_related("parent"):
        assert reply.parent.parent_id is None
        assert (reply.focus_area_id, reply.idea_id) == (reply.parent.focus_area_id, reply.parent.idea_id)
        assert reply.created_at >= reply.parent.created_at
    assert comments.filter(state=Comment.State.PUBLISHED).count() > 25
    assert set(comments.values_list("state", flat=True)) <= set(Comment.State.values)
    assert comments.values("author").distinct().count() <= 10
    # The busiest discussion is a focus area's own, as the benchmark's focus-area page expects.
    busiest = comments.values("focus_area", "idea").annotate(n=Count("pk")).order_by("-n").first()
    assert busiest["idea"] is None

    # Sequences were moved past the copied ids: ordinary inserts still work.
    Comment.objects.create(author=User.objects.first(), focus_area_id=busiest["focus_area"],
                           body="After the seed", submission_key="00000000-0000-4000-8000-000000000001")
    assert Comment.objects.count() == 51


def test_open_consultation_is_open_now(db):
    consultation = open_consultation()
    assert Consultation.objects.first() == consultation and consultation.is_open()
