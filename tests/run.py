"""Chooses the services the suite runs against, says which, then runs pytest.

Under CI=true the suite must use the machine's PostgreSQL and Redis: if either is
missing this exits non-zero instead of falling back. Elsewhere it uses them when
they answer and the embedded default (SQLite, no broker) when they do not.
"""

import os
import socket
import sys
from urllib.parse import urlparse


def reachable(url: str) -> bool:
    parts = urlparse(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=2):
            return True
    except OSError:
        return False


def main() -> int:
    ci = os.environ.get("CI", "").lower() == "true"
    database_url = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coe")
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    env = dict(os.environ)
    missing = []
    if reachable(database_url):
        env["DATABASE_URL"] = database_url
    else:
        missing.append(f"PostgreSQL at {database_url}")
        env.pop("DATABASE_URL", None)
    if reachable(redis_url):
        env["REDIS_URL"] = redis_url
    else:
        missing.append(f"Redis at {redis_url}")
        env.pop("REDIS_URL", None)
    if ci and missing:
        print("CI=true but these services do not answer: " + "; ".join(missing), file=sys.stderr)
        return 2
    # Tasks run in-process in tests; the tests that need a real worker start one themselves.
    env["CELERY_TASK_ALWAYS_EAGER"] = "true"
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    print(
        "Test services:",
        env.get("DATABASE_URL", "SQLite (embedded default)"),
        "|",
        env.get("REDIS_URL", "no Redis (embedded default)"),
        flush=True,
    )
    pytest = os.path.join(os.path.dirname(sys.executable), "pytest")
    os.execve(pytest, [pytest, *sys.argv[1:]], env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
