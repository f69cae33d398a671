"""comments.0003_held_reason_kinds turns the free-text held reasons into choices and kinds."""

import pytest

BEFORE = [("comments", "0002_comment_revision")]
AFTER = [("comments", "0003_held_reason_kinds")]


@pytest.mark.django_db(transaction=True)
def test_free_text_reasons_become_choices_with_their_kinds(migrator):
    old = migrator.apply_initial_migration(BEFORE).apps
    User = old.get_model("consultation", "User")  # noqa: N806
    Comment = old.get_model("comments", "Comment")  # noqa: N806
    author = User.objects.create(email="held@example.org", display_name="Held")
    area = old.get_model("ideas", "FocusArea").objects.first()
    reasons = {
        "May contain personal data: an email address, a phone number": ("personal_data", "email phone"),
        "A new account's first comment": ("new_account", ""),
        "Every comment is held for review": ("hold_all", ""),
        "Reported by 3 or more people": ("reported", ""),
        "": ("", ""),
    }
    for n, text in enumerate(reasons):
        Comment.objects.create(author=author, focus_area=area, body=f"Comment {n}", state="pending",
                               held_reason=text, submission_key=f"8f1d2c3e-0000-4000-8000-00000000000{n}")

    new = migrator.apply_tested_migration(AFTER).apps
    NewComment = new.get_model("comments", "Comment")  # noqa: N806
    for n, (reason, kinds) in enumerate(reasons.values()):
        comment = NewComment.objects.get(body=f"Comment {n}")
        assert (comment.held_reason, comment.held_kinds) == (reason, kinds)
