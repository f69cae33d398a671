"""The followers' digest: what is new this week in what a person follows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from consultation.comments.models import Comment, Follow, OfficialResponse
from consultation.digests.periods import period_bounds


@dataclass
class FollowedItem:
    subject: object
    comments: list
    official_responses: list
    total_comments: int = 0

    @property
    def more_comments(self) -> int:
        return self.total_comments - len(self.comments)


COMMENTS_PER_FOLLOWED_ITEM = 5


def _latest_per(queryset, partition: str, ids) -> tuple[dict, dict]:
    """The newest few comments and the total, per followed subject: two queries whatever
    the number of comments (a busy area can have thousands in a week)."""
    scoped = queryset.filter(**{f"{partition}__in": ids})
    totals = {row[partition]: row["n"] for row in scoped.values(partition).annotate(n=Count("pk"))}
    ranked = scoped.annotate(
        rank=Window(RowNumber(), partition_by=[F(partition)], order_by=[F("created_at").desc(), F("pk").desc()])
    ).filter(rank__lte=COMMENTS_PER_FOLLOWED_ITEM)
    latest = defaultdict(list)
    for comment in ranked.select_related("author__organisation", "focus_area", "idea__focus_area", "parent"):
        latest[getattr(comment, partition)].append(comment)
    for comments in latest.values():
        comments.sort(key=lambda c: (c.created_at, c.pk))
    return latest, totals


def build_followers_digest(person, period_start: date) -> list[FollowedItem]:
    """What is new this week in what a person follows; an empty list means no email."""
    start, end = period_bounds(period_start)
    follows = list(Follow.objects.filter(follower=person).select_related("focus_area", "idea__focus_area"))
    if not follows:
        return []
    area_ids = [f.focus_area_id for f in follows if f.focus_area_id]
    idea_ids = [f.idea_id for f in follows if f.idea_id]
    new = Comment.objects.public().filter(created_at__gte=start, created_at__lt=end).exclude(author=person)
    by_area, area_totals = _latest_per(new, "focus_area_id", area_ids) if area_ids else ({}, {})
    by_idea, idea_totals = _latest_per(new, "idea_id", idea_ids) if idea_ids else ({}, {})
    official = defaultdict(list)
    for response in (OfficialResponse.objects.filter(is_published=True, focus_area_id__in=area_ids,
                                                     published_at__gte=start, published_at__lt=end)
                     .select_related("focus_area")):
        official[response.focus_area_id].append(response)
    items = []
    for follow in follows:
        if follow.idea_id:
            comments, total, extra = by_idea.get(follow.idea_id, []), idea_totals.get(follow.idea_id, 0), []
        else:
            comments = by_area.get(follow.focus_area_id, [])
            total = area_totals.get(follow.focus_area_id, 0)
            extra = official.get(follow.focus_area_id, [])
        if comments or extra:
            items.append(FollowedItem(subject=follow.subject, comments=comments, official_responses=extra,
                                      total_comments=total))
    return items
