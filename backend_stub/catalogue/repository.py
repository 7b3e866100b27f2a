"""Catalogue reads and writes over ``backend_stub.db``, the same SQL on both databases.

Reads fetch whole objects in a few queries (no query per row): tracks with their album,
artists, markets and renditions. Every write bumps ``catalogue_state.version``, which the
in-memory fuzzy search index watches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backend_stub.db import Connection, Row


@dataclass(frozen=True, slots=True)
class ArtistRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ArtistRow:
    id: str
    name: str
    genres: tuple[str, ...]
    popularity: int


@dataclass(frozen=True, slots=True)
class AlbumRow:
    id: str
    name: str
    album_type: str
    release_date: str
    release_date_precision: str
    label: str
    popularity: int
    total_tracks: int
    artists: tuple[ArtistRef, ...]
    markets: frozenset[str]  # where at least one of its tracks is licensed


@dataclass(frozen=True, slots=True)
class RenditionRow:
    bitrate_kbps: int
    codec: str
    file_path: str
    hls_path: str
    bytes: int


@dataclass(frozen=True, slots=True)
class TrackRow:
    id: str
    name: str
    album: AlbumRow
    artists: tuple[ArtistRef, ...]
    disc_number: int
    track_number: int
    duration_ms: int
    explicit: bool
    popularity: int
    isrc: str | None
    markets: frozenset[str]
    renditions: tuple[RenditionRow, ...]


def _in(prefix: str, values: Sequence[str]) -> tuple[str, dict[str, str]]:
    """``(:p0, :p1, ...)`` and its parameters, for an ``IN`` list."""
    params = {f"{prefix}{i}": value for i, value in enumerate(values)}
    return "(" + ", ".join(f":{name}" for name in params) + ")", params


def _artist_refs(
    conn: Connection, table: str, key: str, ids: Sequence[str]
) -> dict[str, list[ArtistRef]]:
    found: dict[str, list[ArtistRef]] = {i: [] for i in ids}
    if not ids:
        return found
    clause, params = _in("i", ids)
    rows = conn.all(
        f"SELECT l.{key} AS owner, a.id, a.name FROM {table} l JOIN artists a ON a.id = l.artist_id"
        f" WHERE l.{key} IN {clause} ORDER BY l.{key}, l.position",
        params,
    )
    for row in rows:
        found[row["owner"]].append(ArtistRef(row["id"], row["name"]))
    return found


def get_artists(conn: Connection, ids: Sequence[str]) -> dict[str, ArtistRow]:
    if not ids:
        return {}
    clause, params = _in("i", ids)
    rows = conn.all(f"SELECT * FROM artists WHERE id IN {clause}", params)
    return {
        r["id"]: ArtistRow(r["id"], r["name"], tuple(json.loads(r["genres"])), r["popularity"])
        for r in rows
    }


def get_albums(conn: Connection, ids: Sequence[str]) -> dict[str, AlbumRow]:
    if not ids:
        return {}
    clause, params = _in("i", ids)
    rows = conn.all(
        "SELECT al.*, (SELECT COUNT(*) FROM tracks t WHERE t.album_id = al.id) AS total_tracks"
        f" FROM albums al WHERE al.id IN {clause}",
        params,
    )
    markets: dict[str, set[str]] = {r["id"]: set() for r in rows}
    for row in conn.all(
        "SELECT DISTINCT t.album_id, m.market FROM tracks t"
        f" JOIN track_markets m ON m.track_id = t.id WHERE t.album_id IN {clause}",
        params,
    ):
        markets[row["album_id"]].add(row["market"])
    artists = _artist_refs(conn, "album_artists", "album_id", [r["id"] for r in rows])
    return {r["id"]: _album(r, artists[r["id"]], markets[r["id"]]) for r in rows}


def _album(row: Row, artists: Iterable[ArtistRef], markets: Iterable[str]) -> AlbumRow:
    return AlbumRow(
        id=row["id"],
        name=row["name"],
        album_type=row["album_type"],
        release_date=row["release_date"],
        release_date_precision=row["release_date_precision"],
        label=row["label"],
        popularity=row["popularity"],
        total_tracks=int(row["total_tracks"]),
        artists=tuple(artists),
        markets=frozenset(markets),
    )


def get_tracks(conn: Connection, ids: Sequence[str]) -> dict[str, TrackRow]:
    """The tracks among ``ids`` that exist, keyed by id."""
    if not ids:
        return {}
    clause, params = _in("i", ids)
    rows = conn.all(f"SELECT * FROM tracks WHERE id IN {clause}", params)
    if not rows:
        return {}
    found = [r["id"] for r in rows]
    clause, params = _in("i", found)
    markets: dict[str, set[str]] = {i: set() for i in found}
    for row in conn.all(f"SELECT * FROM track_markets WHERE track_id IN {clause}", params):
        markets[row["track_id"]].add(row["market"])
    renditions: dict[str, list[RenditionRow]] = {i: [] for i in found}
    for row in conn.all(
        f"SELECT * FROM renditions WHERE track_id IN {clause} ORDER BY bitrate_kbps", params
    ):
        renditions[row["track_id"]].append(
            RenditionRow(
                row["bitrate_kbps"], row["codec"], row["file_path"], row["hls_path"], row["bytes"]
            )
        )
    artists = _artist_refs(conn, "track_artists", "track_id", found)
    albums = get_albums(conn, sorted({r["album_id"] for r in rows}))
    return {
        r["id"]: TrackRow(
            id=r["id"],
            name=r["name"],
            album=albums[r["album_id"]],
            artists=tuple(artists[r["id"]]),
            disc_number=r["disc_number"],
            track_number=r["track_number"],
            duration_ms=r["duration_ms"],
            explicit=bool(r["explicit"]),
            popularity=r["popularity"],
            isrc=r["isrc"],
            markets=frozenset(markets[r["id"]]),
            renditions=tuple(renditions[r["id"]]),
        )
        for r in rows
    }


def album_track_ids(
    conn: Connection, album_id: str, limit: int, offset: int
) -> tuple[list[str], int]:
    total = int(conn.scalar("SELECT COUNT(*) FROM tracks WHERE album_id = :a", {"a": album_id}))
    rows = conn.all(
        "SELECT id FROM tracks WHERE album_id = :a ORDER BY disc_number, track_number, id"
        " LIMIT :limit OFFSET :offset",
        {"a": album_id, "limit": limit, "offset": offset},
    )
    return [r["id"] for r in rows], total


def artist_album_ids(
    conn: Connection, artist_id: str, limit: int, offset: int
) -> tuple[list[str], int]:
    where = "FROM album_artists aa JOIN albums al ON al.id = aa.album_id WHERE aa.artist_id = :a"
    total = int(conn.scalar(f"SELECT COUNT(*) {where}", {"a": artist_id}))
    rows = conn.all(
        f"SELECT al.id {where} ORDER BY al.release_date DESC, al.id LIMIT :limit OFFSET :offset",
        {"a": artist_id, "limit": limit, "offset": offset},
    )
    return [r["id"] for r in rows], total


def artist_top_track_ids(
    conn: Connection, artist_id: str, market: str, limit: int = 10
) -> list[str]:
    """The artist's most popular tracks licensed in ``market``."""
    rows = conn.all(
        "SELECT t.id FROM tracks t JOIN track_artists ta ON ta.track_id = t.id"
        " JOIN track_markets m ON m.track_id = t.id AND m.market = :market"
        " WHERE ta.artist_id = :a ORDER BY t.popularity DESC, t.id LIMIT :limit",
        {"a": artist_id, "market": market, "limit": limit},
    )
    return [r["id"] for r in rows]


def new_release_ids(conn: Connection, limit: int, offset: int) -> tuple[list[str], int]:
    total = int(conn.scalar("SELECT COUNT(*) FROM albums"))
    rows = conn.all(
        "SELECT id FROM albums ORDER BY release_date DESC, id LIMIT :limit OFFSET :offset",
        {"limit": limit, "offset": offset},
    )
    return [r["id"] for r in rows], total


def count_tracks(conn: Connection) -> int:
    return int(conn.scalar("SELECT COUNT(*) FROM tracks"))


def catalogue_version(conn: Connection) -> int:
    return int(conn.scalar("SELECT version FROM catalogue_state WHERE id = 1"))


def bump_version(conn: Connection) -> None:
    conn.execute("UPDATE catalogue_state SET version = version + 1 WHERE id = 1")
