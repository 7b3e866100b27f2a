"""The app's recommender: holds the current model and rebuilds it when it is stale
(``rebuild_events`` new listening events, a catalogue change, or ``rebuild_seconds``
after any change), never on every request. A request that finds the model stale
rebuilds it while the others keep using the old one; only the first build makes
requests wait. Only a catalogue change recomputes the content similarity."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from backend_stub.catalogue.repository import catalogue_version
from backend_stub.db import Connection
from backend_stub.recommend.model import Model, build


def marker(conn: Connection) -> tuple[int, int]:
    """What the model depends on: the newest event id and the catalogue version."""
    newest = int(conn.scalar("SELECT COALESCE(MAX(id), 0) FROM listening_events"))
    return newest, catalogue_version(conn)


class Recommender:
    def __init__(
        self,
        *,
        rebuild_events: int,
        rebuild_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rebuild_events = rebuild_events
        self._rebuild_seconds = rebuild_seconds
        self._clock = clock
        self._model: Model | None = None
        self._lock = threading.Lock()
        self.builds = 0

    def _stale(self, model: Model, now: tuple[int, int]) -> bool:
        if now == model.marker:
            return False
        new_events = now[0] - model.marker[0]
        old = self._clock() - model.built_at >= self._rebuild_seconds
        return new_events >= self._rebuild_events or now[1] != model.marker[1] or old

    def model(self, conn: Connection) -> Model:
        """The current model, rebuilt first when it is stale."""
        now = marker(conn)
        current = self._model
        if current is not None and not self._stale(current, now):
            return current
        if self._lock.acquire(blocking=current is None):
            try:
                if self._model is current:
                    self._model = build(conn, now, self._clock(), current)
                    self.builds += 1
            finally:
                self._lock.release()
        assert self._model is not None
        return self._model
