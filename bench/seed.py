"""Seeds a realistic volume of people, responses and comments, fast.

Rows are written with PostgreSQL's COPY (psycopg 3's ``cursor.copy``) and fall back to
``bulk_create`` on other databases (the tiny test in tests/bench may run on SQLite). Columns
are taken from Django's model metadata: a column this module does not fill gets the field's
default (or NULL, or an empty string), so a field added later with a default does not break
the seed; a new required field without one stops it with a message naming the field.

Volumes: one response per person per consultation is a database rule, so 20,000 responses
need 20,000 respondents. The issue's "5,000 users" is read as "the people who comment":
comments are written by a Zipf-like 5,000 of the 20,000 people (a few prolific, most once).
"""

import random
import time
import uuid
from bisect import bisect
from datetime import timedelta
from itertools import accumulate

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from consultation.comments.models import Comment, Follow
from consultation.people.models import Consultation, Organisation, User
from consultation.people.roles import Role
from consultation.responses.models import FocusAreaScore, IdeaFlag, Response
from ideas.models import FocusArea, Idea

FULL_VOLUME = {"users": 20_000, "commenters": 5_000, "responses": 20_000, "comments": 200_000,
               "follows": 10_000}
SEED_DAYS = 84  # twelve weeks of activity, so week-on-week figures have something to compare
EMAIL_PATTERN = "bench-person-{}@example.org"

STATES = [  # (state, weight): mostly published, some waiting, some taken down
    (Comment.State.PUBLISHED, 90), (Comment.State.PENDING, 5),
    (Comment.State.HIDDEN, 3), (Comment.State.REJECTED, 2),
]
SENTENCES = [
    "This would save our team weeks of work every year.",
    "We tried something similar locally and the hard part was data sharing agreements.",
    "I am not convinced the sector has the capacity to adopt this.",
    "A common data model would help, but only if suppliers commit to it.",
    "Please involve practitioners, not only analysts, in the design.",
    "Our council would use this tomorrow if it were free at the point of use.",
    "The evidence base for this is thin; a pilot with a few councils first?",
    "Children and families should be able to see how their data is used.",
    "This overlaps with work the regional improvement alliances already do.",
    "Funding beyond the first two years is the real question here.",
    "Templates are helpful but training matters more.",
    "We need clearer guidance on lawful basis before anything else.",
    "Smaller councils will struggle to take part without dedicated support.",
    "Good idea; the detail on governance will decide whether it works.",
]
OTHER_ORGANISATIONS = ["Department for Education", "Ofsted", "A data supplier", "A consultancy",
                       "A charity", "A university", ""]


def _zipf_cumulative(n: int, s: float = 1.07) -> list[float]:
    return list(accumulate(1 / (rank ** s) for rank in range(1, n + 1)))


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    return bisect(cumulative, rng.random() * cumulative[-1])


class TableWriter:
    """Writes rows into a model's table, filling every column the caller does not name."""

    def __init__(self, model, names: list[str]):
        self.model = model
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(names) - set(fields)
        if unknown:
            raise ImproperlyConfigured(f"{model.__name__} has no columns {sorted(unknown)}")
        self.names = list(names)
        self.extra_names, self.extra_values = [], []
        for attname, field in fields.items():
            if attname in names:
                continue
            if field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            elif field.empty_strings_allowed and field.blank:
                value = ""
            else:
                raise ImproperlyConfigured(
                    f"bench/seed.py does not fill {model.__name__}.{field.name}, which has no "
                    "default: add it to the seed"
                )
            self.extra_names.append(attname)
            self.extra_values.append(value)
        self.fields = [fields[name] for name in self.names + self.extra_names]
        self.rows: list[tuple] = []

    def add(self, *values) -> None:
        self.rows.append(values)

    def write(self) -> int:
        count = len(self.rows)
        if connection.vendor == "postgresql":
            self._copy()
        else:
            attnames = self.names + self.extra_names
            extra = tuple(self.extra_values)
            self.model.objects.bulk_create(
                (self.model(**dict(zip(attnames, row + extra, strict=True))) for row in self.rows),
                batch_size=500,
            )
        self.rows = []
        return count

    def _copy(self) -> None:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in self.fields)
        extra = tuple(
            field.get_db_prep_save(value, connection)
            for field, value in zip(self.fields[len(self.names):], self.extra_values, strict=True)
        )
        sql = f"COPY {quote(self.model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in self.rows:
                copy.write_row(row + extra)


def _next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def open_consultation(now=None) -> Consultation:
    """The current consultation, open from the first seeded week until well after today."""
    now = now or timezone.now()
    consultation = Consultation.objects.first() or Consultation(title="Benchmark round")
    consultation.opens_at = now - timedelta(days=SEED_DAYS + 7)
    consultation.closes_at = now + timedelta(days=60)
    consultation.save()  # also clears the cached current consultation
    return consultation


def seed(*, users: int, commenters: int, responses: int, comments: int, follows: int = 0,
         random_seed: int = 8, now=None, log=print) -> dict:
    """Writes the volume given and returns the number of rows written per model.

    Expects the migrations' data (local authorities, catalogue) to be there already.
    """
    if responses > users:
        raise ValueError("one response per person: responses cannot exceed users")
    commenters = max(1, min(commenters, users))
    rng = random.Random(random_seed)  # noqa: S311 (test data, reproducible on purpose)
    clock = time.perf_counter()

    def took() -> str:
        nonlocal clock
        elapsed, clock = time.perf_counter() - clock, time.perf_counter()
        return f" ({elapsed:.1f} s)"

    now = now or timezone.now()
    consultation = open_consultation(now)
    local_authorities = list(
        Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY).values_list("pk", flat=True)
    )
    areas = list(FocusArea.objects.order_by("position", "pk").values_list("pk", flat=True))
    ideas = list(Idea.objects.order_by("focus_area__position", "position", "pk").values_list("pk", "focus_area_id"))
    if not areas:
        raise ImproperlyConfigured("no focus areas: run the migrations (they load the catalogue)")
    counts: dict[str, int] = {}

    def since_start(skew: float = 1.0):
        # Activity grows towards the present: more in recent weeks than in the first ones.
        return now - timedelta(seconds=SEED_DAYS * 86400 * (rng.random() ** skew))

    # --- People -----------------------------------------------------------
    # About four in five councils have someone taking part; a few large ones many people.
    heard = rng.sample(local_authorities, k=round(len(local_authorities) * 0.8)) if local_authorities else []
    heard_weights = _zipf_cumulative(len(heard), 0.8) if heard else []
    roles = Role.values
    role_weights = list(accumulate([6, 3, 5, 2, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1][: len(roles)]))
    unusable = make_password(None)
    writer = TableWriter(User, ["id", "email", "password", "display_name", "role", "organisation_id",
                                "organisation_name", "is_staff", "is_superuser", "is_active", "date_joined"])
    first_user = _next_id(User)
    user_ids = list(range(first_user, first_user + users))
    for n, pk in enumerate(user_ids):
        role = roles[_pick(rng, role_weights)]
        at_council = role.startswith("la_") and heard
        organisation = heard[_pick(rng, heard_weights)] if at_council else None
        writer.add(pk, EMAIL_PATTERN.format(pk), unusable, f"Participant {n + 1}", role, organisation,
                   "" if at_council else rng.choice(OTHER_ORGANISATIONS), False, False, True,
                   now - timedelta(days=SEED_DAYS + 7) + timedelta(seconds=rng.random() * SEED_DAYS * 86400))
    counts["users"] = writer.write()
    log(f"  users: {counts['users']:,}" + took())

    # --- Structured responses: one per respondent -------------------------
    area_bias = {pk: rng.uniform(2.2, 4.3) for pk in areas}  # each area has its own reputation
    ideas_of: dict[int, list[int]] = {}
    for idea_pk, area_pk in ideas:
        ideas_of.setdefault(area_pk, []).append(idea_pk)
    responses_writer = TableWriter(Response, ["id", "respondent_id", "consultation_id", "status",
                                              "anything_else", "created_at", "updated_at", "submitted_at"])
    scores_writer = TableWriter(FocusAreaScore, ["id", "response_id", "focus_area_id", "usefulness", "likelihood"])
    flags_writer = TableWriter(IdeaFlag, ["id", "response_id", "idea_id"])
    response_pk, score_pk, flag_pk = _next_id(Response), _next_id(FocusAreaScore), _next_id(IdeaFlag)

    def score(bias):
        if rng.random() < 0.06:
            return None
        return min(5, max(1, round(rng.gauss(bias, 1.0))))

    for respondent in rng.sample(user_ids, k=responses):
        created = since_start(0.8)
        updated = min(now, created + timedelta(hours=rng.random() * 72))
        submitted = rng.random() < 0.88
        responses_writer.add(
            response_pk, respondent, consultation.pk,
            Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
            rng.choice(SENTENCES) if rng.random() < 0.2 else "", created, updated,
            updated if submitted else None,
        )
        for area in rng.sample(areas, k=rng.randint(min(3, len(areas)), len(areas))):
            usefulness, likelihood = score(area_bias[area]), score(area_bias[area] - 0.6)
            if usefulness is None and likelihood is None:
                continue
            scores_writer.add(score_pk, response_pk, area, usefulness, likelihood)
            score_pk += 1
            for idea in ideas_of.get(area, []):
                if rng.random() < 0.25:
                    flags_writer.add(flag_pk, response_pk, idea)
                    flag_pk += 1
        response_pk += 1
    counts["responses"] = responses_writer.write()
    counts["scores"] = scores_writer.write()
    counts["flags"] = flags_writer.write()
    log(f"  responses: {counts['responses']:,}, scores: {counts['scores']:,}, flags: {counts['flags']:,}" + took())

    # --- Comments and replies, Zipf-like over subjects and threads --------
    # Subjects: each focus area's own discussion and each idea's. The busiest is a focus area.
    subjects = [(area, None) for area in areas] + [(area, idea) for idea, area in ideas]
    rng.shuffle(subjects)
    busiest = next(i for i, (_, idea) in enumerate(subjects) if idea is None)
    subjects.insert(0, subjects.pop(busiest))
    subject_weights = _zipf_cumulative(len(subjects))
    commenter_ids = rng.sample(user_ids, k=commenters)
    author_weights = _zipf_cumulative(len(commenter_ids), 0.9)
    state_names = [state for state, _ in STATES]
    state_weights = list(accumulate(weight for _, weight in STATES))
    kinds = [kind for kind, _ in Comment._meta.get_field("reflection_kind").choices]
    writer = TableWriter(Comment, ["id", "author_id", "focus_area_id", "idea_id", "parent_id",
                                   "reflection_kind", "body", "state", "moderation_reason",
                                   "submission_key", "created_at", "edited_at", "withdrawn_at"])
    next_comment = _next_id(Comment)
    threads: dict[int, list[tuple[int, object]]] = {}  # subject index -> [(pk, created_at)]
    top_level = comments - comments * 45 // 100

    def add_comment(pk, subject, parent, created):
        area, idea = subjects[subject]
        state = state_names[_pick(rng, state_weights)]
        withdrawn = created + timedelta(hours=1) if rng.random() < 0.005 else None
        body = "" if withdrawn else " ".join(rng.sample(SENTENCES, k=rng.randint(1, 4)))
        edited = min(now, created + timedelta(minutes=rng.randint(1, 600))) if rng.random() < 0.03 else None
        writer.add(
            pk, commenter_ids[_pick(rng, author_weights)], area, idea, parent,
            rng.choice(kinds) if parent is None and rng.random() < 0.7 else "", body, state,
            "Breaks the house rules" if state in (Comment.State.HIDDEN, Comment.State.REJECTED) else "",
            uuid.UUID(int=rng.getrandbits(128), version=4), created, edited,
            min(now, withdrawn) if withdrawn else None,
        )

    for pk in range(next_comment, next_comment + top_level):
        subject = _pick(rng, subject_weights)
        created = since_start(0.7)
        add_comment(pk, subject, None, created)
        threads.setdefault(subject, []).append((pk, created))
    for pk in range(next_comment + top_level, next_comment + comments):
        subject = _pick(rng, subject_weights)
        if subject not in threads:
            subject = 0
        thread = threads[subject]
        parent, started = thread[int(len(thread) * rng.random() ** 3)]  # a few threads very busy
        created = min(now, started + timedelta(seconds=rng.random() * (now - started).total_seconds()))
        add_comment(pk, subject, parent, created)
    counts["comments"] = writer.write()
    log(f"  comments and replies: {counts['comments']:,}" + took())

    # --- Follows ----------------------------------------------------------
    writer = TableWriter(Follow, ["id", "follower_id", "focus_area_id", "idea_id", "created_at"])
    pk, seen = _next_id(Follow), set()
    for _ in range(follows):
        area, idea = subjects[_pick(rng, subject_weights)]
        key = (rng.choice(user_ids), None if idea else area, idea)
        if key in seen:
            continue
        seen.add(key)
        writer.add(pk, *key, since_start())
        pk += 1
    counts["follows"] = writer.write()

    # --- Reports (the moderation backlog), when the moderation work has the model ------
    try:
        report = apps.get_model("consultation", "Report")
    except LookupError:
        report = None
    if report is not None and comments:
        reasons = [value for value, _ in report._meta.get_field("reason").choices]
        writer = TableWriter(report, ["id", "comment_id", "reporter_id", "reason", "created_at"])
        pk, seen = _next_id(report), set()
        for _ in range(comments // 100):
            key = (rng.randrange(next_comment, next_comment + comments), rng.choice(user_ids))
            if key in seen:
                continue
            seen.add(key)
            writer.add(pk, *key, rng.choice(reasons), since_start())
            pk += 1
        counts["reports"] = writer.write()

    log(f"  follows: {counts['follows']:,}, reports: {counts.get('reports', 0):,}" + took())
    _reset_sequences([User, Response, FocusAreaScore, IdeaFlag, Comment, Follow]
                     + ([report] if report is not None else []))
    return counts


def _reset_sequences(models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def analyse() -> None:
    """Fresh planner statistics after a bulk load, as autovacuum would give them later."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
