"""What was brought in from other channels: each run of the import with its counts, a
fingerprint per imported record (so a rerun adds nothing), and feedback staff recorded on
someone's behalf."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportRun(models.Model):
    """One run of `manage.py import_feedback`, with the summary it printed."""

    file_name = models.CharField(max_length=300)
    dry_run = models.BooleanField(default=False)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.JSONField(default=dict, blank=True, help_text="Rejected records by reason.")
    unmatched_councils = models.JSONField(
        default=dict, blank=True, help_text="Organisation names kept as free text, with how often they came.",
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.file_name} at {self.started_at:%Y-%m-%d %H:%M}"


class ImportedRecord(models.Model):
    """A record of an old form that was imported: its fingerprint makes a rerun a no-op."""

    fingerprint = models.CharField(max_length=64, unique=True)
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="records")
    line = models.PositiveIntegerField(help_text="Line (JSON lines) or row (CSV) in the file.")
    form = models.CharField(max_length=20, help_text="The old form's tab: MainFeedback or Feedback.")
    response = models.ForeignKey(
        "responses.Response", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.ForeignKey(
        "comments.Comment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["run", "line"]

    def __str__(self):
        return f"{self.form} line {self.line} of {self.run}"


class StaffRecord(models.Model):
    """Feedback a member of staff recorded for someone: an email, a workshop table, a letter."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        WORKSHOP = "workshop", "Workshop"
        EVENT = "event", "Event or webinar"
        LETTER = "letter", "Letter"

    channel = models.CharField(max_length=10, choices=Channel.choices)
    received_on = models.DateField("date received")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_records")
    response = models.ForeignKey(
        "responses.Response", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.ForeignKey(
        "comments.Comment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The add form's own key: the form sent twice (a double click) records the feedback once.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_channel_display()} received {self.received_on:%-d %B %Y}"
