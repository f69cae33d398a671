"""The moderation policy and the audit trail of every decision on a comment."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from consultation.comments.models import Comment

# A moderator who hides or rejects a comment gives the author a reason.
REASON_REQUIRED = {Comment.State.HIDDEN, Comment.State.REJECTED}

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
    # 0 would hide a comment at its first report, as 1 does, while reading as "never".
    report_threshold = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1, "The report threshold must be 1 or more")],
        help_text="A comment reported by this many different people is hidden until reviewed.",
    )

    class Meta:
        db_table = "consultation_moderationsettings"
        verbose_name = "moderation settings"
        verbose_name_plural = "moderation settings"

    def __str__(self):
        return "Moderation settings"

    @classmethod
    def current(cls) -> "ModerationSettings":
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings


class ModerationDecision(models.Model):
    """The audit trail: every change of a comment's state, by whom and why. Append-only."""

    comment = models.ForeignKey("comments.Comment", on_delete=models.PROTECT, related_name="decisions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Empty when the portal decided by itself (a hold or a report threshold).",
    )
    from_state = models.CharField(max_length=10, choices=Comment.State.choices)
    to_state = models.CharField(max_length=10, choices=Comment.State.choices)
    reason = models.TextField(blank=True)
    revision = models.PositiveIntegerField(
        null=True, blank=True, help_text="The revision of the comment's text this was decided on.",
    )
    personal_data_confirmed = models.BooleanField(
        default=False,
        help_text="The moderator confirmed that the detail the screening highlighted is not personal data.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    author_notified_at = models.DateTimeField(null=True, blank=True)
    # When a sender took the notice on (consultation.moderation.notices): one sender at a time.
    notice_claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "consultation_moderationdecision"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"

    def save(self, *args, **kwargs):
        # Append-only: a decision is written once; only the notice's progress is filled later.
        fields = set(kwargs.get("update_fields") or ())
        if self.pk and not (fields and fields <= {"author_notified_at", "notice_claimed_at"}):
            raise ValueError("Moderation decisions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Moderation decisions cannot be deleted")
