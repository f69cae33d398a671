from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from consultation.roles import Role


class Organisation(models.Model):
    """A respondent's organisation: one of the 153 local authorities, or another body."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        OTHER = "other", "Other organisation"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    dfe_code = models.CharField("DfE LA code", max_length=3, blank=True)
    gss_code = models.CharField("GSS code", max_length=9, blank=True)
    region = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["dfe_code"],
                condition=~models.Q(dfe_code=""),
                name="organisation_dfe_code_unique",
            ),
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person taking part. Signs in with an email address, which is never shown to others."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=80, blank=True, help_text="Shown beside your comments instead of your email."
    )
    role = models.CharField(max_length=30, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="Named by the person when not a local authority."
    )
    wants_followers_digest = models.BooleanField(
        "weekly email about what I follow", default=True,
        help_text="New comments, replies and official responses on what you follow, once a week.",
    )
    wants_design_team_digest = models.BooleanField(
        "design team's weekly digest", default=False,
        help_text="Staff only: the weekly summary of all new feedback.",
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the account was deleted or anonymised (consultation/privacy.py).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.display_name or self.email

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def public_name(self):
        if self.is_deleted:
            return "A former participant"
        return self.display_name or "A participant"

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def has_profile(self) -> bool:
        """Role and a display name are needed before someone can take part."""
        return bool(self.role and self.display_name)


class Consultation(models.Model):
    """A round of engagement, with the window in which people can write."""

    title = models.CharField(max_length=200)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    retention_days = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Days after the consultation closes before participants' accounts are anonymised "
        "(manage.py enforce_retention). Empty: kept until a period is set.",
    )

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every page reads the current consultation from the cache: drop the stale copy.
        from django.core.cache import cache

        cache.delete(CURRENT_CONSULTATION_CACHE_KEY)

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    def has_not_opened(self, at=None) -> bool:
        return (at or timezone.now()) < self.opens_at


CURRENT_CONSULTATION_CACHE_KEY = "consultation:current"


class ReflectionKind(models.TextChoices):
    ENTHUSIASTIC = "enthusiastic", "I'm enthusiastic about this"
    UNSURE = "unsure", "I'm unsure about this"
    DISAGREE = "disagree", "I disagree with this"
    GENERAL = "general", "I have a general reflection on this"
    SPECIFIC_ISSUE = "specific_issue", "I've identified a specific issue with this"
    OTHER = "other", "Other"


class Comment(models.Model):
    """A comment or a reply on a focus area, an idea or a delivery option.

    Catalogue comments always carry their focus area (also when they are on one of its
    ideas) so that counts per focus area are one grouped query.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden"
        REJECTED = "rejected", "Rejected"

    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="comments")
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
    held_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the portal held it for review."
    )
    submission_key = models.UUIDField(
        help_text="From the form, so that a double submission creates one comment."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="comment_submitted_once"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(focus_area__isnull=False, delivery_option__isnull=True)
                    | models.Q(focus_area__isnull=True, idea__isnull=True, delivery_option__isnull=False)
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
            models.Index(
                "delivery_option", models.F("created_at").desc(), models.F("id").desc(),
                condition=models.Q(parent__isnull=True, delivery_option__isnull=False),
                name="comment_option_threads",
            ),
            models.Index(fields=["parent", "created_at"]),
            models.Index(fields=["state", "created_at"]),
        ]

    def __str__(self):
        return f"Comment {self.pk} by {self.author.public_name}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("consultation:comment", args=[self.pk])

    @property
    def subject(self):
        return self.idea or self.focus_area or self.delivery_option

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_public(self) -> bool:
        return self.state == self.State.PUBLISHED and not self.is_withdrawn


class Response(models.Model):
    """A person's structured response to a consultation: one each, draft until submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    respondent = models.ForeignKey(User, on_delete=models.PROTECT, related_name="responses")
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="responses"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    anything_else = models.TextField(blank=True)
    important_considerations = models.ManyToManyField(
        "models_of_delivery.Consideration", blank=True, related_name="chosen_by",
        help_text="The considerations that matter most to this respondent.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "consultation"], name="one_response_per_person"
            ),
        ]
        permissions = [
            ("view_analysis", "Can view the analysis pages"),
            ("export_data", "Can export responses and comments"),
        ]

    def __str__(self):
        return f"Response by {self.respondent.public_name} ({self.get_status_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


def _score_between_1_and_5(field):
    return models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class FocusAreaScore(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="scores")
    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.PROTECT, related_name="scores"
    )
    usefulness = models.PositiveSmallIntegerField(null=True, blank=True)
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "focus_area"], name="one_score_per_area"),
            models.CheckConstraint(
                condition=_score_between_1_and_5("usefulness"), name="usefulness_1_to_5"
            ),
            models.CheckConstraint(
                condition=_score_between_1_and_5("likelihood"), name="likelihood_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.focus_area}: {self.usefulness}/{self.likelihood}"


class OptionRating(models.Model):
    """How well a delivery option would work for the respondent's organisation, and why."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="option_ratings")
    option = models.ForeignKey(
        "models_of_delivery.DeliveryOption", on_delete=models.PROTECT, related_name="ratings"
    )
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "option"], name="one_rating_per_option"),
            models.CheckConstraint(condition=_score_between_1_and_5("score"), name="option_score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.option}: {self.score}"


class IdeaFlag(models.Model):
    """An idea the respondent thinks the Centre should explore further."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="flags")
    idea = models.ForeignKey("ideas.Idea", on_delete=models.PROTECT, related_name="flags")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "idea"], name="one_flag_per_idea"),
        ]

    def __str__(self):
        return str(self.idea)


class Follow(models.Model):
    """Someone following a focus area or an idea, for the weekly digest."""

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follows")
    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
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


class ExportRecord(models.Model):
    """Who took which export, and when: every export of people's feedback is recorded."""

    taken_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="exports")
    kind = models.CharField(max_length=50)
    file_format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict, blank=True)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-taken_at"]

    def __str__(self):
        return f"{self.kind} ({self.file_format}) by {self.taken_by} at {self.taken_at:%Y-%m-%d %H:%M}"


class ModerationSettings(models.Model):
    """The pre-moderation policy and the report threshold: one row, edited in the admin."""

    class Policy(models.TextChoices):
        PUBLISH = "publish", "Publish immediately"
        HOLD_NEW_ACCOUNTS = "hold_new", "Hold a new account's first comments for review"
        HOLD_ALL = "hold_all", "Hold every comment for review"

    policy = models.CharField(max_length=10, choices=Policy.choices, default=Policy.HOLD_NEW_ACCOUNTS)
    first_comments_to_hold = models.PositiveSmallIntegerField(
        default=1, help_text="With the new-account policy: how many of a person's comments are held."
    )
    report_threshold = models.PositiveSmallIntegerField(
        default=3, help_text="A comment reported by this many different people is hidden until reviewed."
    )

    class Meta:
        verbose_name = "moderation settings"
        verbose_name_plural = "moderation settings"

    def __str__(self):
        return "Moderation settings"

    @classmethod
    def current(cls) -> "ModerationSettings":
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings


class Report(models.Model):
    """A reader's report that a comment breaks the rules. One per person per comment."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam or advertising"
        ABUSIVE = "abusive", "Abusive or offensive"
        PERSONAL = "personal", "Personal information about a child or family"
        OFF_TOPIC = "off_topic", "Off-topic"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_person"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} report on comment {self.comment_id}"


class ModerationDecision(models.Model):
    """The audit trail: every change of a comment's state, by whom and why. Append-only."""

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="decisions")
    moderator = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Empty when the portal decided by itself (a hold or a report threshold).",
    )
    from_state = models.CharField(max_length=10, choices=Comment.State.choices)
    to_state = models.CharField(max_length=10, choices=Comment.State.choices)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    author_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"

    def save(self, *args, **kwargs):
        # Append-only: a decision is written once; only the notification time is filled later.
        if self.pk and set(kwargs.get("update_fields") or ()) != {"author_notified_at"}:
            raise ValueError("Moderation decisions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Moderation decisions cannot be deleted")


class OfficialResponse(models.Model):
    """The design team's public answer on a focus area ("You said, we did")."""

    focus_area = models.ForeignKey(
        "ideas.FocusArea", on_delete=models.PROTECT, related_name="official_responses"
    )
    title = models.CharField(max_length=200, default="You said, we did")
    body = models.TextField()
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    is_published = models.BooleanField(default=True)
    published_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return f"{self.title} ({self.focus_area})"


class DigestDelivery(models.Model):
    """One digest email for one person and one week: the record that makes sending exactly-once.

    The unique key (kind, period, recipient) means a retried task, a second beat or a rerun
    finds the row and sends nothing more.
    """

    class Kind(models.TextChoices):
        DESIGN_TEAM = "design_team", "Design team's weekly digest"
        FOLLOWERS = "followers", "What you follow"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending (outcome unknown if it stays here)"
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Nothing new: no email"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    period_start = models.DateField(help_text="The Monday the digest's week began.")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="digest_deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "kind", "recipient_id"]
        verbose_name_plural = "digest deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "period_start", "recipient"], name="one_digest_per_person_per_week"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient} (week of {self.period_start})"
