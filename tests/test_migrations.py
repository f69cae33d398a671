"""Splitting consultation/ into apps loses no data: a database populated at the last
migration before the split upgrades with `migrate` and keeps every row, every permission
and every group's grants (django-test-migrations runs the real migrations)."""

from datetime import timedelta

import pytest
from django.utils import timezone

BEFORE = ("consultation", "0011_privacy")
AFTER = [
    ("consultation", "0012_move_models_to_their_apps"),
    ("comments", "0002_comment_revision"),
    ("moderation", "0002_decision_revision"),
]


@pytest.mark.django_db(transaction=True)
def test_a_populated_database_keeps_every_row_through_the_split(migrator):
    old = migrator.apply_initial_migration(BEFORE).apps
    Organisation = old.get_model("consultation", "Organisation")  # noqa: N806
    User = old.get_model("consultation", "User")  # noqa: N806
    Comment = old.get_model("consultation", "Comment")  # noqa: N806
    now = timezone.now()
    consultation = old.get_model("consultation", "Consultation").objects.create(
        title="Round one", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1))
    person = User.objects.create(email="kept@example.org", display_name="Kept",
                                 organisation=Organisation.objects.get(name="Leeds"))
    area = old.get_model("ideas", "FocusArea").objects.first()
    comment = Comment.objects.create(author=person, focus_area=area, body="Words that must survive.",
                                     state="pending", held_reason="A new account's first comment",
                                     submission_key="8f1d2c3e-0000-4000-8000-000000000001")
    Comment.objects.create(author=person, focus_area=area, parent=comment, body="A reply.",
                           submission_key="8f1d2c3e-0000-4000-8000-000000000002")
    old.get_model("consultation", "ModerationDecision").objects.create(
        comment=comment, from_state="pending", to_state="pending", reason="held")
    old.get_model("consultation", "Report").objects.create(comment=comment, reporter=person, reason="spam")
    old.get_model("consultation", "Follow").objects.create(follower=person, focus_area=area)
    response = old.get_model("consultation", "Response").objects.create(
        respondent=person, consultation=consultation, status="submitted", submitted_at=now)
    old.get_model("consultation", "FocusAreaScore").objects.create(response=response, focus_area=area,
                                                                  usefulness=4, likelihood=2)
    response.important_considerations.add(old.get_model("models_of_delivery", "Consideration").objects.first())
    old.get_model("consultation", "DigestDelivery").objects.create(
        kind="followers", period_start=now.date(), recipient=person)
    old.get_model("consultation", "ExportRecord").objects.create(taken_by=person, kind="comments",
                                                                file_format="csv")
    Group = old.get_model("auth", "Group")  # noqa: N806
    analysts_before = set(Group.objects.get(name="Analysts").permissions.values_list("codename", flat=True))

    new = migrator.apply_tested_migration(AFTER).apps

    NewComment = new.get_model("comments", "Comment")  # noqa: N806
    kept = NewComment.objects.get(parent__isnull=True)
    assert (kept.body, kept.state, kept.author.email, kept.revision) == ("Words that must survive.", "pending",
                                                                        "kept@example.org", 1)
    assert NewComment.objects.get(parent=kept).body == "A reply."
    assert new.get_model("moderation", "ModerationDecision").objects.get().comment_id == kept.pk
    assert new.get_model("comments", "Report").objects.count() == 1
    assert new.get_model("comments", "Follow").objects.count() == 1
    new_response = new.get_model("responses", "Response").objects.get()
    assert new_response.scores.get().usefulness == 4
    assert new_response.important_considerations.count() == 1
    assert new.get_model("digests", "DigestDelivery").objects.count() == 1
    assert new.get_model("analysis", "ExportRecord").objects.count() == 1
    assert new.get_model("consultation", "User").objects.get().organisation.name == "Leeds"

    ContentType = new.get_model("contenttypes", "ContentType")  # noqa: N806
    assert not ContentType.objects.filter(app_label="consultation", model="comment").exists()
    assert ContentType.objects.filter(app_label="comments", model="comment").exists()
    analysts = new.get_model("auth", "Group").objects.get(name="Analysts").permissions
    assert set(analysts.values_list("codename", flat=True)) == analysts_before
    assert set(analysts.values_list("content_type__app_label", flat=True)) == {"analysis"}
    moderators = new.get_model("auth", "Group").objects.get(name="Moderators").permissions
    assert moderators.filter(content_type__app_label="comments", codename="change_comment").exists()
