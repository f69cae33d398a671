"""Ways to reach a person: email addresses (plain and disguised) and phone numbers."""

import re

from consultation.screening.findings import Finding, near
from consultation.screening.words import first_names

# (The look-behind starts a match only where a word starts: without it every letter is tried.)
EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)

# "jane dot doe at council dot gov dot uk", "j.smith (at) leeds.gov.uk", "jo[at]example[dot]org"
_WORD = r"[a-z0-9][a-z0-9_+'-]*"
_BRACKETED_AT = r"\s*[(\[{<]\s*at\s*[)\]}>]\s*"
_SPOKEN_AT = r"\s+at\s+|-at-|\s+@\s+"
_DOT = r"\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|-dot-|\s?\.\s?"
_TLDS = (r"uk|com|org|net|gov|edu|io|info|co|ac|nhs|me|biz|scot|wales|cymru|london|email|ie|eu|de|fr|es|it|"
         r"nl|pl|ro|in|pk|ng|us|ca|au|nz|ai|app|dev|online|live|mail")
DISGUISED_EMAIL = re.compile(
    rf"(?<![\w.@])(?P<local>{_WORD}(?:(?:{_DOT}){_WORD}){{0,3}})"
    rf"(?P<at>{_BRACKETED_AT}|{_SPOKEN_AT})"
    rf"(?P<domain>{_WORD}(?:(?:{_DOT}){_WORD}){{0,4}}(?:{_DOT})(?:{_TLDS}))(?![\w@])",
    re.IGNORECASE,
)
# Every disguised address ends in a top-level domain: most texts have none, and skip the rest.
# (Case matters after a full stop: ". In" and ". It" open sentences, ".in" and ". it" end addresses.)
TLD_AFTER_DOT = re.compile(rf"\.\s?(?:{_TLDS}|{_TLDS.upper()})\b|(?i:\bdot\b[)\]}}>-]?\s?(?:{_TLDS})\b)")
SPOKEN_DOT = re.compile(r"[(\[{<]\s*dot\s*[)\]}>]|\bdot\b|-dot-", re.IGNORECASE)
PUBLIC_SUFFIXES = {"gov.uk", "co.uk", "org.uk", "ac.uk", "nhs.uk", "sch.uk", "police.uk", "com", "org", "net"}
EMAIL_WORDS = re.compile(r"\b(?:e-?mail|contact|write to|mail|address|message|reach)\b", re.IGNORECASE)


# "jdoe at gmail", "sam (at) hotmail": a webmail provider needs no domain ending.
WEBMAIL = re.compile(
    rf"(?<![\w.@]){_WORD}(?:(?:{_DOT}){_WORD}){{0,3}}(?:{_BRACKETED_AT}|{_SPOKEN_AT})"
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|btinternet|protonmail|aol)\b(?!\s*(?:\.|dot\b))",
    re.IGNORECASE,
)


WEBMAIL_PROVIDERS = ("gmail", "googlemail", "hotmail", "yahoo", "outlook", "icloud", "btinternet", "protonmail", "aol")


def emails(text: str) -> list[Finding]:
    found = [Finding("email", m.start(), m.end(), 0.95) for m in EMAIL.finditer(text)] if "@" in text else []
    lower = text.lower()
    if any(provider in lower for provider in WEBMAIL_PROVIDERS):  # a cheap test before the costly pattern
        found += [Finding("email", m.start(), m.end(), 0.8) for m in WEBMAIL.finditer(text)]
    if not TLD_AFTER_DOT.search(text):
        return found
    for match in DISGUISED_EMAIL.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        confidence = _disguised_confidence(text, match)
        found.append(Finding("email", match.start(), match.end(), confidence))
    return found


def _disguised_confidence(text: str, match: re.Match) -> float:
    at, local, domain = match["at"].strip().lower(), match["local"], match["domain"]
    spoken_dots = bool(SPOKEN_DOT.search(local) or SPOKEN_DOT.search(domain))
    bracketed = at.startswith(("(", "[", "{", "<"))
    if bracketed or spoken_dots or at == "@":
        return 0.9
    # "jane at leeds.gov.uk" looks like an address; "published at leeds.gov.uk" does not.
    plain_domain = re.sub(r"\s", "", domain.lower())
    if plain_domain in PUBLIC_SUFFIXES or plain_domain.startswith("www."):
        return 0.2
    mailbox_like = bool(re.search(r"[._\d+]", local)) or local.lower() in first_names()
    if mailbox_like or near(text, match.start(), EMAIL_WORDS, before=40, after=0):
        return 0.8
    return 0.3


# A run of digits with the separators people use: spaces, dots, dashes, brackets.
PHONE_CANDIDATE = re.compile(r"(?<![\w+£$€.,/])(?:\+|\b00)?\s?\(?\d[\d\s().-]{7,30}\d(?![\w/%])")
PHONE_WORDS = re.compile(r"\b(?:tel|telephone|phone|mobile|mob|call|ring|text|whatsapp|contact|number|on)\b",
                         re.IGNORECASE)


# "o77oo 9oo123": the letter o for a zero, in a run that is otherwise digits.
LETTER_O_CANDIDATE = re.compile(r"(?<![\w+£$€.,/])[\doO](?=[\d\s().oO-]*\d[\d\s().oO-]*[oO])[\d\s().oO-]{7,22}[\doO](?![\w/%])")
DIGIT_BESIDE_O = re.compile(r"\d[oO]|[oO]\d")
# "seven seven zero zero nine ...": a number spelled out, digit by digit.
_DIGIT_WORDS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
# ("double zero", "treble seven": one word for two or three digits.)
SPELLED_NUMBER = re.compile(rf"\b(?:(?:(?:double|treble|triple)\s+)?(?:{'|'.join(_DIGIT_WORDS)})(?:[\s,-]+|$)){{7,11}}",
                            re.IGNORECASE)
_REPEATS = {"double": 2, "treble": 3, "triple": 3}


def phones(text: str) -> list[Finding]:
    found = []
    candidates = list(PHONE_CANDIDATE.finditer(text))
    if DIGIT_BESIDE_O.search(text):
        candidates += [m for m in LETTER_O_CANDIDATE.finditer(text) if re.search(r"[oO]", m.group())]
    for match in candidates:
        raw = match.group().strip()
        confidence = _phone_confidence(re.sub(r"[oO]", "0", raw))
        if confidence:
            if near(text, match.start(), PHONE_WORDS, before=25, after=0):
                confidence = min(1.0, confidence + 0.1)
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            found.append(Finding("phone", start, start + len(raw), confidence))
    spelled = any(word in text.lower() for word in ("zero", "nought", "oh "))  # a UK number has a 0
    for match in SPELLED_NUMBER.finditer(text) if spelled else ():
        digits, repeat = "", 1
        for word in re.findall(r"[a-z]+", match.group().lower()):
            if word in _REPEATS:
                repeat = _REPEATS[word]
            else:
                digits, repeat = digits + _DIGIT_WORDS[word] * repeat, 1
        if _phone_confidence(digits if digits.startswith("0") else "0" + digits):  # "seven seven..." drops the 0
            found.append(Finding("phone", match.start(), match.end(), 0.8))
    return found


def _phone_confidence(raw: str) -> float:
    # "0 7 7 0 0 - 9 0 0 - 1 2 3": a number spelled out digit by digit, whatever the separators.
    spelled_out = re.fullmatch(r"\d(?:[\s.-]+\d)+", raw) is not None
    if re.search(r"[\s.-]{2,}|\d{4}-\d{2}(?!\d)", raw) and not re.fullmatch(r"[\d\s]+", raw) and not spelled_out:
        return 0.0  # "2024 - 25", "2019-20": years and ranges, not numbers
    international = raw.startswith(("+", "00"))
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if international:
        digits = digits.removeprefix("00")
        if digits.startswith("44"):
            national = digits[2:]
            return 0.9 if 9 <= len(national) <= 10 and national[0] in "1235789" else 0.0
        return 0.75 if 8 <= len(digits) <= 15 else 0.0
    if len(digits) == 10 and digits.startswith("7") and re.fullmatch(r"7\d{3}\s?\d{3}\s?\d{3}", raw):
        return 0.45  # "7700 900 555": a mobile without its 0, read as one beside a word for calling
    if not digits.startswith("0") or digits[1:2] not in set("1235789") or len(digits) not in (10, 11):
        return 0.0
    first_group = re.match(r"\(?(\d+)", raw).group(1)
    if len(first_group) < 3 and not spelled_out:
        return 0.0  # "01 02 03 04 05": a list, not a number
    return 0.85
