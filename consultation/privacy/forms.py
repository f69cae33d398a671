from allauth.account.adapter import get_adapter
from django import forms
from django.core.exceptions import ValidationError

KEEP, REMOVE = "keep", "remove"


class AccountDeleteForm(forms.Form):
    comments = forms.ChoiceField(
        label="What should happen to your comments?",
        choices=[
            (KEEP, "Keep them readable, shown as written by \u201ca former participant\u201d"),
            (REMOVE, "Remove their text too, as if you had withdrawn them"),
        ],
        widget=forms.RadioSelect(attrs={"legend_size": "m"}),
        help_text="Your name, role and organisation are no longer shown with them either way; the "
        "published figures and open data keep only which of four broad groups you were in (local "
        "authority, central government, supplier or other). Replies by other people stay readable.",
        error_messages={"required": "Select what should happen to your comments",
                        "invalid_choice": "Select what should happen to your comments"},
    )
    # Asked again so that someone at a session left signed in cannot delete the account.
    password = forms.CharField(
        label="Enter your password to confirm",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        try:
            # As a sign-in does: counted towards the limits on wrong passwords.
            confirmed = get_adapter(self.request).authenticate(self.request, email=user.email, password=password)
        except ValidationError:  # over those limits
            raise ValidationError("You have tried too many times. Wait a few minutes and try again",
                                  code="too_many_login_attempts") from None
        if confirmed is None or confirmed.pk != user.pk:
            raise ValidationError("Your password is not correct", code="incorrect_password")
        return password

    @property
    def remove_comments(self) -> bool:
        return self.cleaned_data["comments"] == REMOVE
