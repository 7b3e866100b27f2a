"""Playlist reads and writes over ``backend_stub.db``.

Every write goes through ``claim``: one conditional ``UPDATE`` that replaces the
playlist's ``snapshot_id`` only if it is still the one the writer has seen. On SQLite the
transaction takes the write lock first (``BEGIN IMMEDIATE``); on PostgreSQL a second
writer waits on the row lock and then finds the snapshot changed. Either way the check
and the change commit together, so two writers holding the same snapshot cannot both
succeed: the second gets ``Stale`` with the current snapshot.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backend_stub.db import Connection, Row
from backend_stub.ids import make_id
from backend_stub.playlists.edits import Entry


@dataclass(frozen=True, slots=True)
class PlaylistRow:
    id: str
    owner_id: str
    owner_name: str
    name: str
    description: str
    public: bool
    collaborative: bool
    snapshot_id: str
    created_at: str
    updated_at: str
    total: int


class Stale(Exception):
    """The writer's snapshot is not the current one (``current``)."""

    def __init__(self, current: str) -> None:
        super().__init__(f"the playlist has changed; its snapshot is now {current}")
        self.current = current


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _new_snapshot() -> str:
    return make_id("snapshot", uuid.uuid4().hex)


_SELECT = (
    "SELECT p.*, u.display_name AS owner_name,"
    " (SELECT COUNT(*) FROM playlist_tracks t WHERE t.playlist_id = p.id) AS total"
    " FROM playlists p JOIN users u ON u.id = p.owner_id"
)


def _row(row: Row) -> PlaylistRow:
    return PlaylistRow(
        id=row["id"],
        owner_id=row["owner_id"],
        owner_name=row["owner_name"],
        name=row["name"],
        description=row["description"],
        public=bool(row["public"]),
        collaborative=bool(row["collaborative"]),
        snapshot_id=row["snapshot_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        total=int(row["total"]),
    )


def create(
    conn: Connection,
    owner_id: str,
    *,
    name: str,
    description: str,
    public: bool,
    collaborative: bool,
) -> PlaylistRow:
    playlist_id = make_id("playlist", uuid.uuid4().hex)
    now = now_iso()
    conn.execute(
        "INSERT INTO playlists (id, owner_id, name, description, public, collaborative,"
        " snapshot_id, created_at, updated_at) VALUES (:id, :owner, :name, :description,"
        " :public, :collaborative, :snapshot, :now, :now)",
        {
            "id": playlist_id,
            "owner": owner_id,
            "name": name,
            "description": description,
            "public": int(public),
            "collaborative": int(collaborative),
            "snapshot": _new_snapshot(),
            "now": now,
        },
    )
    found = get(conn, playlist_id)
    assert found is not None
    return found


def get(conn: Connection, playlist_id: str) -> PlaylistRow | None:
    row = conn.one(f"{_SELECT} WHERE p.id = :id", {"id": playlist_id})
    return None if row is None else _row(row)


def is_collaborator(conn: Connection, playlist_id: str, user_id: str) -> bool:
    return bool(
        conn.scalar(
            "SELECT COUNT(*) FROM playlist_collaborators WHERE playlist_id = :p AND user_id = :u",
            {"p": playlist_id, "u": user_id},
        )
    )


def of_user(
    conn: Connection, user_id: str, limit: int, offset: int
) -> tuple[list[PlaylistRow], int]:
    """The playlists ``user_id`` owns or collaborates on, newest first."""
    where = (
        " WHERE p.owner_id = :u OR p.id IN"
        " (SELECT playlist_id FROM playlist_collaborators WHERE user_id = :u)"
    )
    total = int(conn.scalar(f"SELECT COUNT(*) FROM playlists p{where}", {"u": user_id}))
    rows = conn.all(
        f"{_SELECT}{where} ORDER BY p.created_at DESC, p.id LIMIT :limit OFFSET :offset",
        {"u": user_id, "limit": limit, "offset": offset},
    )
    return [_row(r) for r in rows], total


def entries(conn: Connection, playlist_id: str, limit: int = -1, offset: int = 0) -> list[Entry]:
    """The playlist's tracks in order (``limit`` of them from ``offset``; all when -1)."""
    paging = " LIMIT :limit OFFSET :offset" if limit >= 0 else ""
    rows = conn.all(
        "SELECT track_id, added_by, added_at FROM playlist_tracks WHERE playlist_id = :p"
        f" ORDER BY position{paging}",
        {"p": playlist_id, "limit": limit, "offset": offset},
    )
    return [Entry(r["track_id"], r["added_by"], r["added_at"]) for r in rows]


def claim(conn: Connection, playlist_id: str, expected: str) -> str:
    """Start a write: replace the snapshot ``expected`` by a new one (returned) in the
    caller's transaction, or raise ``Stale`` with the current snapshot."""
    if conn.dialect == "sqlite":
        conn.raw.commit()
        conn.execute("BEGIN IMMEDIATE")
    snapshot = _new_snapshot()
    changed = conn.execute(
        "UPDATE playlists SET snapshot_id = :new, updated_at = :now"
        " WHERE id = :id AND snapshot_id = :expected",
        {"new": snapshot, "now": now_iso(), "id": playlist_id, "expected": expected},
    )
    if changed != 1:
        current = conn.scalar(
            "SELECT snapshot_id FROM playlists WHERE id = :id", {"id": playlist_id}
        )
        raise Stale(str(current))
    return snapshot


def _replace_entries(conn: Connection, playlist_id: str, new: Sequence[Entry]) -> None:
    conn.execute("DELETE FROM playlist_tracks WHERE playlist_id = :p", {"p": playlist_id})
    conn.executemany(
        "INSERT INTO playlist_tracks (playlist_id, position, track_id, added_by, added_at)"
        " VALUES (:p, :position, :track, :by, :at)",
        [
            {"p": playlist_id, "position": i, "track": e.track_id, "by": e.added_by,
             "at": e.added_at}
            for i, e in enumerate(new)
        ],
    )  # fmt: skip


def edit_tracks(
    conn: Connection,
    playlist_id: str,
    expected: str,
    edit: Callable[[list[Entry]], list[Entry]],
) -> str:
    """Apply ``edit`` to the track list at snapshot ``expected``; the new snapshot. An
    exception from ``edit`` rolls the whole write back."""
    snapshot = claim(conn, playlist_id, expected)
    _replace_entries(conn, playlist_id, edit(entries(conn, playlist_id)))
    return snapshot


def update_details(
    conn: Connection, playlist_id: str, expected: str, fields: dict[str, Any]
) -> str:
    """Change any of ``name``, ``description``, ``public``, ``collaborative``."""
    snapshot = claim(conn, playlist_id, expected)
    allowed = {"name", "description", "public", "collaborative"}
    values = {k: int(v) if isinstance(v, bool) else v for k, v in fields.items() if k in allowed}
    if values:
        assignments = ", ".join(f"{k} = :{k}" for k in sorted(values))
        conn.execute(
            f"UPDATE playlists SET {assignments} WHERE id = :id", {**values, "id": playlist_id}
        )
    return snapshot


def add_collaborator(conn: Connection, playlist_id: str, user_id: str) -> None:
    """Add ``user_id`` (idempotent)."""
    conn.execute(
        "INSERT INTO playlist_collaborators (playlist_id, user_id, added_at)"
        " VALUES (:p, :u, :now) ON CONFLICT (playlist_id, user_id) DO NOTHING",
        {"p": playlist_id, "u": user_id, "now": now_iso()},
    )
