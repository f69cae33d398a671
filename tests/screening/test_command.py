"""`manage.py screen_personal_data FILE|-`: held or clear, a tab, the kinds. A stable interface."""

import io

import pytest
from django.core.management import CommandError, call_command

LINES = ("Tommy, aged 7, lives at 12 Acacia Avenue\n"
         "Born in Bradford is a great research cohort\n"
         "call 07700 900123 or jo@example.org\n")
EXPECTED = "held\taddress,name\nclear\t\nheld\temail,phone\n"


def run(*args):
    out = io.StringIO()
    call_command("screen_personal_data", *args, stdout=out)
    return out.getvalue()


def test_a_file_gives_one_line_per_text(tmp_path):
    path = tmp_path / "texts.txt"
    path.write_text(LINES, encoding="utf-8")
    assert run(str(path)) == EXPECTED


def test_standard_input_with_a_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(LINES))
    assert run("-") == EXPECTED


def test_a_missing_or_binary_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "nowhere.txt"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(binary))
