"""Details that point to one child without naming them: a named school or nursery with a
child in the sentence ("Jayden attends Oakwood Academy, Year 9", "the girl at Little Acorns
Nursery"), a hospital ward or GP surgery with a child or patient in the sentence ("on Ward 32 at
Leeds General", "registered at Beechwood Surgery"), and a description that fits one family or child in a place ("the only foster
carers in Rutland with a wheelchair user", "the only child in care there").

A school alone is public ("Oakwood Academy runs a nurture group"); a school with a child in
it, or "the only" one of something in a small place, is as good as a name.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people_words import known_name
from consultation.screening.words import COMMON

_WORD = r"(?:[A-Z][\w'’-]*|of|the|and|&|de|le|upon|on|in)"
_TYPE = (r"Primary|Infants?|Juniors?|Academy|High|Secondary|Nursery|Pre-?school|School|College|Grammar|"
         r"Comprehensive|Montessori|PRU|Pupil Referral Unit|Free School|Sixth Form|Studio School|UTC|"
         r"Day Nursery|Children's Centre|Kindergarten")
# "St Mary's Catholic Primary", "Little Acorns Nursery", "Hillside Primary School", "St Mary's RC"
SCHOOL = re.compile(
    rf"(?=[A-Z])\b(?:St\.?\s+)?[A-Z][\w'’-]+(?:\s+{_WORD}){{0,4}}?\s+(?P<type>{_TYPE}|R\.?C\.?|C\.? ?of ?E\.?|CE)\b"
    rf"(?:\s+(?:{_TYPE}))?"
)
# Words that show one child is meant: who they are, what they do there, what happened to them
# ("Year 7" alone is a cohort: "Oakwood Academy runs a nurture group for Year 7").
CHILD = re.compile(
    r"\b(?:attends|attended|attending|goes to|went to|going to|is at|was at|started at|moved to|excluded|expelled|"
    # ("child" before a field of study or a service is not one child: "child mental health", "child protection")
    r"pupil|child(?!\s+(?:mental|health|protection|poverty|development|psychology|psychiatry|care|welfare|abuse|"
    r"safeguarding|sexual|death|and adolescent|exploitation|criminal))|boy|girl|lad|son|daughter|grandson|granddaughter|"
    r"he|she|his|her|him|"
    r"aged? \d{1,2}|\d{1,2}[- ]year[- ]old|reception class|looked[- ]after(?![- ](?:children|pupils|young))|in care|foster|"
    r"only|burns|bruis\w*|injur\w*|referred|disclosed|social worker)\b", re.IGNORECASE)
# School names that are the sector's, not a place ("Virtual School", "the Open University").
NOT_A_SCHOOL = re.compile(r"^(?:the\s+)?(?:virtual|open|local|secondary|primary|special|free|high|our|my|his|her|"
                          r"their|this|that|each|every|any|a|an|one|new|same|other|mainstream|independent|state|"
                          r"residential|boarding|community|village|faith|catholic|church|national|what|which|"
                          r"key|grammar|private|junior|infant|nursery|first|middle|upper|lower|sixth)\b",
                          re.IGNORECASE)
# "the only foster carers in Rutland", "the only looked-after pupil at Hillside", "the only Roma boy in year 10"
_NOT_A_HEAD = (r"(?![\s-]+(?:hubs?|protection|care|health|poverty|services?|teams?|centres?|support|help|court|"
               r"workers?|group|minded|friendly|law|benefit|development|safeguarding|homes?|placements?|panel))")
ONLY_ONE = re.compile(
    r"\bthe\s+only\s+(?:[\w'’-]+\s+){0,3}?(?:foster carers?|carers?|adopters?|family|child|pupil|boy|girl|"
    rf"young person|care leaver|student|baby|sibling group|twins|year\s*\d{{1,2}}|reception child)\b{_NOT_A_HEAD}"
    r"(?=[^.!?\n]{0,80}?\b(?:in|at|on|from)\s+(?:[A-Z]|year\s*\d|the\s+(?:estate|village|school|street|close)|"
    r"(?:our|their|his|her)\s+(?:school|class|estate|village|street)))"
    rf"|\bonly\s+(?:[\w'’-]+\s+){{0,3}}?(?:child|pupil|boy|girl){_NOT_A_HEAD}\s+(?:\w+\s+){{0,3}}?there\b",
    re.IGNORECASE)


# "the village school in Grassington", "our academy in Cromer", "a small school in a Cumbrian village
# (Caldbeck)": a school named by its place is as good as its name where there is one.
LOCAL_SCHOOL = re.compile(
    r"(?=[tTaAhHo])\b(?:the|our|a|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:school|academy|primary|nursery)\s+in\s+"
    r"(?:a\s+[\w-]+\s+village\s+\(\s*)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# ... with one child in it: a year group and a child ("a Year 5 boy", "our son is in Year 9").
ONE_CHILD = re.compile(r"\b(?:boy|girl|lad|son|daughter|grandson|granddaughter|nephew|niece|child|pupil|he|she)\b",
                       re.IGNORECASE)
YEAR_GROUP = re.compile(r"\b(?:year\s*\d{1,2}|reception)\b", re.IGNORECASE)


# A ward or a GP surgery is as narrow as a school: "on Ward 32 at Leeds General", "the Rainbow Ward at
# Sheffield Children's", "registered at Beechwood Surgery", "the Cedar Ward adolescent unit", "in NICU".
HEALTH_PLACE = re.compile(
    r"(?=[A-Z])\b(?:Ward\s*\d{1,2}[A-Z]?\b|NICU\b|PICU\b|SCBU\b|(?:[A-Z][\w'’-]+\s+){1,3}(?:Ward|Unit|Surgery|"
    r"Medical Centre|Medical Practice|Health Centre|Clinic)\b(?!['’]))")
PATIENT = re.compile(r"\b(?:admitted|inpatient|discharged|sectioned|detained|patient)\b", re.IGNORECASE)
# Teams and services named like units: "the Child Exploitation Unit", "the Pupil Referral Unit".
NOT_A_HEALTH_PLACE = re.compile(r"\b(?:Referral|Exploitation|Offending|Intelligence|Crime|Protection|Safeguarding|"
                                r"Policing|Missing|Assessment|Family|Families|Fostering|Adoption|Housing)\b")
_HEALTH_HINTS = ("Ward", "Unit", "Surgery", "Medical", "Health Centre", "Clinic", "NICU", "PICU", "SCBU")


def health_places(text: str) -> list[Finding]:
    found = []
    for match in HEALTH_PLACE.finditer(text) if any(hint in text for hint in _HEALTH_HINTS) else ():
        words = match.group().split()
        if NOT_A_HEALTH_PLACE.search(match.group()) or (words[-1] == "Ward" and known_name(words[-2].lower())):
            continue  # "Harriet Ward is still cited": a person's surname
        sentence = _sentence(text, match.start(), match.end())
        if CHILD.search(sentence) or PATIENT.search(sentence):
            found.append(Finding("singled_out", match.start(), match.end(), 0.7))
    return found


UNIVERSITY_AFTER = re.compile(r" of |\s+(?:London|Hospital|Cambridge|Oxford|Dublin|University)\b")
# "the only Year 6 at Gunnerside school", "in Year 8 at Bishop Vesey's": a school by its place or its patron.
PLACE_SCHOOL = re.compile(r"\b(?:at|to)\s+(?P<place>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:school|primary|academy|nursery)\b"
                          r"|\bat\s+(?:St\.?|Saint|Bishop|Cardinal|Archbishop|King|Queen|Sir|Lady|Dame)\s+[A-Z][a-z]+['’]s\b")
CHILD_OF_AN_AGE = re.compile(r"\b\d{1,2}\s?(?:yo|y/o)\b|\b\d{1,2}[- ]years?[- ]old\b", re.IGNORECASE)


def schools(text: str) -> list[Finding]:
    found = []
    lower = text.lower()
    local = any(f"{kind} in " in lower for kind in ("school", "academy", "primary", "nursery"))
    for match in LOCAL_SCHOOL.finditer(text) if local else ():
        window = text[max(0, match.start() - 120):match.end() + 150]
        if match["place"].lower() not in COMMON and YEAR_GROUP.search(window) and ONE_CHILD.search(window):
            found.append(Finding("school", match.start(), match.end(), 0.7))
    for match in PLACE_SCHOOL.finditer(text) if (" at " in text or " to " in text) else ():
        if match["place"] and match["place"].lower() in COMMON:
            continue
        window = text[max(0, match.start() - 120):match.end() + 150]
        if YEAR_GROUP.search(window) and (ONE_CHILD.search(window) or CHILD_OF_AN_AGE.search(window)):
            found.append(Finding("school", match.start(), match.end(), 0.7))
    for match in SCHOOL.finditer(text):
        if NOT_A_SCHOOL.match(match.group()):
            continue
        if match["type"] == "High" and not re.search(r"\b(?:at|to|from|attends|of)\s+$", text[:match.start()]):
            continue  # "Very High", "Risk High": only "at Greenfield High" is a school
        if match["type"] in ("College", "Academy") and UNIVERSITY_AFTER.match(text, match.end()):
            continue  # "Royal College of Paediatrics", "King's College London": a professional body, a university
        if CHILD.search(_sentence(text, match.start(), match.end())):
            found.append(Finding("school", match.start(), match.end(), 0.75))
    return found


def singled_out(text: str) -> list[Finding]:
    return [Finding("singled_out", m.start(), m.end(), 0.7) for m in ONLY_ONE.finditer(text)] + health_places(text)


def _sentence(text: str, start: int, end: int) -> str:
    before = re.split(r"[.!?]\s|\n", text[max(0, start - 120):start])[-1]
    after = re.split(r"[.!?]\s|\n", text[end:end + 120])[0]
    return f"{before} {after}"
