"""Devices and offline downloads in the database. Times are Unix milliseconds. Every
lookup is by owner as well as id, so one user never reaches another's rows."""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from backend_stub.db import Connection, Row
from backend_stub.ids import make_id
from backend_stub.offline.jwk import DeviceKey


@dataclass(frozen=True, slots=True)
class DeviceRow:
    id: str
    user_id: str
    name: str
    public_key: dict[str, str]
    thumbprint: str
    created_at: int


@dataclass(frozen=True, slots=True)
class DownloadRow:
    id: str
    user_id: str
    device_id: str
    track_id: str
    bitrate_kbps: int
    wrapped_key: str
    chunk_size: int
    chunks: int
    size: int
    created_at: int
    expires_at: int


def iso(ms: int) -> str:
    """Unix milliseconds as an ISO 8601 UTC string."""
    moment = datetime.fromtimestamp(ms / 1000, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id(kind: str) -> str:
    return make_id(kind, secrets.token_hex(16))


def _device(row: Row) -> DeviceRow:
    return DeviceRow(**{**row, "public_key": json.loads(row["public_key"])})


def add_device(
    conn: Connection, user_id: str, name: str, key: DeviceKey, now_ms: int
) -> tuple[DeviceRow, bool]:
    """The user's device with ``key``, registered now unless it already was; and whether
    it is new (one device per key and user)."""
    existing = conn.one(
        "SELECT * FROM offline_devices WHERE user_id = :u AND thumbprint = :t",
        {"u": user_id, "t": key.thumbprint},
    )
    if existing is not None:
        return _device(existing), False
    row = DeviceRow(new_id("device"), user_id, name, key.jwk, key.thumbprint, now_ms)
    conn.execute(
        "INSERT INTO offline_devices (id, user_id, name, public_key, thumbprint, created_at)"
        " VALUES (:id, :user_id, :name, :key, :thumbprint, :created_at)",
        {**asdict(row), "key": json.dumps(row.public_key, sort_keys=True)},
    )
    return row, True


def device(conn: Connection, device_id: str, user_id: str) -> DeviceRow | None:
    row = conn.one(
        "SELECT * FROM offline_devices WHERE id = :id AND user_id = :u",
        {"id": device_id, "u": user_id},
    )
    return None if row is None else _device(row)


def devices(conn: Connection, user_id: str) -> list[DeviceRow]:
    rows = conn.all(
        "SELECT * FROM offline_devices WHERE user_id = :u ORDER BY created_at, id", {"u": user_id}
    )
    return [_device(r) for r in rows]


def delete_device(conn: Connection, device_id: str, user_id: str) -> bool:
    """Remove the device and (by cascade) its downloads; whether it existed."""
    conn.execute(
        "DELETE FROM offline_downloads WHERE device_id = :id AND user_id = :u",
        {"id": device_id, "u": user_id},
    )
    removed = conn.execute(
        "DELETE FROM offline_devices WHERE id = :id AND user_id = :u",
        {"id": device_id, "u": user_id},
    )
    return removed == 1


def add_download(conn: Connection, row: DownloadRow) -> None:
    conn.execute(
        "INSERT INTO offline_downloads (id, user_id, device_id, track_id, bitrate_kbps,"
        " wrapped_key, chunk_size, chunks, size, created_at, expires_at) VALUES (:id,"
        " :user_id, :device_id, :track_id, :bitrate_kbps, :wrapped_key, :chunk_size, :chunks,"
        " :size, :created_at, :expires_at)",
        asdict(row),
    )


def download(conn: Connection, download_id: str, user_id: str) -> DownloadRow | None:
    row = conn.one(
        "SELECT * FROM offline_downloads WHERE id = :id AND user_id = :u",
        {"id": download_id, "u": user_id},
    )
    return None if row is None else DownloadRow(**row)


def downloads(conn: Connection, user_id: str) -> list[DownloadRow]:
    rows = conn.all(
        "SELECT * FROM offline_downloads WHERE user_id = :u ORDER BY created_at, id",
        {"u": user_id},
    )
    return [DownloadRow(**r) for r in rows]


def live_download_ids(conn: Connection, now_ms: int) -> set[str]:
    """Every download not expired at ``now_ms`` (whose ciphertext must stay)."""
    rows = conn.all("SELECT id FROM offline_downloads WHERE expires_at > :now", {"now": now_ms})
    return {str(r["id"]) for r in rows}


def exported(conn: Connection, user_id: str) -> dict[str, Any]:
    """The user's devices (with their public keys) and downloads, for the export."""
    return {
        "devices": [
            {
                "id": d.id,
                "name": d.name,
                "public_key": d.public_key,
                "created_at": iso(d.created_at),
            }
            for d in devices(conn, user_id)
        ],
        "downloads": [
            {
                "id": d.id,
                "device_id": d.device_id,
                "track_id": d.track_id,
                "bitrate_kbps": d.bitrate_kbps,
                "created_at": iso(d.created_at),
                "expires_at": iso(d.expires_at),
            }
            for d in downloads(conn, user_id)
        ],
    }


def erase(conn: Connection, user_id: str) -> None:
    conn.execute("DELETE FROM offline_downloads WHERE user_id = :u", {"u": user_id})
    conn.execute("DELETE FROM offline_devices WHERE user_id = :u", {"u": user_id})
