"""Account emails through the outbox (coe.models.OutgoingEmail), exactly once as far as a
mail server allows: a row is claimed before sending and marked sent after; one whose sender
died mid-send is tried again only after CLAIM_EXPIRY (the server may have taken it)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from coe.models import OutgoingEmail

logger = logging.getLogger(__name__)
CLAIM_EXPIRY = timedelta(minutes=10)
KEEP_SENT = timedelta(days=7)


def outgoing_email_store(message: EmailMultiAlternatives) -> list[int]:
    """One row per recipient of a rendered message; returns their ids."""
    html = next((content for content, kind in getattr(message, "alternatives", []) if kind == "text/html"), "")
    return [OutgoingEmail.objects.create(to=to, subject=message.subject, body=message.body, html=html).pk
            for to in message.to]


def _claim(email_id: int) -> OutgoingEmail | None:
    stale = timezone.now() - CLAIM_EXPIRY
    with transaction.atomic():
        email = (OutgoingEmail.objects.select_for_update(skip_locked=True)
                 .filter(pk=email_id, sent_at__isnull=True)
                 .exclude(claimed_at__gt=stale).first())
        if email is None:
            return None
        email.claimed_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["claimed_at", "attempts"])
        return email


def outgoing_email_send(email_id: int) -> str:
    """Sends one waiting email. A mail-server error releases the claim (the sweep retries it)
    and is raised."""
    email = _claim(email_id)
    if email is None:
        return "nothing to do"
    message = EmailMultiAlternatives(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to])
    if email.html:
        message.attach_alternative(email.html, "text/html")
    try:
        message.send()
    except Exception as error:
        OutgoingEmail.objects.filter(pk=email.pk).update(
            claimed_at=None, last_error=f"{type(error).__name__}: {error}"[:2000])
        raise
    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=timezone.now(), last_error="")
    return "sent"


def emails_waiting(*, before) -> list[int]:
    """Unsent rows older than `before` that nobody is sending now."""
    stale = timezone.now() - CLAIM_EXPIRY
    return list(OutgoingEmail.objects.filter(sent_at__isnull=True, created_at__lt=before)
                .exclude(claimed_at__gt=stale).values_list("pk", flat=True))


def emails_forget_sent() -> int:
    """Addresses are personal data: sent rows go after a week."""
    deleted, _ = OutgoingEmail.objects.filter(sent_at__lt=timezone.now() - KEEP_SENT).delete()
    return deleted
