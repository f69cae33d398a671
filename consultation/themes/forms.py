"""Forms of the theme review pages. Choices come from the theme's own subject, so a request
cannot name a theme or comment from elsewhere."""

import unicodedata

from django import forms

from consultation.screening.display_names import HIDDEN_CATEGORIES
from ideas.models import FocusArea

NO_THEME = "none"
LINE_BREAKS = "\r\n\t"  # control characters a description may hold; names are one line


def _refuse_hidden(name: str, text: str, allowed: str = "") -> str:
    """Labels and descriptions are shown to the public: they may not hide characters (a
    direction override, a zero-width space) any more than display names may, by the same
    list of kinds of character (the screening app owns it)."""
    if any(unicodedata.category(char) in HIDDEN_CATEGORIES and char not in allowed for char in text):
        raise forms.ValidationError(
            f"{name} must not contain hidden characters, such as zero-width spaces or direction marks")
    return text


def _short(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


class BuildForm(forms.Form):
    subject = forms.ChoiceField(label="What to find themes in", error_messages={
        "required": "Choose what to find themes in", "invalid_choice": "Choose what to find themes in"})

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subjects


class ThemeEditForm(forms.Form):
    label = forms.CharField(label="Name", max_length=120, error_messages={
        "required": "Enter a name for the theme", "max_length": "The name must be 120 characters or fewer"})
    description = forms.CharField(label="Description", required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  error_messages={"max_length": "The description must be 2,000 characters or fewer"})

    def clean_label(self):
        return _refuse_hidden("Name", self.cleaned_data["label"])

    def clean_description(self):
        return _refuse_hidden("Description", self.cleaned_data["description"], allowed=LINE_BREAKS)


class MergeForm(forms.Form):
    into = forms.TypedChoiceField(label="Merge this theme into", coerce=int, error_messages={
        "required": "Choose the theme to merge into", "invalid_choice": "Choose the theme to merge into"})

    def __init__(self, *args, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [("", "Choose a theme")] + [(t.pk, f"{t.label} ({t.size})") for t in others]


class SplitForm(forms.Form):
    comments = forms.TypedMultipleChoiceField(
        label="Comments to take into a new theme", coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one comment for the new theme",
                        "invalid_choice": "Choose comments of this theme"})
    label = forms.CharField(label="Name of the new theme", max_length=120, error_messages={
        "required": "Enter a name for the new theme", "max_length": "The name must be 120 characters or fewer"})

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = [(a.comment_id, _short(a.comment.body)) for a in members]

    def clean_label(self):
        return _refuse_hidden("Name", self.cleaned_data["label"])


class MoveForm(forms.Form):
    comment = forms.TypedChoiceField(label="Comment", coerce=int, error_messages={
        "required": "Choose the comment to move", "invalid_choice": "Choose a comment of this theme"})
    to = forms.ChoiceField(label="Move it to", error_messages={
        "required": "Choose where to move the comment", "invalid_choice": "Choose where to move the comment"})

    def __init__(self, *args, members, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].choices = [("", "Choose a comment")] + [
            (a.comment_id, f"{a.comment_id}: {_short(a.comment.body, 70)}") for a in members]
        self.fields["to"].choices = [("", "Choose a theme"), (NO_THEME, "No theme")] + [
            (str(t.pk), t.label) for t in others]


class ResponseForm(forms.Form):
    focus_area = forms.ModelChoiceField(
        label="Focus area it is published on", queryset=FocusArea.objects.order_by("position", "title"),
        empty_label="Choose a focus area", error_messages={"required": "Choose the focus area to publish it on"})
    title = forms.CharField(label="Title", max_length=200, initial="You said, we did",
                            error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"})
    body = forms.CharField(label="What the design team did", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
                           error_messages={"required": "Enter the response",
                                           "max_length": "The response must be 5,000 characters or fewer"})
