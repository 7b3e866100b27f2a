"""Search over tracks, artists and albums: the database's full-text search first (FTS5 on
SQLite, tsvector on PostgreSQL), then a typo-tolerant fallback (``fuzzy``) that finds the
closest name, answers for it and says so in ``did_you_mean``."""

from __future__ import annotations

from backend_stub.search.engine import KINDS, Hits, SearchEngine

__all__ = ["KINDS", "Hits", "SearchEngine"]
