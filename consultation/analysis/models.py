"""The record of every export of people's feedback. Its permissions guard the analysis."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ExportRecord(models.Model):
    """Who took which export, and when: every export of people's feedback is recorded."""

    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exports")
    kind = models.CharField(max_length=50)
    file_format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict, blank=True)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "consultation_exportrecord"
        ordering = ["-taken_at"]
        permissions = [
            ("view_analysis", "Can view the analysis pages"),
            ("export_data", "Can export responses and comments"),
        ]

    def __str__(self):
        return f"{self.kind} ({self.file_format}) by {self.taken_by} at {self.taken_at:%Y-%m-%d %H:%M}"
