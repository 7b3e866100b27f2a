"""Who may do what with a playlist: anyone may read a public one, only its owner and
collaborators a private one (to others it does not exist); the owner and, while the
playlist is collaborative, its collaborators change its tracks; only the owner changes
its details and collaborators."""

from __future__ import annotations

from backend_stub.db import Connection
from backend_stub.errors import ApiError
from backend_stub.playlists import store
from backend_stub.playlists.store import PlaylistRow


def readable(conn: Connection, playlist_id: str, user_id: str) -> PlaylistRow:
    """The playlist, or 404 when it does not exist or is private to others."""
    row = store.get(conn, playlist_id)
    if row is None or not (
        row.public or row.owner_id == user_id or store.is_collaborator(conn, row.id, user_id)
    ):
        raise ApiError(404, f"no playlist with id {playlist_id}")
    return row


def track_editable(conn: Connection, playlist_id: str, user_id: str) -> PlaylistRow:
    """The playlist, when ``user_id`` may change its tracks; else 404 or 403."""
    row = readable(conn, playlist_id, user_id)
    if row.owner_id == user_id:
        return row
    if row.collaborative and store.is_collaborator(conn, row.id, user_id):
        return row
    raise ApiError(
        403, "only the owner and, on a collaborative playlist, its collaborators may change"
        " its tracks", "not_collaborator",
    )  # fmt: skip


def owned(conn: Connection, playlist_id: str, user_id: str) -> PlaylistRow:
    """The playlist, when ``user_id`` owns it; else 404 or 403."""
    row = readable(conn, playlist_id, user_id)
    if row.owner_id != user_id:
        raise ApiError(403, "only the playlist's owner may do this", "not_owner")
    return row
