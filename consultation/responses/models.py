"""The structured response: one per person per consultation, with scores per focus area,
ideas flagged to explore, ratings of the delivery options and the considerations that matter."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from consultation.people.sources import Source


class Response(models.Model):
    """A person's structured response to a consultation: one each, draft until submitted."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="responses")
    consultation = models.ForeignKey(
        "consultation.Consultation", on_delete=models.PROTECT, related_name="responses"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    anything_else = models.TextField(blank=True)
    important_considerations = models.ManyToManyField(
        "models_of_delivery.Consideration", blank=True, related_name="chosen_by",
        help_text="The considerations that matter most to this respondent.",
    )
    completed_sections = models.JSONField(
        default=list, blank=True,
        help_text="The steps of the task list the respondent has marked as completed (their slugs).",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE, db_index=True)

    class Meta:
        db_table = "consultation_response"
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "consultation"], name="one_response_per_person"
            ),
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
        db_table = "consultation_focusareascore"
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
        db_table = "consultation_optionrating"
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
        db_table = "consultation_ideaflag"
        constraints = [
            models.UniqueConstraint(fields=["response", "idea"], name="one_flag_per_idea"),
        ]

    def __str__(self):
        return str(self.idea)
