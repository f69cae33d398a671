from django.db import models
from django.urls import reverse


class Theme(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:theme", args=[self.slug])


class DeliveryStrand(models.Model):
    """One of DfE's three delivery strands, tied to a factor of the paper's system model."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    system_factor = models.CharField(max_length=50, blank=True)
    summary = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:strand", args=[self.slug])


class FocusArea(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    short_label = models.CharField(max_length=100, blank=True)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="focus_areas")
    delivery_strand = models.ForeignKey(
        DeliveryStrand, on_delete=models.PROTECT, related_name="focus_areas"
    )
    summary = models.TextField()
    source_url = models.URLField("source page", max_length=300)
    in_six_theme_table = models.BooleanField(
        default=True,
        help_text="False for the focus area the paper adds outside its six-theme table.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:focus_area", args=[self.slug])


class Idea(models.Model):
    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="ideas")
    slug = models.SlugField()
    verb = models.CharField(max_length=100, help_text="The paper names each idea by a verb.")
    title = models.CharField(
        max_length=60, help_text="Short enough for a table cell; built from the paper's label. "
        "Pages, exports and digests all show this.",
    )
    paper_label = models.CharField(
        max_length=200, blank=True, help_text="The idea's label in the consultation's own feedback form.",
    )
    summary = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["focus_area__position", "position", "verb"]
        constraints = [
            models.UniqueConstraint(fields=["focus_area", "slug"], name="idea_slug_unique_in_area"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:idea", args=[self.focus_area.slug, self.slug])
