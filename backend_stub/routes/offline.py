"""Offline downloads (scope ``streaming``): devices with an RSA-OAEP-256 public key
(``/v1/me/devices``), a download of a track for one of them (``POST
/v1/tracks/{id}/offline``, licensed in the user's country) and its ciphertext (``GET
/v1/me/offline/{id}/data``, 410 once expired). The layout is in ``offline.crypto``.

Time is the app's clock (``app.state.auth.clock``), the one tokens expire by.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from backend_stub import userdata
from backend_stub.auth import users
from backend_stub.auth.guard import Principal, require
from backend_stub.auth.state import auth_state
from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.markets import require_playable
from backend_stub.catalogue.repository import RenditionRow, TrackRow
from backend_stub.catalogue.shapes import Shaper
from backend_stub.db import Connection, Database
from backend_stub.errors import ApiError, error_responses
from backend_stub.ids import ID_PATTERN
from backend_stub.offline import crypto, files, jwk, store
from backend_stub.offline.store import DeviceRow, DownloadRow, iso
from backend_stub.routes.deps import AppSettings, Conn, ItemId, Shape
from backend_stub.routes.streaming import MediaFile
from backend_stub.schemas import ErrorResponse

log = logging.getLogger("backend_stub.offline")

router = APIRouter(prefix="/v1", tags=["offline"])

Listener = Annotated[Principal, require("streaming")]
DATA_TYPE = "application/octet-stream"
CONTENT_TYPE = "audio/mp4"
PREFERRED_KBPS = 128


class PublicJwk(BaseModel):
    """An RSA public key as WebCrypto exports it (`exportKey("jwk", publicKey)`)."""

    model_config = ConfigDict(extra="forbid")

    kty: Literal["RSA"]
    n: str = Field(pattern=r"^[A-Za-z0-9_-]+$", min_length=342, max_length=1366)
    e: str = Field(pattern=r"^[A-Za-z0-9_-]+$", max_length=12)
    alg: Literal["RSA-OAEP-256"] | None = None
    use: Literal["enc"] | None = None
    key_ops: list[Literal["encrypt", "wrapKey"]] | None = Field(default=None, min_length=1)
    ext: bool | None = None
    kid: str | None = Field(default=None, max_length=200)


class NewDevice(BaseModel):
    name: str = Field(min_length=1, max_length=100, pattern=r"\S")
    public_key: PublicJwk


class Device(BaseModel):
    id: str
    name: str
    created_at: str


class Devices(BaseModel):
    devices: list[Device]


class NewDownload(BaseModel):
    device_id: str = Field(pattern=ID_PATTERN, description="One of your devices.")
    bitrate_kbps: int | None = Field(
        default=None,
        ge=1,
        le=10_000,
        description="The rendition to download (default 128, else the nearest).",
    )


class WrappedKey(BaseModel):
    alg: Literal["RSA-OAEP-256"]
    wrapped: str = Field(description="base64url of the AES key encrypted for the device.")


class OfflineDownload(BaseModel):
    id: str
    type: Literal["offline_download"]
    track_id: str
    device_id: str
    bitrate_kbps: int
    cipher: Literal["AES-256-GCM"]
    key: WrappedKey
    chunk_size: int = Field(description="Plaintext bytes per chunk; each sealed chunk has 16 more.")
    chunks: int
    size: int = Field(description="Plaintext bytes (the rendition's size).")
    content_type: str = Field(description="The plaintext's media type.")
    nonce: str = Field(description="How the 12-byte nonce of chunk `index` is made.")
    aad: str = Field(description="The associated data of chunk `index` (UTF-8).")
    created_at: str
    expires_at: str
    data_url: str


def _described(status: int, description: str) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorResponse, "description": description}}


def _now_ms(request: Request) -> int:
    return int(auth_state(request).clock() * 1000)


def _device_object(row: DeviceRow) -> Device:
    return Device(id=row.id, name=row.name, created_at=iso(row.created_at))


@router.post(
    "/me/devices",
    response_model=Device,
    status_code=201,
    responses={
        200: {"model": Device, "description": "The key was already registered: that device."},
        **error_responses(400, 401, 403),
    },
)
def add_device(
    body: NewDevice, request: Request, response: Response, user: Listener, conn: Conn
) -> Device:
    """Register a device by its RSA-OAEP-256 public key (2048 to 8192 bits); the same
    key again answers 200 with the device it already is."""
    try:
        key = jwk.parse(body.public_key.model_dump(exclude_none=True))
    except jwk.InvalidKey as exc:
        raise ApiError(422, f"invalid request: {exc}", "invalid_key") from None
    _known_user(conn, user)
    row, created = store.add_device(conn, user.user_id, body.name.strip(), key, _now_ms(request))
    if not created:
        response.status_code = 200
    return _device_object(row)


@router.get("/me/devices", response_model=Devices, responses=error_responses(401, 403))
def list_devices(user: Listener, conn: Conn) -> Devices:
    """Your devices, oldest first."""
    return Devices(devices=[_device_object(d) for d in store.devices(conn, user.user_id)])


@router.delete(
    "/me/devices/{id}",
    status_code=204,
    response_class=Response,
    responses=error_responses(401, 403, 404),
)
def delete_device(id: ItemId, user: Listener, conn: Conn) -> Response:
    """Forget a device; its downloads can no longer be fetched."""
    if not store.delete_device(conn, id, user.user_id):
        raise ApiError(404, f"you have no device with id {id}")
    return Response(status_code=204)


def _known_user(conn: Connection, user: Principal) -> str:
    """The user's country; 401 when the token's user no longer exists."""
    row = users.by_id(conn, user.user_id)
    if row is None:
        raise ApiError(401, "the token's user no longer exists", "invalid_token")
    return str(row["country"])


def _rendition(track: TrackRow, kbps: int | None) -> RenditionRow:
    if not track.renditions:
        raise ApiError(404, f"track {track.id} has no renditions")
    if kbps is not None:
        for rendition in track.renditions:
            if rendition.bitrate_kbps == kbps:
                return rendition
        have = ", ".join(str(r.bitrate_kbps) for r in track.renditions)
        raise ApiError(404, f"track {track.id} has no {kbps} kbit/s rendition (it has: {have})")
    return min(track.renditions, key=lambda r: abs(r.bitrate_kbps - PREFERRED_KBPS))


def _manifest(row: DownloadRow, shape: Shaper) -> OfflineDownload:
    return OfflineDownload(
        id=row.id,
        type="offline_download",
        track_id=row.track_id,
        device_id=row.device_id,
        bitrate_kbps=row.bitrate_kbps,
        cipher="AES-256-GCM",
        key=WrappedKey(alg="RSA-OAEP-256", wrapped=row.wrapped_key),
        chunk_size=row.chunk_size,
        chunks=row.chunks,
        size=row.size,
        content_type=CONTENT_TYPE,
        nonce=crypto.NONCE_LAYOUT,
        aad=crypto.aad_template(row.track_id, row.chunks),
        created_at=iso(row.created_at),
        expires_at=iso(row.expires_at),
        data_url=shape.href(f"/v1/me/offline/{row.id}/data"),
    )


@router.post(
    "/tracks/{id}/offline",
    response_model=OfflineDownload,
    status_code=201,
    responses=error_responses(400, 401, 403, 404),
)
def make_download(
    id: ItemId,
    body: NewDownload,
    request: Request,
    user: Listener,
    conn: Conn,
    settings: AppSettings,
    shape: Shape,
) -> OfflineDownload:
    """An encrypted download of the track for one of your devices, if the track is
    licensed in your country (403 `market` otherwise)."""
    country = _known_user(conn, user)
    track = repo.get_tracks(conn, [id]).get(id)
    if track is None:
        raise ApiError(404, f"no track with id {id}")
    require_playable(track, country)
    device = store.device(conn, body.device_id, user.user_id)
    if device is None:
        raise ApiError(404, f"you have no device with id {body.device_id}")
    rendition = _rendition(track, body.bitrate_kbps)
    if not (settings.media_root / rendition.file_path).is_file():
        raise ApiError(404, "media file is missing on the server")
    now = _now_ms(request)
    files.sweep(conn, settings.media_root, now)
    row = files.make_download(
        conn, settings.media_root, device, track.id, rendition, now, settings.offline_seconds
    )
    return _manifest(row, shape)


@router.get(
    "/me/offline/{id}/data",
    response_class=Response,
    responses={
        200: {"content": {DATA_TYPE: {"schema": {"type": "string", "format": "binary"}}}},
        206: {
            "description": "The requested byte range of the ciphertext.",
            "content": {DATA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        },
        **error_responses(400, 401, 403, 404, 416),
        **_described(410, "The download has expired: make a new one."),
    },
)
def download_data(
    id: ItemId, request: Request, user: Listener, conn: Conn, settings: AppSettings
) -> Response:
    """The download's sealed chunks, back to back (byte ranges allowed)."""
    row = store.download(conn, id, user.user_id)
    if row is None:
        raise ApiError(404, f"you have no download with id {id}")
    path = files.ciphertext_path(settings.media_root, row.id)
    if _now_ms(request) >= row.expires_at:
        path.unlink(missing_ok=True)
        raise ApiError(410, f"the download expired at {iso(row.expires_at)}", "expired")
    if not path.is_file():
        raise ApiError(404, f"the data of download {id} is gone; make a new one")
    return MediaFile(path, media_type=DATA_TYPE, headers={"Cache-Control": "private, no-store"})


def _sweep(db: Database, app: FastAPI) -> int:
    with db.connect() as conn:
        return files.sweep(conn, app.state.settings.media_root, int(app.state.auth.clock() * 1000))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Remove ciphertext left by expired, deleted or erased downloads at start-up."""
    removed = await run_in_threadpool(_sweep, app.state.db, app)
    if removed:
        log.info("removed %d stale offline download file(s)", removed)
    yield


userdata.register("offline", store.exported, store.erase)
