"""How the Centre of Excellence could be hosted and run: the paper's options and what to weigh."""

from django.db import models
from django.urls import reverse


class DeliveryOption(models.Model):
    """One of the paper's hosting options, such as local authority hosting."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="One or two sentences, shown in lists and the comparison.")
    description = models.TextField()
    examples = models.TextField(blank=True, help_text="Examples the paper gives, in plain words.")
    strengths = models.TextField(blank=True, help_text="One strength a line.")
    risks = models.TextField(blank=True, help_text="One risk a line.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("models_of_delivery:option", args=[self.slug])

    @property
    def example_list(self) -> list[str]:
        return _lines(self.examples)

    @property
    def strength_list(self) -> list[str]:
        return _lines(self.strengths)

    @property
    def risk_list(self) -> list[str]:
        return _lines(self.risks)


class AnalogousOrganisation(models.Model):
    """An existing organisation the paper points to as like one or more of the options."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=200, help_text="What sort of body it is; pages group by this.")
    url = models.URLField("website", max_length=300, blank=True)
    summary = models.TextField()
    exemplifies = models.ManyToManyField(
        DeliveryOption, blank=True, related_name="organisations",
        help_text="The hosting options this organisation is an example of.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("models_of_delivery:organisations") + f"#{self.slug}"


class Consideration(models.Model):
    """Something to weigh whichever option is chosen."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    description = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("models_of_delivery:overview") + f"#{self.slug}"


class OptionAssessment(models.Model):
    """A short note on how one option fares against one consideration."""

    option = models.ForeignKey(DeliveryOption, on_delete=models.CASCADE, related_name="assessments")
    consideration = models.ForeignKey(
        Consideration, on_delete=models.CASCADE, related_name="assessments"
    )
    text = models.TextField()

    class Meta:
        ordering = ["option__position", "consideration__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["option", "consideration"], name="one_assessment_per_option_and_consideration"
            ),
        ]

    def __str__(self):
        return f"{self.option}: {self.consideration}"


class CentreAim(models.Model):
    """One thing the paper says the centre should ensure."""

    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class InitialFunction(models.Model):
    """One of the three functions DfE named for the centre to start with."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title


class SpokeArrangement(models.Model):
    """One way a spoke of the hub-and-spoke shape could be run."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120, help_text="Short: it labels the diagram.")
    summary = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
