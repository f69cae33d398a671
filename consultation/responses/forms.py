"""One form per step of the response (consultation/responses/steps.py). Each question is
optional; a score can be cleared with "No answer"; each step ends by asking whether it is done."""

from django import forms

from consultation.screening import personal_data_error
from models_of_delivery.models import Consideration

ANYTHING_ELSE_MAX = 10000
OPTION_REASON_MAX = 2000
NO_ANSWER = "No answer"
SCORE_CHOICES = [*((str(n), str(n)) for n in range(1, 6)), ("", NO_ANSWER)]


def _score_field(label, low, high):
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"inline": True, "small": True}),
        help_text=f"1 is {low}, 5 is {high}. Choose “{NO_ANSWER}” to leave it out.",
        error_messages={"invalid_choice": "Choose a score from 1 to 5, or “No answer”"},
    )


class StepForm(forms.Form):
    """What every step asks last: GOV.UK's "Have you completed this section?"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["completed"] = forms.ChoiceField(
            label="Have you completed this section?",
            choices=[("yes", "Yes, I’ve completed this section"), ("no", "No, I’ll come back to it later")],
            widget=forms.RadioSelect(attrs={"legend_size": "m"}),
            error_messages={"required": "Select whether you have completed this section"},
        )

    def is_completed(self) -> bool:
        return self.cleaned_data["completed"] == "yes"


class AreasStepForm(StepForm):
    """Per focus area of a theme: two scores and the ideas to explore further."""

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        completed = self.fields.pop("completed")
        self.areas = list(areas)
        self.sections = []
        for area in self.areas:
            names = (f"usefulness_{area.pk}", f"likelihood_{area.pk}", f"ideas_{area.pk}")
            self.fields[names[0]] = _score_field(
                "How useful would this be to the sector if it were achieved?", "not at all", "very"
            )
            self.fields[names[1]] = _score_field(
                "How likely is your organisation to use its outputs directly to improve local services?",
                "not at all likely", "very likely",
            )
            self.fields[names[2]] = forms.MultipleChoiceField(
                label="Which of these ideas should the Centre of Excellence explore further?",
                choices=[(str(idea.pk), idea.title) for idea in area.ideas.all()],
                required=False,
                widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
                help_text="Select all that apply",
                error_messages={"invalid_choice": "Select ideas from the list"},
            )
            self.sections.append((area, [self[name] for name in names]))
        self.fields["completed"] = completed

    def save_kwargs(self) -> dict:
        data = self.cleaned_data
        chosen = {int(pk) for area in self.areas for pk in data.get(f"ideas_{area.pk}", [])}
        return {
            "scores": {area: (data.get(f"usefulness_{area.pk}"), data.get(f"likelihood_{area.pk}"))
                       for area in self.areas},
            "flagged_ideas": [idea for area in self.areas for idea in area.ideas.all() if idea.pk in chosen],
        }

    @staticmethod
    def initial_for(response, areas) -> dict:
        if response is None:
            return {}
        initial = {}
        for score in response.scores.all():
            initial[f"usefulness_{score.focus_area_id}"] = score.usefulness
            initial[f"likelihood_{score.focus_area_id}"] = score.likelihood
        flagged = {flag.idea_id for flag in response.flags.all()}
        for area in areas:
            initial[f"ideas_{area.pk}"] = [str(idea.pk) for idea in area.ideas.all() if idea.pk in flagged]
        return initial


class DeliveryStepForm(StepForm):
    """How well each delivery option would work, why, and the considerations that matter."""

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        completed = self.fields.pop("completed")
        self.options = list(options)
        self.sections = []
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
            self.sections.append((option, [self[name] for name in names]))
        self.fields["considerations"] = forms.ModelMultipleChoiceField(
            label="Which of these matter most to you, whichever option is chosen?",
            queryset=Consideration.objects.all(), required=False,
            widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
            help_text="Select all that apply",
            error_messages={"invalid_choice": "Select considerations from the list",
                            "invalid_pk_value": "Select considerations from the list"},
        )
        self.fields["completed"] = completed

    def clean(self):
        cleaned = super().clean()
        # Reasons are published (analysis, open data, themes): screened like a comment.
        for option in self.options:
            name = f"option_reason_{option.pk}"
            error = personal_data_error(f"Your reason about {option.title}", cleaned.get(name, ""))
            if error:
                self.add_error(name, error)
        return cleaned

    def save_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "option_ratings": {
                option: (data.get(f"option_score_{option.pk}"), data.get(f"option_reason_{option.pk}", ""))
                for option in self.options
            },
            "considerations": data["considerations"],
        }

    @staticmethod
    def initial_for(response, options) -> dict:
        if response is None:
            return {}
        initial = {"considerations": [c.pk for c in response.important_considerations.all()]}
        for rating in response.option_ratings.all():
            initial[f"option_score_{rating.option_id}"] = rating.score
            initial[f"option_reason_{rating.option_id}"] = rating.reason
        return initial


class AnythingElseStepForm(StepForm):
    anything_else = forms.CharField(
        label="Is there anything else you would like to tell us? (optional)",
        required=False,
        max_length=ANYTHING_ELSE_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"max_length": f"Your answer must be {ANYTHING_ELSE_MAX:,} characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["completed"] = self.fields.pop("completed")  # asked last

    def clean_anything_else(self):
        error = personal_data_error("Your answer", self.cleaned_data["anything_else"])
        if error:
            raise forms.ValidationError(error)
        return self.cleaned_data["anything_else"]

    def save_kwargs(self) -> dict:
        return {"anything_else": self.cleaned_data["anything_else"]}

    @staticmethod
    def initial_for(response) -> dict:
        return {"anything_else": response.anything_else} if response else {}


def form_for_step(step, response, data=None):
    """The step's form, bound to `data` when given, else filled from the saved response."""
    if step.kind == "areas":
        return AreasStepForm(data, areas=step.areas, initial=AreasStepForm.initial_for(response, step.areas))
    if step.kind == "delivery":
        return DeliveryStepForm(data, options=step.options, initial=DeliveryStepForm.initial_for(response, step.options))
    return AnythingElseStepForm(data, initial=AnythingElseStepForm.initial_for(response))
