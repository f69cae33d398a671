"""Themes found in what people said, reviewed by analysts.

Not the catalogue's `ideas.Theme` (the paper's six themes): these are groups of comments
found by a machine (`ThemeRun`), kept as `FoundTheme` rows, with each comment's place in a
theme a `ThemeAssignment` (machine or person, who and when; the history is kept).

A *subject* is what the comments are about: the whole consultation, a focus area, an idea, a
delivery option, or (later) a part of the paper. It is a kind and a reference (the row's id,
or the part's choice value), so a new kind of subject needs no new column.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SubjectKind(models.TextChoices):
    ALL = "all", "The whole consultation"
    FOCUS_AREA = "focus_area", "Focus area"
    IDEA = "idea", "Idea"
    DELIVERY_OPTION = "delivery_option", "Delivery option"
    PAPER_PART = "paper_part", "Part of the paper"


class SubjectFields(models.Model):
    subject_kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    subject_ref = models.CharField(max_length=50, blank=True, help_text="The subject's id; empty for the whole consultation.")

    class Meta:
        abstract = True

    @property
    def subject_key(self) -> tuple[str, str]:
        return (self.subject_kind, self.subject_ref)


class ThemeRun(SubjectFields):
    """One build of themes for a subject: when, how, with what, and what came out."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    method = models.CharField(max_length=50, blank=True)
    parameters = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="Empty when beat asked for it.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    comment_count = models.PositiveIntegerField(default=0, help_text="Comments the run read.")
    theme_count = models.PositiveIntegerField(default=0, help_text="Themes it found.")
    kept_count = models.PositiveIntegerField(default=0, help_text="Reviewed themes it left as they were.")
    unthemed_count = models.PositiveIntegerField(default=0, help_text="Comments it put in no theme.")
    error = models.TextField(blank=True)

    UNFINISHED = [Status.QUEUED, Status.RUNNING]  # the constraint below spells them out: Meta cannot see this

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["subject_kind", "subject_ref", "-created_at"], name="themerun_subject")]
        constraints = [
            # A double click, two analysts, or nightly planning beside them: one build, not two
            # (the second would retire the first's themes). `runs.theme_run_open` relies on it.
            models.UniqueConstraint(
                fields=["subject_kind", "subject_ref"], condition=models.Q(status__in=["queued", "running"]),
                name="one_unfinished_run_per_subject",
            ),
        ]

    def __str__(self):
        return f"Theme run {self.pk} ({self.get_subject_kind_display()} {self.subject_ref}, {self.get_status_display()})"


class FoundTheme(SubjectFields):
    """A group of comments on one subject. Current until a later run or a merge retires it;
    a person's change marks it reviewed, and reviewed themes are never replaced by a run."""

    class State(models.TextChoices):
        DRAFT = "draft", "Not reviewed"
        REVIEWED = "reviewed", "Reviewed"
        SIGNED_OFF = "signed_off", "Signed off"
        RETIRED = "retired", "Retired"

    run = models.ForeignKey(ThemeRun, on_delete=models.PROTECT, null=True, blank=True, related_name="themes",
                            help_text="The run that found it; empty when a person made it by a split.")
    label = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    key_phrases = models.JSONField(default=list, blank=True)
    quote_ids = models.JSONField(default=list, blank=True, help_text="Representative comments, most central first.")
    state = models.CharField(max_length=12, choices=State.choices, default=State.DRAFT)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by_run = models.ForeignKey(ThemeRun, on_delete=models.PROTECT, null=True, blank=True, related_name="retired_themes")
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from")
    split_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="split_into")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["label"]
        indexes = [models.Index(fields=["subject_kind", "subject_ref", "state"], name="foundtheme_subject")]
        permissions = [("edit_themes", "Can review, edit and sign off themes")]

    def __str__(self):
        return self.label

    @property
    def is_current(self) -> bool:
        return self.state != self.State.RETIRED

    @property
    def is_signed_off(self) -> bool:
        return self.state == self.State.SIGNED_OFF


class ThemeAssignment(SubjectFields):
    """A comment's place in a subject's themes (or in none), made by the machine or a person.
    Append-only: a move adds a row and ends the one before, so the history stays."""

    class MadeBy(models.TextChoices):
        MACHINE = "machine", "Machine"
        PERSON = "person", "Person"

    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="theme_assignments")
    theme = models.ForeignKey(FoundTheme, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments",
                              help_text="Empty: no theme.")
    made_by = models.CharField(max_length=10, choices=MadeBy.choices)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    run = models.ForeignKey(ThemeRun, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments")
    similarity = models.FloatField(null=True, blank=True, help_text="The machine's closeness to the theme, 0 to 1.")
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "subject_kind", "subject_ref"], condition=models.Q(is_current=True),
                name="one_current_theme_per_comment_and_subject",
            ),
            models.CheckConstraint(
                condition=models.Q(made_by="machine") | models.Q(person__isnull=False),
                name="person_assignment_names_the_person",
            ),
        ]
        indexes = [models.Index(fields=["theme", "is_current"], name="themeassignment_theme")]

    def __str__(self):
        return f"Comment {self.comment_id} → {self.theme or 'no theme'} ({self.get_made_by_display()})"


class ThemeChange(models.Model):
    """What a person did to a theme, and when: renamed, described, merged, split, signed off."""

    class Action(models.TextChoices):
        RENAME = "rename", "Renamed"
        DESCRIBE = "describe", "Described"
        MERGE = "merge", "Merged"
        SPLIT = "split", "Split"
        SIGN_OFF = "sign_off", "Signed off"
        MOVE = "move", "Moved a comment"
        LINK = "link", "Linked a response"

    theme = models.ForeignKey(FoundTheme, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=10, choices=Action.choices)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.theme}"


class ResponseLink(models.Model):
    """"You said, we did": an official response answers a theme, or one comment."""

    response = models.ForeignKey("comments.OfficialResponse", on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(FoundTheme, on_delete=models.PROTECT, null=True, blank=True, related_name="response_links")
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="response_links")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(theme__isnull=False, comment__isnull=True) | models.Q(theme__isnull=True, comment__isnull=False),
                name="response_link_one_target",
            ),
            models.UniqueConstraint(fields=["response", "theme"], condition=models.Q(theme__isnull=False), name="response_theme_once"),
            models.UniqueConstraint(fields=["response", "comment"], condition=models.Q(comment__isnull=False), name="response_comment_once"),
        ]

    def __str__(self):
        return f"{self.response} answers {self.theme or f'comment {self.comment_id}'}"
