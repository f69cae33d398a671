from celery import shared_task

from consultation.privacy.services import retention_enforce


@shared_task(name="consultation.tasks.enforce_retention")
def enforce_retention() -> int:
    """Anonymises accounts past their consultation's retention period."""
    return len(retention_enforce().account_ids)
