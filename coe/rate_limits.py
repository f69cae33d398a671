"""Abuse limits on writing: how many comments and reports one account or address may send.

The limits are settings (`CONSULTATION_RATE_LIMITS`, from the environment) in allauth's
notation: "10/m/user,60/h/user,30/m/ip" is 10 a minute and 60 an hour per account and 30
a minute per IP address. Each attempt counts in a fixed window in the Django cache (Redis
in production). A limit is a nuisance barrier, never a reason to refuse service: when the
cache cannot be reached the attempt is allowed (fail open) and a warning is logged.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: str  # "user" or "ip"


def parse_rates(text: str) -> list[Rate]:
    rates = []
    for part in (text or "").split(","):
        if not part.strip():
            continue
        amount, period, per = part.strip().split("/")
        count = period[:-1] or "1"
        rates.append(Rate(int(amount), int(count) * UNITS[period[-1]], per))
    return rates


def client_ip(request) -> str:
    from allauth.account.adapter import get_adapter  # the address allauth's own limits use

    try:
        return get_adapter().get_client_ip(request)
    except Exception:  # noqa: BLE001 (no address is no reason to refuse)
        return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_consume(request, action: str) -> int | None:
    """Counts one attempt at `action`. Returns None if allowed, else seconds to wait."""
    rates = parse_rates(settings.CONSULTATION_RATE_LIMITS.get(action, ""))
    now = int(time.time())
    wait = None
    for rate in rates:
        if rate.per == "user":
            if not request.user.is_authenticated:
                continue
            who = f"user:{request.user.pk}"
        else:
            who = f"ip:{client_ip(request)}"
        window = now // rate.seconds
        key = f"rl:{action}:{rate.amount}/{rate.seconds}:{who}:{window}"
        try:
            cache.add(key, 0, timeout=rate.seconds + 1)
            count = cache.incr(key)
        except Exception as error:  # noqa: BLE001 (the cache is down or odd: fail open)
            logger.warning("Rate limit for %s not checked, cache unavailable: %s", action, error)
            return None
        if count > rate.amount:
            wait = max(wait or 0, (window + 1) * rate.seconds - now)
    if wait is not None:
        logger.warning("Rate limit for %s reached by %s", action,
                       f"account {request.user.pk}" if request.user.is_authenticated else client_ip(request))
    return wait


def too_many_requests(request, retry_after: int = 60):
    """The GOV.UK "too many attempts" page, also allauth's (coe.urls.handler429)."""
    minutes = max(1, -(-retry_after // 60))
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
