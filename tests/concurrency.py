"""Running the same work at the same moment on several database connections, as two workers
or two requests would: for the tests of what must happen once."""

import threading
from collections.abc import Callable

from django.db import connection


def at_once(work: Callable, times: int = 2) -> tuple[list, list]:
    """Starts `work` in `times` threads together (each has its own connection, closed after);
    returns what each returned and the errors any raised, for the test's own thread to check."""
    start = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            start.wait(timeout=10)
            results.append(work())
        except Exception as error:  # noqa: BLE001 reported to the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors
