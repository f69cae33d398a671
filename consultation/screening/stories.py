"""A child pointed to by what a reader could look up or work out, without a name: a local news
story linked about a child ("…/boy-13-stabbed-oldham-school", "the 14 year old in that article was
on our books"), a rare combination in one sentence (a child with an age, a rare condition and a
named village: "a 7-year-old with Rett syndrome in Hutton-le-Hole"), a child tied to a named
estate or street ("a 15-year-old boy from the Marsh Farm estate", "a 3 year old on Cranbrook
Road"), and "the only one" of something after a child ("…, the only one in the dale").

Each rule starts from its rare literal (a link, a condition, an estate or street name, "the only
one") and looks around it for the child, so texts without one cost a substring test.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people_words import AGE, CHILD_OF_AGE, NOT_AN_AGE
from consultation.screening.words import COMMON

IGNORE = re.IGNORECASE

# A link to a news story: the site's front page names nobody; the path of a story often describes the child.
NEWS_LINK = re.compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.uk|com|uk|net|org)"
                       r"/(?:[\w%.~-]+/)*[\w%.~-]+", IGNORE)
NEWS_SITE = re.compile(r"news|post|echo|chronicle|gazette|herald|telegraph|mirror|mail|express|times|guardian|"
                       r"independent|standard|argus|courier|journal|examiner|observer|star|sun\b|bbc|itv|sky|live", IGNORE)
# The story's slug describes a child ("boy-13-stabbed", "girl-missing-byker", "leeds-boy-14-missing")...
CHILD_IN_SLUG = re.compile(r"(?:^|[/-])(?:boy|girl|teen|teenager|schoolboy|schoolgirl|child|baby|toddler|pupil|"
                           r"youngster|lad)s?(?:[-/]|$)", IGNORE)
# ... or the writer says the child in it is theirs.
OURS = re.compile(r"\b(?:(?:one|some) of ours|(?:is|was|were|are) ours|on our (?:books|caseload|case ?load)|"
                  r"known to (?:us|our|children's services)|we (?:were|are|had been) working with|our (?:child|case|"
                  r"young person|kid)|in our care|we (?:placed|looked after|fostered|supported))\b", IGNORE)
CHILD_NEAR_LINK = re.compile(rf"\b(?:{AGE}[- ]?years?[- ]old|boy|girl|child|teenager|lad|baby|young person)\b", IGNORE)


def news_links(text: str) -> list[Finding]:
    found = []
    for match in NEWS_LINK.finditer(text):
        site, _, path = match.group().split("://")[-1].partition("/")
        if not (path and NEWS_SITE.search(site)):
            continue
        window = text[max(0, match.start() - 200):match.end() + 200]
        if (CHILD_IN_SLUG.search(path) and not path.endswith("s")) or (
                OURS.search(window) and CHILD_NEAR_LINK.search(window)):
            found.append(Finding("singled_out", match.start(), match.end(), 0.75))
    return found


# One child, with an age somewhere in the sentence.
AGE_IN_SENTENCE = re.compile(
    rf"\b(?:{AGE}[- ]?(?:years?|yrs?|months?)[- ]old|{AGE}\s?yo\b|{CHILD_OF_AGE}|(?:he|she)['’]s\s+{AGE}\b{NOT_AN_AGE}|"
    rf"(?:aged?|is|was)\s+{AGE}\b{NOT_AN_AGE})|,\s*{AGE}\s*,|\(\s*{AGE}\s*[,)]", IGNORE)
ONE_CHILD = re.compile(r"\b(?:a|an|the|one|our|this)\s+(?:[\w-]+\s+){0,2}?(?:boy|girl|lad|lass|child|baby|toddler|"
                       r"teenager|young person|\d{1,2}[- ]?years?[- ]old|\d{1,2}\s?yo)\b", IGNORE)
# Conditions few children in one village or small town have ("autism" or "asthma" single out nobody).
RARE_CONDITION = re.compile(
    r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?['’]?s?\s+syndrome|tracheostomy|ventilat(?:ed|or)|home oxygen|feeding tube|"
    r"gastrostomy|peg[- ]fed|spina bifida|cerebral palsy|cystic fibrosis|muscular dystrophy|brittle bone|"
    r"rare (?:condition|disease|disorder|cancer)|life[- ]limiting|terminal(?:ly)? ill|leukaemia|amputee|"
    r"dialysis|(?:heart|liver|kidney) transplant|sickle cell|wheelchair user|blind|deafblind)\b")
_RARE_HINTS = ("syndrome", "trache", "ventilat", "oxygen", "feeding", "gastro", "peg", "bifida", "palsy", "fibrosis",
               "dystrophy", "brittle", "rare ", "limiting", "termina", "leukaemia", "amputee", "dialysis",
               "transplant", "sickle", "wheelchair", "blind")
NAMED_PLACE = re.compile(r"\b(?i:in|from|at|near)\s+(?P<place>[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+|-[A-Z][a-z]+)?)")


def rare_combinations(text: str) -> list[Finding]:
    lower = text.lower()
    if not any(hint in lower for hint in _RARE_HINTS):
        return []
    found = []
    for match in RARE_CONDITION.finditer(text):
        sentence = _sentence(text, match.start(), match.end())
        places = [m for m in NAMED_PLACE.finditer(sentence) if m["place"].lower() not in COMMON]
        if places and ONE_CHILD.search(sentence) and AGE_IN_SENTENCE.search(sentence):
            found.append(Finding("singled_out", match.start(), match.end(), 0.7))
    return found


# "a 15-year-old boy from the Marsh Farm estate", "There's a 3 year old on Cranbrook Road", "the Okafors on
# the Beacon Lane estate": a child or a family tied to a named estate or street (a service there is not).
_STREET_TYPES = (r"Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Terrace|Gardens|Walk|Mews|Rise|Row|"
                 r"Court|Square|Parade|Croft|Fold|View")
NAMED_ESTATE_OR_STREET = re.compile(
    rf"\b(?:from|on|off|in)\s+(?P<place>the\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s+[Ee]state\b|"
    rf"(?:[A-Z][a-z]+\s+){{1,2}}(?:{_STREET_TYPES})\b)")
# The cheap look first: a text naming no estate and no street cannot match the rule above.
_ESTATE_OR_STREET_WORD = re.compile(rf"[Ee]state\b|\b(?:{_STREET_TYPES})\b")
CHILD_BEFORE_PLACE = re.compile(
    # ("a child from the Beacon estate may be referred more often" is anyone's child: the generic words are left out)
    rf"(?:\b(?:{AGE}[- ]?(?:years?|yrs?)[- ]old|{CHILD_OF_AGE}|boy|girl|lad|lass|teenager|toddler|baby)"
    r"|\bthe\s+[A-Z][a-z]+s)\b(?:\s*\([^)]{0,12}\))?(?:\s+[\w'’-]+){0,4}?\s+$", IGNORE)


def children_at_places(text: str) -> list[Finding]:
    if not _ESTATE_OR_STREET_WORD.search(text):
        return []
    found = []
    for match in NAMED_ESTATE_OR_STREET.finditer(text):
        if CHILD_BEFORE_PLACE.search(text, max(0, match.start() - 60), match.start()):
            found.append(Finding("singled_out", match.start("place"), match.end("place"), 0.7))
    return found


# "…a 7-year-old with Rett syndrome in Hutton-le-Hole, the only one in the dale": one of a kind in a place.
ONLY_ONE_IN = re.compile(r"\bthe\s+only\s+one\s+(?:in|at|on|from)\s+(?:the\s+|our\s+|this\s+)?[\w'’-]+", IGNORE)
CHILD_BEFORE_ONLY = re.compile(
    rf"\b(?:{AGE}[- ]?(?:years?|yrs?)[- ]old|{CHILD_OF_AGE}|boy|girl|lad|child|teenager|baby)\b[^.!?\n]{{0,80}}$", IGNORE)


def only_ones(text: str) -> list[Finding]:
    if "only one" not in text.lower():
        return []
    return [Finding("singled_out", m.start(), m.end(), 0.7) for m in ONLY_ONE_IN.finditer(text)
            if CHILD_BEFORE_ONLY.search(text, max(0, m.start() - 120), m.start())]


# "she's 14 now and still on the waiting list at the CAMHS in Bury": a local service named by its town,
# with one child and their age in the sentence ("the CAMHS in Bury has a two-year wait" names nobody).
LOCAL_SERVICE = re.compile(r"\bthe\s+(?:CAMHS|PRU|clinic|hostel|refuge|children['’]s home|unit|ward|hospice|"
                           r"mother and baby unit)\s+(?:in|at)\s+(?P<place>[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?)")
ONE_CHILD_AGED = re.compile(rf"\b(?:he|she)['’]s\s+(?:now\s+|only\s+|just\s+)?{AGE}\b{NOT_AN_AGE}|"
                            rf"\b(?:a|an|the)\s+{AGE}[- ]?years?[- ]old\b(?!s)|{CHILD_OF_AGE}", IGNORE)


def local_services(text: str) -> list[Finding]:
    if " the " not in text:
        return []
    return [Finding("singled_out", m.start(), m.end(), 0.7) for m in LOCAL_SERVICE.finditer(text)
            if m["place"].lower() not in COMMON and ONE_CHILD_AGED.search(_sentence(text, m.start(), m.end()))]


def stories(text: str) -> list[Finding]:
    found = [*rare_combinations(text), *children_at_places(text), *only_ones(text), *local_services(text)]
    if any(site in text for site in (".uk/", ".com/", ".net/", ".org/")):  # most texts link to nothing
        found += news_links(text)
    return found


def _sentence(text: str, start: int, end: int) -> str:
    before = re.split(r"[.!?]\s|\n", text[max(0, start - 150):start])[-1]
    after = re.split(r"[.!?]\s|\n", text[end:end + 150])[0]
    return f"{before} {text[start:end]} {after}"
