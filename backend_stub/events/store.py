"""Listening events in the database: batch inserts, a listener's history by time cursor,
and erasure (the plays are kept for aggregate recommendations under a random pseudonym
that links them to each other but to no one, with times coarsened to the day)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backend_stub.db import Connection

DAY_MS = 86_400_000
PSEUDONYM_PREFIX = "anon:"


@dataclass(frozen=True, slots=True)
class Play:
    listener: str  # the user id
    track_id: str
    played_at_ms: int
    ms_played: int
    context_uri: str | None = None


def insert(conn: Connection, plays: Sequence[Play]) -> None:
    """Record ``plays``; those of a user who no longer exists (erased while their events
    were queued) are dropped, so none is stored linked to an erased user."""
    conn.executemany(
        "INSERT INTO listening_events (listener, track_id, played_at, ms_played, context_uri)"
        " SELECT :listener, :track, :at, :ms, :context"
        " WHERE EXISTS (SELECT 1 FROM users WHERE id = :listener)",
        [
            {"listener": p.listener, "track": p.track_id, "at": p.played_at_ms,
             "ms": p.ms_played, "context": p.context_uri}
            for p in plays
        ],
    )  # fmt: skip


def history(
    conn: Connection,
    listener: str,
    limit: int,
    *,
    before: int | None = None,
    after: int | None = None,
) -> tuple[list[Play], bool]:
    """Up to ``limit`` of ``listener``'s plays, newest first: the latest ones before
    ``before`` (or the latest of all), or the earliest ones after ``after``; and whether
    there are more in that direction."""
    params: dict[str, Any] = {"u": listener, "n": limit + 1}
    if after is not None:
        where, order = "played_at > :after", "ASC"
        params["after"] = after
    else:
        where, order = ("played_at < :before", "DESC") if before is not None else ("1 = 1", "DESC")
        params["before"] = before
    rows = conn.all(
        "SELECT listener, track_id, played_at, ms_played, context_uri FROM listening_events"
        f" WHERE listener = :u AND {where} ORDER BY played_at {order}, id {order} LIMIT :n",
        params,
    )
    more = len(rows) > limit
    plays = [
        Play(r["listener"], r["track_id"], int(r["played_at"]), int(r["ms_played"]),
             r["context_uri"])
        for r in rows[:limit]
    ]  # fmt: skip
    if after is not None:
        plays.reverse()
    return plays, more


def export(conn: Connection, listener: str) -> list[dict[str, Any]]:
    """Every play of ``listener``, oldest first, for the privacy export."""
    rows = conn.all(
        "SELECT track_id, played_at, ms_played, context_uri FROM listening_events"
        " WHERE listener = :u ORDER BY played_at, id",
        {"u": listener},
    )
    return [
        {"track_id": r["track_id"], "played_at_ms": int(r["played_at"]),
         "ms_played": int(r["ms_played"]), "context_uri": r["context_uri"]}
        for r in rows
    ]  # fmt: skip


def anonymise(conn: Connection, listener: str) -> None:
    """Unlink ``listener``'s plays from them: a fresh random pseudonym, no context (it may
    name their playlists), times rounded down to the day."""
    conn.execute(
        "UPDATE listening_events SET listener = :pseudonym, context_uri = NULL,"
        " played_at = played_at - (played_at % :day) WHERE listener = :u",
        {"pseudonym": PSEUDONYM_PREFIX + secrets.token_urlsafe(16), "day": DAY_MS, "u": listener},
    )
