"""Playlist rows as API objects, their tracks shaped for the request's market."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import URL

from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import Shaper, paging
from backend_stub.db import Connection
from backend_stub.ids import uri
from backend_stub.playlists.edits import Entry
from backend_stub.playlists.models import (
    Owner,
    Playlist,
    PlaylistTrack,
    SimplifiedPlaylist,
    TracksLink,
    UserRef,
)
from backend_stub.playlists.store import PlaylistRow
from backend_stub.schemas import Paging


def _fields(shape: Shaper, row: PlaylistRow) -> dict[str, object]:
    return {
        "id": row.id,
        "type": "playlist",
        "uri": uri("playlist", row.id),
        "href": shape.href(f"/v1/playlists/{row.id}"),
        "name": row.name,
        "description": row.description,
        "public": row.public,
        "collaborative": row.collaborative,
        "owner": Owner(
            id=row.owner_id,
            type="user",
            uri=uri("user", row.owner_id),
            display_name=row.owner_name,
        ),
        "snapshot_id": row.snapshot_id,
    }


def simplified(shape: Shaper, row: PlaylistRow) -> SimplifiedPlaylist:
    link = TracksLink(href=shape.href(f"/v1/playlists/{row.id}/tracks"), total=row.total)
    return SimplifiedPlaylist(**_fields(shape, row), tracks=link)  # type: ignore[arg-type]


def track_page(
    shape: Shaper,
    conn: Connection,
    url: URL,
    entries: Sequence[Entry],
    *,
    limit: int,
    offset: int,
    total: int,
) -> Paging[PlaylistTrack]:
    rows = repo.get_tracks(conn, sorted({e.track_id for e in entries}))
    items = [
        PlaylistTrack(
            added_at=e.added_at,
            added_by=None if e.added_by is None else UserRef(
                id=e.added_by, type="user", uri=uri("user", e.added_by)
            ),
            track=shape.track(rows[e.track_id]),
        )
        for e in entries
        if e.track_id in rows
    ]  # fmt: skip
    return paging(Paging[PlaylistTrack], url, items, limit=limit, offset=offset, total=total)


def full(shape: Shaper, row: PlaylistRow, tracks: Paging[PlaylistTrack]) -> Playlist:
    return Playlist(**_fields(shape, row), tracks=tracks)  # type: ignore[arg-type]
