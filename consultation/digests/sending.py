"""Who gets the digests, their emails, and sending them exactly once.

A DigestDelivery row per (kind, week, person) is created once whoever asks; a worker claims
a pending row with SKIP LOCKED before sending, so a retried task, a second beat or a rerun
sends nothing twice.
"""

import base64
import hashlib
import hmac
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coe.emails import absolute, build_email
from consultation.digests.design_team import design_team_digest_for
from consultation.digests.followers import build_followers_digest
from consultation.digests.models import DigestDelivery
from consultation.people.models import User

# Links from before 2026-11 carried the account number in readable JSON and never expired:
# they are recognised (to say so plainly) but do nothing.
OLD_UNSUBSCRIBE_SALT = "digest-unsubscribe"
UNSUBSCRIBE_SALT = "digest-unsubscribe-v2"
UNSUBSCRIBE_LINK_LIFETIME = timedelta(days=365)
KIND_CODES = {DigestDelivery.Kind.DESIGN_TEAM: "d", DigestDelivery.Kind.FOLLOWERS: "f"}


class UnsubscribeLinkExpired(Exception):
    """A genuine link, but older than a year (or of the old kind)."""


def recipients(kind: str):
    people = User.objects.filter(is_active=True)
    if kind == DigestDelivery.Kind.DESIGN_TEAM:
        return people.filter(is_staff=True, wants_design_team_digest=True)
    return people.filter(wants_followers_digest=True, follows__isnull=False).distinct()


def _mask(nonce: bytes, data: bytes) -> bytes:
    """Hides the account number: XOR with a keystream from the secret key and a fresh nonce."""
    stream = hmac.new(settings.SECRET_KEY.encode(), b"unsubscribe-mask:" + nonce, hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(data, stream, strict=False))


def unsubscribe_token(person: User, kind: str) -> str:
    """Signed and dated (it expires after a year); the account number inside is masked."""
    nonce = secrets.token_bytes(8)
    body = base64.urlsafe_b64encode(nonce + _mask(nonce, person.pk.to_bytes(8, "big"))).decode().rstrip("=")
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(KIND_CODES[kind] + body)


def _token_person_and_kind(token: str) -> tuple[int, str] | None:
    try:
        payload = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(
            token, max_age=UNSUBSCRIBE_LINK_LIFETIME)
    except signing.SignatureExpired as expired:
        raise UnsubscribeLinkExpired from expired
    except signing.BadSignature:
        try:
            signing.Signer(salt=OLD_UNSUBSCRIBE_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError):
            return None
        raise UnsubscribeLinkExpired from None
    kinds = {code: kind for kind, code in KIND_CODES.items()}
    try:
        raw = base64.urlsafe_b64decode(payload[1:] + "=" * (-len(payload[1:]) % 4))
    except ValueError:
        return None
    if payload[:1] not in kinds or len(raw) != 16:
        return None
    return int.from_bytes(_mask(raw[:8], raw[8:]), "big"), kinds[payload[:1]]


def digest_unsubscribe(token: str) -> tuple[User, str] | None:
    """Turns off one kind of digest for the person the token was made for. None for a link
    that is not ours; UnsubscribeLinkExpired for one over a year old or of the old kind."""
    found = _token_person_and_kind(token)
    if found is None:
        return None
    person = User.objects.filter(pk=found[0]).first()
    kind = found[1]
    if person is None:
        return None
    preference = "wants_design_team_digest" if kind == DigestDelivery.Kind.DESIGN_TEAM else "wants_followers_digest"
    setattr(person, preference, False)
    person.save(update_fields=[preference])
    return person, kind


# --- Sending, exactly once -----------------------------------------------------


def digest_plan(kind: str, period_start: date) -> list[int]:
    """Creates the week's delivery rows (once, whoever asks) and returns those still to send."""
    people = list(recipients(kind).values_list("pk", flat=True))
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(kind=kind, period_start=period_start, recipient_id=pk) for pk in people],
        ignore_conflicts=True,
    )
    return list(
        DigestDelivery.objects.filter(kind=kind, period_start=period_start, status=DigestDelivery.Status.PENDING)
        .values_list("pk", flat=True)
    )


def _claim(delivery_id: int) -> DigestDelivery | None:
    """Moves a pending row to 'sending'. Only one worker can: the others find nothing to do."""
    with transaction.atomic():
        delivery = (DigestDelivery.objects.select_for_update(skip_locked=True)
                    .filter(pk=delivery_id, status=DigestDelivery.Status.PENDING)
                    .select_related("recipient").first())
        if delivery is None:
            return None
        delivery.status = DigestDelivery.Status.SENDING
        delivery.claimed_at = timezone.now()
        delivery.attempts += 1
        delivery.save(update_fields=["status", "claimed_at", "attempts"])
        return delivery


def digest_message(delivery: DigestDelivery):
    """The email for a delivery, or None when there is nothing new for this person."""
    person, kind = delivery.recipient, delivery.kind
    if kind == DigestDelivery.Kind.FOLLOWERS and not person.wants_followers_digest:
        return None
    if kind == DigestDelivery.Kind.DESIGN_TEAM and not (person.wants_design_team_digest and person.is_staff):
        return None
    token = unsubscribe_token(person, kind)
    unsubscribe_url = absolute(reverse("consultation:unsubscribe", args=[token]))
    context = {"person": person, "unsubscribe_url": unsubscribe_url,
               "preferences_url": absolute(reverse("consultation:profile")),
               "period_start": delivery.period_start, "period_end": delivery.period_start + timedelta(days=6)}
    if kind == DigestDelivery.Kind.DESIGN_TEAM:
        digest = design_team_digest_for(delivery.period_start)
        context["digest"] = digest
        template = "digest_design_team"
    else:
        items = build_followers_digest(person, delivery.period_start)
        if not items:
            return None
        context["items"] = items
        template = "digest_followers"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return build_email(to=person.email, template=template, context=context, headers=headers)


def digest_send(delivery_id: int) -> str:
    """Sends one delivery if it is still pending. Mail-server errors put it back to pending
    (so the task's retry can send it) and are raised; every outcome is left on the row."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return "nothing to do"
    try:
        message = digest_message(delivery)
        if message is None:
            _finish(delivery, DigestDelivery.Status.SKIPPED)
            return "skipped"
        message.send()
    except Exception as error:
        delivery.status = DigestDelivery.Status.PENDING
        delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
        delivery.save(update_fields=["status", "last_error"])
        raise
    _finish(delivery, DigestDelivery.Status.SENT)
    return "sent"


def _finish(delivery, status):
    delivery.status = status
    delivery.sent_at = timezone.now() if status == DigestDelivery.Status.SENT else None
    delivery.last_error = ""
    delivery.save(update_fields=["status", "sent_at", "last_error"])


def digest_mark_failed(delivery_id: int, error: str) -> None:
    DigestDelivery.objects.filter(pk=delivery_id, status=DigestDelivery.Status.PENDING).update(
        status=DigestDelivery.Status.FAILED, last_error=error[:2000]
    )


def deliveries_waiting(*, before) -> list[int]:
    """Pending rows older than `before`: their send was never queued or was lost."""
    return list(DigestDelivery.objects.filter(status=DigestDelivery.Status.PENDING, created_at__lt=before)
                .values_list("pk", flat=True))

