import uuid

from django import forms

from consultation.comments.models import ReflectionKind, Report

COMMENT_MIN, COMMENT_MAX = 5, 5000


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
