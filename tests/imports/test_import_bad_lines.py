"""One bad line never stops manage.py import_feedback: text PostgreSQL or UTF-8 cannot hold,
JSON nested past Python's limits, values that are not objects, bytes that are not UTF-8,
huge lines and broken CSV rows are each reported by line, and every other line comes in.
A record is stored whole or not at all."""

import json

import pytest

from consultation.comments.models import Comment
from consultation.imports import importing
from consultation.imports.models import ImportedRecord, ImportRun
from consultation.people.models import User
from consultation.responses.models import Response
from tests.imports.conftest import run_import, summary_value, written
from tests.imports.test_import_feedback import MAIN, PAGE

pytestmark = pytest.mark.django_db


def write_bytes(path, lines):
    """Lines as given: bytes as they are, records as JSON (escapes such as \\udcff kept as text)."""
    encoded = [line if isinstance(line, bytes) else
               (line if isinstance(line, str) else json.dumps(line)).encode("utf-8") for line in lines]
    path.write_bytes(b"\n".join(encoded) + b"\n")
    return path


def page(summary, **changes):
    return {**PAGE, "summary": summary, **changes}


def test_lines_that_cannot_be_stored_are_reported_by_line_and_the_rest_come_in(ready, tmp_path):
    path = write_bytes(tmp_path / "sheet.jsonl", [
        page("A lone surrogate in the details", details="\udcff"),
        "[" * 100_000,
        MAIN,
        page("A NUL character in the details", details="before\x00after"),
        {**MAIN, "org": "\ud800 Borough Council", "comments": "Surrogate in the organisation"},
        page("A surrogate in the date", timestamp="2024-01-\udcff"),
        "3",
        '"x"',
        "null",
        page("A surrogate in a key", **{"\udcff": "value"}),
        page("A NUL character in a key", **{"a\x00b": "value"}),
        page("Nested far too deeply", extra=json.loads("[" * 24 + "]" * 24)),
        json.dumps(page("Bytes that are not UTF-8", details="MARK")).encode().replace(b"MARK", b"caf\xe9"),
        page("A good comment after them all"),
    ])

    summary, problems = run_import(path)

    for line, reason in [(1, "not valid UTF-8 text"), (2, "nested too deeply"), (4, "a NUL character in the text"),
                         (5, "not valid UTF-8 text"), (6, "not valid UTF-8 text"), (7, "not a JSON object"),
                         (8, "not a JSON object"), (9, "not a JSON object"), (10, "not valid UTF-8 text"),
                         (11, "a NUL character in the text"), (12, "nested too deeply"),
                         (13, "not valid UTF-8 text")]:
        assert f"line {line}: {reason}\n" in problems, (line, reason, problems)
    assert summary_value(summary, "Read") == 14
    assert summary_value(summary, "Imported") == 2
    assert summary_value(summary, "Rejected") == 12
    assert Comment.objects.get().body.startswith("A good comment after them all")
    assert written() == {"responses": 1, "comments": 1, "imported people": 2}
    run = ImportRun.objects.get()
    assert run.finished_at is not None and run.imported == 2 and run.rejected["not valid UTF-8 text"] == 5


def test_a_file_that_is_not_utf8_loses_only_its_lines_with_other_bytes(ready, tmp_path):
    latin1 = json.dumps(page("Caf\u00e9 culture in the data team", nature=""), ensure_ascii=False).encode("latin-1")
    path = write_bytes(tmp_path / "sheet.jsonl", [latin1, page("Plain ASCII still comes in")])

    summary, problems = run_import(path)

    assert "line 1: not valid UTF-8 text" in problems
    assert Comment.objects.get().body.startswith("Plain ASCII still comes in")  # no U+FFFD stored


def test_a_huge_line_is_reported_and_the_next_line_still_comes_in(ready, tmp_path):
    path = write_bytes(tmp_path / "sheet.jsonl", [page("Far too long", details="x" * 2_000_000),
                                                  page("The line after it")])

    summary, problems = run_import(path)

    assert "line 1: line too long" in problems
    assert summary_value(summary, "Imported") == 1
    assert Comment.objects.get().body.startswith("The line after it")


def test_a_record_that_fails_while_being_written_leaves_nothing_behind(ready, tmp_path, monkeypatch):
    """The respondent is made before the comment: a failure after it must take it back too."""
    real = importing.comment_create

    def failing(**kwargs):
        if kwargs["body"].startswith("Breaks"):
            raise RuntimeError("the lifecycle failed")
        return real(**kwargs)

    monkeypatch.setattr(importing, "comment_create", failing)
    path = write_bytes(tmp_path / "sheet.jsonl", [page("Breaks while written"), page("Written whole")])

    summary, problems = run_import(path)

    assert "line 1: could not be imported: RuntimeError" in problems
    assert summary_value(summary, "Imported") == 1
    assert written() == {"responses": 0, "comments": 1, "imported people": 1}
    assert ImportedRecord.objects.get().line == 2


def test_a_long_or_odd_value_is_shown_short_and_plain_in_the_report(ready, tmp_path):
    path = write_bytes(tmp_path / "sheet.jsonl", [{**MAIN, "role": "\x1b[31mWizard" + "z" * 5000},
                                                  {**MAIN, "org": "Acme \x1b[2J" + "Data " * 1000}])

    summary, problems = run_import(path)

    reported = next(line for line in problems.splitlines() if line.startswith("line 1: unknown role"))
    assert len(reported) < 200 and "\x1b" not in reported
    assert "\x1b" not in summary and max(len(line) for line in summary.splitlines()) < 100


def test_broken_csv_rows_are_reported_by_line_and_the_rest_come_in(ready, tmp_path):
    header = "tab,page,summary,details,role,org,email,nature,hp_field,rank_likelihood\n"

    def row(summary, details="", likelihood=""):
        return f"Feedback,{PAGE['page']},{summary},{details},{PAGE['role']},Kent,,,,{likelihood}\n"

    path = tmp_path / "sheet.csv"
    path.write_bytes((
        header
        + row("A good first row")
        + row("Scores as a bare number", likelihood="3")
        + row("More cells than headers") .replace("\n", ",extra,cells\n")
        + row("A cell over the size limit", details='"' + "x" * 200_000 + '"')
        + row("A NUL in a cell", details="a\x00b")
        + row("A cell nested too deeply", likelihood='"' + "[" * 100_000 + '"')
        + row("A good last row")
    ).encode() + row("Not UTF-8 \xe9").encode("latin-1"))

    summary, problems = run_import(path)

    for line, reason in [(3, "scores not an object"), (4, "more cells than headers"), (5, "malformed CSV row"),
                         (6, "a NUL character in the text"), (7, "nested too deeply"), (9, "not valid UTF-8 text")]:
        assert f"line {line}: {reason}" in problems, (line, reason, problems)
    assert summary_value(summary, "Imported") == 2
    assert sorted(c.body for c in Comment.objects.all()) == ["A good first row", "A good last row"]
    assert User.objects.filter(imported=True).count() == 2 and not Response.objects.exists()
