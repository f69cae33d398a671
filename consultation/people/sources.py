"""Where a piece of feedback came from: a dimension the analysis, exports and API can split by."""

from django.db import models


class Source(models.TextChoices):
    ONLINE = "online", "Online"
    IMPORTED = "imported", "Imported"
    STAFF = "staff", "Recorded by staff"
