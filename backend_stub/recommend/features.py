"""The ``audio_features`` table: one row per track, written with the track at ingest."""

from __future__ import annotations

from dataclasses import fields

from backend_stub.db import Connection, Row
from backend_stub.media.features import AudioFeatures

_COLUMNS = [f.name for f in fields(AudioFeatures)]


def put(conn: Connection, track_id: str, features: AudioFeatures) -> None:
    """Store (or replace) the features of ``track_id``."""
    names = ", ".join(_COLUMNS)
    values = ", ".join(f":{c}" for c in _COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS)
    conn.execute(
        f"INSERT INTO audio_features (track_id, {names}) VALUES (:track_id, {values})"
        f" ON CONFLICT (track_id) DO UPDATE SET {updates}",
        {"track_id": track_id, **features.as_dict()},
    )


def _features(row: Row) -> AudioFeatures:
    return AudioFeatures(
        duration_ms=int(row["duration_ms"]), **{c: float(row[c]) for c in _COLUMNS[1:]}
    )


def get(conn: Connection, track_id: str) -> AudioFeatures | None:
    row = conn.one("SELECT * FROM audio_features WHERE track_id = :t", {"t": track_id})
    return None if row is None else _features(row)


def every(conn: Connection) -> dict[str, AudioFeatures]:
    """The features of every track that has them."""
    return {r["track_id"]: _features(r) for r in conn.all("SELECT * FROM audio_features")}
