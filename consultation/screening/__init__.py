"""Finds personal data in text anyone could read: the one screening that every comment,
name, answer and export goes through.

Deliberately cautious: a false alarm costs a moderator a click; a missed child's date of
birth or NHS number in a public comment costs far more. Each rule returns a reason a
moderator can read.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.IGNORECASE)
# UK numbers: 07xxx mobiles, 01/02/03 landlines, +44 forms, with spaces, dots or dashes.
PHONE = re.compile(
    r"(?<![\d])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s.-]?){9,10}(?![\d])"
)
# Full UK postcodes, for example SW1A 1AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT.
POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE
)
NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")
DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
BIRTH_WORDS = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday)\b", re.IGNORECASE)


def _is_valid_nhs_number(digits: str) -> bool:
    """NHS numbers carry a modulus-11 check digit; most 10-digit strings fail it."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def personal_data_reasons(text: str) -> list[str]:
    """Why this text may contain personal data: an empty list when nothing was found."""
    reasons = []
    if EMAIL.search(text):
        reasons.append("an email address")
    if PHONE.search(text):
        reasons.append("a phone number")
    # NHS numbers: 10 digits that are not part of a phone number, checksummed or labelled.
    without_phones = PHONE.sub(" ", text)
    nhs_candidates = ["".join(match.groups()) for match in NHS_NUMBER.finditer(without_phones)]
    labelled_nhs = bool(nhs_candidates) and re.search(r"\bnhs\b", text, re.IGNORECASE)
    if labelled_nhs or any(_is_valid_nhs_number(digits) for digits in nhs_candidates):
        reasons.append("an NHS number")
    if POSTCODE.search(text):
        reasons.append("a postcode")
    if BIRTH_WORDS.search(text) or (DATE.search(text) and _looks_like_a_birth_date(text)):
        reasons.append("a date of birth")
    return reasons


def _looks_like_a_birth_date(text: str) -> bool:
    """A full date near words about a child or a birth; bare meeting dates pass."""
    for match in DATE.finditer(text):
        window = text[max(0, match.start() - 60): match.end() + 60].lower()
        if re.search(r"\b(?:born|birth|aged?|child|boy|girl|baby|son|daughter|young person)\b", window):
            return True
    return False


def held_reason_for(text: str) -> str:
    reasons = personal_data_reasons(text)
    if not reasons:
        return ""
    return "May contain personal data: " + ", ".join(reasons)
