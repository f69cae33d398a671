"""Changes to digest deliveries that queue work: the admin's "send again". Tasks never
import this module (services → tasks → sending)."""

from django.db import transaction

from consultation.digests.models import DigestDelivery
from consultation.digests.tasks import send_digest


def deliveries_resend(ids) -> list[int]:
    """Failed or stuck deliveries go back to pending and are queued again."""
    retry = list(DigestDelivery.objects.filter(
        pk__in=ids, status__in=[DigestDelivery.Status.FAILED, DigestDelivery.Status.SENDING],
    ).values_list("pk", flat=True))
    DigestDelivery.objects.filter(pk__in=retry).update(status=DigestDelivery.Status.PENDING)
    for delivery_id in retry:
        transaction.on_commit(lambda pk=delivery_id: send_digest.delay(pk), robust=True)
    return retry

