"""Children and families pointed to without their full name: initials with an age ("J (8)",
"child A, 6", "T.M., 17"), a nickname ("everyone called him Tiny"), a child or family tied to
the street or estate where they live ("She lives with her nan on the Hollybank estate"), and
an event a reader would recognise ("the 14-year-old who was stabbed outside Greggs in
Wakefield last month"), and a child known by who they are to someone or where they live beside
the writer ("my neighbour's youngest, the one with cerebral palsy", "the lad next door").

Each is as good as a name to a neighbour, a classmate or a reporter. Published reviews use
letters too ("the Child Q review", "Child A in Rochdale"): a letter is held only with an age.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people_words import (
    AGE,
    COUNT_ENTRY,
    FAMILY,
    NOT_AN_AGE,
    NOT_NAMES,
    is_counts_list,
)
from consultation.screening.words import COMMON

IGNORE = re.IGNORECASE

# "J (8)", "child A, 6", "K, who is 14", "T.M., 17", "R. is 13", "D, aged 15", "A.B. (age 16)"
INITIALS = re.compile(
    rf"(?<![\w.'’-])(?P<initials>(?:[A-Z]\.?){{1,2}})(?![\w'’-])"
    rf"(?=\s*\(\s*(?:aged?\s*)?{AGE}\s*\)|,\s*(?:aged?\s+)?{AGE}\s*(?:,|\)|\.|and\b|who\b|was\b|is\b|has\b)"
    rf"|,?\s+(?:who\s+)?(?:is|was|turned)\s+(?:only\s+|now\s+)?{AGE}\b{NOT_AN_AGE}|,?\s+aged\s+{AGE})")
# "Plan B (3)", "Table A, 12", "I was 14": a letter that labels a table, an option or the writer.
NOT_INITIALS_BEFORE = re.compile(
    r"\b(?:appendix|annex|table|figure|fig|option|options|question|section|part|group|plan|model|tier|schedule|"
    r"stage|category|grade|band|level|type|class|block|unit|box|phase|wave|route|column|row|list|site|area|"
    r"ward|team|key stage|vitamin|hepatitis|article|chapter|priority|step)\s*$", IGNORE)
SIBLINGS_BEFORE = re.compile(r"\b(?:child|children|siblings?|twins|brothers?|sisters?|young (?:person|people)|yp|cyp|"
                             r"kids|sibling group)\b", IGNORE)
# "everyone called him Tiny", "goes by Bubba", "we all call Lulu", "the lad we knew as Jonno",
# "Little Stevie, as the carers called him"
NICKNAME = re.compile(
    r"(?=[cgwkneitshCGWKNEITSH])\b(?:call(?:ed|s)?\s+(?:him|her|them)|(?:we|everyone|they|staff|carers|kids|he|she)"
    r"\s+(?:all\s+)?call(?:ed|s)?|go(?:es)?\s+by|went\s+by|(?:we|i|they|everyone)\s+knew\s+as|nicknamed)\s+"
    r"(?P<name>(?:Little\s+|Big\s+)?[A-Z][a-z]+)")
# "A 14-year-old boy, known as 'Smurf',": a name in quotes after a child (a scheme "known as 'Staying Put'" is not one).
QUOTED_NICKNAME = re.compile(r"\b(?:known|referred to|goes)\s+(?:as|by)\s+['‘\"“](?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w-]*)?)['’\"”]")
CHILD_BEFORE_NICKNAME = re.compile(rf"\b(?:{AGE}[- ]?years?[- ]old|boy|girl|lad|lass|teenager|young person|child|he|she|"
                                   r"him|her|son|daughter)\b[^.!?\n]{0,40}$", IGNORE)
NICKNAME_BEFORE = re.compile(r"(?=[A-Z])\b(?P<name>(?:Little\s+|Big\s+)?[A-Z][a-z]+),?\s+as\s+(?:\w+\s+){0,2}"
                             r"call(?:ed|s)\s+(?:him|her)\b")
# Where a private person lives: "lives with her nan on the Hollybank estate", "went to live with his
# sister on Beechwood Avenue", "lives in a small home near the Co-op on Station Road in Batley".
_STREET_TYPES = (r"Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Terrace|Gardens|Walk|Mews|Rise|Row|"
                 r"Place|Court|Square|Parade|Green|Vale|Croft|Fold|View|Hill|Park|Lees|Estate")
WHERE_LIVING = re.compile(
    r"(?=[lsmehfcbpuLSMEHFCBPU])\b(?:lives?|living|lived|stays?|staying|moved|evicted|house|flat|home|caravan|bungalow|parent|"
    r"(?P<unit>unit|hostel|placement))\b"
    r"[^.!?\n]{0,50}?\b(?:on|in|off|near)\s+"
    rf"(?P<place>the\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+estate|(?:[A-Z][a-z]+\s+){{1,2}}(?:{_STREET_TYPES})"
    # "lives with a foster carer in a village outside Malton", "a site off the A1 near Boroughbridge"
    r"|a\s+(?:small\s+)?(?:village|hamlet|farm|site|caravan park)\s+(?:off\s+the\s+[\w-]+\s+)?(?:outside|near)\s+"
    r"[A-Z][a-z]+)\b")
# A private person in the text: a child with an age, or a relative of the writer's or a child's.
PERSON = re.compile(
    rf"\b(?:{AGE}[- ]?years?[- ]old|(?:is|was|she['’]s|he['’]s|aged?|turned|now|of)\s+{AGE}\b{NOT_AN_AGE}|"
    rf"(?:my|our|his|her|their)\s+(?:{FAMILY})|(?:nan|granddaughter|grandson|daughter|son|nephew|niece|"
    r"eldest|youngest)\b)", IGNORE)
# "the 14-year-old who was stabbed", "the girl who was found in the canal", "where two children died"
_WHO = (rf"(?:{AGE}[- ]years?[- ]old(?:\s+(?:boy|girl|lad))?|boy|girl|baby|lad|teenager|toddler|twins|child|"
        r"young man|young woman|brothers|sisters|siblings)")
_WHAT = (r"stabbed|shot|killed|murdered|died|drowned|found|hit|knocked|run over|attacked|assaulted|raped|abducted|"
         r"taken off|left|restrained|injured|hurt|beaten|burned|burnt|rescued|kidnapped|trafficked|filmed|"
         r"broke|arrested|missing")
# (Searched from "who was" and "where", which few texts have; the child is then looked for before it.)
EVENT = re.compile(
    rf"(?=[wW])\bwho\s+(?:(?:was|were|had been|got)\s+(?:\w+\s+){{0,2}}?(?:{_WHAT})|fell|died|drowned|disappeared|"
    r"went missing|ran away)\b"
    rf"|(?=[wW])\bwhere\s+(?:a|an|the|two|three)\s+(?:\w+\s+){{0,2}}?(?:children|{_WHO})\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{_WHAT})\b", IGNORE)
WHO_BEFORE = re.compile(rf"\b(?:the|a)\s+{_WHO}\s+$", IGNORE)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
# ... with where and when it happened: a place by its name, and a time a reader can date.
EVENT_PLACE = re.compile(r"\b(?:in|at|outside|near|on|off)\s+(?:the\s+)?[A-Z][a-z]")
EVENT_TIME = re.compile(
    rf"\b(?:last\s+(?:week|month|year|summer|winter|spring|autumn|weekend|night|term)|this\s+(?:week|month|year)|"
    rf"yesterday|at\s+(?:Easter|Christmas|Halloween)|in\s+(?:the\s+)?(?:{_MONTHS}|heatwave|summer holidays)|"
    rf"(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|New Year))\b")


# (Each pattern starts from its rare literal; the child words are looked for behind it.)
# A child known by who they are to someone: "my neighbour's youngest", "my sister's little girl", "our next
# door neighbour's middle boy": the writer is known, so the child is found through them.
_CHILD_WORDS = (r"youngest|eldest|oldest|son|daughter|boy|girl|lad|lass|kid|kids|child|twins|baby|toddler|stepson|"
                r"stepdaughter|grandson|granddaughter|niece|nephew|little one|teenager")
RELATIVES_CHILD = re.compile(
    r"(?=[mohtMOHT])\b(?:my|our|his|her|their)\s+(?:best\s+|next[- ]door\s+|old\s+|ex[- ])?(?:neighbour|neighbor|friend|mate|"
    r"sister|brother|cousin|ex|partner|colleague|aunt|auntie|uncle|niece|nephew|son|daughter)['’]s\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_CHILD_WORDS})\b(?!['’]s|\s+(?:services|centres?|homes?|hospital|trust))", IGNORE)
POSSESSIVE_S = re.compile(r"['’]s\s")
_RELATIVES = ("neighbour", "neighbor", "friend", "mate", "sister", "brother", "cousin", "ex", "partner", "colleague",
              "aunt", "auntie", "uncle", "niece", "nephew", "son", "daughter")
# ... or by a description that fits one of them: ", the one with cerebral palsy", ", the autistic one at Westfield".
THE_ONE = re.compile(r",\s+the\s+(?:[\w-]+\s+)?ones?\s+(?:with|who|whose|that|in|at|on|from)\b", IGNORE)
CHILD_BEFORE_ONE = re.compile(rf"\b(?:{_CHILD_WORDS}|family|us)\b[^.!?\n]{{0,40}}$", IGNORE)
# ... or by where they live beside the writer: "the lad next door", "a nine-year-old boy in our street",
# "the family at number 22", "a seven-year-old girl at our school".
_LOCATOR = (r"next door|across the road|over the road|opposite us|(?:in|on|from|down|up)\s+our\s+(?:street|road|"
            r"close|estate|block|avenue|lane|village|cul-de-sac)|at number \d{1,3}|at our school|in (?:our|my) class|"
            r"upstairs from us|downstairs from us")
LOCATOR = re.compile(rf"\b(?:{_LOCATOR})\b", IGNORE)
CHILD_BEFORE_LOCATOR = re.compile(rf"\b(?:{_CHILD_WORDS}|family|{AGE}[- ]years?[- ]old)\b(?:\s+[\w-]+){{0,4}}?\s+$", IGNORE)
_LOCATOR_HINTS = ("next door", " the road", "opposite us", "our street", "our road", "our close", "our estate",
                  "our block", "our avenue", "our lane", "our village", "our cul", "at number", "at our school",
                  "our class", "my class", "from us")


# Most texts say nothing of where anyone lives: a substring test is cheaper than the pattern.
_NICKNAME_HINTS = ("call", "goes by", "go by", "went by", "knew as", "nicknamed", "known as", "referred to as")
_LIVING_HINTS = ("live", "stay", "moved", "evicted", "house", "flat", "home", "caravan", "bungalow", "parent", "unit",
                 "hostel", "placement")
# A unit or hostel houses many: one child with their age is needed ("He's eleven and a half and the youngest
# in the semi-independent unit on Wellington Road"), not a cohort "aged 14-17".
ONE_CHILD_AGED = re.compile(rf"\b(?:he|she)['’]s\s+{AGE}\b{NOT_AN_AGE}|\b(?:a|an|the)\s+{AGE}[- ]?years?[- ]old\b", IGNORE)


def unnamed(text: str) -> list[Finding]:
    found = [*_initials(text), *_nicknames(text)]
    if any(word in text for word in _LIVING_HINTS):
        found += _whereabouts(text)
    relative = any(text[max(0, m.start() - 10):m.start()].lower().rsplit(None, 1)[-1:] in ([w] for w in _RELATIVES)
                   for m in POSSESSIVE_S.finditer(text))
    matches = [*RELATIVES_CHILD.finditer(text)] if relative else []
    if ", the " in text or ", The " in text:
        matches += [m for m in THE_ONE.finditer(text) if CHILD_BEFORE_ONE.search(text, max(0, m.start() - 60), m.start())]
    if any(hint in text for hint in _LOCATOR_HINTS):
        # From the locator back to the child: the locator is rare, the child words are not.
        matches += [m for m in LOCATOR.finditer(text) if CHILD_BEFORE_LOCATOR.search(text, max(0, m.start() - 70), m.start())]
    found += [Finding("singled_out", m.start(), m.end(), 0.7) for m in matches]
    if any(hint in text for hint in (" who was ", " who were ", " who had ", " who got ", " where ", " who fell ",
                                     " who died ", " who drowned ", " who disappeared ", " who went ", " who ran ")):
        found += _events(text)
    return found


def _initials(text: str) -> list[Finding]:
    found = []
    for match in INITIALS.finditer(text):
        letters = match["initials"]
        if letters in ("I", "A") and not text.startswith(",", match.end()) and "(" not in text[match.end():match.end() + 2]:
            continue  # "I was 14", "A is 12": the writer or an article, unless set apart like an initial
        if NOT_INITIALS_BEFORE.search(text, max(0, match.start() - 14), match.start()):
            continue
        if is_counts_list(text, match.start(), match.end()) and not _siblings_by_initials(text, match.start()):
            continue  # "Cumbria (4), East Sussex (5)"; but "M (11) and L (9)" are siblings
        found.append(Finding("name", match.start(), match.end(), 0.7))
    return found


def _siblings_by_initials(text: str, start: int) -> bool:
    """"Siblings M (11) and L (9)", "child A, 6, child B, 4": letters with ages after a word for
    children; "Grades: A (12), B (30)" is a table."""
    window = text[max(0, start - 150):start + 150]
    return all(len(m["word"].rstrip(".")) <= 2 for m in COUNT_ENTRY.finditer(window)) and bool(
        SIBLINGS_BEFORE.search(text, max(0, start - 40), start))


def _nicknames(text: str) -> list[Finding]:
    found = []
    if not any(hint in text for hint in _NICKNAME_HINTS):
        return found
    matches = [*NICKNAME.finditer(text)]
    if "called him" in text or "called her" in text:
        matches += NICKNAME_BEFORE.finditer(text)
    matches += [m for m in QUOTED_NICKNAME.finditer(text)
                if CHILD_BEFORE_NICKNAME.search(text, max(0, m.start() - 60), m.start())]
    for match in matches:
        if match["name"].split()[-1].lower() not in NOT_NAMES:
            found.append(Finding("name", match.start("name"), match.end("name"), 0.7))
    return found


def _whereabouts(text: str) -> list[Finding]:
    found = []
    for match in WHERE_LIVING.finditer(text):
        if match["place"].split()[0].lower() in COMMON - {"the", "a"}:
            continue  # "moved in This Way": a sentence word, not a street
        window = text[max(0, match.start() - 300):match.end() + 200]
        if (ONE_CHILD_AGED if match["unit"] else PERSON).search(window):
            found.append(Finding("singled_out", match.start("place"), match.end("place"), 0.7))
    return found


def _events(text: str) -> list[Finding]:
    found = []
    for match in EVENT.finditer(text):
        if not match.group().lower().startswith("where") and not WHO_BEFORE.search(
                text, max(0, match.start() - 40), match.start()):
            continue
        window = text[max(0, match.start() - 150):match.end() + 150]
        if EVENT_PLACE.search(window) and EVENT_TIME.search(window):
            found.append(Finding("singled_out", match.start(), match.end(), 0.7))
    return found
