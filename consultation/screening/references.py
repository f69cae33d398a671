"""Numbers that point to one person's records: National Insurance numbers, unique pupil
numbers (UPNs) and case or system references written after their label ("Case ref
LCS-204481", "Mosaic ID 1234567", "Our ref: SCS/2023/11945").

A reference is only useful to someone with access to the system, but that someone may be a
reader: an ID joins a public comment to a child's file.
"""

import re

from consultation.screening.findings import Finding, near

DIGIT = re.compile(r"\d")
SIX_DIGITS = re.compile(r"\d\d\s?\d\d\s?\d\d")
# Two letters, six digits, one letter A-D, in any spacing or case ("QQ 12 34 56 C", "jh567890a").
NI_NUMBER = re.compile(r"(?<![\w/-])[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d](?![\w/-])")
NI_WORDS = re.compile(r"\bnational insurance\b|\bnino\b|\bni\b|\bn\.i\.", re.IGNORECASE)
# A check letter and twelve digits, in any spacing ("A123456789012", "k 8012 0000 1001").
UPN = re.compile(r"(?<![\w/-])[A-Za-z]\s?\d{3,4}(?:\s?\d{2,4}){2,4}(?![\w/-])")
UPN_WORDS = re.compile(r"\bu\.?p\.?n\b|\bunique pupil\b|\bpupil (?:number|no)\b", re.IGNORECASE)

SYSTEMS = r"mosaic|liquid ?logic|lcs|eclipse|carefirst|care first|frameworki|azeus|servelec|synergy|ehm|wcc|systmone"
# A reference is a run of digits (with letters, "/" and "-") after its label: "case ref", "Mosaic ID",
# "child ID:", "our ref", "case number". Most texts have few long numbers, so the search starts from them.
REFERENCE = re.compile(r"\d[\w/-]{2,24}")
LABEL_HINTS = ("ref", "id", "no", "number", "#", "ccn", "pnc", "uln", "mosaic", "lcs", "logic", "eclipse", "care",
               "frameworki", "azeus", "servelec", "synergy", "ehm", "wcc", "systmone")
LABEL_BEFORE = re.compile(
    rf"\b(?:(?:case|child|client|person|family|referral|record|file|young person|yp|pupil|student|"
    rf"subject|crime|incident|court|police|ehcp?|plan|{SYSTEMS})\s+(?:ref(?:erence)?|id|no|number|#)|"
    # "Mosaic 7734201", "LCS-448213": a case system's name is a label on its own
    rf"(?:{SYSTEMS})|uln|unique learner (?:number|no)|learner (?:number|no)|"
    r"(?:our|your|my|their|the)\s+ref(?:erence)?|ref(?:erence)?\s+(?:no|number|#)|ccn|pnc(?:\s+id)?|"
    r"crime number)\.?\s*(?:[:#=-]\s*)?(?:is\s+|was\s+|of\s+)?(?P<prefix>[A-Za-z]{0,5}[/-]?)$",
    re.IGNORECASE,
)


SYSTEM_NAMES = {"mosaic", "liquidlogic", "liquid logic", "lcs", "eclipse", "carefirst", "care first", "frameworki",
                "azeus", "servelec", "synergy", "ehm", "wcc", "systmone"}


# A court's case number: court code, year, case type and serial ("LS23C00412", "FD24P00217").
COURT_NUMBER = re.compile(r"(?<![\w/-])[A-Z]{2}\d{2}[A-Z]\d{5}(?![\w/-])")


def references(text: str) -> list[Finding]:
    found = [Finding("case_reference", m.start(), m.end(), 0.85) for m in COURT_NUMBER.finditer(text)]
    if DIGIT.search(text):
        if SIX_DIGITS.search(text):
            found += _ni_numbers(text) + _upns(text)
        found += _case_references(text)
    return found


def _ni_numbers(text: str) -> list[Finding]:
    found = []
    for match in NI_NUMBER.finditer(text):
        labelled = near(text, match.start(), NI_WORDS, before=40, after=20, end=match.end())
        looks_right = match.group()[:2].isupper() and match.group()[-1].isupper()
        if labelled or looks_right:
            found.append(Finding("ni_number", match.start(), match.end(), 0.95 if labelled else 0.8))
    return found


def _upns(text: str) -> list[Finding]:
    found = []
    for match in UPN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) != 12:
            continue
        labelled = near(text, match.start(), UPN_WORDS, before=40, after=20, end=match.end())
        if labelled or " " not in match.group():
            found.append(Finding("upn", match.start(), match.end(), 0.95 if labelled else 0.75))
    return found


def _case_references(text: str) -> list[Finding]:
    found = []
    for match in REFERENCE.finditer(text):
        reference = match.group().rstrip("/-")
        # "case 12", "child ID 3 in the table": a row, not a record; years alone are not references.
        if sum(char.isdigit() for char in reference) < 4 or re.fullmatch(r"(?:19|20)\d\d(?:[/-]\d\d)?", reference):
            continue
        before = text[max(0, match.start() - 45):match.start()].lower()
        if not any(word in before for word in LABEL_HINTS):
            continue  # a cheap test first: most numbers follow no label
        label = LABEL_BEFORE.search(text, max(0, match.start() - 45), match.start())
        if label and label.group().strip(" :#=-").lower() in SYSTEM_NAMES and sum(c.isdigit() for c in reference) < 6:
            continue  # "Mosaic 2.3", "LCS 1234 go-live": a system's version or a row, not a record
        if label:
            found.append(Finding("case_reference", label.start("prefix"), match.start() + len(reference), 0.85))
    return found
