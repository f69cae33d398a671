"""The held reason becomes a field with choices, and the kinds of personal data found get a
field of their own (issue 13): existing free-text reasons are translated, nothing is lost."""

from django.db import migrations, models

OLD_LABELS = {
    "an email address": "email",
    "a phone number": "phone",
    "a postcode": "postcode",
    "an NHS number": "nhs_number",
    "a date of birth": "date_of_birth",
}
PERSONAL = "May contain personal data"
FIXED = {
    "A new account's first comment": "new_account",
    "Every comment is held for review": "hold_all",
}


def to_choices(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    for comment in Comment.objects.exclude(held_reason="").only("pk", "held_reason").iterator():
        text = comment.held_reason
        kinds = ""
        if text.startswith(PERSONAL):
            reason = "personal_data"
            kinds = " ".join(kind for label, kind in OLD_LABELS.items() if label in text)
        elif text.startswith("Reported by"):
            reason = "reported"
        else:
            reason = FIXED.get(text, text)
        Comment.objects.filter(pk=comment.pk).update(held_reason=reason, held_kinds=kinds)


def to_text(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    labels = {kind: label for label, kind in OLD_LABELS.items()}
    for comment in Comment.objects.exclude(held_reason="").only("pk", "held_reason", "held_kinds").iterator():
        if comment.held_reason == "personal_data":
            found = [labels[kind] for kind in comment.held_kinds.split() if kind in labels]
            text = f"{PERSONAL}: {', '.join(found)}" if found else PERSONAL
        elif comment.held_reason == "reported":
            text = "Reported by several people"
        else:
            text = {value: label for label, value in FIXED.items()}.get(comment.held_reason, comment.held_reason)
        Comment.objects.filter(pk=comment.pk).update(held_reason=text)


class Migration(migrations.Migration):

    dependencies = [
        ("comments", "0002_comment_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="held_kinds",
            field=models.CharField(blank=True, max_length=200, help_text="The kinds of personal data the screening found in the text, space-separated."),
        ),
        migrations.AlterField(
            model_name="comment",
            name="held_reason",
            field=models.CharField(blank=True, choices=[("personal_data", "May contain personal data"), ("new_account", "A new account's first comment"), ("hold_all", "Every comment is held for review"), ("reported", "Reported by several people")], help_text="Why the portal held it for review.", max_length=200),
        ),
        migrations.RunPython(to_choices, to_text),
    ]
