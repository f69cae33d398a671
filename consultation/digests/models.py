"""One row per digest email per person per week: what makes sending exactly-once."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "consultation_digestdelivery"
        ordering = ["-period_start", "kind", "recipient_id"]
        verbose_name_plural = "digest deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "period_start", "recipient"], name="one_digest_per_person_per_week"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient} (week of {self.period_start})"
