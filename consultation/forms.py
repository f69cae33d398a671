import uuid

from django import forms

from consultation.models import Organisation, ReflectionKind, Report
from consultation.roles import Role
from models_of_delivery.models import Consideration

COMMENT_MIN, COMMENT_MAX = 5, 5000
ANYTHING_ELSE_MAX = 10000
OPTION_REASON_MAX = 2000
SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class HoneypotInput(forms.TextInput):
    """A text box no person sees or reaches: hidden from sight, from assistive technology
    and from the tab order. Bots that fill every field fill it."""

    template_name = "components/forms/_honeypot.html"
    is_hidden = True  # rendered among the form's hidden fields, without a GOV.UK field group

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        min_length=COMMENT_MIN,
        max_length=COMMENT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Between {COMMENT_MIN} and {COMMENT_MAX:,} characters. Do not include "
        "anything that could identify a child or family. Comments are public.",
        error_messages={
            "required": "Enter your comment",
            "min_length": f"Comment must be {COMMENT_MIN} characters or more",
            "max_length": f"Comment must be {COMMENT_MAX:,} characters or fewer",
            "null_characters_not_allowed": "Comment must not contain control characters",
        },
    )
    reflection_kind = forms.ChoiceField(
        label="What kind of comment is this? (optional)",
        choices=ReflectionKind.choices,
        required=False,
        widget=forms.RadioSelect(attrs={"small": True}),
        error_messages={"invalid_choice": "Select a kind of comment from the list"},
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    # The honeypot: anything in it means a bot (the view discards the comment).
    website = forms.CharField(label="Website", required=False, strip=False, widget=HoneypotInput)

    def is_from_a_bot(self) -> bool:
        return bool(self.data.get("website"))


class ReplyForm(CommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = "Your reply"
        self.fields["body"].error_messages["required"] = "Enter your reply"


class CommentEditForm(CommentForm):
    submission_key = None  # an edit changes an existing comment; nothing to de-duplicate
    website = None


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
        if user is not None and user.is_staff:
            self.fields["wants_design_team_digest"] = forms.BooleanField(
                label="Send me the design team's weekly digest", required=False,
            )

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


def _score_field(label, low, high):
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"inline": True, "small": True}),
        help_text=f"1 is {low}, 5 is {high}",
        error_messages={"invalid_choice": "Choose a score from 1 to 5"},
    )


class ResponseForm(forms.Form):
    """The structured response: per focus area two optional scores and ideas to explore."""

    anything_else = forms.CharField(
        label="Is there anything else you would like to tell us? (optional)",
        required=False,
        max_length=ANYTHING_ELSE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": f"Your answer must be {ANYTHING_ELSE_MAX:,} characters or fewer"},
    )

    def __init__(self, *args, focus_areas, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.focus_areas = list(focus_areas)
        self.options = list(options)
        anything_else = self.fields.pop("anything_else")
        self.sections = []
        for area in self.focus_areas:
            names = (f"usefulness_{area.pk}", f"likelihood_{area.pk}", f"ideas_{area.pk}")
            self.fields[names[0]] = _score_field(
                "How useful would this be to the sector if it were achieved?", "not at all", "very"
            )
            self.fields[names[1]] = _score_field(
                "How likely is your organisation to use its outputs directly to improve local services?",
                "not at all likely",
                "very likely",
            )
            self.fields[names[2]] = forms.MultipleChoiceField(
                label="Which of these ideas should the Centre of Excellence explore further?",
                choices=[(str(idea.pk), f"{idea.verb}: {idea.summary}") for idea in area.ideas.all()],
                required=False,
                widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
                help_text="Select all that apply",
                error_messages={"invalid_choice": "Select ideas from the list"},
            )
            self.sections.append((area, names))
        self.option_sections = []
        for option in self.options:
            names = (f"option_score_{option.pk}", f"option_reason_{option.pk}")
            self.fields[names[0]] = _score_field(
                "How well would this work for your organisation?", "not at all well", "very well"
            )
            self.fields[names[1]] = forms.CharField(
                label="Why? (optional)", required=False, max_length=OPTION_REASON_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": f"Your reason must be {OPTION_REASON_MAX:,} characters or fewer"},
            )
            self.option_sections.append((option, names))
        self.fields["considerations"] = forms.ModelMultipleChoiceField(
            label="Which of these matter most to you, whichever option is chosen?",
            queryset=Consideration.objects.all(), required=False, widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
            help_text="Select all that apply",
            error_messages={"invalid_choice": "Select considerations from the list",
                            "invalid_pk_value": "Select considerations from the list"},
        )
        self.fields["anything_else"] = anything_else

    def section_fields(self):
        for area, names in self.sections:
            yield area, [self[name] for name in names]

    def scores(self) -> dict:
        data = self.cleaned_data
        return {
            area: (data.get(f"usefulness_{area.pk}"), data.get(f"likelihood_{area.pk}"))
            for area in self.focus_areas
        }

    def option_section_fields(self):
        for option, names in self.option_sections:
            yield option, [self[name] for name in names]

    def option_ratings(self) -> dict:
        data = self.cleaned_data
        return {
            option: (data.get(f"option_score_{option.pk}"), data.get(f"option_reason_{option.pk}", ""))
            for option in self.options
        }

    def flagged_ideas(self) -> list:
        chosen = set()
        for area in self.focus_areas:
            chosen.update(int(pk) for pk in self.cleaned_data.get(f"ideas_{area.pk}", []))
        return [idea for area in self.focus_areas for idea in area.ideas.all() if idea.pk in chosen]

    @staticmethod
    def initial_for(response, focus_areas) -> dict:
        if response is None:
            return {}
        initial = {"anything_else": response.anything_else}
        for score in response.scores.all():
            initial[f"usefulness_{score.focus_area_id}"] = score.usefulness
            initial[f"likelihood_{score.focus_area_id}"] = score.likelihood
        for rating in response.option_ratings.all():
            initial[f"option_score_{rating.option_id}"] = rating.score
            initial[f"option_reason_{rating.option_id}"] = rating.reason
        initial["considerations"] = [c.pk for c in response.important_considerations.all()]
        flagged = {flag.idea_id for flag in response.flags.all()}
        for area in focus_areas:
            initial[f"ideas_{area.pk}"] = [
                str(idea.pk) for idea in area.ideas.all() if idea.pk in flagged
            ]
        return initial



class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you reporting this comment?",
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why you are reporting this comment",
                        "invalid_choice": "Select a reason from the list"},
    )
    note = forms.CharField(
        label="Anything else the moderators should know? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Your note must be 1,000 characters or fewer"},
    )
