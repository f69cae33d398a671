"""Overrides of allauth forms. Kept apart from consultation.people.forms, which allauth itself
imports (ACCOUNT_SIGNUP_FORM_CLASS), to avoid an import cycle."""

from allauth.account import forms as allauth_forms


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form, with its reset link moved out of the field's hint (the page
    shows it after the form, so keyboard users reach the password box first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].widget.attrs.pop("placeholder", None)
