"""Reads an export of the old forms one record at a time (constant memory): JSON lines, or a
CSV with the same keys as headers and nested scores as `rank_usefulness.<name>` columns or a
JSON cell. Yields (line number, record or None, error)."""

import csv
import json
from collections.abc import Iterator
from pathlib import Path

NESTED = ("rank_usefulness", "rank_likelihood")
Row = tuple[int, dict | None, str]


def read_records(path: str | Path) -> Iterator[Row]:
    if str(path).lower().endswith(".csv"):
        yield from _csv_records(path)
    else:
        yield from _json_lines(path)


def _json_lines(path) -> Iterator[Row]:
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield number, None, "malformed JSON"
                continue
            if not isinstance(record, dict):
                yield number, None, "not a JSON object"
                continue
            yield number, record, ""


def _csv_records(path) -> Iterator[Row]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            try:
                yield reader.line_num, _unflatten(row), ""
            except ValueError:
                yield reader.line_num, None, "malformed JSON in a cell"


def _unflatten(row: dict) -> dict:
    """`rank_usefulness.<name>` columns become one object; JSON cells are parsed; activities
    may also be one a line."""
    record: dict = {}
    for key, value in row.items():
        if key is None:  # more cells than headers
            raise ValueError("extra cells")
        value = (value or "").strip()
        head, dot, name = key.partition(".")
        if dot and head in NESTED:
            if value:
                record.setdefault(head, {})[name] = value
            continue
        if key in NESTED and value:
            record.setdefault(key, {}).update(json.loads(value))
        elif key == "activities" and value:
            record[key] = json.loads(value) if value.startswith("[") else [
                line.strip() for line in value.splitlines() if line.strip()]
        else:
            record[key] = value
    return record
