"""Seeding the demo catalogue: synthetic sources, the ingest pipeline, catalogue rows.

Media are made once per media folder and reused while the source bytes and the ladder are
the same (``media.ingest.reuse``), so seeding a second database, or re-seeding, costs no
encoding (reused media only have their audio features measured again, a fraction of a
second each). Tracks are ingested on every core at once; rows are written in one
transaction.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from backend_stub import demo
from backend_stub.auth.users import seed_demo_users
from backend_stub.catalogue.repository import RenditionRow, count_tracks
from backend_stub.catalogue.writes import (
    NewAlbum,
    NewArtist,
    NewTrack,
    put_album,
    put_artist,
    put_track,
)
from backend_stub.db import Connection, Database
from backend_stub.ids import make_id
from backend_stub.media import synth
from backend_stub.media.features import analyse
from backend_stub.media.ingest import Ingested, ingest, reuse
from backend_stub.media.qa import sha256_of
from backend_stub.recommend.features import put as put_features

log = logging.getLogger("backend_stub.seed")


@dataclass(frozen=True, slots=True)
class SeedReport:
    tracks: int
    encoded: int  # tracks whose media were made now (the rest were reused)
    seconds: float


@dataclass(frozen=True, slots=True)
class _Job:
    track_id: str
    seed: int
    duration_s: float


def track_id(album: demo.DemoAlbum, track: demo.DemoTrack) -> str:
    return make_id("track", album.artist, album.name, track.name)


def media_for(media_root: Path, job: _Job) -> Ingested:
    """The track's media under ``media_root``: reused when present, else made now."""
    source = media_root / "sources" / f"{job.track_id}-{job.duration_s:g}s.flac"
    if not source.is_file():
        synth.tone(source.with_suffix(".tmp.flac"), seed=job.seed, duration_s=job.duration_s)
        source.with_suffix(".tmp.flac").replace(source)
    folder = media_root / "tracks" / job.track_id
    made = reuse(folder, sha256_of(source)) or ingest(source, folder)
    return made if made.features else replace(made, features=analyse(source))


def seed(db: Database, media_root: Path, *, duration_s: float | None = None) -> SeedReport:
    """Write the demo catalogue into ``db`` (ids are stable: re-seeding replaces rows)."""
    started = time.perf_counter()
    jobs: list[_Job] = []
    index = 0
    for album in demo.ALBUMS:
        for track in album.tracks:
            length = duration_s if duration_s is not None else demo.duration_for(index)
            jobs.append(_Job(track_id(album, track), index, length))
            index += 1
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        media = dict(
            zip(
                (j.track_id for j in jobs),
                pool.map(lambda j: media_for(media_root, j), jobs),
                strict=True,
            )
        )
    with db.connect() as conn:
        _write_rows(conn, media)
    seed_demo_users(db)
    encoded = sum(1 for m in media.values() if m.seconds > 0)
    report = SeedReport(len(jobs), encoded, time.perf_counter() - started)
    log.info(
        "seeded %d tracks (%d encoded now) in %.1f s", report.tracks, report.encoded, report.seconds
    )
    return report


def _write_rows(conn: Connection, media: dict[str, Ingested]) -> None:
    artist_ids = {name: make_id("artist", name) for name in demo.ARTISTS}
    for name, (genres, popularity) in demo.ARTISTS.items():
        put_artist(conn, NewArtist(artist_ids[name], name, genres, popularity))
    for album_index, album in enumerate(demo.ALBUMS):
        album_id = make_id("album", album.artist, album.name)
        popularity = max(t.popularity for t in album.tracks)
        artists = (artist_ids[album.artist],)
        put_album(
            conn,
            NewAlbum(
                album_id, album.name, album.album_type, album.release_date, artists,
                album.label, popularity,
            ),
        )  # fmt: skip
        for number, track in enumerate(album.tracks, start=1):
            tid = track_id(album, track)
            made = media[tid]
            renditions = tuple(
                RenditionRow(
                    r.bitrate_kbps,
                    r.codec,
                    f"tracks/{tid}/{r.file}",
                    f"tracks/{tid}/{r.hls_dir}",
                    r.bytes,
                )
                for r in made.renditions
            )
            put_track(
                conn,
                NewTrack(
                    id=tid,
                    album_id=album_id,
                    name=track.name,
                    artist_ids=(*artists, *(artist_ids[f] for f in track.featuring)),
                    track_number=number,
                    duration_ms=made.duration_ms,
                    content_hash=made.sha256,
                    markets=track.markets,
                    renditions=renditions,
                    explicit=track.explicit,
                    popularity=track.popularity,
                    isrc=f"ZZENC{album.release_date[2:4]}{album_index * 100 + number:05d}",
                ),
            )
            if made.features is not None:
                put_features(conn, tid, made.features)


def seed_if_empty(
    db: Database, media_root: Path, *, duration_s: float | None = None
) -> SeedReport | None:
    with db.connect() as conn:
        if count_tracks(conn):
            return None
    return seed(db, media_root, duration_s=duration_s)
