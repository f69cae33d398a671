"""Overrides of allauth's forms (ACCOUNT_FORMS): GOV.UK labels instead of placeholders, and
every error in GOV.UK wording, field by field. Kept apart from consultation.people.forms,
which allauth itself imports (ACCOUNT_SIGNUP_FORM_CLASS), to avoid an import cycle."""

from allauth.account import forms as allauth_forms
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

# The columns an address ends up in (User.email, allauth's EmailAddress, coe's OutgoingEmail.to)
# hold 254 characters; Django's form field lets 320 through, which gave 500s and cut addresses.
EMAIL_MAX_LENGTH = 254
EMAIL_TOO_LONG = f"Email address must be {EMAIL_MAX_LENGTH} characters or fewer"

# Errors by their code (Django's validators and allauth's adapter both give one).
BY_CODE = {
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "password_too_short": "Your password must be 8 characters or more",
    "password_too_common": "Your password is too easy to guess: choose a less common one",
    "password_entirely_numeric": "Your password must include letters or symbols, not only numbers",
    "password_too_similar": "Your password must not be too like your email address or name",
    "email_password_mismatch": "Enter the email address and password you created your account with",
    "too_many_login_attempts": "You have tried to sign in too many times. Wait a few minutes and try again",
    "email_taken": "An account already uses this email address",
    "duplicate_email": "This email address is already on your account",
    "enter_current_password": "Enter your current password",
    "incorrect_password": "Your current password is not correct",
    "same_as_current": "Enter a different email address from your current one",
    "unknown_email": "Enter the email address you use to sign in",
    "invalid_password_reset": "This reset link has expired or has already been used",
    "account_inactive": "This account cannot be used to sign in",
}
# allauth raises these without a code.
BY_TEXT = {
    "You must type the same password each time.": "The passwords do not match: enter the same password twice",
}
# "This field is required." for each field, in words that say what to do.
REQUIRED = {
    "login": "Enter your email address",
    "email": "Enter your email address",
    "password": "Enter your password",
    "password1": "Enter a password",
    "password2": "Enter your password again",
    "oldpassword": "Enter your current password",
}
LABELS = {
    "login": "Email address",
    "email": "Email address",
    "password": "Password",
    "password1": "Create a password",
    "password2": "Enter the password again",
    "oldpassword": "Current password",
    "remember": "Keep me signed in on this device",
}
NEW_PASSWORD_HINT = "At least 8 characters. A few unrelated words make a strong password."  # noqa: S105 (a hint, not a secret)


class GovukForm:
    """Mixes into an allauth form: labels not placeholders, GOV.UK error messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in LABELS:
                field.label = LABELS[name]
            if name in REQUIRED:
                field.error_messages["required"] = REQUIRED[name]
            if name == "password1":
                field.help_text = NEW_PASSWORD_HINT
            if isinstance(field, forms.EmailField):
                # A validator, not max_length: no maxlength attribute to cut a pasted address short unseen.
                field.validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH, message=EMAIL_TOO_LONG))

    def full_clean(self):
        super().full_clean()
        for name, errors in (self._errors or {}).items():
            errors.data[:] = [self._govuk(error) for error in errors.as_data()]
            # A field whose value is missing says so once, not once per check that also failed.
            if name in REQUIRED and any(e.code == "required" for e in errors.data):
                errors.data[:] = [e for e in errors.data if e.code == "required"]

    @staticmethod
    def _govuk(error: ValidationError) -> ValidationError:
        message = " ".join(error.messages)
        text = BY_CODE.get(error.code) or BY_TEXT.get(message)
        return ValidationError(text, code=error.code) if text else error


class LoginForm(GovukForm, allauth_forms.LoginForm):
    """The reset link is shown after the form, not in the password's hint, so keyboard users
    reach the password box first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class SignupForm(GovukForm, allauth_forms.SignupForm):
    pass


class AddEmailForm(GovukForm, allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "New email address"


class ChangePasswordForm(GovukForm, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(GovukForm, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordForm(GovukForm, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(GovukForm, allauth_forms.ResetPasswordKeyForm):
    pass


class ReauthenticateForm(GovukForm, allauth_forms.ReauthenticateForm):
    pass


class ChangeEmailForm(GovukForm, allauth_forms.ChangeEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "New email address"
