"""The benchmark's database: created, migrated and seeded once, then reused; its actors."""

import json
import os
import time
import urllib.parse

from bench.common import log

SEED_VERSION = 1  # bump when the seed's shape changes: the next run seeds again


def _admin_connection(database_url: str):
    import psycopg

    parts = urllib.parse.urlparse(database_url)
    return psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                           dbname="postgres", autocommit=True)


def _database_name(database_url: str) -> str:
    return urllib.parse.urlparse(database_url).path.lstrip("/")


def create_database(database_url: str, *, drop: bool = False) -> None:
    from psycopg import sql

    name = _database_name(database_url)
    with _admin_connection(database_url) as admin:
        if drop:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            log(f"Created database {name}")



def configure_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def migrate(database_url: str) -> None:
    from django.core.management import call_command
    from django.db import connections

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except Exception as error:  # a migration renamed under our feet: start from a clean database
        log(f"migrate failed on the existing benchmark database ({error}); recreating it")
        connections.close_all()
        create_database(database_url, drop=True)
        call_command("migrate", interactive=False, verbosity=0)


MARKER_TABLE = "bench_seed_marker"


def seeded_marker() -> dict | None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(f"SELECT version, seconds, counts FROM {MARKER_TABLE} ORDER BY seeded_at DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
    if row is None or row[0] != SEED_VERSION:
        return None
    counts = row[2] if isinstance(row[2], dict) else json.loads(row[2])
    return {"seconds": row[1], "counts": counts}


def write_marker(seconds: float, counts: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (version integer, seeded_at timestamptz, "
                       "seconds double precision, counts jsonb)")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} VALUES (%s, now(), %s, %s)",  # noqa: S608
                       [SEED_VERSION, seconds, json.dumps(counts)])


def ensure_seeded(database_url: str, reseed: bool, scale: int = 1) -> dict:
    """Seeds once (`scale` times the full volume); later runs find the marker row and the
    expected counts and reuse the data."""
    from django.db import connections, transaction

    from bench import seed
    from consultation.comments.models import Comment
    from consultation.responses.models import Response

    volume = {name: count * scale for name, count in seed.FULL_VOLUME.items()}

    create_database(database_url, drop=reseed)
    migrate(database_url)
    marker = seeded_marker()
    if marker and Comment.objects.count() >= volume["comments"] \
            and Response.objects.count() == volume["responses"]:
        log(f"Reusing the seeded database (seeded in {marker['seconds']:.1f} s): {marker['counts']}")
        return {"reused": True, **marker}
    if Comment.objects.exists() or Response.objects.exists():
        log("The benchmark database is partly seeded or outdated: recreating it")
        connections.close_all()
        create_database(database_url, drop=True)
        migrate(database_url)
    log("Seeding {users:,} people, {responses:,} responses, {comments:,} comments and replies".format(
        **volume))
    started = time.perf_counter()
    with transaction.atomic():
        counts = seed.seed(**volume, log=log)
    analysing = time.perf_counter()
    seed.analyse()
    log(f"  ANALYZE ({time.perf_counter() - analysing:.1f} s)")
    seconds = time.perf_counter() - started
    write_marker(seconds, counts)
    log(f"Seeded in {seconds:.1f} s")
    return {"reused": False, "seconds": seconds, "counts": counts}


def prepare_actors(password: str) -> dict:
    """The benchmark's own people, signed in through the real form: a reader, a poster, an analyst."""
    from allauth.account.models import EmailAddress
    from django.db.models import Count, ProtectedError

    from bench.seed import open_consultation
    from consultation.comments.models import Comment
    from consultation.people.models import User
    from consultation.people.roles import Role
    from ideas.models import FocusArea

    open_consultation()
    actors = {}
    for key, extra in [("reader", {}), ("poster", {}), ("analyst", {"is_staff": True, "is_superuser": True})]:
        user, _ = User.objects.get_or_create(email=f"bench-{key}@example.org")
        user.display_name, user.role = f"Bench {key}", Role.LA_DATA
        for name, value in extra.items():
            setattr(user, name, value)
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=user.email,
                                              defaults={"verified": True, "primary": True})
        actors[key] = user
    busiest = (Comment.objects.filter(idea__isnull=True).values("focus_area")
               .annotate(n=Count("pk")).order_by("-n").first())
    area = FocusArea.objects.get(pk=busiest["focus_area"])
    # The reader has comments of their own on the busiest page, one still awaiting moderation,
    # so the signed-in page exercises "published, or mine whatever its state".
    if not Comment.objects.filter(author=actors["reader"]).exists():
        for n, state in enumerate([Comment.State.PUBLISHED, Comment.State.PENDING]):
            Comment.objects.create(author=actors["reader"], focus_area=area, state=state,
                                   body=f"The benchmark reader's comment {n}.",
                                   submission_key=f"00000000-0000-4000-8000-{n:012d}")
    # What the last run's poster wrote goes, so runs stay comparable.
    try:
        removed, _ = Comment.objects.filter(author=actors["poster"]).delete()
    except ProtectedError:
        removed = 0
        log("  (the poster's earlier comments are kept: another table protects them)")
    if removed:
        log(f"  removed {removed} rows written by the last run's poster")
    return {"actors": actors, "busiest": area, "busiest_count": busiest["n"]}


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # database 9: the benchmark's own

