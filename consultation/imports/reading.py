"""Reads an export of the old forms one record at a time (constant memory): JSON lines, or a
CSV with the same keys as headers and nested scores as `rank_usefulness.<name>` columns or a
JSON cell. Yields (line number, record or None, error): a line that cannot be a record is an
error for that line, never the end of the file."""

import csv
import json
from collections.abc import Iterator
from pathlib import Path

NESTED = ("rank_usefulness", "rank_likelihood")
MAX_LINE = 1_000_000  # characters; a record of the old forms is a few thousand
MAX_DEPTH = 10  # a record nests three deep (record, scores, score)
# csv's own default. Its limit is one setting for the whole process, which other libraries
# raise (frictionless does), so each read sets it: a huge cell is refused the same way always.
MAX_CELL = 131_072
TOO_LONG, TOO_DEEP = "line too long", "nested too deeply"
NOT_UTF8, NUL = "not valid UTF-8 text", "a NUL character in the text"
Row = tuple[int, dict | None, str]


class BadRecord(Exception):
    """A line that cannot be a record; the message is what the report counts by."""


def read_records(path: str | Path) -> Iterator[Row]:
    if str(path).lower().endswith(".csv"):
        yield from _csv_records(path)
    else:
        yield from _json_lines(path)


def _open(path, **kwargs):
    # Bytes that are not UTF-8 become lone surrogates, so `checked` rejects the record they
    # are in and the lines around them still read.
    return open(path, encoding="utf-8-sig", errors="surrogateescape", **kwargs)


class _Lines:
    """The file's lines, each read to at most MAX_LINE characters so one huge line cannot fill
    memory: the rest of a longer line is skipped, a blank cell stands for it and `cut` is set."""

    def __init__(self, handle):
        self.handle, self.cut = handle, False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_LINE)
        if not line:
            raise StopIteration
        if len(line) < MAX_LINE or line.endswith(("\n", "\r")):
            return line
        self.cut = True
        while (rest := self.handle.readline(MAX_LINE)) and not rest.endswith(("\n", "\r")):
            pass
        return '""\n'

    def was_cut(self) -> bool:
        cut, self.cut = self.cut, False
        return cut


def checked(value) -> dict:
    """The record, if it is an object whose keys and texts can all be stored: PostgreSQL refuses
    NUL characters and UTF-8 has no lone surrogates (a `\\udcff` escape, or a byte that was not
    UTF-8). Walked without recursion, so no depth of nesting can stop the import."""
    if not isinstance(value, dict):
        raise BadRecord("not a JSON object")
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise BadRecord(TOO_DEEP)
        if isinstance(item, dict):
            pending += [(key, depth) for key in item]
            pending += [(inner, depth + 1) for inner in item.values()]
        elif isinstance(item, list):
            pending += [(inner, depth + 1) for inner in item]
        elif isinstance(item, str):
            if "\x00" in item:
                raise BadRecord(NUL)
            if not item.isascii():
                try:
                    item.encode()
                except UnicodeEncodeError:
                    raise BadRecord(NOT_UTF8) from None
    return value


def _json_lines(path) -> Iterator[Row]:
    with _open(path) as handle:
        lines = _Lines(handle)
        for number, line in enumerate(lines, start=1):
            if lines.was_cut():
                yield number, None, TOO_LONG
            elif line.strip():
                yield number, *_json_record(line)


def _json_record(line: str) -> tuple[dict | None, str]:
    try:
        return checked(json.loads(line)), ""
    except BadRecord as bad:
        return None, str(bad)
    except RecursionError:
        return None, TOO_DEEP
    except ValueError:  # also numbers past Python's 4,300 digits
        return None, "malformed JSON"


def _csv_records(path) -> Iterator[Row]:
    csv.field_size_limit(MAX_CELL)
    with _open(path, newline="") as handle:
        lines = _Lines(handle)
        rows = csv.DictReader(lines)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error:  # a cell over csv's size limit, say: only its row is lost
                lines.was_cut()
                yield rows.reader.line_num, None, "malformed CSV row"
                continue
            if lines.was_cut():
                yield rows.reader.line_num, None, TOO_LONG
            else:
                yield rows.reader.line_num, *_csv_record(row)


def _csv_record(row: dict) -> tuple[dict | None, str]:
    try:
        return checked(_unflatten(row)), ""
    except BadRecord as bad:
        return None, str(bad)
    except RecursionError:
        return None, TOO_DEEP
    except ValueError:
        return None, "malformed JSON in a cell"


def _unflatten(row: dict) -> dict:
    """`rank_usefulness.<name>` columns become one object; JSON cells are parsed; activities
    may also be one a line."""
    record: dict = {}
    for key, value in row.items():
        if key is None:
            raise BadRecord("more cells than headers")
        value = (value or "").strip()
        head, dot, name = key.partition(".")
        if dot and head in NESTED:
            if value:
                record.setdefault(head, {})[name] = value
            continue
        if key in NESTED and value:
            scores = json.loads(value)
            if not isinstance(scores, dict):
                raise BadRecord("scores not an object")
            record.setdefault(key, {}).update(scores)
        elif key == "activities" and value:
            record[key] = json.loads(value) if value.startswith("[") else [
                line.strip() for line in value.splitlines() if line.strip()]
        else:
            record[key] = value
    return record
