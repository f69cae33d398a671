"""Text as a reader sees it, before any recogniser looks at it: full-width and styled letters
folded (NFKC), hidden characters (zero-width, direction marks, soft hyphens) dropped, HTML
entities unescaped, accents and look-alike letters from other alphabets read as Latin.

"stacey.green＠gmail.com", "077\u200b00 900123", "J\u0430yden (7)" and "LS6&nbsp;2AB" are
written to slip past rules on the plain text; a reader sees an address, a number and a name.
Findings are mapped back to the original text, so a moderator's highlight marks what was
written.
"""

import html
import re
import unicodedata
from functools import cache, lru_cache

from confusable_homoglyphs import confusables

SPECIAL = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});|[^\x00-\x7f]")
# Letters with no decomposition that people type for their plain Latin reading.
LATIN_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                 "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}


@cache
def look_alike_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of characters that look alike ("I", "l", "1", Cyrillic "І"), from Unicode's
    confusables data as shipped in `confusable_homoglyphs`, joined both ways."""
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.setdefault(char, char) != char:
            char = parent[char]
        return char

    for char, glyphs in confusables.confusables_data.items():
        for glyph in glyphs:
            other = glyph["c"].strip("\u200e")
            if len(other) == 1:
                parent[root(other)] = root(char)
    groups: dict[str, list[str]] = {}
    for char in parent:
        groups.setdefault(root(char), []).append(char)
    return tuple(tuple(members) for members in groups.values())


@cache
def latin_look_alikes() -> dict[str, str]:
    """Each non-ASCII look-alike mapped to the Latin letter (same case first) or digit it imitates."""
    mapping = {}
    for members in look_alike_groups():
        plain = sorted(char for char in members if char.isascii() and char.isalnum())
        if not plain:
            continue
        for char in members:
            if char.isascii():
                continue
            same_case = [p for p in plain if p.isalpha() and p.islower() == char.islower()]
            letters = [p for p in plain if p.isalpha()]
            mapping[char] = (same_case or letters or plain)[0]
    return mapping


@lru_cache(maxsize=4096)  # bounded: anyone can send new characters and entities
def _plain(piece: str) -> str:
    """One character or entity as plain text."""
    if piece.startswith("&"):
        unescaped = html.unescape(piece)
        return piece if unescaped == piece else "".join(_plain(char) for char in unescaped)
    category = unicodedata.category(piece)
    if category in ("Cf", "Cc", "Mn", "Me"):
        return ""  # zero-width, direction marks, soft hyphens; accents left over from a decomposition
    if category.startswith("Z"):
        return " "
    out = []
    for char in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", piece)):
        if char.isascii():
            out.append(char)
        elif unicodedata.category(char) not in ("Mn", "Me", "Cf"):
            out.append(LATIN_LETTERS.get(char) or latin_look_alikes().get(char, char))
    return "".join(out)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text as a reader sees it, and where each of its characters (and its end) came from
    in the original: None when nothing changed (plain ASCII, the usual case)."""
    if text.isascii() and "&" not in text:
        return text, None
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for match in SPECIAL.finditer(text):
        start, end = match.span()
        parts.append(text[position:start])
        origin.extend(range(position, start))
        replacement = _plain(match.group())
        parts.append(replacement)
        origin.extend([start] * len(replacement))
        position = end
    parts.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return "".join(parts), origin


def original_span(origin: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span of the original text that the normalised span start:end came from."""
    if origin is None:
        return start, end
    last = origin[end - 1] if end > start else origin[start]
    # The span ends after the last character it covers, entity or zero-width spaces included.
    original_end = next((o for o in origin[end:] if o > last), origin[-1])
    return origin[start], original_end
