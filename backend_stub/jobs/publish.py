"""Publishing an ingested upload into the catalogue: the uploader's artist, the album (the
one named in the upload, or a single named after the track), and the track with its
licensing, renditions and audio features (for recommendations).

Ids are derived from the uploader and the job, so running a job again replaces its rows
instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from backend_stub.catalogue.repository import RenditionRow, get_albums, get_artists
from backend_stub.catalogue.writes import (
    NewAlbum,
    NewArtist,
    NewTrack,
    put_album,
    put_artist,
    put_track,
)
from backend_stub.db import Connection
from backend_stub.ids import make_id
from backend_stub.jobs.store import JobRow
from backend_stub.media.ingest import Ingested
from backend_stub.recommend import features
from backend_stub.textnorm import normalise


def track_id_for(job_id: str) -> str:
    return make_id("track", "upload", job_id)


def track_folder(track_id: str) -> str:
    """The track's media folder, relative to the media root (as the seed lays it out)."""
    return f"tracks/{track_id}"


def artist_id_for(user_id: str) -> str:
    return make_id("artist", "user", user_id)


def publish(conn: Connection, job: JobRow, artist_name: str, made: Ingested) -> str:
    """Insert the job's track (and its artist and album when new); the track id."""
    artist_id = artist_id_for(job.user_id)
    if not get_artists(conn, [artist_id]):
        put_artist(conn, NewArtist(artist_id, artist_name))
    if job.album_name:
        album_id = make_id("album", "user", job.user_id, normalise(job.album_name))
        album = NewAlbum(album_id, job.album_name, "album", _today(), (artist_id,))
    else:
        album_id = make_id("album", "upload", job.id)
        album = NewAlbum(album_id, job.title, "single", _today(), (artist_id,))
    if not get_albums(conn, [album_id]):
        put_album(conn, album)
    tid = track_id_for(job.id)
    others = conn.scalar(
        "SELECT COUNT(*) FROM tracks WHERE album_id = :a AND id <> :t", {"a": album_id, "t": tid}
    )
    folder = track_folder(tid)
    put_track(
        conn,
        NewTrack(
            id=tid,
            album_id=album_id,
            name=job.title,
            artist_ids=(artist_id,),
            track_number=int(others) + 1,
            duration_ms=made.duration_ms,
            content_hash=made.sha256,
            markets=job.markets,
            renditions=tuple(
                RenditionRow(
                    r.bitrate_kbps,
                    r.codec,
                    f"{folder}/{r.file}",
                    f"{folder}/{r.hls_dir}",
                    r.bytes,
                )
                for r in made.renditions
            ),
        ),
    )
    if made.features is not None:
        features.put(conn, tid, made.features)
    return tid


def _today() -> str:
    return datetime.now(UTC).date().isoformat()
