"""Making a download and keeping the ciphertext folder tidy.

Ciphertext is stored at ``<media root>/offline/<download id>.enc``, encrypted once when
the download is made, so the data route serves a plain file (byte ranges included) and
the AES key is forgotten at once: only its wrapped copy, which the device alone can open,
is kept. Deleting a download's row therefore destroys its key, which is what erasure and
expiry rely on; ``sweep`` then removes files whose row is gone or expired.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from backend_stub.catalogue.repository import RenditionRow
from backend_stub.db import Connection
from backend_stub.offline import crypto, jwk, store
from backend_stub.offline.store import DeviceRow, DownloadRow

FOLDER = "offline"
SUFFIX = ".enc"
GRACE_SECONDS = 600


def ciphertext_path(media_root: Path, download_id: str) -> Path:
    return media_root / FOLDER / f"{download_id}{SUFFIX}"


def make_download(
    conn: Connection,
    media_root: Path,
    device: DeviceRow,
    track_id: str,
    rendition: RenditionRow,
    now_ms: int,
    lifetime_s: int,
) -> DownloadRow:
    """Encrypt ``rendition`` for ``device`` under a fresh key and record the download."""
    download_id = store.new_id("download")
    key = crypto.new_key()
    chunks, size = crypto.encrypt_file(
        media_root / rendition.file_path, ciphertext_path(media_root, download_id), key, track_id
    )
    wrapped = crypto.wrap_key(jwk.parse(device.public_key).key, key)
    row = DownloadRow(
        id=download_id,
        user_id=device.user_id,
        device_id=device.id,
        track_id=track_id,
        bitrate_kbps=rendition.bitrate_kbps,
        wrapped_key=jwk.b64url(wrapped),
        chunk_size=crypto.CHUNK_SIZE,
        chunks=chunks,
        size=size,
        created_at=now_ms,
        expires_at=now_ms + lifetime_s * 1000,
    )
    store.add_download(conn, row)
    return row


def sweep(conn: Connection, media_root: Path, now_ms: int) -> int:
    """Delete the ciphertext of downloads that expired or no longer exist; how many.
    Files younger than ``GRACE_SECONDS`` stay: their row may not be committed yet."""
    folder = media_root / FOLDER
    if not folder.is_dir():
        return 0
    live = store.live_download_ids(conn, now_ms)
    settled = time.time() - GRACE_SECONDS
    removed = 0
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.removesuffix(SUFFIX) in live:
            continue
        with contextlib.suppress(FileNotFoundError):  # another sweep was quicker
            if path.stat().st_mtime < settled:
                path.unlink()
                removed += 1
    return removed
