"""Streaming: a progressive AAC rendition with byte ranges, and HLS (master playlist,
variant playlists, fMP4 init and media segments).

Every answer first checks licensing for the request's market (``?market=``, else the
server's default market): an unlicensed market is a 403 with ``reason: market``.
Playlists carry the request's ``market`` into the URIs they list, so a player that
follows them stays in the same market. Files get strong content ETags (SHA-256, computed
once per file version) and ``If-None-Match`` is answered with 304; segments, named by
content that never changes under their URL, are ``immutable`` for a year. Byte ranges
(200 with ``Accept-Ranges``, 206, 416) are Starlette's ``FileResponse``.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.datastructures import Headers
from starlette.responses import MalformedRangeHeader, RangeNotSatisfiable
from starlette.types import Receive, Scope, Send

from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.markets import require_playable
from backend_stub.catalogue.repository import RenditionRow, TrackRow
from backend_stub.db import Connection
from backend_stub.errors import ApiError, error_response, error_responses
from backend_stub.media.ladder import variant_name
from backend_stub.routes.deps import AppSettings, Conn, ItemId, Market

router = APIRouter(prefix="/v1/tracks", tags=["streaming"])

PLAYLIST_TYPE = "application/vnd.apple.mpegurl"
SEGMENT_TYPE = "audio/mp4"
IMMUTABLE = "public, max-age=31536000, immutable"
PLAYLIST_CACHE = "public, max-age=300"

Variant = Annotated[str, Path(pattern=r"^[0-9]{2,4}k$", description="A rendition, e.g. 128k.")]
SegmentName = Annotated[
    str, Path(pattern=r"^(init\.mp4|seg_[0-9]{5}\.m4s)$", description="init.mp4 or seg_NNNNN.m4s")
]
Bitrate = Annotated[int, Query(ge=1, le=10_000, description="Rendition bitrate in kbit/s.")]

_MEDIA_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {SEGMENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}},
    206: {
        "description": "The requested byte range.",
        "content": {SEGMENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    },
    304: {"description": "Not modified (If-None-Match matched the ETag)."},
    **error_responses(400, 403, 404, 416),
}
_PLAYLIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {PLAYLIST_TYPE: {"schema": {"type": "string"}}}},
    304: {"description": "Not modified (If-None-Match matched the ETag)."},
    **error_responses(403, 404),
}


@lru_cache(maxsize=4096)
def _content_etag(path: str, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f'"{digest.hexdigest()[:32]}"'


def etag_of(path: FsPath) -> str:
    stat = path.stat()
    return _content_etag(str(path), stat.st_mtime_ns, stat.st_size)


def _not_modified(request: Request, etag: str, cache: str) -> Response | None:
    given = request.headers.get("if-none-match")
    if given and (given.strip() == "*" or etag in [t.strip() for t in given.split(",")]):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": cache})
    return None


def _licensed_track(conn: Connection, track_id: str, market: str) -> TrackRow:
    track = repo.get_tracks(conn, [track_id]).get(track_id)
    if track is None:
        raise ApiError(404, f"no track with id {track_id}")
    require_playable(track, market)
    return track


def _rendition(track: TrackRow, kbps: int) -> RenditionRow:
    for rendition in track.renditions:
        if rendition.bitrate_kbps == kbps:
            return rendition
    have = ", ".join(str(r.bitrate_kbps) for r in track.renditions) or "none"
    raise ApiError(404, f"track {track.id} has no {kbps} kbit/s rendition (it has: {have})")


def _file(root: FsPath, relative: str) -> FsPath:
    path = root / relative
    if not path.is_file():
        raise ApiError(404, "media file is missing on the server")
    return path


class MediaFile(FileResponse):
    """``FileResponse`` whose range errors (400 malformed, 416 unsatisfiable) use the
    error envelope; everything else, ranges included, is Starlette's."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        http_range, if_range = headers.get("range"), headers.get("if-range")
        if http_range is not None and (if_range is None or self._should_use_range(if_range)):
            size = os.stat(self.path).st_size
            try:
                self._parse_range_header(http_range, size)
            except MalformedRangeHeader as exc:
                await error_response(400, f"bad Range header: {exc.content}")(scope, receive, send)
                return
            except RangeNotSatisfiable:
                await error_response(
                    416,
                    f"range {http_range} is outside the file ({size} bytes)",
                    headers={"Content-Range": f"bytes */{size}"},
                )(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _media(request: Request, path: FsPath, cache: str) -> Response:
    etag = etag_of(path)
    return _not_modified(request, etag, cache) or MediaFile(
        path, media_type=SEGMENT_TYPE, headers={"ETag": etag, "Cache-Control": cache}
    )


def _playlist(request: Request, text: str, market: str | None) -> Response:
    if market is not None:
        suffix = f"?market={quote(market)}"
        lines = []
        for line in text.splitlines():
            if line and not line.startswith("#"):
                line += suffix
            elif line.startswith("#EXT-X-MAP:URI="):
                line = line.replace('.mp4"', f'.mp4{suffix}"')
            lines.append(line)
        text = "\n".join(lines) + "\n"
    body = text.encode("utf-8")
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    return _not_modified(request, etag, PLAYLIST_CACHE) or Response(
        body, media_type=PLAYLIST_TYPE, headers={"ETag": etag, "Cache-Control": PLAYLIST_CACHE}
    )


@router.head(
    "/{id}/stream",
    responses=_MEDIA_RESPONSES,
    response_class=Response,
    operation_id="stream_head",
)
@router.get(
    "/{id}/stream", responses=_MEDIA_RESPONSES, response_class=Response, operation_id="stream"
)
def stream(
    id: ItemId,
    request: Request,
    conn: Conn,
    settings: AppSettings,
    market: Market,
    bitrate: Bitrate = 128,
) -> Response:
    """The progressive rendition (AAC in MP4, `moov` first), with byte ranges."""
    track = _licensed_track(conn, id, market or settings.default_market)
    path = _file(settings.media_root, _rendition(track, bitrate).file_path)
    return _media(request, path, "public, max-age=86400")


@router.get("/{id}/hls/master.m3u8", responses=_PLAYLIST_RESPONSES, response_class=Response)
def master_playlist(
    id: ItemId, request: Request, conn: Conn, settings: AppSettings, market: Market
) -> Response:
    """The HLS master playlist: one variant per rendition of the AAC ladder."""
    track = _licensed_track(conn, id, market or settings.default_market)
    if not track.renditions:
        raise ApiError(404, f"track {id} has no renditions")
    hls_root = FsPath(track.renditions[0].hls_path).parent.as_posix()
    path = _file(settings.media_root, f"{hls_root}/master.m3u8")
    return _playlist(request, path.read_text(encoding="utf-8"), market)


def _variant_dir(track: TrackRow, variant: str) -> str:
    for rendition in track.renditions:
        if variant_name(rendition.bitrate_kbps) == variant:
            return rendition.hls_path
    raise ApiError(404, f"track {track.id} has no variant {variant}")


@router.get(
    "/{id}/hls/{variant}/index.m3u8", responses=_PLAYLIST_RESPONSES, response_class=Response
)
def variant_playlist(
    id: ItemId,
    variant: Variant,
    request: Request,
    conn: Conn,
    settings: AppSettings,
    market: Market,
) -> Response:
    """One variant's media playlist (VOD, fMP4 segments)."""
    track = _licensed_track(conn, id, market or settings.default_market)
    path = _file(settings.media_root, f"{_variant_dir(track, variant)}/index.m3u8")
    return _playlist(request, path.read_text(encoding="utf-8"), market)


@router.get("/{id}/hls/{variant}/{segment}", responses=_MEDIA_RESPONSES, response_class=Response)
def segment(
    id: ItemId,
    variant: Variant,
    segment: SegmentName,
    request: Request,
    conn: Conn,
    settings: AppSettings,
    market: Market,
) -> Response:
    """The fMP4 init segment or a media segment; immutable."""
    track = _licensed_track(conn, id, market or settings.default_market)
    path = _file(settings.media_root, f"{_variant_dir(track, variant)}/{os.path.basename(segment)}")
    return _media(request, path, IMMUTABLE)
