"""What a recogniser returns: a span of the text, its kind and how sure the rule is."""

import re
from dataclasses import dataclass

# Findings at or above this confidence hold a text; below it they are only context.
HOLD_AT = 0.5


@dataclass(frozen=True, order=True)
class Finding:
    kind: str
    start: int
    end: int
    confidence: float


def near(text: str, position: int, words: re.Pattern, *, before: int = 40, after: int = 40,
         end: int | None = None) -> bool:
    """Whether `words` occur within `before` characters ahead of `position` or `after`
    characters beyond `end` (the span's end; `position` when not given)."""
    end = position if end is None else end
    window = text[max(0, position - before):position] + " \n " + text[end:end + after]
    return bool(words.search(window))
