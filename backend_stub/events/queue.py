"""A bounded in-process queue of listening events and the thread that writes them.

``offer`` accepts a request's events all or none (``QueueFull`` when they do not fit, for
a 503). One writer thread takes up to ``batch_size`` events as soon as that many wait, or
``flush_seconds`` after the first of them arrived, and writes each batch in one
transaction. ``flush`` makes the writer write what was accepted so far and waits for it
(for reads of the user's own history and for erasure); ``stop`` writes everything still
queued before it returns, so no accepted event is lost when the app stops.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

from backend_stub.db import Database
from backend_stub.events.store import Play, insert

log = logging.getLogger("backend_stub.events")
_ATTEMPTS = 5


class QueueFull(Exception):
    """The events do not fit; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the listening event queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


class EventQueue:
    def __init__(
        self,
        db: Database,
        *,
        capacity: int,
        batch_size: int,
        flush_seconds: float,
        write: Callable[[Database, Sequence[Play]], None] | None = None,
    ) -> None:
        if capacity < 1 or batch_size < 1 or flush_seconds <= 0:
            raise ValueError("event queue: capacity and batch size >= 1, flush interval > 0")
        self._db = db
        self._capacity = capacity
        self._batch_size = batch_size
        self._flush_seconds = flush_seconds
        self._write = write or _write_batch
        self._cond = threading.Condition()
        self._pending: deque[Play] = deque()
        self._accepted = 0  # events accepted so far (a sequence number)
        self._written = 0  # of those, how many the writer has finished with
        self._flush_to = 0  # the writer writes at once until _written reaches this
        self._last_of: dict[str, int] = {}  # listener -> sequence of their last event
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="event-writer", daemon=True)

    @property
    def written(self) -> int:
        """How many events have been written since the queue started."""
        return self._written

    def depth(self) -> int:
        """Events accepted and not yet written (the batch being written included)."""
        return self._accepted - self._written

    def start(self) -> None:
        self._thread.start()

    def offer(self, plays: Sequence[Play]) -> None:
        """Accept every one of ``plays`` or none (``QueueFull``)."""
        with self._cond:
            if self._closed or len(self._pending) + len(plays) > self._capacity:
                raise QueueFull(max(1, math.ceil(self._flush_seconds)))
            self._pending.extend(plays)
            self._accepted += len(plays)
            for play in plays:
                self._last_of[play.listener] = self._accepted
            if len(self._pending) >= self._batch_size or len(self._pending) == len(plays):
                self._cond.notify_all()

    def flush(self, listener: str | None = None, timeout: float = 30.0) -> bool:
        """Wait until every event accepted before this call (only ``listener``'s, when
        given) is written; whether that happened within ``timeout`` seconds."""
        with self._cond:
            target = self._accepted if listener is None else self._last_of.get(listener, 0)
            if self._written >= target:
                return True
            self._flush_to = max(self._flush_to, target)
            self._cond.notify_all()
            return self._cond.wait_for(lambda: self._written >= target, timeout)

    def stop(self) -> None:
        """Write everything still queued, then end the writer thread."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join()

    def _next_batch(self) -> list[Play] | None:
        """The next batch to write, or ``None`` when the queue is closed and empty."""
        with self._cond:
            while not self._pending and not self._closed:
                self._cond.wait()
            deadline = time.monotonic() + self._flush_seconds
            while (
                not self._closed
                and len(self._pending) < self._batch_size
                and self._flush_to <= self._written
                and (left := deadline - time.monotonic()) > 0
            ):
                self._cond.wait(left)
            if not self._pending:
                return None
            count = min(self._batch_size, len(self._pending))
            return [self._pending.popleft() for _ in range(count)]

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._write_with_retries(batch)
            with self._cond:
                self._written += len(batch)
                done = [who for who, seq in self._last_of.items() if seq <= self._written]
                for who in done:
                    del self._last_of[who]
                self._cond.notify_all()

    def _write_with_retries(self, batch: Sequence[Play]) -> None:
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                self._write(self._db, batch)
                return
            except Exception:
                if attempt == _ATTEMPTS:
                    log.exception("lost %d listening events: the database refused them", len(batch))
                    return
                log.warning("writing %d listening events failed; retrying", len(batch))
                time.sleep(0.2 * 2**attempt)


def _write_batch(db: Database, batch: Sequence[Play]) -> None:
    with db.connect() as conn:
        insert(conn, batch)
