"""Changes to digest deliveries that queue work: the admin's "send again". Tasks never
import this module (services → tasks → sending)."""

from django.db import transaction

from consultation.digests.models import DigestDelivery
from consultation.digests.tasks import send_digest


def deliveries_resend(ids, *, including_sending: bool = False) -> list[int]:
    """Failed deliveries go back to pending and are queued again. A delivery left "sending"
    (a worker stopped mid-send) may already have reached the person: only when the caller
    confirmed that risk (including_sending) does it go again."""
    statuses = [DigestDelivery.Status.FAILED]
    if including_sending:
        statuses.append(DigestDelivery.Status.SENDING)
    retry = list(DigestDelivery.objects.filter(pk__in=ids, status__in=statuses).values_list("pk", flat=True))
    DigestDelivery.objects.filter(pk__in=retry).update(status=DigestDelivery.Status.PENDING)
    for delivery_id in retry:
        transaction.on_commit(lambda pk=delivery_id: send_digest.delay(pk), robust=True)
    return retry

