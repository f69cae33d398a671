from allauth.account.models import EmailAddress
from django import forms
from django.db.models import Exists, OuterRef

from consultation.people.models import Organisation, User
from consultation.people.roles import Role
from consultation.screening.display_names import display_name_problem, name_skeleton
from consultation.screening.organisations import organisation_name_problem


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label="Display name",
        max_length=80,
        help_text="Shown beside your comments. Your email address is never shown to others.",
        error_messages={"required": "Enter a display name"},
    )
    role = forms.ChoiceField(
        label="Which of these best describes your role?",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the role that best describes you",
            "invalid_choice": "Select a role from the list",
        },
    )
    organisation = forms.ModelChoiceField(
        label="Local authority (if you work for one)",
        queryset=Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY),
        required=False,
        empty_label="I do not work for a local authority",
        error_messages={"invalid_choice": "Select a local authority from the list"},
    )
    organisation_name = forms.CharField(
        label="Organisation name (if not a local authority)",
        max_length=200,
        required=False,
        help_text="For example, Department for Education. Leave blank if you prefer not to say.",
    )

    wants_followers_digest = forms.BooleanField(
        label="Email me once a week about new comments on what I follow", required=False,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_staff:
            self.fields["wants_design_team_digest"] = forms.BooleanField(
                label="Send me the design team's weekly digest", required=False,
            )

    def clean_display_name(self):
        """Names people can trust: no posing as the portal, no hidden characters, no personal
        data, and no look-alike of another participant's name."""
        name = self.cleaned_data["display_name"]
        problem = display_name_problem(name, may_use_reserved=bool(self.user and self.user.is_staff))
        if problem:
            raise forms.ValidationError(problem)
        skeleton = name_skeleton(name)
        # Not the names of sign-ups never confirmed: a sign-up with an address that already
        # has an account makes none, so "name taken" after one would tell whether it had.
        unconfirmed = Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=False)) & ~Exists(
            EmailAddress.objects.filter(user=OuterRef("pk"), verified=True))
        others = User.objects.exclude(display_name="").exclude(unconfirmed)
        if self.user is not None and self.user.pk:
            others = others.exclude(pk=self.user.pk)
        if any(name_skeleton(other) == skeleton for other in others.values_list("display_name", flat=True)):
            raise forms.ValidationError("Display name is already used by another participant, or looks like it: "
                                        "add your surname, an initial or your organisation")
        return name

    def clean_organisation_name(self):
        """Shown beside every comment, like the display name: the same stricter check."""
        name = self.cleaned_data["organisation_name"]
        problem = organisation_name_problem(name)
        if problem:
            raise forms.ValidationError(problem)
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") and cleaned.get("organisation_name"):
            self.add_error(
                "organisation_name",
                "Either choose a local authority or name another organisation, not both",
            )
        return cleaned

    def save_to(self, user):
        data = self.cleaned_data
        user.display_name = data["display_name"]
        user.role = data["role"]
        user.organisation = data["organisation"]
        user.organisation_name = "" if data["organisation"] else data["organisation_name"]
        fields = ["display_name", "role", "organisation", "organisation_name"]
        for preference in ("wants_followers_digest", "wants_design_team_digest"):
            if preference in self.fields:
                setattr(user, preference, data[preference])
                fields.append(preference)
        user.save(update_fields=fields)

    @classmethod
    def initial_for(cls, user) -> dict:
        return {
            "display_name": user.display_name,
            "role": user.role,
            "organisation": user.organisation_id,
            "organisation_name": user.organisation_name,
            "wants_followers_digest": user.wants_followers_digest,
            "wants_design_team_digest": user.wants_design_team_digest,
        }


class SignupProfileForm(ProfileForm):
    """allauth's sign-up form gains the profile questions (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["wants_followers_digest"]  # on by default; changed later on the profile

    def signup(self, request, user):
        self.save_to(user)
