"""The vocabulary of the people recognisers (`people`, `families`): ages, family words, the
circumstances of a child in care, and the tests on a candidate name they share."""

import re
import string

from consultation.screening.findings import Finding
from consultation.screening.words import COMMON, GROUPS, PLACES, first_names, words

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|twenty-one")
AGE = rf"(?:\d{{1,2}}|(?i:{_NUMBER_WORDS})\b)(?:\s*(?:½|and a half))?"
# What follows a number that is not an age: "Leeds is 15 minutes away", "Ava was 3rd", "Sam is 3 weeks
# into the job", "Max is 10 per team"; "8 months old" is an age.
NOT_AN_AGE = (r"(?!\s*(?:%|per\b|percent|of\b|st\b|nd\b|rd\b|th\b|[.,:]\d|miles|minutes|hours|km|times|"
              r"points|councils|authorities|places|pence|pounds|million|thousand|hundred|children|people|out\b|"
              r"(?:days?|weeks?|months?|years?|yrs?)\s+(?!old\b)))")
FAMILY = (r"son|daughter|brother|sister|half-brother|half-sister|sibling|twin|nephew|niece|grandson|"
          r"granddaughter|grandchild|child|foster child|foster son|foster daughter|stepson|stepdaughter|baby|"
          r"toddler|boy|girl|lad|mum|mother|dad|father|stepdad|stepmum|carer|nan|gran|nana|grandma|grandad|"
          r"grandmother|grandfather|grandparent|great-grandmother|great-grandfather|"
          r"aunt|auntie|uncle|cousin|partner|boyfriend|girlfriend|young person|teenager|care leaver|"
          r"pupil|yp|cyp|client|kid|little one|eldest|youngest|middle child|young man|young woman|young lady")
HEALTH = (r"hiv|hiv positive|diabetes|diabetic|asthma|epilepsy|epileptic|cancer|leukaemia|cerebral palsy|autism|"
          r"autistic|adhd|fasd|down syndrome|deaf|blind|anorexia|anorexic|bulimia|eating disorder|depression|"
          r"anxiety|psychosis|schizophrenia|bipolar|ptsd|self-harms?|self harms?|suicidal|overdosed?|sickle cell|"
          r"cystic fibrosis|tourette'?s|ocd|hepatitis|global developmental delay|learning disability|"
          r"allergic|allergy|allergies|medication|sectioned|terminally ill|tagged|a tag|prison|pregnant|miscarriage|camhs")
CIRCUMSTANCE = (
    r"placed|placement|placements|moved|removed|into care|in care|looked after|adopted|adoption|fostered|"
    r"foster|excluded|exclusion|missing|ran away|protection plan|cp plan|cin plan|child in need|care order|"
    r"supervision order|section 20|s20|s\.20|accommodated|care leaver|residential|children's home|secure|"
    r"custody|yoi|arrested|exploited|exploitation|groomed|abused|neglected|at risk|"
    r"referred|assessed|school|nursery|college|year \d+|reception|pupil referral|pru|alternative provision|"
    r"home educated|ehcp|social worker|iro|personal adviser|kinship|special guardian|carers?|mum|dad|nan|"
    r"gran|grandparents|aunt|uncle|father|mother|siblings?|brother|sister|family|police|court|hospital|"
    r"therapy|counselling|remand|unaccompanied|asylum|trafficked|deported|homeless|hostel|"
    r"supported lodgings|semi-independent|plan|visits?|contact with|respite|short breaks|disabled|"
    rf"diagnosed|baby|{HEALTH}"
)
CARE_NOUN = (r"foster|placement|social worker|sw|care|carers?|mum|mother|dad|father|nan|gran|sister|brother|"
             r"siblings?|family|school|teacher|class|nursery|college|iro|personal adviser|pa|key ?worker|"
             r"ehcp|plan|case|birth|adoptive|adoption|special guardian|kinship|children's home|home|"
             r"residential|support worker|youth worker|yot|probation|allocated|needs|behaviour|contact|"
             r"referral|assessment|file|record|diagnosis|disability|attendance|exclusion|pep|lac|cp|cin|"
             rf"epilepsy|medication|gp|doctor|consultant|paediatrician|health visitor|nurse|ward|surgery|{HEALTH}")
# A sentence about one child's care or an age: "We lost touch with Kyle after he moved to a hostel".
SENTENCE_CONTEXT = re.compile(
    r"\b(?:placed|placements?|foster(?:ed|ing)?|in care|into care|looked after|adopted|missing|excluded|exclusion|"
    r"care leaver|children's home|residential|hostel|protection plan|child in need|unaccompanied|asylum|"
    r"remanded|arrested|exploited|groomed|abused|neglected|special guardian|kinship|removed|"
    r"evicted|sofa surfing|homeless|refuge|at risk|exploitation|social worker|diagnosed|out of school|expelled|"
    r"ehcp|pupil referral|baby|toddler|newborn|learning disabilit|disabled|pathway plan|personal adviser|"
    r"short breaks|respite|wheelchair|bringing up|brought up|matched with|(?:was|were|been|being) moved|(?:since|when|until|before|after)\s+"
    r"(?:he|she|they)\s+(?:was|were|turned)|(?:his|her|their) (?:mum|dad|mother|father|nan|gran|sister|brother|"
    r"siblings?|carers?|social worker|school)|"
    rf"(?:was|is|aged?|turned|i['’]m)\s+(?:only\s+|nearly\s+)?{AGE}\b{NOT_AN_AGE}|\d{{1,2}}[- ]years?[- ]old|{HEALTH})",
    re.IGNORECASE)
# The workers and carers around a child: private adults, named in a case as surely as the child.
CASEWORKER = (r"social worker|sw|iro|independent reviewing officer|personal adviser|pa|key ?worker|support worker|"
              r"youth worker|family support worker|team manager|practice manager|service manager|residential manager|"
              r"home manager|foster carers?|kinship carers?|supervising social worker|health visitor|midwife|"
              r"advocate|mentor|independent visitor|case ?worker|teacher|form tutor|senco|gp|solicitor|therapist|"
              # the adults who bring a child up after care, and the youth justice workers around one
              r"yot worker|youth offending worker|probation officer|case manager|special guardians?|adopters?|"
              r"adoptive (?:parents?|mum|dad|mother|father)")
# "Kacper ma 12 lat", "Ayesha 13 saal ki hai", "Iwan yn 10 oed": an age in Polish, Urdu or Welsh.
FOREIGN_AGE = rf"\s+(?:ma\s+|yn\s+)?{AGE}\s+(?:lat|lata|saal|sal|oed|mlwydd)\b|,?\s+lat\s+{AGE}\b|\s+{AGE}\s+(?:ka|ki)\s+(?:hai|he)\b"

# Systems and products the sector names like people ("Mosaic is 15 years old").
SYSTEMS = words("mosaic liquidlogic eclipse carefirst protocol synergy capita servelec azeus wcc frameworki "
                "excel tableau powerbi sharepoint teams zoom crystal")
NOT_NAMES = COMMON | PLACES | GROUPS | SYSTEMS | words(
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
    uncle cousin partner twin twins lad teenager teen pupil client speaker deputy chair chairman
    red rag"""
)
# Names in lower case ("bella has been in 6 placements") are read as names only when the word
# is not also an everyday one ("son", "see", "will").
LOWER_CASE_WORDS = words(
    """son man see soon love ward king lane miles rose royal queen prince princess song ping chi ja le pa dot
    major long young price bill will rich art guy don ray max penny sandy dusty rusty star river sky storm
    hunter chance lady baby dean carol page grant mark norman bob buck colt bud earl duke pearl ruby amber
    crystal hazel iris olive ginger honey candy cherry daisy holly ivy jade jasmine heather violet lily poppy
    rosemary sage summer autumn april june may august dawn eve joy hope faith grace charity patience mercy
    precious blessing gift happy merry sunny sterling frank sue pat rob nick al ed ken les van wade gene jean
    jan dale glen cliff brook rocky kit kay dee early care chase case else cash bishop mason carter parker
    hunter taylor cook baker young white brown green black gray grey bell hall ward wood hill lee north
    west east south noble story unique love lovely angel destiny harmony justice trinity
    marshall porter archer fisher miller butler walker turner sergeant chief major colonel dell don"""
)


# "a girl of 13", "a boy aged 9": a child with an age before the name ("..., Maisie-Jo").
CHILD_OF_AGE = rf"(?:boy|girl|lad|lass|child|kid|teenager|son|daughter)\s+(?:of|aged)\s+{AGE}"
AGE_OF = re.compile(rf"\b{CHILD_OF_AGE}", re.IGNORECASE)
# Names that are everyday words too ("Will", "Bill"): a name only with an age or a care noun after it,
# and not after a determiner ("the Bill (15)", "this Bill's second reading").
NAMES_THAT_ARE_WORDS = frozenset({"will", "bill"})
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|this|that|each|every|any|our|their|its|private|government)\s+$", re.IGNORECASE)
# "King's College London", "St Thomas's Hospital": an institution named after someone, not a child's.
INSTITUTION_AFTER = re.compile(r"['’]s\s+(?:[A-Z][a-z]+\s+){0,2}(?:College|School|Hospital|Academy|University|Church|"
                               r"Trust|Centre|Foundation|Fund|Ward|Hospice|Park|Cross|Road|Street|Lynn)\b")
# A public life or a story: what makes a full name with an age a public figure's ("when she started her
# school strike", "public understanding of care", "the TV series").
PUBLIC_STORY = re.compile(
    r"\b(?:public(?:ly)?|famous|fame|campaign\w*|activist|strike|tv|television|bbc|itv|netflix|film|movie|novel|"
    r"book|author|character|fictional|series|episode|soap|documentary|nobel|prize|olympic\w*|medal|footballer|"
    r"singer|actor|actress|celebrity|speech|historical|biography|memoir|storyline|cartoon|play)\b", re.IGNORECASE)


def public_story(text: str, start: int, end: int) -> bool:
    """Whether the sentence around start:end tells of a public life or a story."""
    before = re.split(r"[.!?;]\s", text[max(0, start - 120):start])[-1]
    after = re.split(r"[.!?]\s", text[end:end + 160])[0]
    return bool(PUBLIC_STORY.search(before + " " + after))


# "Her name was Maisie-Jo", "The baby's name is Bless": a name told outright, in a text about a child.
TOLD_NAME = re.compile(
    r"\b(?i:(?:his|her|their)|(?:the\s+)?(?:baby|child|boy|girl|lad|son|daughter|young person|kid|little one)['’]s)\s+"
    r"(?i:(?:first\s+|real\s+|full\s+|actual\s+)?name\s+(?:is|was|['’]s))\s+(?P<name>[A-Z][\w'’-]+)")
CHILD_WORDS = re.compile(rf"\b(?:{FAMILY}|{CHILD_OF_AGE})\b|\b\d{{1,2}}[- ]?(?:years?[- ]old|yo)\b|\bin (?:our )?care\b",
                         re.IGNORECASE)


def told_names(text: str) -> list[Finding]:
    return [Finding("name", m.start("name"), m.end("name"), 0.75) for m in TOLD_NAME.finditer(text)
            if m["name"].lower() not in NOT_NAMES and CHILD_WORDS.search(text, max(0, m.start() - 400), m.end() + 200)]


def known_name(lower: str) -> bool:
    """A first name from the list, or a double-barrelled one made of them ("ellie-mae")."""
    names = first_names()
    return lower in names or ("-" in lower and all(part in names for part in lower.split("-") if part))


def lower_case_name(lower: str) -> bool:
    return len(lower) >= 4 and lower not in LOWER_CASE_WORDS


_NO_LOWER = str.maketrans("", "", string.ascii_lowercase)
_NO_UPPER = str.maketrans("", "", string.ascii_uppercase)


def shouting(text: str) -> bool:
    """A text written in capitals, where every word looks like a name or an acronym."""
    lower = len(text) - len(text.translate(_NO_LOWER))
    upper = len(text) - len(text.translate(_NO_UPPER))
    return upper >= 12 and upper > 4 * lower


# "Cumbria (4), East Sussex (5)", "Selby, 4, and Crawley, 3": a table of counts, not children.
COUNT_ENTRY = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][\w'’-]*)(?:\s*\(\s*\d{1,4}\s*\)|,\s*\d{1,4}\s*(?:,|;|:|\.|$)"
                         r"|\s*:\s*\d{1,4}\b)")


def is_counts_list(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end is one entry in a list of names with counts, most of them
    not first names (places, ratings, teams)."""
    window = text[max(0, start - 150):end + 150]
    entries = [m["word"].lower() for m in COUNT_ENTRY.finditer(window)]
    if len(entries) < 2:
        return False
    return sum(known_name(entry) for entry in entries) * 2 < len(entries)
