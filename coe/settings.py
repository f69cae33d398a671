"""Settings for the consultation portal, read top to bottom.

Everything that differs between a laptop, CI and production comes from the
environment (see the README's configuration table). With nothing set, the
portal runs on the embedded default: SQLite, console email, tasks in-process.
DJANGO_ENV=production switches on the secure defaults and demands real values.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

# --- Core -----------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
# No default in production: refuse to start without one.
SECRET_KEY = env.str("SECRET_KEY") if PRODUCTION else env.str("SECRET_KEY", default="insecure-development-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The absolute address used in emails, where there is no request to build links from.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    *(f"django.contrib.{app}" for app in ("admin", "auth", "contenttypes", "sessions", "messages")),
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "allauth",
    "allauth.account",
    "coe",
    # Ground floor: the catalogue and the delivery options import nothing of ours.
    "ideas",
    "models_of_delivery",
    # The consultation's own apps, each with one job, flowing one way (docs/decisions/0007).
    "consultation.people",
    "consultation.comments",
    "consultation.moderation",
    "consultation.responses",
    "consultation.analysis",
    "consultation.themes",
    "consultation.imports",
    "consultation.digests",
    "consultation.api",
    "consultation.privacy",
]

MIDDLEWARE = [
    # These four only add headers to the response, so pages served from the cache below carry them.
    "django.middleware.security.SecurityMiddleware",
    "coe.middleware.ClientAddressMiddleware",
    "csp.middleware.CSPMiddleware",
    "coe.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Signed-out readers' cached pages, before sessions, CSRF, authentication and routing (coe/cache.py).
    "coe.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "coe.middleware.AccountRequestMiddleware",
    "coe.middleware.OddRequestMiddleware",
]

ROOT_URLCONF = "coe.urls"
WSGI_APPLICATION = "coe.wsgi.application"

# No "loaders" option on purpose: Django then wraps the filesystem and app loaders in its
# cached loader, parsing each template once per process (tests/test_page_cache_middleware.py).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coe.context_processors.service",
                "consultation.people.context_processors.consultation_window",
            ],
        },
    },
]
# Forms render with the GOV.UK field templates in templates/components/forms/.
FORM_RENDERER = "coe.forms.GovukFormRenderer"

# --- Data -----------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections: about 4x the throughput of reconnecting per request.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL") if PRODUCTION else env.str("REDIS_URL", default="")  # workers share one cache
# Redis is optional at run time (README "Faults"): short timeouts, then a circuit breaker.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.3)
REDIS_RETRY_AFTER = env.int("REDIS_RETRY_AFTER", default=30)
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails open: with Redis down or hung, pages are served uncached instead of failing.
            "BACKEND": "coe.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "coe",
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT,
                        "retry": Retry(NoBackoff(), 0)},  # not redis-py's default 3 retries
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for signed-out readers, invalidated on every change (coe/cache.py).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)

# --- Background work ------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
# Queuing must not touch the result backend (with Redis down that retried for ~19 s); the
# tasks whose results are read (ping, beat's entry points) ask for them themselves.
CELERY_TASK_IGNORE_RESULT = True
# Without a broker, run tasks in-process so a laptop needs nothing else.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One quick attempt, then coe.celery's breaker skips the broker; the work waits in the database.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {  # max_retries 0: a refused connection is not retried for 2 s
    "socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT, "max_retries": 0}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUT
CELERY_TIMEZONE = "Europe/London"
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
# When beat sends the weekly digests: "<day> <hh:mm>", Europe/London.
DIGEST_SCHEDULE = env.str("DIGEST_SCHEDULE", default="mon 08:00")

# --- People ---------------------------------------------------------------
AUTH_USER_MODEL = "consultation.User"
# allauth's alone (it is a ModelBackend, so permissions work): a second backend hashed a wrong
# password twice, so a wrong password took twice as long as a right one.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": f"django.contrib.auth.password_validation.{name}"} for name in (
    "UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator")]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"

ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address (in the browser that signed up) signs the person in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # subjects say what the email is; the sender names the service
ACCOUNT_SIGNUP_FORM_CLASS = "consultation.people.forms.SignupProfileForm"
# GOV.UK labels and error wording on every allauth form (consultation/people/account_forms.py).
ACCOUNT_FORMS = {form: f"consultation.people.account_forms.{name}" for form, name in [
    ("login", "LoginForm"), ("signup", "SignupForm"), ("add_email", "AddEmailForm"),
    ("change_password", "ChangePasswordForm"), ("set_password", "SetPasswordForm"),
    ("reset_password", "ResetPasswordForm"), ("reset_password_from_key", "ResetPasswordKeyForm"),
    ("reauthenticate", "ReauthenticateForm"), ("change_email", "ChangeEmailForm")]}
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The client is the Nth address from the right of X-Forwarded-For (limits and logs).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_ADAPTER = "consultation.people.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, spelled out; login_failed's per-address part skips known browsers.
    "login_failed": env.str("RATE_LIMIT_SIGN_IN_FAILURES", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "change_email": "1/m/user",
    "confirm_email": "1/3m/key",
}
# Our own abuse limits, in the same notation (coe/rate_limits.py): per account
# ("user") and per address ("ip"). Over a limit gets the "too many attempts" page (429).
CONSULTATION_RATE_LIMITS = {
    "comment": env.str("RATE_LIMIT_COMMENTS", default="10/m/user,60/h/user"),
    "report": env.str("RATE_LIMIT_REPORTS", default="20/h/user"),
    "follow": env.str("RATE_LIMIT_FOLLOWS", default="30/m/user,300/h/user"),
    "api": env.str("RATE_LIMIT_API", default="120/m/ip,3000/h/ip"),
}

# --- Email ----------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# A hung mail server holds a worker this long, never a request (account emails: coe/outbox.py).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# GOV.UK Notify, with EMAIL_BACKEND=django_gov_notify.backends.NotifyEmailBackend: the key
# and a Notify template whose subject is ((subject)) and body ((body)).
GOVUK_NOTIFY_API_KEY = env.str("GOVUK_NOTIFY_API_KEY", default="")
GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = env.str("GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID", default="")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Centre of Excellence consultation <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time ----------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# GOV.UK style times ("9:26am"): our en_GB catalogue translates Django's "a.m."/"p.m.".
LOCALE_PATHS = [BASE_DIR / "coe" / "locale"]

# --- Static files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# GOV.UK Frontend comes from npm (package.json), never copied in by hand.
GOVUK_FRONTEND_DIR = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
STATICFILES_DIRS = [BASE_DIR / "static", ("govuk", GOVUK_FRONTEND_DIR)]
# The precompiled GOV.UK CSS asks for fonts and images at /assets/: serve them there.
WHITENOISE_ROOT = GOVUK_FRONTEND_DIR
STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# --- Security -------------------------------------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # a signed-in page reads its session from Redis
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "coe.views.csrf_failure"
# Only our own files: the templates load external scripts and stylesheets, never inline
# ones (static/js/supported.js does the GOV.UK body-class snippet). The admin needs no more.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Sent by coe.middleware.PermissionsPolicyMiddleware: no page needs any of these.
PERMISSIONS_POLICY = [
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
    "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
    "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
]
# Request limits: the biggest form (a consultation response) is a few thousand characters
# and about 70 fields; an admin changelist action posts one field per selected row (100 a page).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.int("DATA_UPLOAD_MAX_NUMBER_FIELDS", default=200)
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- The consultation -----------------------------------------------------
SERVICE_NAME = "Centre of Excellence consultation"
SERVICE_PHASE = env.str("SERVICE_PHASE", default="Beta")
FEEDBACK_EMAIL = env.str("FEEDBACK_EMAIL", default="coe-consultation@example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_ip": {"()": "coe.middleware.ClientAddressFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s [%(client_ip)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_ip"], "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
