"""Turns the old forms' words into the portal's records: roles, focus areas, ideas, pages,
stances and councils. Tolerant of case, curly apostrophes, punctuation and the known
spelling differences (consultation/imports/data.py); anything it cannot place is an error
for the record, never a guess."""

import re
import unicodedata
from urllib.parse import urlparse

from consultation.comments.models import ReflectionKind
from consultation.imports import data
from consultation.people.models import Organisation
from consultation.people.roles import Role
from ideas.models import FocusArea, Idea
from models_of_delivery.models import DeliveryOption

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


class MappingError(ValueError):
    """A value the portal cannot place: `reason` is what the report counts by."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def normalise(text) -> str:
    """Lower case, straight apostrophes, '&' as 'and', no other punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(QUOTES).lower()
    text = text.replace("&", " and ").replace("'", "")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


COUNCIL_PREFIXES = ("the ", "royal borough of ", "london borough of ", "metropolitan borough of ",
                    "borough of ", "city and county of ", "city of ", "county of ", "council of ")
COUNCIL_SUFFIXES = (" metropolitan borough council", " metropolitan district council", " borough council",
                    " county council", " city council", " district council", " unitary authority", " council",
                    " mbc", " lbc", " cc", " bc", " rbc", " county", " city", " city of")


def council_key(name: str) -> str:
    """'Royal Borough of Greenwich' → 'greenwich', 'Kent CC' → 'kent', 'Bristol, City of' → 'bristol'."""
    key = normalise(name).replace("saint ", "st ")
    changed = True
    while changed and key:
        changed = False
        for prefix in COUNCIL_PREFIXES:
            if key.startswith(prefix) and key != prefix.strip():
                key, changed = key[len(prefix):], True
        for suffix in COUNCIL_SUFFIXES:
            if key.endswith(suffix) and key != suffix.strip():
                key, changed = key[: -len(suffix)], True
    return key


class Catalogue:
    """The portal's records, read once per run (a few hundred rows): every lookup is a dict."""

    def __init__(self):
        areas = list(FocusArea.objects.all())
        self.areas_by_slug = {area.slug: area for area in areas}
        self.areas = {}
        for area in areas:
            self.areas[normalise(area.title)] = area
            if area.short_label:
                self.areas.setdefault(normalise(area.short_label), area)
        for alias, slug in data.FOCUS_AREA_ALIASES.items():
            if slug in self.areas_by_slug:
                self.areas[normalise(alias)] = self.areas_by_slug[slug]
        self.area_pages = {
            urlparse(area.source_url).path.rstrip("/").rsplit("/", 1)[-1]: area for area in areas if area.source_url
        }
        self.area_pages.update(self.areas_by_slug)
        ideas = {(idea.focus_area.slug, idea.slug): idea for idea in Idea.objects.select_related("focus_area")}
        self.ideas = {normalise(label): ideas.get(key) for label, key in data.IDEA_LABELS.items()}
        self.options = {option.slug: option for option in DeliveryOption.objects.all()}
        self.roles = {normalise(label): value for value, label in Role.choices}
        self.roles.update({normalise(value): value for value in Role.values})
        self.stances = {normalise(label): value for value, label in ReflectionKind.choices}
        self.paper_parts = {key.strip("/"): part for key, part in data.PAPER_PARTS.items()}
        self.councils_exact = {}
        self.councils = {}
        for council in Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY):
            self.councils_exact[normalise(council.name)] = council
            self.councils.setdefault(council_key(council.name), council)
        by_name = {council.name: council for council in self.councils_exact.values()}
        for alias, name in data.COUNCIL_ALIASES.items():
            if name in by_name:
                self.councils[alias] = by_name[name]

    def role(self, text) -> str:
        if not normalise(text):
            raise MappingError("no role given")
        try:
            return self.roles[normalise(text)]
        except KeyError:
            raise MappingError("unknown role", str(text)) from None

    def focus_area(self, name) -> FocusArea:
        try:
            return self.areas[normalise(name)]
        except KeyError:
            raise MappingError("unknown focus area", str(name)) from None

    def idea(self, activity) -> Idea:
        """'<heading>: <label>': the label names the idea; the heading must be its focus area."""
        heading, _, label = str(activity).partition(":")
        idea = self.ideas.get(normalise(label))
        if idea is None:
            raise MappingError("unknown activity", str(activity))
        if self.areas.get(normalise(heading)) not in (None, idea.focus_area):
            raise MappingError("activity under the wrong heading", str(activity))
        return idea

    def stance(self, text) -> str:
        if not normalise(text):
            return ""
        try:
            return self.stances[normalise(text)]
        except KeyError:
            raise MappingError("unknown stance", str(text)) from None

    def page(self, url) -> tuple[FocusArea | None, DeliveryOption | None, str]:
        """The subject of a page of the paper (or of the portal): a focus area, a delivery
        option, or a part of the paper ('' when the page names none, such as the feedback page)."""
        path = urlparse(str(url or "")).path
        segments = [s for s in path.lower().split("/") if s and s not in ("index.html", "centre-of-excellence")]
        segments = [s.removesuffix(".html") for s in segments]
        if data.FOCUS_AREA_PAGES in segments[:-1]:
            area = self.area_pages.get(segments[-1])
            if area is None:
                raise MappingError("unknown page", str(url))
            return area, None, ""
        if len(segments) >= 2 and segments[0] == "ideas" and segments[1] in self.areas_by_slug:
            return self.areas_by_slug[segments[1]], None, ""  # the portal's own focus-area page
        for segment in segments:
            if segment in self.options:
                return None, self.options[segment], ""
        part = self.paper_parts.get("/".join(segments)) or self.paper_parts.get("/".join(segments[:1]))
        if part is None and segments and segments[-1] not in ("feedback", "suggestions"):
            raise MappingError("unknown page", str(url))
        return None, None, part or ""

    def council(self, name) -> Organisation | None:
        """A local authority by exact name, then by its normalised name; None if not one."""
        text = normalise(name)
        if not text:
            return None
        return self.councils_exact.get(text) or self.councils.get(council_key(text))
