"""allauth's adapter, for four behaviours (settings.ACCOUNT_ADAPTER):

- Account emails go through the outbox (coe/outbox.py): a hung or failing mail server or a
  missing broker never holds up a sign-up or a reset, and nothing is lost.
- The client's address is the one ALLAUTH_TRUSTED_PROXY_COUNT says (allauth's own rule);
  a request whose X-Forwarded-For is shorter than that falls back to the socket's address
  instead of a 500.
- Sign-in failures are limited per account and per address (ACCOUNT_RATE_LIMITS
  "login_failed"). A browser where this account signed in before (a signed "known device"
  cookie), or the person's own signed-in session confirming their password, counts its
  failures apart, under the per-account rate alone: nobody guessing passwords, from an
  office's shared address or from anywhere, can lock a person out of their own browser.
- No enumeration in time: signing up with an address that already has an account does the
  same slow password hashing as a new account does.
- Two sign-ups with one address at once (a double click): the second gets the same page and
  "you already have an account" email as any sign-up with a taken address, not a 500.
- Sign-up is one transaction (signup_in_one_transaction): the user, the address and the queued
  email are saved together or not at all.
"""

import hashlib
import logging

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal import flows
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.core.internal.httpkit import clean_client_ip
from celery import current_app
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sites.shortcuts import get_current_site
from django.core import signing
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import IntegrityError, OperationalError, transaction
from django.shortcuts import render
from django.utils.crypto import get_random_string

from coe import outbox
from coe.tasks import MAIL_ERRORS, send_account_email

logger = logging.getLogger(__name__)
KNOWN_DEVICE_COOKIE = "coe_known_device"
KNOWN_DEVICE_SALT = "consultation.people.adapter.known-device"
KNOWN_DEVICE_MAX_AGE = 365 * 24 * 3600


def _login_fingerprint(login: str) -> str:
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()[:32]


def known_device_value(login: str) -> str:
    return signing.dumps(_login_fingerprint(login), salt=KNOWN_DEVICE_SALT, compress=True)


def is_known_device(request, login: str) -> bool:
    token = request.COOKIES.get(KNOWN_DEVICE_COOKIE)
    if not token or not login:
        return False
    try:
        value = signing.loads(token, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_MAX_AGE)
    except signing.BadSignature:
        return False
    return value == _login_fingerprint(login)


def own_browser(request, login: str) -> str:
    """A name for this browser if it is the account's own (its known-device cookie, or a session
    signed in to it), else "". Each cookie is issued at a sign-in, so each browser counts apart."""
    if is_known_device(request, login):
        proof = request.COOKIES[KNOWN_DEVICE_COOKIE]
    elif getattr(request, "user", None) and request.user.is_authenticated and login \
            and request.user.email.lower() == login.strip().lower():
        proof = request.session.session_key or ""
    else:
        return ""
    return hashlib.sha256(proof.encode()).hexdigest()[:32] if proof else ""


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        try:
            return super().get_client_ip(request)
        except (ImproperlyConfigured, PermissionDenied):
            # Fewer proxies than configured: not through our proxy, so the socket's peer it is.
            logger.warning("X-Forwarded-For shorter than ALLAUTH_TRUSTED_PROXY_COUNT; using REMOTE_ADDR")
            return clean_client_ip(request.META.get("REMOTE_ADDR", "")) or "unknown"

    def pre_authenticate(self, request, **credentials) -> None:
        login = credentials.get("email", credentials.get("username", "")) or ""
        key = self._get_login_attempts_cache_key(request, **credentials)
        config = None
        browser = own_browser(request, login)
        if browser:
            # The account's own browser: strangers' failures do not count against it, nor its
            # against them; it still has the per-account rate, on a count of its own.
            rates = ratelimit.parse_rates(app_settings.RATE_LIMITS.get("login_failed") or "")
            config = {"login_failed": ",".join(
                f"{rate.amount}/{int(rate.duration)}s/key" for rate in rates if rate.per == "key"
            )}
            key = f"{key}:browser:{browser}"
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=key, config=config,
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def login(self, request, user) -> None:
        super().login(request, user)
        # Set on the response by coe.middleware.AccountRequestMiddleware; only sent to /accounts/.
        request.cookies_to_set = [*getattr(request, "cookies_to_set", []), (KNOWN_DEVICE_COOKIE, {
            "value": known_device_value(user.email), "max_age": KNOWN_DEVICE_MAX_AGE, "path": "/accounts/",
            "secure": request.is_secure(), "httponly": True, "samesite": "Lax",
        })]

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Through the outbox: the request stores the email; a worker sends it. Run in-process
        (eager tasks, a laptop and the tests) it goes at once, as before."""
        request = allauth_context.request
        message = self.render_mail(template_prefix, email, {
            "request": request, "email": email, "current_site": get_current_site(request), **context})
        for email_id in outbox.outgoing_email_store(message):
            if current_app.conf.task_always_eager:
                _send_in_process(email_id)
            else:
                transaction.on_commit(lambda pk=email_id: send_account_email.delay(pk), robust=True)

    def save_user(self, request, user, form, commit=True):
        """The form checked the address was free, but another sign-up with it (a double click
        on another worker) may have saved since: answer as allauth does for a taken address."""
        try:
            with transaction.atomic():  # a savepoint, so the request can go on after the error
                return super().save_user(request, user, form, commit)
        except IntegrityError:
            email = form.cleaned_data.get("email") or ""
            if not email or not get_user_model().objects.filter(email__iexact=email).exists():
                raise
            logger.info("Sign-up raced another with the same address; answering as for a taken one")
            # allauth's own answer for a taken address (BaseSignupForm.try_save);
            # signup_in_one_transaction returns the response.
            raise ImmediateHttpResponse(flows.signup.prevent_enumeration(request, email=email)) from None

    def signup_in_one_transaction(self, request, view, *args, **kwargs):
        """Runs allauth's sign-up view (from consultation.people.views.signup) as one
        transaction: allauth saves the user, the address and the queued email one statement at
        a time, so a database failure between them left an account whose email never came."""
        try:
            with transaction.atomic():
                try:
                    return view(request, *args, **kwargs)
                except ImmediateHttpResponse as answer:
                    # An answer, not a failure (a taken address, from save_user): keep its email.
                    return answer.response
        except OperationalError:
            logger.exception("Sign-up failed in the database; nothing was saved")
            # No email went either: the next try may send one at once.
            email = (request.POST.get("email") or "").strip().lower()
            if email:
                ratelimit.clear(request, app="allauth.account", action="confirm_email", key=email)
            response = render(request, "account/signup_failed.html", status=503)
            response["Retry-After"] = "60"
            return response

    def send_account_already_exists_mail(self, email: str) -> None:
        # A new account costs one password hash; answering for an existing one costs the same.
        make_password(get_random_string(24))
        super().send_account_already_exists_mail(email)


def _send_in_process(email_id: int) -> None:
    """Tasks in-process (a laptop, no broker): a failing or hung mail server must not turn the
    person's sign-up or reset into an error page. outgoing_email_send has already released the
    row with its error, so the sweep sends it later."""
    try:
        outbox.outgoing_email_send(email_id)
    except MAIL_ERRORS as error:
        # The error's text may name the address; the row's last_error keeps it for the admin.
        logger.warning("Account email %s not sent, left for the sweep: %s", email_id, type(error).__name__)
