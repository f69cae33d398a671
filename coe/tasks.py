from celery import shared_task


@shared_task(ignore_result=False)
def ping(payload: str = "pong") -> str:
    """Round-trips a value through the broker and a worker: proves the wiring."""
    return payload
