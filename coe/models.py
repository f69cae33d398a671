"""The account emails' outbox: what allauth sends (verify your address, reset your password,
you already have an account) is a row first, so a slow or failing mail server or a missing
broker never holds up or loses a sign-up (README "Faults"). And the content changes Redis
has not heard of (coe/cache_recovery.py)."""

from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """One account email. The request writes it; a task sends it once (claimed with SKIP
    LOCKED, marked sent); the sweep retries what is left. Kept for a week after sending."""

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.subject} to {self.to}"


class ContentChangeOwed(models.Model):
    """A change to what cached pages show, made while Redis could not be reached. Every
    process looks for these and, once Redis answers, moves the content version and deletes
    them (coe/cache_recovery.py)."""

    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Content change at {self.created_at:%Y-%m-%d %H:%M:%S} not yet seen by Redis"
