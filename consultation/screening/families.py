"""Families and adults named in a case: a family by its surname ("the Jones twins", "the
jones family were evicted", "The Smiths in Barnsley foster three boys"), a title with family
context ("Mrs Ahmed (mum)"), and a full name with a child's circumstance ("Tommy Evans from
Year 10 was excluded", "Sarah Thompson is the birth mother", "Mum is Agnieszka Nowak").

Public figures are named in full too ("Isabelle Trowler was Chief Social Worker", "Martin
Narey's review of residential care"): a full name is held only when the circumstance is
attached to it, not when a title, a work or a public act is.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people import CIRCUMSTANCE_AFTER, NAME
from consultation.screening.people_words import (
    CASEWORKER,
    FAMILY,
    NOT_NAMES,
    known_name,
    public_story,
)
from consultation.screening.words import surnames

IGNORE = re.IGNORECASE
_GROUP = (r"family|families|twins|triplets|children|kids|siblings|brothers|sisters|boys|girls|household|case|"
          r"baby|sibling group")
# "the Ahmeds' eldest son", "the Smiths' house"
SURNAME_PLURAL = re.compile(rf"(?=[Tt]he\s)\b[Tt]he\s+{NAME}s['’]?\s+(?:[\w-]+\s+)?(?:(?:{FAMILY})s?|family|house|home|case)\b")
# "the Jones twins", "the Smith family", "placed with the Okafor children"
SURNAME_FAMILY = re.compile(rf"(?=[Tt]he\s)\b[Tt]he\s+{NAME}(?:-[A-Z][a-z]+)?\s+(?:{_GROUP})\b")
# "The youngest Begum girl, 7,", "the eldest Khan boy": one child of a family named by its surname.
SURNAME_CHILD = re.compile(rf"(?=[Tt]he\s)\b[Tt]he\s+(?:youngest|eldest|oldest|middle|little|baby|older|younger)\s+{NAME}"
                           r"\s+(?:girl|boy|lad|child|kid|son|daughter|twin)s?\b")
# "the jones family were evicted": lower case, so only a surname from the list.
LOWER_SURNAME_FAMILY = re.compile(rf"(?=[Tt]he\s)\b[Tt]he\s+(?P<name>[a-z]+(?:-[a-z]+)?)\s+(?i:{_GROUP})\b")
# "The Smiths in Barnsley foster three boys", "the Okafors have adopted twice"
SURNAME_CARERS = re.compile(
    rf"(?=[Tt]he\s)\b[Tt]he\s+{NAME}s\s+(?:(?:in|from|at|of)\s+[A-Z][\w-]+\s+)?(?:foster|fostered|adopted|have (?:fostered|adopted)|"
    r"care for|cared for|look after|looked after|took in|are (?:foster|kinship|special)|were (?:foster|kinship|"
    r"special|approved|deregistered))\b")
# "A Gypsy family I worked with, the Loveridges, were moved on": a family named by its surname.
SURNAME_APPOSITIVE = re.compile(rf"(?=[FfCcAa])\b(?:family|foster carers|carers|adopters|couple)\b[^.!?,]{{0,30}},\s+"
                                rf"(?P<the>the\s+){NAME}s\s*[,(]")
TITLED = re.compile(rf"(?=M)\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+(?:and\s+(?:Mr|Mrs|Ms)\.?\s+)?{NAME}")
TITLED_CONTEXT = re.compile(rf"\b(?:(?:{FAMILY})s?|children(?!['’])|family|his children|her children|their children|"
                            r"kids|visit|visited|lives|living|foster|kinship|custody|contact|court|adopters?|adopted|"
                            r"adoptive|special guardians?|guardians|"
                            r"parenting|evicted|tenancy)\b", IGNORE)

_SURNAME = r"(?P<surname>(?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
FULL_NAME = re.compile(rf"(?=[A-Z])(?<![\w'’-])(?P<first>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\s+{_SURNAME}(?![\w'’-])")
# What makes a full name a child's or a parent's in a case, right after it:
# ", year 9", "from Year 10", ", 17", "(mum)", "is the birth mother", "has been out of school".
AFTER_FULL_NAME = re.compile(
    rf"\s*(?:,|\()?\s*(?:(?:from|in)\s+)?(?:year|yr)\s*\d{{1,2}}\b|\s*(?:,|\()\s*(?:aged?\s*|both\s+|now\s+)?\d{{1,2}}\b(?!\s*%)|"
    rf"\s*(?:,|\()\s*(?:the\s+|a\s+|our\s+|his\s+|her\s+)?(?:{FAMILY}|birth mother|birth father|birth parent)\b|"
    r"\s+\((?:dob|born|b\.)", IGNORE)
# Before it: "Mum is Agnieszka Nowak", "Dad, Darren Walsh", "My foster carer Jean Roberts", "The child, Harvey ..."
# ... and the workers around a child: "Our SW Paul Brennan", "his PA, Lisa Dunmore", "the residential manager
# at Oak House, Steve Barraclough", "My name is Daniel Hughes" (not "Chief Social Worker Isabelle Trowler").
BEFORE_FULL_NAME = re.compile(
    rf"(?:\b(?:(?:{FAMILY})s?|foster carers?|birth (?:mother|father|parents?)|social worker for|called|named)|"
    # "the IRO for our lot is Mohammed Iqbal"
    rf"(?<!chief )(?<!national )\b(?:{CASEWORKER})(?:\s+(?:at|in|from)\s+(?:[A-Z][\w'’]*\s*){{1,3}}|"
    r"\s+for\s+(?:our|my|his|her|their|the)\s+[\w'’]+)?|"
    r"\bmy name|\bi['’]m|\bi am)"
    # "Adoptive parents Jen & Mo Farah-Clarke": the second of a pair
    r"\s*(?:is|was|are|were|called|named)?\s*[,:(-]?\s*(?:[A-Z][a-z]+\s+(?:and|&)\s+)?$", IGNORE)
# "That is Keeley Dawson, isn't it? I taught her.": the writer's own tie to the person named.
WRITER_KNEW = re.compile(r"[^\n]{0,40}?\bI\s+(?:taught|fostered|adopted|placed|looked after|cared for|mentored|"
                         r"supported|worked with|coached|babysat|was at school with)\s+(?:him|her|them)\b")
# A public figure: a title or a role after the verb, a work, or a public act.
PUBLIC_ROLE = re.compile(
    r"\s*(?:,\s*(?:the\s+)?[A-Z][a-z]+|(?:['’]s\s+(?:review|report|inquiry|law|principle|trust|speech|book|"
    r"letter|statement)))|"
    r"\s+(?:is|was|has been)\s+(?:the\s+|a\s+|our\s+)?(?:[A-Z][a-z]+|chief|director|minister|secretary|"
    r"commissioner|head|chair|president|professor|author|founder|lead|leader|ceo|mp|mayor)\b|"
    r"\s+(?:once\s+)?(?:said|says|wrote|writes|visited|recommended|announced|argued|chaired|led|founded|"
    r"published|spoke|launched|opened|called for|set out|introduced)\b")


def families(text: str) -> list[Finding]:
    found = []
    for match in (*SURNAME_FAMILY.finditer(text), *SURNAME_PLURAL.finditer(text), *SURNAME_CARERS.finditer(text),
                  *SURNAME_CHILD.finditer(text)):
        name = match["name"].lower()
        if match["name"][0].isupper() and name not in NOT_NAMES and f"{name}s" not in NOT_NAMES:
            found.append(Finding("name", match.start(), match.end(), 0.8))
    for match in SURNAME_APPOSITIVE.finditer(text):
        if match["name"].lower() not in NOT_NAMES:
            found.append(Finding("name", match.start("the"), match.end("name") + 1, 0.75))
    for match in LOWER_SURNAME_FAMILY.finditer(text):
        if match["name"].islower() and match["name"] in surnames():
            found.append(Finding("name", match.start(), match.end(), 0.7))
    for match in TITLED.finditer(text):
        surname = match["name"]
        window = text[max(0, match.start() - 60):match.end() + 60]
        if surname[0].isupper() and surname.lower() not in NOT_NAMES and TITLED_CONTEXT.search(window):
            found.append(Finding("name", match.start(), match.end(), 0.75))
    return found + full_names(text)


def full_names(text: str) -> list[Finding]:
    found = []
    for match in FULL_NAME.finditer(text):
        first, surname = match["first"].lower(), match["surname"].lower()
        if not known_name(first) or surname in NOT_NAMES or first in NOT_NAMES:
            continue
        end = match.end()
        if PUBLIC_ROLE.match(text, end) and not AFTER_FULL_NAME.match(text, end):
            continue
        after = AFTER_FULL_NAME.match(text, end)
        if after and public_story(text, match.start(), end):
            continue  # "Tracy Beaker, aged 10, did more for public understanding of care"
        attached = (after or BEFORE_FULL_NAME.search(text, max(0, match.start() - 60), match.start())
                    or CIRCUMSTANCE_AFTER.match(text, end) or WRITER_KNEW.match(text, end))
        if attached:
            found.append(Finding("name", match.start(), end, 0.75))
    return found
