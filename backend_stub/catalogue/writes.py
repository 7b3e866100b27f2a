"""Catalogue writes: upserts of artists, albums and tracks with their licensing, renditions
and search documents. Upserts use ``INSERT ... ON CONFLICT``, which both databases share;
only the search document differs (an FTS5 row, or a row whose tsvector PostgreSQL
generates)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from backend_stub.catalogue.repository import RenditionRow, bump_version
from backend_stub.db import Connection
from backend_stub.textnorm import normalise


@dataclass(frozen=True, slots=True)
class NewArtist:
    id: str
    name: str
    genres: tuple[str, ...] = ()
    popularity: int = 0


@dataclass(frozen=True, slots=True)
class NewAlbum:
    id: str
    name: str
    album_type: str
    release_date: str
    artist_ids: tuple[str, ...]
    label: str = ""
    popularity: int = 0

    @property
    def release_date_precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.release_date), "day")


@dataclass(frozen=True, slots=True)
class NewTrack:
    id: str
    album_id: str
    name: str
    artist_ids: tuple[str, ...]
    track_number: int
    duration_ms: int
    content_hash: str
    markets: tuple[str, ...]
    renditions: tuple[RenditionRow, ...]
    disc_number: int = 1
    explicit: bool = False
    popularity: int = 0
    isrc: str | None = None


def index_document(conn: Connection, kind: str, item_id: str, name: str, context: str) -> None:
    """(Re)write the search document of one item; ``name`` and ``context`` are folded here."""
    params = {"kind": kind, "id": item_id, "name": normalise(name), "context": normalise(context)}
    if conn.dialect == "sqlite":
        conn.execute("DELETE FROM search_fts WHERE kind = :kind AND item_id = :id", params)
        conn.execute(
            "INSERT INTO search_fts (kind, item_id, name, context)"
            " VALUES (:kind, :id, :name, :context)",
            params,
        )
    else:
        conn.execute(
            "INSERT INTO search_documents (kind, item_id, name, context)"
            " VALUES (:kind, :id, :name, :context) ON CONFLICT (kind, item_id)"
            " DO UPDATE SET name = excluded.name, context = excluded.context",
            params,
        )


def _names(conn: Connection, ids: Sequence[str]) -> list[str]:
    names = {r["id"]: r["name"] for r in conn.all("SELECT id, name FROM artists")}
    return [names[i] for i in ids if i in names]


def put_artist(conn: Connection, artist: NewArtist) -> None:
    conn.execute(
        "INSERT INTO artists (id, name, name_norm, genres, popularity)"
        " VALUES (:id, :name, :norm, :genres, :popularity) ON CONFLICT (id) DO UPDATE SET"
        " name = excluded.name, name_norm = excluded.name_norm, genres = excluded.genres,"
        " popularity = excluded.popularity",
        {
            "id": artist.id,
            "name": artist.name,
            "norm": normalise(artist.name),
            "genres": json.dumps(list(artist.genres)),
            "popularity": artist.popularity,
        },
    )
    index_document(conn, "artist", artist.id, artist.name, " ".join(artist.genres))
    bump_version(conn)


def put_album(conn: Connection, album: NewAlbum) -> None:
    conn.execute(
        "INSERT INTO albums (id, name, name_norm, album_type, release_date,"
        " release_date_precision, label, popularity) VALUES (:id, :name, :norm, :type, :date,"
        " :precision, :label, :popularity) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
        " name_norm = excluded.name_norm, album_type = excluded.album_type,"
        " release_date = excluded.release_date,"
        " release_date_precision = excluded.release_date_precision,"
        " label = excluded.label, popularity = excluded.popularity",
        {
            "id": album.id,
            "name": album.name,
            "norm": normalise(album.name),
            "type": album.album_type,
            "date": album.release_date,
            "precision": album.release_date_precision,
            "label": album.label,
            "popularity": album.popularity,
        },
    )
    conn.execute("DELETE FROM album_artists WHERE album_id = :id", {"id": album.id})
    conn.executemany(
        "INSERT INTO album_artists (album_id, artist_id, position) VALUES (:album, :artist, :pos)",
        [{"album": album.id, "artist": a, "pos": i} for i, a in enumerate(album.artist_ids)],
    )
    index_document(conn, "album", album.id, album.name, " ".join(_names(conn, album.artist_ids)))
    bump_version(conn)


def put_track(conn: Connection, track: NewTrack) -> None:
    """Insert or replace a track with its artists, markets and renditions."""
    conn.execute(
        "INSERT INTO tracks (id, album_id, name, name_norm, disc_number, track_number,"
        " duration_ms, explicit, popularity, isrc, content_hash) VALUES (:id, :album, :name,"
        " :norm, :disc, :number, :duration, :explicit, :popularity, :isrc, :hash)"
        " ON CONFLICT (id) DO UPDATE SET album_id = excluded.album_id, name = excluded.name,"
        " name_norm = excluded.name_norm, disc_number = excluded.disc_number,"
        " track_number = excluded.track_number, duration_ms = excluded.duration_ms,"
        " explicit = excluded.explicit, popularity = excluded.popularity,"
        " isrc = excluded.isrc, content_hash = excluded.content_hash",
        {
            "id": track.id,
            "album": track.album_id,
            "name": track.name,
            "norm": normalise(track.name),
            "disc": track.disc_number,
            "number": track.track_number,
            "duration": track.duration_ms,
            "explicit": int(track.explicit),
            "popularity": track.popularity,
            "isrc": track.isrc,
            "hash": track.content_hash,
        },
    )
    for table in ("track_artists", "track_markets", "renditions"):
        conn.execute(f"DELETE FROM {table} WHERE track_id = :id", {"id": track.id})
    conn.executemany(
        "INSERT INTO track_artists (track_id, artist_id, position) VALUES (:track, :artist, :pos)",
        [{"track": track.id, "artist": a, "pos": i} for i, a in enumerate(track.artist_ids)],
    )
    conn.executemany(
        "INSERT INTO track_markets (track_id, market) VALUES (:track, :market)",
        [{"track": track.id, "market": m} for m in sorted(set(track.markets))],
    )
    conn.executemany(
        "INSERT INTO renditions (track_id, bitrate_kbps, codec, file_path, hls_path, bytes)"
        " VALUES (:track, :kbps, :codec, :file, :hls, :bytes)",
        [
            {
                "track": track.id,
                "kbps": r.bitrate_kbps,
                "codec": r.codec,
                "file": r.file_path,
                "hls": r.hls_path,
                "bytes": r.bytes,
            }
            for r in track.renditions
        ],
    )
    album = conn.scalar("SELECT name FROM albums WHERE id = :id", {"id": track.album_id})
    context = " ".join([*_names(conn, track.artist_ids), str(album or "")])
    index_document(conn, "track", track.id, track.name, context)
    bump_version(conn)
