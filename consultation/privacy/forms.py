from django import forms

KEEP, REMOVE = "keep", "remove"


class AccountDeleteForm(forms.Form):
    comments = forms.ChoiceField(
        label="What should happen to your comments?",
        choices=[
            (KEEP, "Keep them readable, shown as written by \u201ca former participant\u201d"),
            (REMOVE, "Remove their text too, as if you had withdrawn them"),
        ],
        widget=forms.RadioSelect(attrs={"legend_size": "m"}),
        help_text="Your name, role and organisation are removed from them either way. "
        "Replies by other people stay readable.",
        error_messages={"required": "Select what should happen to your comments",
                        "invalid_choice": "Select what should happen to your comments"},
    )

    @property
    def remove_comments(self) -> bool:
        return self.cleaned_data["comments"] == REMOVE
