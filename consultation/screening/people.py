"""People named in a case: a name with an age ("Tommy, aged 7", "Lily (6)", "Jake is 15"),
a first name with a care, school or family circumstance ("our foster child, Ruby", "Ellie's
care plan", "Callum was placed"), and a family named by its surname ("the Jones twins",
"Mrs Ahmed (mum)").

A name alone is never held: public figures, authors and places are named all the time. The
age patterns take any capitalised word that is not an everyday word, place or group; the
weaker circumstance patterns need a first name from the list.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.words import COMMON, GROUPS, PLACES, first_names, words

NAME = r"(?P<name>(?:[A-Z]['’])?[A-Za-z](?:[a-z]+[A-Z])?[a-z]+(?:-[A-Z][a-z]+)?)"
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|twenty-one")
AGE = rf"(?:\d{{1,2}}|(?i:{_NUMBER_WORDS})\b)(?:\s*(?:½|and a half))?"
# What follows a number that is not an age: "Leeds is 15 minutes away", "Ava was 3rd".
NOT_AN_AGE = (r"(?!\s*(?:%|per\b|percent|of\b|st\b|nd\b|rd\b|th\b|[.,:]\d|miles|minutes|hours|km|times|"
              r"points|councils|authorities|places|pence|pounds|million|thousand|hundred|children|people|out\b))")
FAMILY = (r"son|daughter|brother|sister|half-brother|half-sister|sibling|twin|nephew|niece|grandson|"
          r"granddaughter|grandchild|child|foster child|foster son|foster daughter|stepson|stepdaughter|baby|"
          r"toddler|boy|girl|lad|mum|mother|dad|father|stepdad|stepmum|carer|nan|gran|nana|grandma|grandad|"
          r"grandmother|grandfather|grandparent|great-grandmother|great-grandfather|"
          r"aunt|auntie|uncle|cousin|partner|boyfriend|girlfriend|young person|teenager|care leaver|"
          r"pupil|yp|cyp|client|kid|little one|eldest|youngest|middle child")
CIRCUMSTANCE = (
    r"placed|placement|placements|moved|removed|into care|in care|looked after|adopted|adoption|fostered|"
    r"foster|excluded|exclusion|missing|ran away|protection plan|cp plan|cin plan|child in need|care order|"
    r"supervision order|section 20|s20|s\.20|accommodated|care leaver|residential|children's home|secure|"
    r"custody|yoi|arrested|exploited|exploitation|groomed|abused|neglected|self-harm|self harm|at risk|"
    r"referred|assessed|school|nursery|college|year \d+|reception|pupil referral|pru|alternative provision|"
    r"home educated|ehcp|social worker|iro|personal adviser|kinship|special guardian|carers?|mum|dad|nan|"
    r"gran|grandparents|aunt|uncle|father|mother|siblings?|brother|sister|family|police|court|hospital|"
    r"camhs|therapy|counselling|remand|unaccompanied|asylum|trafficked|deported|homeless|hostel|"
    r"supported lodgings|semi-independent|plan|visits?|contact with|respite|short breaks|disabled|autistic|"
    r"adhd|diagnosed|pregnant|baby"
)
CARE_NOUN = (r"foster|placement|social worker|sw|care|carers?|mum|mother|dad|father|nan|gran|sister|brother|"
             r"siblings?|family|school|teacher|class|nursery|college|iro|personal adviser|pa|key ?worker|"
             r"ehcp|plan|case|birth|adoptive|adoption|special guardian|kinship|children's home|home|"
             r"residential|support worker|youth worker|yot|probation|allocated|needs|behaviour|contact|"
             r"referral|assessment|file|record|diagnosis|disability|attendance|exclusion")
IGNORE = re.IGNORECASE

# Each matched at a candidate name's start.
STRONG = [
    # "Tommy, aged 7", "Mason (age 3)", "Ruby aged 11"
    re.compile(rf"{NAME},?\s*\(?\s*(?:aged?|age:)\s*{AGE}\b"),
    # "Lily (6)", "Sam (14 yrs)"
    re.compile(rf"{NAME}\s*\(\s*{AGE}\s*(?:yrs?|years?|y/?o|yo|months?)?\s*\)"),
    # "Tommy, 7, has had four placements"
    re.compile(rf"{NAME},\s*{AGE}\s*(?:,|\)|and\b|who\b|is\b|was\b|were\b|are\b|has\b|had\b|lives\b|from\b|"
               r"went\b|-|–|\.|$)"),
    # "Jake is 15", "Amelia, who is 9", "Ava turned 16 last week", "When Noah was 12 he..."
    re.compile(rf"{NAME},?\s+(?:who\s+)?(?:is|was|turned|turns|is now|was only|is only|just turned)\s+"
               rf"{AGE}\b{NOT_AN_AGE}"),
    # "Nathan Briggs, a care leaver aged 19", "Kyle, now aged 12"
    re.compile(rf"{NAME},\s+(?:[\w'’-]+\s+){{1,4}}aged\s+{AGE}"),
    # "Ruby (born 12/03/2014)", "Sam (dob 1.2.2010)"
    re.compile(rf"{NAME}\s*\(\s*(?:born|b\.|dob|d\.o\.b)", IGNORE),
    # "Ruby, a 7-year-old", "Noah, 14 years old"
    re.compile(rf"{NAME},?\s*(?:(?:a|an|the|our|my)\s+)?{AGE}[- ]?(?:years?|yrs?|months?|weeks?)[- ]old"),
]
WEAK_ANYWHERE = [
    # "Ruby's foster carer", "Ellie's care plan"
    re.compile(rf"{NAME}['’]s\s+(?:\w+\s+)?(?:{CARE_NOUN})\b", IGNORE),
    # "Kelly, mum of three", "Ms Patel (mum)"
    re.compile(rf"{NAME}\s*(?:,|\()\s*(?:the\s+|a\s+|our\s+|his\s+|her\s+)?(?:{FAMILY})\b", IGNORE),
]
# A first name on its own (not "Isabelle Trowler was Chief Social Worker"):
# "Callum was placed", "Ava has had four placements", "Noah is in Year 9"
# "Oakley's first review", "Ava's LAC review": only for a first name on its own ("Martyn Oliver's
# review of inspections" is a public figure's).
WEAK_ALONE_POSSESSIVE = re.compile(
    rf"{NAME}['’]s\s+(?:[\w-]+\s+){{0,2}}(?:review|conference|hearing|meeting|visit|court|order|statement|"
    r"bedroom|room|placement|health assessment|pathway plan|life story|memory box|photos?)\b", IGNORE)
WEAK_ALONE = re.compile(rf"{NAME}\s+(?:\w+\s+){{0,1}}?(?:was|is|has been|had been|has|had|were|got|went|gets|keeps|"
               rf"remains|stays|lives|lived|moved|ran|started|joined|left|returned|became|needs|needed|"
               rf"came|entered|spent|goes)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{CIRCUMSTANCE})\b", IGNORE)
# Each searched for in the 60 characters before a candidate name, ending where it starts.
STRONG_BEFORE = re.compile(rf"\b{AGE}[- ]?(?:years?|yrs?|months?)[- ]old\s*,?\s+(?:(?:{FAMILY})\s*,?\s+)?$", IGNORE)
# "his sister Lily", "our foster child, Ruby", "young person Jake"
WEAK_BEFORE = re.compile(
    rf"\b(?:(?:{FAMILY})(?:\s*\([^)]{{0,12}}\))?\s*,?\s+(?:called\s+|named\s+)?|"
    # "the social worker for Aaron", "the placement of Mia", "a plan for Leo"
    r"(?:social worker|foster carers?|carers?|iro|personal adviser|placement|plan|school|mum|dad|mother|father|"
    r"sister|brother|case|assessment|referral)\s+(?:for|of)\s+)$", IGNORE)
CANDIDATE = re.compile(rf"(?<![\w'’-]){NAME}")
# "the Ahmeds' eldest son", "the Smiths' house"
SURNAME_PLURAL = re.compile(rf"\b[Tt]he\s+{NAME}s['’]?\s+(?:[\w-]+\s+)?(?:(?:{FAMILY})s?|family|house|home|case)\b")
# "the Jones twins", "the Smith family", "placed with the Okafor children"
SURNAME_FAMILY = re.compile(
    rf"\b[Tt]he\s+{NAME}(?:-[A-Z][a-z]+)?\s+(?:family|families|twins|triplets|children|kids|siblings|"
    r"brothers|sisters|boys|girls|household|case|baby)\b"
)
# A first name on its own (not "Martin Narey", not "Sir Martin") in a sentence about care or
# an age: "We lost touch with Kyle after he moved to a hostel", "We fostered Musa when he was 14".
SENTENCE_CONTEXT = re.compile(
    r"\b(?:placed|placements?|foster(?:ed|ing)?|in care|into care|looked after|adopted|missing|excluded|exclusion|"
    r"care leaver|children's home|residential|hostel|protection plan|child in need|unaccompanied|asylum|"
    r"remanded|arrested|exploited|groomed|abused|neglected|self-harm|special guardian|kinship|removed|"
    r"evicted|sofa surfing|homeless|refuge|at risk|exploitation|social worker|autism|autistic|adhd|diagnosed|out of school|expelled|pregnant|ehcp|"
    r"pupil referral|baby|toddler|newborn|cerebral palsy|epilepsy|down syndrome|learning disabilit|disabled|"
    r"short breaks|respite|wheelchair|(?:since|when|until|before|after)\s+(?:he|she|they)\s+(?:was|were|turned)|"
    r"(?:his|her|their) (?:mum|dad|mother|father|nan|gran|sister|brother|"
    r"siblings?|carers?|social worker|school)|(?:was|is|aged?|turned)\s+\d{1,2}\b(?!\s*(?:%|st|nd|rd|th))|"
    r"\d{1,2}[- ]years?[- ]old)", re.IGNORECASE)
FULL_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\bSir|\bDame|\bLord|\bLady|\bDr|\bProfessor)\s$")
# "Martin Narey", "Rachel de Souza", "Prince's Trust", "Jordan's Principle", "Munro's review"
FULL_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|de\b|van\b|von\b)|['’]s\s+(?:[A-Z]|review|report|inquiry|law)")
TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+(?:and\s+(?:Mr|Mrs|Ms)\.?\s+)?{NAME}")
TITLED_CONTEXT = re.compile(rf"\b(?:(?:{FAMILY})s?|children(?!['’])|family|his children|her children|their children|kids|"
                            r"visit|visited|lives|living|foster|kinship|custody|contact|court|"
                            r"parenting|evicted|tenancy)\b", IGNORE)
NOT_NAMES = COMMON | PLACES | GROUPS | words(
    """rule clause subsection standard standards indicator indicators measure measures objective objectives
    outcome outcomes priority priorities principle principles recommendation recommendations finding findings
    action actions task tasks criteria criterion agree disagree strongly unsure neutral maybe know don't
    good outstanding inadequate requires improvement satisfactory poor excellent fair medium male female
    males females men women neglect abuse emotional physical sexual domestic violence harm risk
    exploitation missing mental health disability substance misuse alcohol drugs gangs trafficking
    homelessness poverty housing other unknown none total totals overall subtotal respondents
    participants responses answers votes score scores mean rank ranked ranking sample base yes no na
    anyone everybody nobody someone somebody whoever this that it he she they we you i
    boy girl son daughter brother sister kid kids child mum dad mother father carer nan gran baby aunt
    uncle cousin partner twin twins lad teenager teen pupil client speaker deputy chair chairman"""
)


def people(text: str) -> list[Finding]:
    found = []
    names = first_names()
    for candidate in CANDIDATE.finditer(text):
        word, start, end = candidate["name"], candidate.start(), candidate.end()
        lower, capital = word.lower(), word[0].isupper()
        known = lower in names
        if lower in NOT_NAMES or len(word) < 2 or not (capital or known):
            continue
        if any(p.match(text, start) for p in STRONG) or STRONG_BEFORE.search(text, max(0, start - 60), start):
            found.append(Finding("name", start, end, 0.9 if known else 0.75 if capital else 0.0))
        elif not (capital and known):
            continue
        elif (any(p.match(text, start) for p in WEAK_ANYWHERE) or WEAK_BEFORE.search(text, max(0, start - 60), start)
              or (_alone(text, start, end) and (WEAK_ALONE.match(text, start)
                                                 or WEAK_ALONE_POSSESSIVE.match(text, start)))):
            found.append(Finding("name", start, end, 0.8))
        elif _alone(text, start, end) and _in_sentence(text, candidate, SENTENCE_CONTEXT):
            found.append(Finding("name", start, end, 0.7))
    for match in (*SURNAME_FAMILY.finditer(text), *SURNAME_PLURAL.finditer(text)):
        if match["name"][0].isupper() and match["name"].lower() not in NOT_NAMES:
            found.append(Finding("name", match.start(), match.end(), 0.8))
    for match in TITLED.finditer(text):
        surname = match["name"]
        window = text[max(0, match.start() - 60):match.end() + 60]
        if surname[0].isupper() and surname.lower() not in NOT_NAMES and TITLED_CONTEXT.search(window):
            found.append(Finding("name", match.start(), match.end(), 0.75))
    return [finding for finding in found if finding.confidence]


def _alone(text: str, start: int, end: int) -> bool:
    """A first name on its own: not part of a full name ("Martin Narey") or a title ("Sir Martin")."""
    sentence_start = re.search(r"(?:^|[.!?:;]\s+|\n)$", text[max(0, start - 3):start]) is not None
    part_of_full_name = not sentence_start and FULL_NAME_BEFORE.search(text, max(0, start - 12), start)
    return not part_of_full_name and not FULL_NAME_AFTER.match(text, end)


def _in_sentence(text: str, match: re.Match, words: re.Pattern) -> bool:
    """Whether `words` occur in the sentence around the match (at most 90 characters away)."""
    before = re.split(r"[.!?;]\s", text[max(0, match.start() - 90):match.start()])[-1]
    after = re.split(r"[.!?;]\s", text[match.end():match.end() + 90])[0]
    return bool(words.search(before + " " + match.group() + " " + after))
