"""Finds personal data in text anyone could read: the one screening that every comment,
name, answer and export goes through (docs/decisions/0008).

`screen(text)` returns findings (kind, start, end, confidence) from named recognisers, each
a small set of rules with context words that raise or lower its confidence (the design of
Microsoft Presidio's recognisers, without its language model). `personal_data_reasons(text)`
says the same in words for people: an empty list means the text is clear.

Deliberately cautious: a false alarm costs a moderator a click; a child's name with their
age, or a family's address, in a public comment costs far more.
"""

from consultation.screening.casual import recased
from consultation.screening.contacts import emails, phones
from consultation.screening.families import families
from consultation.screening.findings import HOLD_AT, Finding
from consultation.screening.identifiers import dates_of_birth, nhs_numbers
from consultation.screening.normalise import normalise, original_span
from consultation.screening.online import accounts
from consultation.screening.people import people
from consultation.screening.places import addresses, postcodes
from consultation.screening.references import references
from consultation.screening.schools import schools, singled_out
from consultation.screening.stories import stories
from consultation.screening.unnamed import unnamed

# Each kind, in the order people are told about them, with the words they are told.
KINDS = {
    "email": "an email address",
    "phone": "a phone number",
    "postcode": "a postcode",
    "address": "a street address",
    "nhs_number": "an NHS number",
    "date_of_birth": "a date of birth",
    "name": "a person's name with details about them",
    "ni_number": "a National Insurance number",
    "upn": "a unique pupil number",
    "case_reference": "a case or record reference",
    "social_media": "a social media account",
    "school": "a named school with a child in it",
    "singled_out": "details that single out a child or family",
}
RECOGNISERS = (emails, phones, postcodes, addresses, nhs_numbers, dates_of_birth, references, accounts)
# The recognisers that lean on capitals read a text written without them with its names recased.
NAME_RECOGNISERS = (people, families, schools, singled_out, unnamed, stories)
# Numbers that one string of digits can look like: the likelier reading wins.
NUMBER_KINDS = {"phone", "nhs_number", "date_of_birth", "postcode", "ni_number", "upn", "case_reference"}

__all__ = ["KINDS", "Finding", "kinds_found", "kinds_found_in_reply", "personal_data_error", "personal_data_reasons",
           "screen"]


def screen(text: str) -> list[Finding]:
    """Every span that would hold this text, in order; overlapping findings of one kind merged.
    The recognisers read the text as a reader sees it (`normalise`); spans are the original's."""
    plain, origin = normalise(text or "")
    cased = recased(plain)
    candidates = [f for recognise in RECOGNISERS for f in recognise(plain) if f.confidence >= HOLD_AT] + [
        f for recognise in NAME_RECOGNISERS for f in recognise(cased) if f.confidence >= HOLD_AT]
    if origin is not None:
        candidates = [Finding(f.kind, *original_span(origin, f.start, f.end), f.confidence) for f in candidates]
    candidates.sort(key=lambda f: (-f.confidence, f.start))
    kept: list[Finding] = []
    for finding in candidates:
        rival = next((k for k in kept if _overlaps(k, finding) and (
            k.kind == finding.kind or {k.kind, finding.kind} <= NUMBER_KINDS)), None)
        if rival is None:
            kept.append(finding)
        elif rival.kind == finding.kind:
            kept[kept.index(rival)] = Finding(rival.kind, min(rival.start, finding.start),
                                              max(rival.end, finding.end), rival.confidence)
    return sorted(kept, key=lambda f: (f.start, f.end, f.kind))


def kinds_found(text: str) -> list[str]:
    """The kinds of personal data in the text, in KINDS order."""
    found = {finding.kind for finding in screen(text)}
    return [kind for kind in KINDS if kind in found]


def kinds_found_in_reply(reply: str, parent: str) -> list[str]:
    """The kinds of personal data a reply discloses when read with the comment it answers, in KINDS
    order: everything `kinds_found(reply)` finds, and what the two together reveal in the reply's own
    words (`replies`). The parent, already published, is not screened again on its own."""
    from consultation.screening.replies import reply_findings

    found = set(kinds_found(reply)) | {finding.kind for finding in reply_findings(reply or "", parent or "")}
    return [kind for kind in KINDS if kind in found]


def personal_data_reasons(text: str) -> list[str]:
    """Why this text may contain personal data: an empty list when nothing was found."""
    return [KINDS[kind] for kind in kinds_found(text)]


def personal_data_error(what: str, text: str) -> str:
    """The GOV.UK error for an answer anyone could read that carries personal data ("" when
    clear): it names the kinds to remove, never the detail itself."""
    reasons = personal_data_reasons(text)
    if not reasons:
        return ""
    return f"{what} must not include {' or '.join(reasons)}: remove it, or describe it without identifying anyone"


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end
