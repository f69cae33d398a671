"""This process's copies of versioned cache values (coe/cache.py).

A value cached under a content version never changes: a change to the content moves every
reader to the next version's keys. So a process may keep what it has read from Redis and
answer the next request from memory, without the round trip and redis-py's work per call
(measured: the signed-in focus-area page read six such values per request).

Copies are kept pickled, as Redis keeps them, so a caller that changes what it was given
cannot change what the next caller gets. They live at most LOCAL_TIMEOUT seconds (or the
value's own timeout, if shorter) and the least recently used go first beyond MAX_ENTRIES
or MAX_BYTES.
"""

import pickle
import threading
import time
from collections import OrderedDict

LOCAL_TIMEOUT = 60
MAX_ENTRIES = 4096  # a few per signed-in reader, beside the shared ones
MAX_BYTES = 32 * 2**20
MISSING = object()


class LocalCopies:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return MISSING
            if item[0] < time.monotonic():
                self._drop(key)
                return MISSING
            self._items.move_to_end(key)
        return pickle.loads(item[1])  # noqa: S301 (our own pickle of our own value)

    def put(self, key: str, value, timeout: float | None) -> None:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > self.max_bytes // 8:
            return
        lifetime = LOCAL_TIMEOUT if timeout is None else min(timeout, LOCAL_TIMEOUT)
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (time.monotonic() + lifetime, data)
            self._bytes += len(data)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._items)))

    def _drop(self, key: str) -> None:
        _, data = self._items.pop(key)
        self._bytes -= len(data)


copies = LocalCopies()
