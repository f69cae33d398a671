"""People named in a case by their first name: a name with an age ("Tommy, aged 7", "Lily
(6)", "Jake is 15", "Jayden 7yo"), or with a care, school, health or family circumstance
("our foster child, Ruby", "Ellie's care plan", "Callum was placed", "Noah is HIV positive"), or
with the worker or carer before it ("our SW Paul", "a lady called Pauline"); a name in notes laid
out as a form ("Child: Leah M. | Age: 9"). Families, titles and full names are in `families`.

A name alone is never held: public figures, authors and places are named all the time. The
age patterns take any capitalised word that is not an everyday word, place or group; the
weaker circumstance patterns need a first name from the list (a double-barrelled name by its
parts); names that are also words (Grace, Hope, Summer) count only for the stronger ones.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people_words import (
    AGE,
    AGE_OF,
    CARE_NOUN,
    CASEWORKER,
    CHILD_OF_AGE,
    CIRCUMSTANCE,
    DETERMINER_BEFORE,
    FAMILY,
    FOREIGN_AGE,
    INSTITUTION_AFTER,
    NAMES_THAT_ARE_WORDS,
    NOT_AN_AGE,
    NOT_NAMES,
    SENTENCE_CONTEXT,
    is_counts_list,
    known_name,
    lower_case_name,
    public_story,
    shouting,
    told_names,
)
from consultation.screening.words import COMMON, word_names

NAME = r"(?P<name>(?:[A-Z]['’])?[A-Za-z](?:[a-z]+[A-Z])?[a-z]+(?:-[A-Z]?[a-z]+)?)"
IGNORE = re.IGNORECASE

# Each matched where a candidate name ends (one pattern of alternatives: one match per name).
STRONG_AFTER = re.compile("|".join([
    # "Tommy, aged 7", "Mason (age 3)", "Ruby aged 11", "Jayden (aged seven)"
    rf",?\s*\(?\s*(?:aged?|age:)\s*{AGE}\b",
    # "Lily (6)", "Sam (14 yrs)", "Kyrie (who is 8)"
    rf"\s*\(\s*{AGE}\s*(?:yrs?|years?|y/?o|yo|months?)?\s*\)",
    rf"\s*\(\s*(?:who\s+is|who['’]s|now|nearly|just)\s+{AGE}\b",
    # "Tommy, 7, has had four placements", "Jayden - 7 - still no school place", "Parveen Akhtar, both 14"
    rf"(?:,|\s+[-–])\s*(?:nearly\s+|almost\s+|just\s+|both\s+|now\s+)?{AGE}\s*(?:,|\)|and\b|who\b|is\b|was\b|were\b|are\b|has\b|had\b|lives\b|"
    r"from\b|went\b|-|–|\.|$)",
    # "Jake is 15", "Amelia, who is 9", "Ava turned 16 last week", "When Noah was 12 he..."
    # "Amir is just fourteen", "Jayden, who's twelve now"
    rf",?\s+(?:who\s+(?:is|was)|who['’]s|is|was|turned|turns|just turned)\s+"
    rf"(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+|still\s+)?{AGE}\b{NOT_AN_AGE}",
    # "Kacper ma 12 lat", "Ayesha 13 saal ki hai", "Iwan yn 10 oed"
    FOREIGN_AGE,
    # "Nathan Briggs, a care leaver aged 19", "Kyle, now aged 12"
    rf",\s+(?:[\w'’-]+\s+){{1,4}}aged\s+{AGE}",
    # "Ruby (born 12/03/2014)", "Sam (dob 1.2.2010)"
    r"\s*\(\s*(?i:born|b\.|dob|d\.o\.b)",
    # "Ruby, a 7-year-old", "Noah, 14 years old", "Jayden 7yo", "Maya 9 yrs"
    rf",?\s*(?:(?:a|an|the|our|my)\s+)?{AGE}[- ]?(?:(?:years?|yrs?|months?|weeks?)[- ]old|y/?o\b|yrs?\b)",
]))
# Read only after a listed first name: "Tyler's 15 and lives on...", "Lily-Mae in 3B", "Jacob in Year 9"
# ("Maths in Year 9", "Ofsted's 12 reports" are not children).
KNOWN_STRONG_AFTER = re.compile(
    rf"['’]s\s+(?:only\s+|just\s+|nearly\s+|now\s+)?{AGE}{NOT_AN_AGE}(?:\s*[,.;!?)]|\s+(?:and|now|n|but|with|in)\b|\s*$)"
    r"|\s+(?:in|from)\s+(?:(?i:year|yr)\s*\d{1,2}\b|\d{1,2}[A-Z]{1,2}\b)")
# "agree, same with our lad kai 13 tho", "ella 9 been waiting": an age after a bare space, read as one
# only beside a relative or a child's circumstance (see people()).
BARE_AGE_AFTER = re.compile(rf"\s+(?:nearly\s+|almost\s+)?{AGE}{NOT_AN_AGE}(?:\s*[,.!?;)]|\s*$|\s+(?:tho|though|now|next|in|"
                            r"this|and|n|is|was|been|has|had|got|who|with|still|but|too|yrs?|years?)\b)")
RELATIVE_BEFORE = re.compile(rf"\b(?:my|our|his|her|their|ur)\s+(?:[\w-]+\s+)?(?:{FAMILY})s?\s*,?\s+$", IGNORE)
# "I remember Dariusz especially: he turned eighteen": the age a few words on, in the same sentence.
NEAR_AGE_AFTER = re.compile(rf"[^.!?\n]{{0,30}}?\b(?:he|she)\s+(?:is|was|turned|turns)\s+(?:only\s+|now\s+|just\s+)?"
                            rf"{AGE}\b{NOT_AN_AGE}")
# "Ruby's foster carer", "Ellie's care plan", "Leo's PEP"
POSSESSIVE_CARE = rf"['’]s\s+(?:\w+\s+)?(?:{CARE_NOUN})\b"
POSSESSIVE_CARE_AFTER = re.compile(POSSESSIVE_CARE, IGNORE)
# ... or "Kelly, mum of three", "Ms Patel (mum)"
WEAK_AFTER = re.compile(
    rf"{POSSESSIVE_CARE}|\s*(?:,|\()\s*(?:the\s+|a\s+|our\s+|his\s+|her\s+)?(?:{FAMILY})\b", IGNORE)
# "Oakley's first review", "Ava's LAC review", "Maisie's review was cancelled"
POSSESSIVE_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}(?:review|conference|hearing|meeting|visit|court|order|statement|"
    r"bedroom|room|placement|health assessment|pathway plan|life story|memory box|photos?|pep|lac|iro)\b", IGNORE)
# "Callum was placed", "Ava has had four placements", "Noah is in Year 9"
CIRCUMSTANCE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,1}?(?:was|is|has been|had been|has|had|were|got|went|gets|keeps|remains|stays|lives|lived|"
    r"moved|ran|started|joined|left|returned|became|needs|needed|came|entered|spent|goes|self-harms)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{CIRCUMSTANCE})\b", IGNORE)
# "Willow is our residential home", "Phoenix is a group for care leavers": a service, not a child.
A_SERVICE_AFTER = re.compile(
    r"\s+(?:is|was|are)\s+(?:our|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:home|unit|service|team|project|group|"
    r"centre|center|hub|scheme|programme|system|provider|charity|tool|app|database|house|model|pilot|"
    r"partnership|panel|network)\b", IGNORE)
# "Thanks Chloe, agreed", "Hi Dev,": the participant the writer answers, not a child in the case.
ADDRESSED_BEFORE = re.compile(r"(?:\b(?:thanks|thank you|cheers|hi|hello|hiya|dear|morning|afternoon|agree with|"
                              r"agreed with|replying to|reply to)\s+|@)$", IGNORE)
# "Summer is when most placement moves happen": a word, not Summer the child.
SEASON_AFTER = re.compile(r"\s+(?:is|was)\s+(?:when|where|what|how|why|the\s+(?:time|season|term|month))\b", IGNORE)
# Each searched for in the 60 characters before a candidate name, ending where it starts.
# "a 15 year old boy Jake", "the fifteen year old in our care, Tegan"
# "a girl of 13 in our care, Maisie-Jo"
STRONG_BEFORE = re.compile(rf"\b(?:{AGE}[- ]?(?:years?|yrs?|months?)[- ]old|{CHILD_OF_AGE})\s*,?\s+(?:(?:{FAMILY})\s*,?\s+|"
                           r"(?:[\w'’]+\s+){0,3}[\w'’]+,\s+)?$", IGNORE)
# "his sister Lily", "our foster child, Ruby", "carers Dave and Sue", "Gran (Maureen)", "a young man named Kwame"
WEAK_BEFORE = re.compile(
    rf"\b(?:(?:{FAMILY})s?(?:\s*\([^)]{{0,12}}\))?\s*,?\s+(?:called\s+|named\s+)?|(?:{FAMILY})\s*\(\s*|"
    r"(?:called|named|known as)\s+|"
    # "our Declan", "the social worker for our jordan", "our SW Paul", "his PA, Lisa", "I'm Leon"
    r"\bour\s+|(?:i['’]m|i am|my name is|my name['’]s)\s+|"
    rf"(?<!chief )(?<!national )\b(?:{CASEWORKER})\s*[,:(-]?\s*(?:(?:is|was)\s+)?(?:called\s+|named\s+)?|"
    r"(?:mum|dad|mother|father|carer|nan|gran|grandma|grandad)\s+(?:is|was|called)\s+|"
    # "the social worker for Aaron", "the placement of Mia", "a plan for Leo"
    rf"(?:{CASEWORKER}|carers?|placement|plan|school|mum|dad|mother|father|"
    r"sister|brother|case|assessment|referral)\s+(?:for|of)\s+(?:our\s+|my\s+|his\s+|her\s+|their\s+)?)$", IGNORE)
# "a lady called Pauline", "my key worker is called Shaz": after a person, any name, listed or not.
CALLED = re.compile(r"(?=[cn])\b(?:called|named)\s+(?P<name>[A-Z][a-z]+)")
PERSON_BEFORE_CALLED = re.compile(rf"\b(?:{FAMILY}|{CASEWORKER}|lady|man|woman|person|fella|bloke|lass)\s+(?:is\s+|was\s+)?$",
                                  IGNORE)
# "carers Dave and Sue": the second name of a pair after a family word.
PAIR_BEFORE = re.compile(rf"\b(?:{FAMILY})s?\s+[A-Z][a-z]+\s+(?:and|&)\s+$", IGNORE)
# "I worked with jayden ... he was moved": a professional's verb, then a care sentence.
VERB_BEFORE = re.compile(r"\b(?:worked with|work with|working with|supported|supporting|support|fostered|fostering|"
                         r"foster|placed|adopted|visited|mentored|looked after|cared for|caring for|met|know|knew|"
                         r"about|think about|lost touch with)\s+$", IGNORE)
CAPITALISED = re.compile(rf"(?=[A-Z])(?<![\w'’-]){NAME}")
LOWER_WORD = re.compile(r"(?<![\w'’-])(?P<name>[a-z]{2,}(?:-[a-z]+)?)(?![\w-])")
FULL_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\bSir|\bDame|\bLord|\bLady|\bDr|\bProfessor)\s$")
# "Martin Narey", "Rachel de Souza", "Prince's Trust", "Jordan's Principle", "Munro's review (2011)";
# not "Leo's PEP" or "Maisie's review was cancelled".
FULL_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|de\b|van\b|von\b)|['’]s\s+(?:[A-Z][a-z]|(?:review|report|inquiry|law)"
                             r"\s+(?:of|into|on|in|\(|recommend|found|said|called|argued|concluded|set|made)"
                             r"|(?:report|inquiry|law)\b)")


def people(text: str) -> list[Finding]:
    if shouting(text):
        text = text.lower()  # "JAYDEN (7) HAS HAD": read as the lower-case writing it is
    found = []
    words = word_names()
    # "a 15 year old boy Jake", "a girl of 13, Maisie-Jo": most texts have no age before a name
    has_old = "old" in text or AGE_OF.search(text) is not None
    for candidate in _candidates(text):
        word, start, end = candidate["name"], candidate.start(), candidate.end()
        lower, capital = word.lower(), word[0].isupper()
        if lower in NAMES_THAT_ARE_WORDS and capital and not DETERMINER_BEFORE.search(text, max(0, start - 12), start):
            # "Bill is 15", "Will, 12,", "Will's school say...": a name, but only with an age or a care noun.
            if STRONG_AFTER.match(text, end) or POSSESSIVE_CARE_AFTER.match(text, end):
                found.append(Finding("name", start, end, 0.7))
            continue
        if lower in NOT_NAMES or len(word) < 2 or INSTITUTION_AFTER.match(text, end):
            continue
        known = known_name(lower)
        if not (capital or known):
            continue
        if STRONG_AFTER.match(text, end) or (has_old and STRONG_BEFORE.search(text, max(0, start - 60), start)) or (
                known and (BARE_AGE_AFTER.match(text, end) and _relative_or_care(text, candidate)
                           or KNOWN_STRONG_AFTER.match(text, end))):
            if not (capital and is_counts_list(text, start, end) or _public_figure(text, start, end)):
                found.append(Finding("name", start, end, 0.9 if known else 0.75 if capital else 0.0))
            continue
        if not (known and (capital or lower_case_name(lower)) or capital and lower in words):
            continue
        if A_SERVICE_AFTER.match(text, end) or ADDRESSED_BEFORE.search(text, max(0, start - 16), start):
            continue
        strong_care = (CIRCUMSTANCE_AFTER.match(text, end) or POSSESSIVE_AFTER.match(text, end)) and _alone(
            text, start, end)
        if lower in words or not capital:
            # Grace, Hope, Summer, and names written in lower case: only the stronger patterns.
            if SEASON_AFTER.match(text, end):
                continue
            verb_before = VERB_BEFORE.search(text, max(0, start - 30), start)  # "I worked with jayden"
            if (strong_care or POSSESSIVE_CARE_AFTER.match(text, end) or _weak_before(text, start)
                    or (capital and NEAR_AGE_AFTER.match(text, end))
                    or (verb_before and _in_sentence(text, candidate, SENTENCE_CONTEXT))):
                found.append(Finding("name", start, end, 0.7))
            continue
        if (WEAK_AFTER.match(text, end) or _weak_before(text, start) or strong_care
                or (text.endswith(("and ", "& "), 0, start) and PAIR_BEFORE.search(text, max(0, start - 40), start))
                or (NEAR_AGE_AFTER.match(text, end) and _alone(text, start, end))):
            found.append(Finding("name", start, end, 0.8))
        elif _alone(text, start, end) and _in_sentence(text, candidate, SENTENCE_CONTEXT):
            found.append(Finding("name", start, end, 0.7))
    if ":" in text or "–" in text or "|" in text:
        found += _form_fields(text)
    if "called" in text or "named" in text:
        found += _called(text)
    if " name" in text:
        found += told_names(text)
    return [finding for finding in found if finding.confidence]


# Notes laid out as a form: "Child: Leah M. | Age: 9", "Surname: Kowalski. Forename: Natalia. Year 10."
# (Searched from the separator, which is rarer than the words; the label is then looked for behind it.)
FORM_SEPARATOR = re.compile(r"[:=|–-][ \t]*(?P<name>[A-Z][\w'’-]+)")
FORM_NAME = re.compile(r"\b(?:name|child|child's name|forename|first name|given name|surname|young person|yp|pupil|"
                       r"client)\s*$", IGNORE)
FORM_LABEL = re.compile(r"\b(?:age|dob|d\.o\.b|date of birth|school|year|placement|address|lives with|forename|surname|"
                        r"status|gender|sex|ethnicity|legal status|concerns?)\s*[:=|–-]|\bYear \d", IGNORE)


def _form_fields(text: str) -> list[Finding]:
    names = [m for m in FORM_SEPARATOR.finditer(text) if m["name"].lower() not in NOT_NAMES
             and FORM_NAME.search(text, max(0, m.start() - 14), m.start())]
    # Another field beside the name ("Age: 9", "Year 10"): "Forename:" and "Surname:" are fields themselves.
    own_fields = sum(label in text[max(0, m.start() - 14):m.start()].lower() for m in names
                     for label in ("forename", "surname"))
    if not names or len(FORM_LABEL.findall(text)) <= own_fields:
        return []
    return [Finding("name", m.start("name"), m.end("name"), 0.75) for m in names]


def _public_figure(text: str, start: int, end: int) -> bool:
    """"Greta Thunberg was 15 when she started her school strike", "Tracy Beaker, aged 10, did more for
    public understanding": a surname after a first name, in a sentence about a public life or a story."""
    before = FULL_NAME_BEFORE.search(text, max(0, start - 12), start)
    return bool(before and known_name(before.group().strip().lower())) and public_story(text, start, end)


def _relative_or_care(text: str, match: re.Match) -> bool:
    """"our lad kai 13", "ella 9 been waiting for camhs": a relative before the name, or a care sentence."""
    return bool(RELATIVE_BEFORE.search(text, max(0, match.start() - 40), match.start())) or _in_sentence(
        text, match, SENTENCE_CONTEXT)


def _called(text: str) -> list[Finding]:
    return [Finding("name", m.start("name"), m.end("name"), 0.75) for m in CALLED.finditer(text)
            if m["name"].lower() not in NOT_NAMES and PERSON_BEFORE_CALLED.search(text, max(0, m.start() - 40), m.start())]


def _candidates(text: str):
    """Capitalised words, then the first names written in lower case (few: a set test finds them)."""
    yield from CAPITALISED.finditer(text)
    words = set(LOWER_WORD.findall(text))
    lower_names = {w for w in words - NOT_NAMES if known_name(w)}
    if lower_names:
        yield from (m for m in LOWER_WORD.finditer(text) if m.group() in lower_names)


# The words WEAK_BEFORE can end with: most names follow none of them, and a set test is cheap.
BEFORE_ENDINGS = frozenset(word.split()[-1].split("-")[-1] for word in f"{FAMILY}|{CASEWORKER}".split("|")) | {
    "called", "named", "as", "is", "was", "for", "of", "our", "my", "his", "her", "their", "i'm", "i’m", "am",
    "carer", "worker", "keyworker", "caseworker", "name", "-"}


# Words that end WEAK_BEFORE only after another of its words ("mum is", "social worker for our").
_SECOND_WORDS = frozenset({"is", "was", "my", "his", "her", "their"})


def _weak_before(text: str, start: int) -> bool:
    before = text[max(0, start - 60):start]
    last = before.rstrip(" ,(:\n").rsplit(None, 2)[-2:] or [""]
    raw = last[-1].lower().strip("(),:'\"‘’“”")
    if raw == "our":
        return True  # "our Declan", "the social worker for our jordan"
    word = raw if raw in BEFORE_ENDINGS else raw.removesuffix("s")
    if not (word in BEFORE_ENDINGS or last[-1].endswith(")") or before.rstrip().endswith("(")):
        return False
    if word in _SECOND_WORDS:  # a cheap look at the word before, as most "is" and "his" follow none of them
        previous = last[0].lower().strip("(),:'\"‘’“”") if len(last) == 2 else ""
        if previous not in BEFORE_ENDINGS and previous.removesuffix("s") not in BEFORE_ENDINGS:
            return False
    return WEAK_BEFORE.search(before) is not None


def _alone(text: str, start: int, end: int) -> bool:
    """A first name on its own: not part of a full name ("Martin Narey") or a title ("Sir Martin")."""
    sentence_start = re.search(r"(?:^|[.!?:;]\s+|\n)$", text[max(0, start - 3):start]) is not None
    before = FULL_NAME_BEFORE.search(text, max(0, start - 12), start)
    # "As Jade put it": a sentence word before the name is not a first name.
    part_of_full_name = not sentence_start and before and before.group().strip().lower() not in COMMON
    return not part_of_full_name and not FULL_NAME_AFTER.match(text, end)


def _in_sentence(text: str, match: re.Match, words: re.Pattern) -> bool:
    """Whether `words` occur in the sentence around the match (at most 90 characters away)."""
    before = re.split(r"[.!?;]\s", text[max(0, match.start() - 90):match.start()])[-1]
    after = re.split(r"[.!?;]\s", text[match.end():match.end() + 90])[0]
    return bool(words.search(before + " " + match.group() + " " + after))
