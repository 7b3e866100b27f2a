"""What the playlists area holds about a user, for ``GET /v1/me/export`` and
``DELETE /v1/me``: the playlists they own, and their part in others' (collaborations and
the tracks they added there)."""

from __future__ import annotations

from typing import Any

from backend_stub.db import Connection


def export_playlists(conn: Connection, user_id: str) -> list[dict[str, Any]]:
    """Every playlist the user owns, with its tracks and collaborators."""
    found = []
    for row in conn.all(
        "SELECT * FROM playlists WHERE owner_id = :u ORDER BY created_at, id", {"u": user_id}
    ):
        tracks = conn.all(
            "SELECT position, track_id, added_by, added_at FROM playlist_tracks"
            " WHERE playlist_id = :p ORDER BY position",
            {"p": row["id"]},
        )
        collaborators = conn.all(
            "SELECT user_id, added_at FROM playlist_collaborators WHERE playlist_id = :p"
            " ORDER BY added_at, user_id",
            {"p": row["id"]},
        )
        found.append(
            {
                "id": row["id"],
                "name": row["name"],
                "description": row["description"],
                "public": bool(row["public"]),
                "collaborative": bool(row["collaborative"]),
                "snapshot_id": row["snapshot_id"],
                "created_at": row["created_at"],
                "updated_at": row["updated_at"],
                "tracks": tracks,
                "collaborators": collaborators,
            }
        )
    return found


def erase_playlists(conn: Connection, user_id: str) -> None:
    """Delete the user's playlists (their tracks and collaborators go with them)."""
    conn.execute("DELETE FROM playlists WHERE owner_id = :u", {"u": user_id})


def export_collaborations(conn: Connection, user_id: str) -> list[dict[str, Any]]:
    """The others' playlists the user collaborates on or added tracks to, and what they
    added there."""
    rows = conn.all(
        "SELECT p.id, p.name, c.added_at AS collaborator_since FROM playlists p"
        " LEFT JOIN playlist_collaborators c ON c.playlist_id = p.id AND c.user_id = :u"
        " WHERE p.owner_id <> :u AND (c.user_id IS NOT NULL OR p.id IN"
        " (SELECT playlist_id FROM playlist_tracks WHERE added_by = :u))"
        " ORDER BY p.id",
        {"u": user_id},
    )
    for row in rows:
        row["tracks_added"] = conn.all(
            "SELECT position, track_id, added_at FROM playlist_tracks"
            " WHERE playlist_id = :p AND added_by = :u ORDER BY position",
            {"p": row["id"], "u": user_id},
        )
    return rows


def erase_collaborations(conn: Connection, user_id: str) -> None:
    """End the user's collaborations; the tracks they added stay in the owners' playlists
    (they are the owners' now) without saying who added them."""
    conn.execute("DELETE FROM playlist_collaborators WHERE user_id = :u", {"u": user_id})
    conn.execute("UPDATE playlist_tracks SET added_by = NULL WHERE added_by = :u", {"u": user_id})
