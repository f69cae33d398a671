"""manage.py import_feedback, against realistic records of both old forms: the summary is
right, faults are reported by line without stopping, a rerun adds nothing, a dry run writes
nothing, and imported comments wait for a moderator with their source."""

from collections import Counter
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate

from bench.import_records import records
from consultation.comments.models import Comment
from consultation.imports.models import ImportedRecord, ImportRun
from consultation.moderation.lifecycle import comment_moderate
from consultation.moderation.notices import decision_notice_send
from consultation.people.models import User
from consultation.people.roles import Role
from consultation.people.sources import Source
from consultation.responses.models import Response
from tests.factories import UserFactory
from tests.imports.conftest import run_import, summary_value, write_lines, written

pytestmark = pytest.mark.django_db

SITE = "https://data-to-insight.github.io/centre-of-excellence/"
MAIN = {"tab": "MainFeedback", "page": SITE + "feedback/", "role": "Local authority data professional",
        "org": "Leeds City Council", "email": "", "rank_usefulness": {"Improving data quality": 5,
        "Discovering what works": 4}, "rank_likelihood": {"Improving data quality": 4},
        "activities": ["Improving data quality: Providing data quality tools and methods and driving improvement",
                       "Procurement and configuration: Improving typical procurement practice and other CMS-related activity"],
        "section": "", "comments": "Shared validation rules would save every council time.", "hp_field": ""}
PAGE = {"tab": "Feedback", "page": SITE + "appendix-2-more-on-possible-mechanisms-for-change/improving-data-quality/",
        "summary": "Quality starts with recording", "details": "Most errors we fix come from how practitioners record visits.",
        "role": "Local authority leadership", "org": "kent cc", "email": "", "nature": "I’ve identified a specific issue with this",
        "hp_field": ""}


def test_a_few_thousand_records_import_with_a_correct_summary_and_a_rerun_adds_nothing(ready, tmp_path, mailoutbox):
    generated = list(records(2000, seed=7))
    expected = Counter(category for category, _ in generated)
    path = write_lines(tmp_path / "sheet.jsonl", [line for _, line in generated])

    summary, problems = run_import(path)

    assert summary_value(summary, "Read") == 2000
    assert summary_value(summary, "Imported") == expected["imported"]
    assert summary_value(summary, "Duplicates") == expected["duplicate"]
    assert summary_value(summary, "  honeypot filled in (a bot)") == expected["honeypot"]
    assert summary_value(summary, "  malformed JSON") == expected["malformed"]
    assert summary_value(summary, "  unknown role") == expected["unknown role"]
    assert summary_value(summary, "  score outside 1 to 5") == expected["score out of range"]
    assert summary_value(summary, "  Department for Education") > 0  # listed for a person to confirm
    assert "Leeds City Council" not in summary and "kent cc" not in summary  # placed as councils
    imported_responses = Response.objects.filter(source=Source.IMPORTED).count()
    imported_comments = Comment.objects.filter(source=Source.IMPORTED).count()
    assert imported_responses + imported_comments == expected["imported"]
    assert not Comment.objects.filter(source=Source.IMPORTED).exclude(state=Comment.State.PENDING).exists()
    assert ImportRun.objects.get().imported == expected["imported"]
    assert mailoutbox == []
    before = written()

    again, _ = run_import(path)

    assert summary_value(again, "Imported") == 0
    assert summary_value(again, "Duplicates") == expected["imported"] + expected["duplicate"]
    assert written() == before


def test_faults_are_reported_by_line_and_the_good_records_still_come_in(ready, tmp_path):
    path = write_lines(tmp_path / "sheet.jsonl", [
        MAIN,
        '{"tab": "MainFeedback", "role": "Local authority leadership", "rank_usefulness": {',
        {**MAIN, "role": "Chief wizard"},
        {**MAIN, "rank_usefulness": {"Improving data quality": 0}},
        {**MAIN, "rank_usefulness": {"Improving data quality": 6}},
        {**PAGE, "hp_field": "http://cheap.example"},
        {**PAGE, "role": "LOCAL AUTHORITY CHILDREN’S SOCIAL CARE PROFESSIONAL", "org": "Royal Borough of Greenwich"},
        {**PAGE, "summary": "Hm"},
        "[1, 2]",
        {**PAGE, "page": SITE + "appendix-1-more-on-how-our-system-works/cost/"},
    ])

    summary, problems = run_import(path)

    assert "line 2: malformed JSON" in problems
    assert "line 3: unknown role: Chief wizard" in problems
    assert "line 4: score outside 1 to 5: Improving data quality: 0" in problems
    assert "line 5: score outside 1 to 5: Improving data quality: 6" in problems
    assert "line 6: honeypot filled in (a bot)" in problems
    assert "line 8: summary missing or under 5 characters" in problems
    assert "line 9: not a JSON object" in problems
    assert summary_value(summary, "Read") == 10
    assert summary_value(summary, "Imported") == 3
    assert summary_value(summary, "Rejected") == 7
    # Feedback on the paper's "Cost" appendix becomes a comment on that part of the paper.
    assert Comment.objects.get(paper_part="cost").state == Comment.State.PENDING
    comment = Comment.objects.exclude(paper_part="cost").get()
    assert comment.author.role == Role.LA_SOCIAL_CARE  # curly apostrophe and capitals, still the role
    assert comment.author.organisation.name == "Greenwich"
    assert comment.reflection_kind == "specific_issue"
    response = Response.objects.get()
    assert response.is_submitted and response.source == Source.IMPORTED
    assert response.respondent.organisation.name == "Leeds"
    assert {s.focus_area.slug: (s.usefulness, s.likelihood) for s in response.scores.all()} == {
        "improving-data-quality": (5, 4), "discovering-what-works": (4, None)}
    assert sorted(f.idea.focus_area.slug for f in response.flags.all()) == [
        "improving-data-quality", "making-sense-of-case-management-systems"]


def test_a_dry_run_writes_nothing_and_reports_what_a_real_run_does(ready, tmp_path):
    path = write_lines(tmp_path / "sheet.jsonl", [MAIN, PAGE, PAGE, {**PAGE, "hp_field": "x"}, {**MAIN, "org": "Acme Data Ltd"}])

    dry, _ = run_import(path, "--dry-run")

    assert written() == {"responses": 0, "comments": 0, "imported people": 0}
    assert not ImportRun.objects.exists() and not ImportedRecord.objects.exists()
    real, _ = run_import(path)
    for label in ("Read", "Imported", "Duplicates", "Rejected", "  Acme Data Ltd"):
        assert summary_value(dry, label) == summary_value(real, label), label
    assert summary_value(real, "Duplicates") == 1


def test_a_csv_export_with_score_columns_is_the_same_record_as_its_json_line(ready, tmp_path):
    csv_path = tmp_path / "sheet.csv"
    csv_path.write_text(
        "tab,page,role,org,email,rank_usefulness.Improving data quality,rank_usefulness.Discovering what works,"
        "rank_likelihood,activities,section,comments,hp_field\n"
        f'MainFeedback,{SITE}feedback/,Local authority data professional,Leeds City Council,,5,4,'
        '"{""Improving data quality"": 4}","[""Improving data quality: Providing data quality tools and methods and '
        'driving improvement"", ""Procurement and configuration: Improving typical procurement practice and other '
        'CMS-related activity""]",,Shared validation rules would save every council time.,\n'
        "MainFeedback,,Local authority leadership,Kent County Council,,,,{not json,,,,\n",
        encoding="utf-8")

    summary, problems = run_import(csv_path)

    assert summary_value(summary, "Imported") == 1
    assert "line 3: malformed JSON in a cell" in problems
    again, _ = run_import(write_lines(tmp_path / "sheet.jsonl", [MAIN]))
    assert summary_value(again, "Duplicates") == 1  # the same answer, whichever export it came from


def test_a_verified_account_gets_its_feedback_and_nobody_else_gets_a_login_or_an_email(
        ready, tmp_path, moderator, mailoutbox, django_capture_on_commit_callbacks):
    account = UserFactory(email="sam@council.example", role=Role.LA_DATA)
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)
    UserFactory(email="unverified@council.example")
    path = write_lines(tmp_path / "sheet.jsonl", [
        {**PAGE, "email": "SAM@council.example"},
        {**PAGE, "email": "unverified@council.example", "summary": "Another point about recording"},
        {**PAGE, "email": "unverified@council.example", "summary": "A third point, same person"},
    ])

    run_import(path)

    linked, *others = Comment.objects.order_by("pk")
    assert linked.author == account
    assert others[0].author == others[1].author  # one imported respondent per address
    person = others[0].author
    assert person.imported and not person.is_active and not person.has_usable_password()
    assert person.email.endswith("@imported.invalid") and "unverified" not in person.email
    assert authenticate(email=person.email, password="") is None
    assert all(c.held_reason == Comment.HeldReason.NOT_ONLINE and c.state == Comment.State.PENDING for c in [linked, *others])
    with django_capture_on_commit_callbacks(execute=True):
        decision = comment_moderate(comment=others[0], moderator=moderator, to_state=Comment.State.PUBLISHED)
    assert decision_notice_send(decision.pk) == "no one to tell"
    assert mailoutbox == []


def test_an_online_response_is_never_overwritten_by_an_import(ready, tmp_path):
    account = UserFactory(email="jo@council.example")
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)
    Response.objects.create(respondent=account, consultation=ready, status=Response.Status.SUBMITTED,
                            anything_else="My own words")

    summary, problems = run_import(write_lines(tmp_path / "sheet.jsonl", [{**MAIN, "email": "jo@council.example"}]))

    assert "line 1: already responded online" in problems
    assert Response.objects.get().anything_else == "My own words"


def test_personal_data_in_an_imported_comment_is_held_for_that_reason(ready, tmp_path):
    summary, _ = run_import(write_lines(tmp_path / "sheet.jsonl", [
        {**PAGE, "details": "Ring me on 07700 900123 about the child born 03/04/2015"}, MAIN]))

    assert summary_value(summary, "Texts that may hold personal data") == 1

    comment = Comment.objects.get()
    assert comment.state == Comment.State.PENDING
    assert comment.held_reason == Comment.HeldReason.PERSONAL_DATA
    assert User.objects.filter(imported=True).count() == 2  # two records, no addresses: two people


def test_a_record_dated_outside_the_consultation_is_rejected_by_line(ready, tmp_path):
    """The analysis, the API and the exports count comments written while the consultation was
    open: an imported comment dated before it would show on its page and be counted nowhere."""
    before = (ready.opens_at - timedelta(days=20)).strftime("%d/%m/%Y")
    inside = (ready.opens_at + timedelta(days=1)).strftime("%d/%m/%Y")
    path = write_lines(tmp_path / "dated.jsonl", [{**PAGE, "timestamp": before}, {**PAGE, "timestamp": inside,
                                                                                  "summary": "Dated inside"}])
    summary, problems = run_import(path)
    assert "line 1: dated outside the consultation" in problems
    assert summary_value(summary, "Imported") == 1
    assert Comment.objects.get().body.startswith("Dated inside")
