from django import forms

from models_of_delivery.models import Consideration

ANYTHING_ELSE_MAX = 10000
OPTION_REASON_MAX = 2000
SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


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
