"""Realistic records of the consultation's two old forms, written for the import's tests and
benchmark (invented people and words; no real responses). `records(n)` yields
(category, line) with the category the import should give each line."""

import json
import random
from datetime import datetime, timedelta

from consultation.imports.data import FOCUS_AREA_ALIASES, IDEA_LABELS
from consultation.people.roles import Role

AREA_NAMES = [
    "Supporting professional development", "Helping leadership to expect excellence",
    "Advocacy across internal hierarchies", "Discovering what works",
    "Making sense of AI RPA and other advanced and integrative software", "Influencing technology markets",
    "Data tool collaboration", "Facilitating information sharing", "Improving data quality",
    "Curating technical standards", "Redefining cross-sector collaboration", "Responding to large-scale change",
    "Making sense of case management systems",
]
SLUGS = ["supporting-professional-development", "helping-leadership-to-expect-excellence",
         "advocacy-across-internal-hierarchies", "discovering-what-works", "making-sense-of-advanced-software",
         "influencing-technology-markets", "data-tool-collaboration", "facilitating-information-sharing",
         "improving-data-quality", "curating-technical-standards", "redefining-cross-sector-collaboration",
         "responding-to-large-scale-change", "making-sense-of-case-management-systems"]
# The activity headings: the area's name, except the four the old form spelt its own way.
HEADINGS = dict(zip(SLUGS, AREA_NAMES, strict=True)) | {
    slug: name for name, slug in FOCUS_AREA_ALIASES.items() if name in (
        "Procurement and configuration", "Advanced technology", "Curating standards", "Advocacy across hierarchies")}
COUNCILS = ["Leeds City Council", "kent cc", "Kent County Council", "Royal Borough of Greenwich", "Manchester",
            "London Borough of Camden", "City of York Council", "Bristol City Council", "St Helens Council",
            "Stoke-on-Trent City Council", "Durham County Council", "North Yorkshire Council", "Hull City Council"]
OTHERS = ["Acme Data Ltd", "Department for Education", "Ofsted", "", "", "Independent consultant"]
STANCES = ["I’m enthusiastic about this", "I’m unsure about this", "I disagree with this",
           "I have a general reflection on this", "I’ve identified a specific issue with this", "Other", ""]
PAGES = ["appendix-2-more-on-possible-mechanisms-for-change/improving-data-quality/",
         "appendix-2-more-on-possible-mechanisms-for-change/making-sense-of-ai-rpa-and-other-advanced-and-integrative-software/",
         "appendix-2-more-on-possible-mechanisms-for-change/discovering-what-works/",
         "appendix-2-more-on-possible-mechanisms-for-change/data-tool-collaboration/",
         "appendix-2-more-on-possible-mechanisms-for-change/responding-to-large-scale-change/"]
SITE = "https://data-to-insight.github.io/centre-of-excellence/"
WORDS = ["shared validation rules would save every council time", "we rebuild the same returns each year",
         "leaders rarely see the analysts' work", "procurement needs a common specification",
         "the data quality tools help but training is patchy", "regional networks already share code"]


def _role(rng) -> str:
    label = rng.choice(Role.labels)
    twist = rng.random()
    if twist < 0.1:
        return label.replace("'", "’")
    if twist < 0.2:
        return label.upper()
    return label


def _activity(rng) -> str:
    label, (slug, _) = rng.choice(list(IDEA_LABELS.items()))
    return f"{HEADINGS[slug]}: {label}"


def _person(rng, index: int) -> dict:
    org = rng.choice(COUNCILS) if rng.random() < 0.6 else rng.choice(OTHERS)
    email = f"respondent{index}@example.org" if rng.random() < 0.5 else ""
    return {"role": _role(rng), "org": org, "email": email}


def main_record(rng, index: int) -> dict:
    chosen = rng.sample(AREA_NAMES, rng.randint(1, 6))
    # Within the last three weeks: inside the consultation's window, where an import must
    # date its records (the test's and the benchmark's consultations are open around now).
    when = datetime.now().replace(microsecond=0) - timedelta(days=21) + timedelta(minutes=7 * index % 30000)
    return {"tab": "MainFeedback", "page": SITE + "feedback/", **_person(rng, index),
            "rank_usefulness": {name: rng.randint(1, 5) for name in chosen},
            "rank_likelihood": {name: rng.randint(1, 5) for name in chosen[: rng.randint(0, len(chosen))]},
            "activities": sorted({_activity(rng) for _ in range(rng.randint(0, 4))}),
            "section": "", "comments": rng.choice(WORDS).capitalize() + ".", "hp_field": "",
            "timestamp": when.isoformat()}


def page_record(rng, index: int) -> dict:
    words = rng.choice(WORDS)
    return {"tab": "Feedback", "page": SITE + rng.choice(PAGES), "summary": words[:40].capitalize(),
            "details": words.capitalize() + f" (note {index}).", **_person(rng, index),
            "nature": rng.choice(STANCES), "hp_field": ""}


def records(n: int, seed: int = 19):
    """n lines: mostly good records of both forms, and the faults the real sheet has."""
    rng = random.Random(seed)  # noqa: S311 (invented test data, not secrets)
    previous = None
    for index in range(n):
        roll = rng.random()
        if roll < 0.01 and previous:
            yield "duplicate", previous
            continue
        if roll < 0.02:
            yield "honeypot", json.dumps({**page_record(rng, index), "hp_field": "cheap pills"})
            continue
        if roll < 0.025:
            yield "malformed", '{"tab": "Feedback", "summary": "cut off'
            continue
        if roll < 0.03:
            yield "unknown role", json.dumps({**main_record(rng, index), "role": "Chief wizard"})
            continue
        if roll < 0.035:
            record = main_record(rng, index)
            record["rank_usefulness"][AREA_NAMES[0]] = rng.choice([0, 6])
            yield "score out of range", json.dumps(record)
            continue
        record = main_record(rng, index) if roll < 0.6 else page_record(rng, index)
        if record["tab"] == "MainFeedback" and record["email"]:
            record["email"] = f"unique{index}@example.org"  # one response each: repeats update, not add
        previous = json.dumps(record, ensure_ascii=False)
        yield "imported", previous
