"""People taking part, their organisations, and the consultation round with its window."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from consultation.people.roles import Role


class Organisation(models.Model):
    """A respondent's organisation: one of the 153 local authorities, or another body."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        OTHER = "other", "Other organisation"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    dfe_code = models.CharField("DfE LA code", max_length=3, blank=True)
    gss_code = models.CharField("GSS code", max_length=9, blank=True)
    region = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["dfe_code"],
                condition=~models.Q(dfe_code=""),
                name="organisation_dfe_code_unique",
            ),
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person taking part. Signs in with an email address, which is never shown to others."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=80, blank=True, help_text="Shown beside your comments instead of your email."
    )
    role = models.CharField(max_length=30, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="Named by the person when not a local authority."
    )
    wants_followers_digest = models.BooleanField(
        "weekly email about what I follow", default=True,
        help_text="New comments, replies and official responses on what you follow, once a week.",
    )
    wants_design_team_digest = models.BooleanField(
        "design team's weekly digest", default=False,
        help_text="Staff only: the weekly summary of all new feedback.",
    )
    imported = models.BooleanField(
        "imported respondent", default=False, editable=False,
        help_text="Feedback brought in from another channel: no login, never emailed.",
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the account was deleted or anonymised (consultation/privacy).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.display_name or self.email

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def public_name(self):
        if self.is_deleted:
            return "A former participant"
        return self.display_name or "A participant"

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def has_profile(self) -> bool:
        """Role and a display name are needed before someone can take part."""
        return bool(self.role and self.display_name)


class Consultation(models.Model):
    """A round of engagement, with the window in which people can write."""

    title = models.CharField(max_length=200)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    retention_days = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Days after the consultation closes before participants' accounts are anonymised "
        "(manage.py enforce_retention). Empty: kept until a period is set.",
    )

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every page reads the current consultation from the cache: drop the stale copy.
        from django.core.cache import cache
        from django.db import transaction

        # Again once the change commits: a reader between the two could have cached the old row.
        cache.delete(CURRENT_CONSULTATION_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(CURRENT_CONSULTATION_CACHE_KEY), robust=True)

    def clean(self):
        """A window already under way can be ended now, or later, but not moved back over
        what people wrote in it: a comment outside its consultation's window would show on
        its page yet be missing from the analysis, the open data and the API."""
        before = Consultation.objects.filter(pk=self.pk).values("opens_at", "closes_at").first() if self.pk else None
        if before is None or not (self.opens_at and self.closes_at):
            return
        now, errors = timezone.now(), {}
        if before["opens_at"] <= now and self.opens_at > before["opens_at"]:
            errors["opens_at"] = "The consultation has opened: its opening time can only be moved earlier"
        if self.closes_at != before["closes_at"] and self.closes_at < min(now, before["closes_at"]):
            errors["closes_at"] = "A consultation cannot be closed in the past: set the closing time to now or later"
        if errors:
            raise ValidationError(errors)

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    def has_not_opened(self, at=None) -> bool:
        return (at or timezone.now()) < self.opens_at


CURRENT_CONSULTATION_CACHE_KEY = "consultation:current"
