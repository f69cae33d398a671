"""Figures the suite reports at the end of a run (the pytest_terminal_summary hook in conftest)."""

from collections import Counter

COUNTS: Counter = Counter()
LINES: list[str] = []


def count(name: str, n: int = 1) -> None:
    COUNTS[name] += n


def line(text: str) -> None:
    LINES.append(text)
