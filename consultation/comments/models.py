"""Comments and replies, readers' reports, following, and the design team's official
responses: the public discussion. Who may read what is `Comment.objects.public()` and
`visible_to(viewer)`; every change of a comment's state goes through
consultation.moderation.lifecycle."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from consultation.people.sources import Source
from ideas.paper import PaperPart


class ReflectionKind(models.TextChoices):
    ENTHUSIASTIC = "enthusiastic", "I'm enthusiastic about this"
    UNSURE = "unsure", "I'm unsure about this"
    DISAGREE = "disagree", "I disagree with this"
    GENERAL = "general", "I have a general reflection on this"
    SPECIFIC_ISSUE = "specific_issue", "I've identified a specific issue with this"
    OTHER = "other", "Other"


class CommentQuerySet(models.QuerySet):
    """Who may read which comment: the one owner of that rule (pages, counts, digests,
    exports, the API and the feeds all start here)."""

    def public(self):
        """What anyone may read: published and not withdrawn."""
        return self.filter(public_q())

    def visible_to(self, viewer):
        """The public comments, and the viewer's own whatever their state (not withdrawn)."""
        return self.filter(visible_q(viewer))


def public_q(prefix: str = "") -> models.Q:
    """The same rule as a Q, for counting across a relation (`prefix="comment__"`) or inside
    an aggregate's filter. `Comment.is_public` says it of one row."""
    return models.Q(**{f"{prefix}state": Comment.State.PUBLISHED, f"{prefix}withdrawn_at__isnull": True})


def visible_q(viewer, prefix: str = "") -> models.Q:
    """`visible_to(viewer)` as a Q."""
    if viewer is not None and viewer.is_authenticated:
        return public_q(prefix) | models.Q(**{f"{prefix}author": viewer, f"{prefix}withdrawn_at__isnull": True})
    return public_q(prefix)


class Comment(models.Model):
    """A comment or a reply on a focus area, an idea, a delivery option or a part of the paper.

    Catalogue comments always carry their focus area (also when they are on one of its
    ideas) so that counts per focus area are one grouped query.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden"
        REJECTED = "rejected", "Rejected"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    delivery_option = models.ForeignKey(
        "models_of_delivery.DeliveryOption", on_delete=models.PROTECT, null=True, blank=True,
        related_name="comments",
    )
    paper_part = models.CharField(
        max_length=40, choices=PaperPart.choices, blank=True,
        help_text="The part of the paper a comment is about, when it is not a focus area, idea or option.",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies"
    )
    reflection_kind = models.CharField(
        max_length=20, choices=ReflectionKind.choices, blank=True
    )
    body = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PUBLISHED)
    moderation_reason = models.TextField(
        blank=True, help_text="The moderator's reason, shown to the author."
    )
    class HeldReason(models.TextChoices):
        PERSONAL_DATA = "personal_data", "May contain personal data"
        NEW_ACCOUNT = "new_account", "A new account's first comment"
        HOLD_ALL = "hold_all", "Every comment is held for review"
        REPORTED = "reported", "Reported by several people"
        NOT_ONLINE = "not_online", "Brought in from another channel: written for the design team, not for publication"

    held_reason = models.CharField(
        max_length=200, blank=True, choices=HeldReason.choices, help_text="Why the portal held it for review."
    )
    held_kinds = models.CharField(
        max_length=200, blank=True,
        help_text="The kinds of personal data the screening found in the text, space-separated.",
    )
    submission_key = models.UUIDField(
        help_text="From the form, so that a double submission creates one comment."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(
        default=1, editable=False,
        help_text="Goes up with each edit, so a moderator approves the text they read.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        db_table = "consultation_comment"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="comment_submitted_once"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(focus_area__isnull=False, delivery_option__isnull=True, paper_part="")
                    | models.Q(focus_area__isnull=True, idea__isnull=True, delivery_option__isnull=False,
                               paper_part="")
                    | models.Q(focus_area__isnull=True, idea__isnull=True, delivery_option__isnull=True,
                               paper_part__in=PaperPart.values)
                ),
                name="comment_has_one_subject",
            ),
        ]
        indexes = [
            # One page of threads on a subject, newest or oldest first, read straight off
            # an index: chosen from EXPLAIN on 200,000 comments (see README, Benchmark).
            models.Index(
                "focus_area", models.F("created_at").desc(), models.F("id").desc(),
                condition=models.Q(parent__isnull=True, idea__isnull=True, delivery_option__isnull=True),
                name="comment_area_threads",
            ),
            models.Index(
                "idea", models.F("created_at").desc(), models.F("id").desc(),
                condition=models.Q(parent__isnull=True, idea__isnull=False),
                name="comment_idea_threads",
            ),
            # Whether an author has enough published comments to be trusted, asked on every
            # post: without it a held author's every post scanned all they had written.
            models.Index("author", condition=models.Q(state="published"), name="comment_author_published"),
            models.Index(
                "delivery_option", models.F("created_at").desc(), models.F("id").desc(),
                condition=models.Q(parent__isnull=True, delivery_option__isnull=False),
                name="comment_option_threads",
            ),
            models.Index(
                "paper_part", models.F("created_at").desc(), models.F("id").desc(),
                condition=models.Q(parent__isnull=True) & ~models.Q(paper_part=""),
                name="comment_part_threads",
            ),
            models.Index(fields=["parent", "created_at"], name="consultatio_parent__e66aa0_idx"),
            models.Index(fields=["state", "created_at"], name="consultatio_state_a76738_idx"),
        ]

    def __str__(self):
        return f"Comment {self.pk} by {self.author.public_name}"

    def get_absolute_url(self):
        return reverse("consultation:comment", args=[self.pk])

    @property
    def subject(self):
        """What the comment is about: an idea, a focus area, a delivery option or a part of
        the paper (each has a `title` and a `get_absolute_url()`)."""
        return self.idea or self.focus_area or self.delivery_option or (
            PaperPart(self.paper_part) if self.paper_part else None)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_public(self) -> bool:
        return self.state == self.State.PUBLISHED and not self.is_withdrawn


class Report(models.Model):
    """A reader's report that a comment breaks the rules. One per person per comment."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam or advertising"
        ABUSIVE = "abusive", "Abusive or offensive"
        PERSONAL = "personal", "Personal information about a child or family"
        OFF_TOPIC = "off_topic", "Off-topic"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "consultation_report"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_person"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} report on comment {self.comment_id}"


class Follow(models.Model):
    """Someone following a focus area or an idea, for the weekly digest."""

    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "consultation_follow"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(focus_area__isnull=False, idea__isnull=True)
                    | models.Q(focus_area__isnull=True, idea__isnull=False)
                ),
                name="follow_exactly_one_subject",
            ),
            models.UniqueConstraint(
                fields=["follower", "focus_area"],
                condition=models.Q(idea__isnull=True),
                name="follow_area_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "idea"],
                condition=models.Q(focus_area__isnull=True),
                name="follow_idea_once",
            ),
        ]

    def __str__(self):
        return f"{self.follower} follows {self.idea or self.focus_area}"

    @property
    def subject(self):
        return self.idea or self.focus_area


class OfficialResponse(models.Model):
    """The design team's public answer on a focus area ("You said, we did")."""

    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.PROTECT, related_name="official_responses"
    )
    title = models.CharField(max_length=200, default="You said, we did")
    body = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    is_published = models.BooleanField(default=True)
    published_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        db_table = "consultation_officialresponse"
        ordering = ["-published_at"]

    def __str__(self):
        return f"{self.title} ({self.focus_area})"
