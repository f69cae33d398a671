"""The production profile: secure by default, and refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k3y-" + "x7Qp9" * 12,
    "ALLOWED_HOSTS": "consultation.example.org",
    "DATABASE_URL": "sqlite:////tmp/coe-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/15",  # not connected to by these checks
}


def manage(*args, extra_env=None, drop=()):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", *drop)
    }
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(PRODUCTION_ENV)
    del env["SECRET_KEY"]
    result = manage("check", extra_env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_redis():
    """Without a shared cache each worker keeps its own pages and versions: a moderator's hide
    in one worker would not reach the pages another worker serves."""
    env = dict(PRODUCTION_ENV)
    del env["REDIS_URL"]
    result = manage("check", extra_env=env, drop=("REDIS_URL",))
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


def test_production_switches_on_secure_cookies_and_hsts():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)",
        extra_env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "False True True 31536000 True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_the_embedded_default_needs_nothing_set():
    # Without the test runner's CELERY_TASK_ALWAYS_EAGER: with no broker, a queued task
    # still runs, in the process that queued it.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_TASK_ALWAYS_EAGER")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from django.conf import settings as s; from coe.tasks import ping; "
         "print(s.DATABASES['default']['ENGINE'], s.EMAIL_BACKEND, s.TIME_ZONE, "
         "ping.delay('ran in process').get(timeout=5))"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "django.db.backends.sqlite3 django.core.mail.backends.console.EmailBackend Europe/London ran in process"
    )
