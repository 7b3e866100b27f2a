"""The typo-tolerant fallback: every name in memory, matched with rapidfuzz.

Full-text search finds almost no one-typo queries; rapidfuzz's ``WRatio`` over all names
finds nearly all of them in milliseconds (``shared/design/backend.md``). The names are
reloaded only when ``catalogue_state.version`` moves, so a write from another process is
seen on its next search.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from backend_stub.catalogue.repository import catalogue_version
from backend_stub.db import Connection

SCORE_CUTOFF = 75.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str
    item_id: str
    name: str  # as displayed, with its diacritics
    score: float


@dataclass(frozen=True, slots=True)
class _Names:
    version: int
    kinds: tuple[str, ...]
    ids: tuple[str, ...]
    names: tuple[str, ...]
    folded: tuple[str, ...]


class FuzzyIndex:
    """Names of every artist, album and track, with a lookup for the closest ones."""

    def __init__(self) -> None:
        self._names: _Names | None = None
        self._lock = threading.Lock()

    def _load(self, conn: Connection) -> _Names:
        version = catalogue_version(conn)
        current = self._names
        if current is not None and current.version == version:
            return current
        with self._lock:
            rows = conn.all(
                "SELECT 'artist' AS kind, id, name, name_norm FROM artists"
                " UNION ALL SELECT 'album', id, name, name_norm FROM albums"
                " UNION ALL SELECT 'track', id, name, name_norm FROM tracks"
            )
            rows.sort(key=lambda r: (r["kind"], r["id"]))
            self._names = _Names(
                version,
                tuple(r["kind"] for r in rows),
                tuple(r["id"] for r in rows),
                tuple(r["name"] for r in rows),
                tuple(r["name_norm"] for r in rows),
            )
            return self._names

    def closest(
        self, conn: Connection, folded_query: str, kinds: tuple[str, ...]
    ) -> list[Suggestion]:
        """Names of ``kinds`` scoring at least ``SCORE_CUTOFF`` against the folded query,
        best first (ties: artists, then albums, then tracks; then by name)."""
        names = self._load(conn)
        wanted = [i for i, kind in enumerate(names.kinds) if kind in kinds]
        choices = {i: names.folded[i] for i in wanted}
        found = process.extract(
            folded_query, choices, scorer=fuzz.WRatio, score_cutoff=SCORE_CUTOFF, limit=None
        )
        order = {"artist": 0, "album": 1, "track": 2}
        suggestions = [
            Suggestion(names.kinds[i], names.ids[i], names.names[i], float(score))
            for _, score, i in found
        ]
        suggestions.sort(key=lambda s: (-s.score, order.get(s.kind, 9), s.name, s.item_id))
        return suggestions
