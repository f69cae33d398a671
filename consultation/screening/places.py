"""Where a person lives: postcodes (any spacing and case, checked against the real format)
and street addresses (a number, a street name and a street type; flats; named houses)."""

import re

from consultation.screening.findings import Finding, near
from consultation.screening.words import COMMON, GROUPS, words

# Loose on spacing and case ("SW1A1AA", "ls1  1ur", "B33 8 TH"), strict once the spaces go.
# ("LS11 5  TH", "LS11-5TH": the spaces inside and a dash between the halves too.)
POSTCODE_CANDIDATE = re.compile(
    r"(?<![\w/-])([A-Za-z]{1,2}\s?\d[A-Za-z\d]?)(?:\s{0,3}|-)(\d\s{0,2}[A-Za-z]\s?[A-Za-z])(?![\w/-])"
)
# "Postcode: L S 1 1 5 T H": spelled out letter by letter, read only after its label.
SPACED_POSTCODE = re.compile(r"\bpost ?code\b\W{0,12}((?:[A-Za-z0-9][ .]?){5,7})(?![\w])", re.IGNORECASE)
OUTWARD = re.compile(r"(?:[A-PR-UWYZ]\d[A-HJKPSTUW\d]?|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y\d]?)")
INWARD = re.compile(r"\d[ABD-HJLNP-UW-Z]{2}")
ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)
ADDRESS_WORDS = re.compile(r"\b(?:postcode|post code|lives?|living|live|moved|address|house|home|flat|"
                           r"street|road|near|at|in|from|to|visited|visit|round|stays?|staying)\b", re.IGNORECASE)


def postcodes(text: str) -> list[Finding]:
    found = []
    for match in POSTCODE_CANDIDATE.finditer(text):
        outward, inward = (re.sub(r"\s", "", part).upper() for part in match.groups())
        if not (OUTWARD.fullmatch(outward) and INWARD.fullmatch(inward)) or outward == "GIR":
            continue
        raw_inward = re.sub(r"\s", "", match.group(2))
        confidence = 0.9 if match.group().isupper() else 0.8
        if ORDINAL.fullmatch(raw_inward) and not raw_inward.isupper():
            # "the M62 1st phase": an ordinal, unless the sentence is about where someone lives.
            confidence = 0.6 if near(text, match.start(), re.compile(r"\bpost ?code\b", re.I), before=15, after=0) else 0.2
        found.append(Finding("postcode", match.start(), match.end(), confidence))
    if "ost" in text and (" " in text):
        for match in SPACED_POSTCODE.finditer(text):
            plain = re.sub(r"[ .]", "", match.group(1)).upper()
            if any(f.start <= match.start(1) < f.end for f in found) or len(plain) < 5:
                continue
            if OUTWARD.fullmatch(plain[:-3]) and INWARD.fullmatch(plain[-3:]):
                found.append(Finding("postcode", match.start(1), match.end(1), 0.8))
    return found


STREET_TYPES = (
    "road|rd|street|st|avenue|ave|av|lane|ln|close|drive|dr|way|crescent|cres|place|pl|gardens|gdns|grove|"
    "court|ct|terrace|walk|mews|hill|rise|view|square|sq|row|parade|green|vale|gate|croft|fold|wynd|brow|"
    "bank|park|end|meadow|meadows|fields|approach|boulevard|chase|crest|dale|hollow|nook|side|villas|"
    "wharf|yard|grange|heights|court"
)
_NAME_WORD = r"(?:[A-Z][a-z'’]+|[A-Z]{2,}|St\.?|[a-z][a-z'’]+)"
STREET = re.compile(
    rf"(?=[\dNn])(?P<number>\b(?:no\.?\s*)?\d{{1,4}}[a-zA-Z]?(?:\s?[-–]\s?\d{{1,4}})?),?\s+"
    rf"(?P<name>(?:{_NAME_WORD}\s+){{1,3}}?)(?P<type>{STREET_TYPES})\b\.?",
    re.IGNORECASE,
)
# Welsh streets put the type first: "12 Heol y Parc", "3 Ffordd Las", "7 Stryd Fawr".
WELSH_STREET = re.compile(r"(?=\d)\b\d{1,4}[a-zA-Z]?,?\s+(?:Heol|Ffordd|Stryd|Lon|Cilgant|Rhodfa|Maes|Llwyn|Ffordd)"
                          r"\s+(?:(?:y|yr|['’]r)\s+)?[A-Z][\w'’-]+")
FLAT = re.compile(r"(?=[fFaAuUrR])\b(?:flat|apartment|apt|unit|room)\s*\d{1,4}[a-zA-Z]?\b", re.IGNORECASE)
HOUSE = re.compile(
    rf"(?=[A-Z])\b(?:[A-Z][a-z]+\s+){{1,2}}(?:Cottage|House|Farm|Lodge|Barn|Villa|Manor|Bungalow|Cottages),?\s+"
    rf"(?:[A-Z][a-z]+\s+){{1,2}}(?i:{STREET_TYPES})\b"
)
# A numbered flat in a named block: "7B Kingfisher Tower", "14 Jubilee Court" is a street, above.
BLOCK = re.compile(r"(?=\d)\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Tower|Towers|Point|Heights|Mansions|Lofts|"
                   r"Plaza|Quay|House|Buildings|Apartments|Flats)\b")
NOT_STREET_NAMES = COMMON | GROUPS | words(
    "different key main new local school schools extra more fewer weeks months days years hours minutes "
    "times cases children families councils teams per percent pupils places beds homes children's "
    "national regional county district city town village rural urban "
    "should would could be been is are was were will can may might must shall do does did have has had till until"
)
THE_STREETS = {"crescent", "green", "avenue", "close", "drive", "grove", "mews", "parade", "square", "walk",
               "rise", "oval", "terrace", "gardens", "lane", "street", "row", "croft", "fold", "chase"}
CASE_SENSITIVE_TYPES = {"st", "av", "dr", "way", "view", "rise", "hill", "park", "end", "side", "bank", "green",
                        "gate", "row", "place", "pl", "court", "ct", "walk", "square", "sq", "chase", "yard"}


def addresses(text: str) -> list[Finding]:
    found = [Finding("address", m.start(), m.end(), 0.85) for m in HOUSE.finditer(text)]
    if any(word in text for word in ("Heol", "Ffordd", "Stryd", "Lon ", "Cilgant", "Rhodfa", "Maes", "Llwyn")):
        found += [Finding("address", m.start(), m.end(), 0.85) for m in WELSH_STREET.finditer(text)]
    if any(word in text for word in ("Tower", "Point", "Heights", "Mansions", "Lofts", "Plaza", "Quay", "House",
                                     "Buildings", "Apartments", "Flats")):
        found += [Finding("address", m.start(), m.end(), 0.8) for m in BLOCK.finditer(text)
                  if not ORGANISATION_BEFORE.search(text, max(0, m.start() - 40), m.start())]
    for match in STREET.finditer(text):
        confidence = _street_confidence(text, match)
        if confidence:
            start = match.start()
            flat = _flat_before(text, start)
            found.append(Finding("address", flat if flat is not None else start, match.end(), confidence))
    for match in FLAT.finditer(text):
        # "the boy from Apartment 1104, Skyline Central": a flat or apartment is a home wherever it is.
        home = match.group()[0] in "fFaA" and near(text, match.start(), FROM_OR_IN, before=6, after=0)
        if not any(f.start <= match.start() < f.end for f in found) and (home or near(
                text, match.start(), re.compile(r"\b(?:lives?|living|moved|at|address|block|house|estate)\b",
                                                re.I), before=40, after=40, end=match.end())):
            block = BLOCK_NAME_AFTER.match(text, match.end())
            found.append(Finding("address", match.start(), block.end() if block else match.end(), 0.6))
    return found


FROM_OR_IN = re.compile(r"\b(?:from|in|of)\s*$", re.IGNORECASE)
BLOCK_NAME_AFTER = re.compile(r",?\s+(?:[A-Z][a-z]+\s?){1,3}")


def _flat_before(text: str, start: int) -> int | None:
    flat = re.search(r"\b(?:flat|apartment|apt|unit)\s*\d{1,4}[a-zA-Z]?,?\s*$", text[max(0, start - 20):start],
                     re.IGNORECASE)
    return max(0, start - 20) + flat.start() if flat else None


NOT_AN_ADDRESS_AFTER = re.compile(r"\s+(?:addresses|style|type|kind|sort|names?|signs?|roads|streets|junction|"
                                  r"sessions?|events?|meetings?|workshops?|stalls?|consultations?|drop-ins?)\b",
                                  re.IGNORECASE)
NOT_IN_A_STREET_NAME = words(
    "the and of in on for to a an year years key stage section table figure option tier phase wave level page "
    "chapter part step question theme group cohort priority councils children families per percent"
)
ORGANISATION_BEFORE = re.compile(
    r"\b(?:our|the|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:office|offices|hq|headquarters|town hall|civic centre|hub|base|"
    r"building|head office|team|service|centre|center|clinic|practice)\s+(?:is\s+|are\s+|was\s+)?(?:at|in|on)\s+$",
    re.IGNORECASE)
# Government addresses that are public, not anyone's home.
PUBLIC_STREETS = {"downing street", "great smith street", "marsham street", "whitehall place"}


def _street_confidence(text: str, match: re.Match) -> float:
    words = match["name"].split()
    street_type = match["type"]
    if f"{' '.join(words)} {street_type}".lower() in PUBLIC_STREETS:
        return 0.0
    if [word.lower() for word in words] == ["the"] and street_type.lower() in THE_STREETS:
        # "10 The Crescent", "4 the green": a street named by its type alone
        titled = words[0][0].isupper() and street_type[0].isupper()
        return 0.85 if titled else 0.65 if near(text, match.start(), ADDRESS_WORDS, before=30, after=0) else 0.0
    titled = all(word[0].isupper() for word in words) and street_type[0].isupper()
    # "High Street", "New Road", "North Lane" are names when capitalised; "3 new ways" is not.
    excluded = NOT_IN_A_STREET_NAME if titled else NOT_STREET_NAMES
    if any(word.lower().strip("'’") in excluded for word in words):
        return 0.0
    if ORGANISATION_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return 0.0  # "our office at 3 Wellington Place": an organisation's address is public
    if street_type.lower() in CASE_SENSITIVE_TYPES and not titled:
        return 0.0  # "3 good places", "2 side": ordinary words unless written as a name
    if re.fullmatch(r"\d{4}", match["number"].strip()) and match["number"].strip()[:2] in ("19", "20"):
        return 0.0  # "in 2019 Local Way": a year
    if NOT_AN_ADDRESS_AFTER.match(text, match.end()):
        return 0.0  # "12 Station Road addresses in the data", "a Park Lane style flat"
    context = near(text, match.start(), ADDRESS_WORDS, before=30, after=0)
    if titled:
        return 0.9
    return 0.7 if context else 0.45
