"""`feedback_import`: brings the old forms' records into the portal, one transaction per
record, idempotent by fingerprint. Comments go through the comment lifecycle (screening and
moderation, held for a moderator), structured responses through `response_save`."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import DataError, IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from consultation.imports.mapping import Catalogue, MappingError, normalise
from consultation.imports.models import ImportedRecord, ImportRun
from consultation.imports.respondents import respondent_for, verified_accounts
from consultation.moderation.lifecycle import comment_create
from consultation.people.sources import Source
from consultation.responses.models import Response
from consultation.responses.services import response_save, response_submitted_create
from consultation.screening import personal_data_reasons

MAIN, PAGE = "MainFeedback", "Feedback"
DATE_KEYS = ("timestamp", "submitted_at", "received_at", "date")
DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")
HONEYPOT = "honeypot filled in (a bot)"
SUBMISSION_NAMESPACE = uuid.UUID("6b1f4a52-0c1e-4a43-9a57-0d8f0f1b2c3d")  # namespace for submission keys
SHOWN = 100  # characters of a value quoted in the report

logger = logging.getLogger(__name__)


@dataclass
class Report:
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: Counter = field(default_factory=Counter)
    unmatched_councils: Counter = field(default_factory=Counter)
    personal_data: int = 0

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


class Rejected(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def _canonical(value):
    """The record as plain sorted text, so the same answer from JSON or CSV has one fingerprint."""
    if isinstance(value, dict):
        pairs = ((str(k).strip(), _canonical(v)) for k, v in value.items())
        return {k: v for k, v in pairs if v not in ("", [], {})}
    if isinstance(value, list):
        return [v for v in map(_canonical, value) if v not in ("", [], {})]
    return "" if value is None else str(value).strip()


def fingerprint(record: dict) -> str:
    text = json.dumps(_canonical(record), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode(errors="surrogatepass")).hexdigest()


def shown(value, limit: int = SHOWN) -> str:
    """A value as the report quotes it: one short line of printable text (a terminal
    escape or a megabyte of text from a file must not reach the screen or the run's record)."""
    text = "".join(c if c.isprintable() else "?" for c in str(value)[:limit + 1])
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _received_at(record: dict):
    for key in DATE_KEYS:
        text = str(record.get(key) or "").strip()
        if not text:
            continue
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            when = None
            for pattern in DATE_FORMATS:
                try:
                    when = datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
        if when is None:
            raise Rejected("unreadable date", text)
        if timezone.is_naive(when):
            when = timezone.make_aware(when)
        if when > timezone.now():
            raise Rejected("date in the future", text)
        return when
    return None


def _score(value, area_name) -> int:
    try:
        score = int(str(value).strip())
    except ValueError:
        raise Rejected("score not a number", f"{area_name}: {value}") from None
    if not 1 <= score <= 5:
        raise Rejected("score outside 1 to 5", f"{area_name}: {value}")
    return score


class Importer:
    """One run over one file. `on_problem(line, message)` hears each rejected record."""

    def __init__(self, *, consultation, file_name: str, dry_run: bool, on_problem: Callable = print):
        self.consultation = consultation
        self.dry_run = dry_run
        self.on_problem = on_problem
        self.catalogue = Catalogue()
        self.accounts = verified_accounts()
        self.report = Report()
        self.seen: set[bytes] = set()  # a dry run writes no fingerprints: repeats within the file
        self.run = None if dry_run else ImportRun.objects.create(file_name=file_name[:300])

    def feed(self, rows: Iterable[tuple[int, dict | None, str]]) -> Report:
        for line, record, error in rows:
            self.report.read += 1
            if error:
                self._reject(line, error)
                continue
            self.one(line, record)
        self.finish()
        return self.report

    def _reject(self, line: int, reason: str, detail: str = "") -> None:
        self.report.rejected[reason] += 1
        self.on_problem(line, f"{reason}: {shown(detail)}" if detail else reason)

    def one(self, line: int, record: dict) -> None:
        """Imports one record whole, or reports why not and writes nothing of it."""
        try:
            self._one(line, record)
        except (OperationalError, InterfaceError):
            raise  # the database is away: stop (what was written stands; a rerun carries on)
        except DataError as problem:  # a value PostgreSQL refuses: its transaction rolled back
            self._reject(line, "a value the database refused", str(problem))
        except Exception as problem:  # one odd record must not stop the rest (README)
            logger.exception("import_feedback: line %s could not be imported", line)
            self._reject(line, "could not be imported", type(problem).__name__)

    def _one(self, line: int, record: dict) -> None:
        if str(record.get("hp_field") or "").strip():
            self._reject(line, HONEYPOT)
            return
        key = fingerprint(record)
        if ImportedRecord.objects.filter(fingerprint=key).exists() or bytes.fromhex(key) in self.seen:
            self.report.duplicates += 1
            return
        self.key = key
        try:
            with transaction.atomic():
                self._write(line, record, key)
                if self.dry_run:
                    transaction.set_rollback(True)
        except (Rejected, MappingError) as problem:
            self._reject(line, problem.reason, str(problem).partition(": ")[2])
            return
        except IntegrityError:  # another run wrote the same record meanwhile
            self.report.duplicates += 1
            return
        if self.dry_run:
            self.seen.add(bytes.fromhex(key))
        self.report.imported += 1

    def _write(self, line: int, record: dict, key: str) -> None:
        form = record.get("tab") or (PAGE if record.get("summary") else MAIN)
        if form not in (MAIN, PAGE):
            raise Rejected("unknown form", str(form))
        catalogue = self.catalogue
        role = catalogue.role(record.get("role"))
        when = _received_at(record)
        # The analysis, the API and the exports count comments written in the consultation's
        # window (analysis.scope): one dated outside it would show on its page and nowhere else.
        if not self.consultation.is_open(when or timezone.now()):
            raise Rejected("dated outside the consultation", f"{when:%Y-%m-%d}" if when else "no date, and it has closed")
        organisation_name = " ".join(str(record.get("org") or "").split())
        council = catalogue.council(organisation_name)
        writer = self._main if form == MAIN else self._page
        response, comment = writer(record, when, lambda: respondent_for(
            email=str(record.get("email") or ""), fallback_key=key[:32], role=role,
            organisation=council, organisation_name=organisation_name, accounts=self.accounts))
        if organisation_name and council is None:
            self.report.unmatched_councils[shown(organisation_name, 200)] += 1
        if not self.dry_run:
            ImportedRecord.objects.create(fingerprint=key, run=self.run, line=line, form=form,
                                          response=response, comment=comment)

    def _main(self, record, when, respondent):
        catalogue = self.catalogue
        scores: dict = {}
        for measure, position in (("rank_usefulness", 0), ("rank_likelihood", 1)):
            given = record.get(measure) or {}
            if not isinstance(given, dict):
                raise Rejected("scores not an object", measure)
            for name, value in given.items():
                if str(value).strip() in ("", "None", "null"):
                    continue
                area = catalogue.focus_area(name)
                pair = scores.setdefault(area, [None, None])
                pair[position] = _score(value, name)
        activities = record.get("activities") or []
        if not isinstance(activities, list):
            raise Rejected("activities not a list")
        ideas = list({idea.pk: idea for idea in map(catalogue.idea, activities)}.values())
        text = str(record.get("comments") or "").strip()
        if not (scores or ideas or text):
            raise Rejected("empty response")
        person, _ = respondent()
        answer = {"respondent": person, "consultation": self.consultation, "flagged_ideas": ideas,
                  "scores": {area: tuple(pair) for area, pair in scores.items()}, "anything_else": text,
                  "source": Source.IMPORTED, "submitted_at": when}
        if person.just_created:
            response = response_submitted_create(**answer)
        elif Response.objects.filter(respondent=person, consultation=self.consultation, source=Source.ONLINE).exists():
            raise Rejected("already responded online")
        else:
            response = response_save(**answer, submit=True)
        self.report.personal_data += bool(personal_data_reasons(text))  # analysts only: counted, not held
        return response, None

    def _page(self, record, when, respondent):
        summary = str(record.get("summary") or "").strip()
        if len(summary) < 5:
            raise Rejected("summary missing or under 5 characters")
        details = str(record.get("details") or "").strip()
        area, option, part = self.catalogue.page(record.get("page"))
        if area is None and option is None and not part:
            raise Rejected("page names no subject", str(record.get("page") or ""))
        kind = self.catalogue.stance(record.get("nature"))
        body = f"{summary}\n\n{details}" if details and normalise(details) != normalise(summary) else summary
        person, _ = respondent()
        comment, _ = comment_create(
            author=person, consultation=self.consultation, focus_area=area, delivery_option=option,
            paper_part="" if area or option else part, body=body, reflection_kind=kind, submission_key=uuid.uuid5(SUBMISSION_NAMESPACE, self.key),
            source=Source.IMPORTED, created_at=when,
        )
        self.report.personal_data += bool(personal_data_reasons(body))  # held by the lifecycle for it
        return None, comment

    def finish(self) -> None:
        if self.run is None:
            return
        report = self.report
        ImportRun.objects.filter(pk=self.run.pk).update(
            finished_at=timezone.now(), read=report.read, imported=report.imported,
            duplicates=report.duplicates, rejected=dict(report.rejected),
            unmatched_councils=dict(report.unmatched_councils.most_common(500)),
        )
