"""Numbers and dates that identify one person: NHS numbers (checksummed, or labelled as
one) and dates of birth (a date with birth context: a meeting or a policy date is not one)."""

import re

from consultation.screening.findings import Finding, near
from consultation.screening.words import first_names

NHS_NUMBER = re.compile(r"(?<![\d£$€.,])(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?![\d%])")
NHS_WORDS = re.compile(r"\bnhs\b|\bchi\b|\bpatient (?:number|no)\b", re.IGNORECASE)


def _is_valid_nhs_number(digits: str) -> bool:
    """NHS numbers carry a modulus-11 check digit; most 10-digit strings fail it."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> list[Finding]:
    found = []
    for match in NHS_NUMBER.finditer(text):
        digits = "".join(match.groups())
        labelled = near(text, match.start(), NHS_WORDS, before=40, after=25, end=match.end())
        if labelled:
            found.append(Finding("nhs_number", match.start(), match.end(), 0.95))
        elif _is_valid_nhs_number(digits) and not digits.startswith("0"):
            found.append(Finding("nhs_number", match.start(), match.end(), 0.8))
    return found


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"(?<![\d/.-])(?=[0-9jfmasond])(?:[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d"
    rf"|(?:19|20)\d\d-[01]\d-[0-3]\d"
    rf"|{_DAY}(?:\s+of)?[\s-]+{_MONTH}(?:,?\s+|-)(?:(?:19|20)\d\d|['’]\d\d)"
    rf"|{_MONTH}\s+{_DAY},?\s+(?:(?:19|20)\d\d|['’]\d\d)"
    # "2nd of the 5th 2013": the month as an ordinal, as people say it
    rf"|[0-3]?\d(?:st|nd|rd|th)\s+of\s+the\s+[01]?\d(?:st|nd|rd|th),?\s+(?:19|20)\d\d)(?![\d/])",
    re.IGNORECASE,
)
# "Date of birth 20150312": eight digits are a date only straight after a birth label.
COMPACT_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d[01]\d[0-3]\d(?!\d)")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:19|20)\d\d\b", re.IGNORECASE)
BIRTH_BEFORE = re.compile(r"(?:\b(?:born|urodzon[ya]|ganwyd)\b(?:\s+on)?(?:\s+the)?|\bd\.?\s?o\.?\s?b\b\.?|date of birth|\bbirth ?date\b|"
                          r"\bbirthday\b|\bb\.)[\s:,-]*(?:is|was|of)?[\s:,-]*$", re.IGNORECASE)
BIRTH_NEAR = re.compile(r"\b(?:born|d\.?o\.?b|date of birth|birthday|birth date)\b", re.IGNORECASE)
# "aged 9 (14th February 2016)", "Tommy (12/03/2015)", "was 4 on 12/03/2019"
AGE_BEFORE = re.compile(r"(?:\baged?\s+\d{1,2}|\b(?P<name>[A-Z][a-z]+)|\b(?:was|turned|turns|is)\s+\d{1,2}(?:\s+on)?)"
                        r"\s*[(,]?\s*$")
# "children born after 1 September 2020 are eligible": a rule about a cohort, not a person.
COHORT_BORN = re.compile(r"\bborn\s+(?:on\s+or\s+)?(?:after|before|between|since|from)\s+\S*$|"
                         r"\b(?:children|pupils|babies|people|those|anyone|everyone|students|learners|all|"
                         r"young people|who were|who are|cohort)\s+(?:\w+\s+)?born\b", re.IGNORECASE)


def dates_of_birth(text: str) -> list[Finding]:
    found = []
    for match in DATE.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        age = AGE_BEFORE.search(before)
        if COHORT_BORN.search(text[max(0, match.start() - 60):match.start()]):
            continue
        if BIRTH_BEFORE.search(before):
            confidence = 0.95
        elif near(text, match.start(), BIRTH_NEAR, before=50, after=30, end=match.end()):
            confidence = 0.8
        elif age and (not age["name"] or age["name"].lower() in first_names()) and _bracketed_or_turned(
                before, text[match.end():match.end() + 2]):
            confidence = 0.7
        else:
            continue
        found.append(Finding("date_of_birth", match.start(), match.end(), confidence))
    for match in COMPACT_DATE.finditer(text):
        if BIRTH_BEFORE.search(text[max(0, match.start() - 30):match.start()]):
            found.append(Finding("date_of_birth", match.start(), match.end(), 0.9))
    for match in MONTH_YEAR.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if not any(f.start <= match.start() < f.end for f in found) and BIRTH_BEFORE.search(
                before.removesuffix("in ")) and not COHORT_BORN.search(before):
            found.append(Finding("date_of_birth", match.start(), match.end(), 0.7))
    return found


def _bracketed_or_turned(before: str, after: str) -> bool:
    return before.rstrip().endswith("(") and after.startswith(")") or bool(
        re.search(r"\b(?:was|turned|turns|is)\s+\d{1,2}\s+on\s*$", before))
