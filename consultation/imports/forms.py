"""The staff form for feedback received by email, at a workshop or event, or by letter."""

import uuid

from django import forms
from django.utils import timezone

from consultation.comments.models import ReflectionKind
from consultation.imports.models import StaffRecord
from consultation.people.models import Organisation
from consultation.people.roles import Role
from consultation.people.selectors import current_consultation
from ideas.models import FocusArea, Idea
from models_of_delivery.models import DeliveryOption

SCORES = [("", "Not answered"), *[(str(n), str(n)) for n in range(1, 6)]]
KINDS = [("comment", "A comment on a subject"), ("response", "A structured response (scores)")]


def subject_choices():
    areas = [(f"area:{a.pk}", a.title) for a in FocusArea.objects.order_by("position")]
    ideas = [(f"idea:{i.pk}", f"{i.focus_area.title}: {i.verb}")
             for i in Idea.objects.select_related("focus_area").order_by("focus_area__position", "position")]
    options = [(f"option:{o.pk}", o.title) for o in DeliveryOption.objects.order_by("position")]
    return [("", "Choose a subject"), ("Focus areas", areas), ("Ideas", ideas), ("Delivery options", options)]


class StaffRecordForm(forms.ModelForm):
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    role = forms.ChoiceField(label="Their role", choices=[("", "Choose a role"), *Role.choices])
    organisation = forms.ModelChoiceField(
        label="Their local authority", required=False,
        queryset=Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY),
        help_text="Leave empty if they are not in a local authority",
    )
    organisation_name = forms.CharField(label="Or their organisation", required=False, max_length=200)
    email = forms.EmailField(
        label="Their email address (optional)", required=False,
        help_text="Only to link this to their account if they have one. Nobody is emailed and no login is made.",
    )
    kind = forms.ChoiceField(
        label="What did they give?", choices=KINDS, widget=forms.RadioSelect,
        help_text="A comment: choose its subject below and enter their words. Scores: open the last section.",
    )
    subject = forms.ChoiceField(label="Subject of the comment", required=False)
    reflection_kind = forms.ChoiceField(
        label="Their stance (optional)", required=False, choices=[("", "None given"), *ReflectionKind.choices])
    body = forms.CharField(label="Their comment", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                           max_length=10000)
    flagged_ideas = forms.ModelMultipleChoiceField(
        label="Ideas they want explored further", required=False, queryset=Idea.objects.all(),
        widget=forms.CheckboxSelectMultiple)
    anything_else = forms.CharField(label="Anything else they said", required=False,
                                    widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)

    class Meta:
        model = StaffRecord
        fields = ["channel", "received_on"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"channel": "How it came to us"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate
        self.fields["subject"].choices = subject_choices()
        self.areas = list(FocusArea.objects.order_by("position"))
        for area in self.areas:
            for measure, label in (("usefulness", "useful to the sector"), ("likelihood", "likely to be used")):
                self.fields[f"{measure}_{area.pk}"] = forms.TypedChoiceField(
                    label=f"{area.title}: how {label} (1 to 5)", choices=SCORES, required=False,
                    coerce=int, empty_value=None)

    def score_names(self):
        return [f"{m}_{a.pk}" for a in self.areas for m in ("usefulness", "likelihood")]

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError("The date received must be today or in the past")
        consultation = current_consultation()
        if consultation is not None:
            opened, closed = (timezone.localtime(at).date() for at in (consultation.opens_at, consultation.closes_at))
            if not opened <= received <= closed:
                raise forms.ValidationError(
                    f"The date received must be between {opened:%-d %B %Y} and {closed:%-d %B %Y}, when the consultation was open")
        return received

    def clean(self):
        data = super().clean()
        if data.get("kind") == "comment":
            if not data.get("subject"):
                self.add_error("subject", "Choose what the comment is about")
            if not data.get("body", "").strip():
                self.add_error("body", "Enter their comment")
        elif data.get("kind") == "response":
            answered = any(data.get(name) for name in self.score_names())
            if not (answered or data.get("flagged_ideas") or data.get("anything_else", "").strip()):
                raise forms.ValidationError("Enter at least one score, idea or answer for a structured response")
        return data

    def comment(self) -> dict | None:
        data = self.cleaned_data
        if data["kind"] != "comment":
            return None
        kind, _, pk = data["subject"].partition(":")
        subject = {"area": ("focus_area", FocusArea), "idea": ("idea", Idea),
                   "option": ("delivery_option", DeliveryOption)}[kind]
        value = subject[1].objects.get(pk=pk)
        found = {subject[0]: value}
        if kind == "idea":
            found["focus_area"] = value.focus_area
        return {**found, "body": data["body"].strip(), "reflection_kind": data["reflection_kind"]}

    def response(self) -> dict | None:
        data = self.cleaned_data
        if data["kind"] != "response":
            return None
        scores = {area: (data.get(f"usefulness_{area.pk}"), data.get(f"likelihood_{area.pk}")) for area in self.areas}
        return {"scores": scores, "flagged_ideas": list(data["flagged_ideas"]),
                "anything_else": data["anything_else"].strip()}
