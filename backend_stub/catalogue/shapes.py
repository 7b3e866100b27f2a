"""Catalogue rows as API objects: ids become ``uri`` and absolute ``href``s, licensing
becomes ``is_playable`` and ``restrictions`` for the request's market, and paging objects
get their ``next`` and ``previous`` links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar
from urllib.parse import urlencode

from starlette.datastructures import URL

from backend_stub.catalogue.markets import restriction
from backend_stub.catalogue.repository import AlbumRow, ArtistRef, ArtistRow, TrackRow
from backend_stub.ids import uri
from backend_stub.schemas import (
    Album,
    Artist,
    ExternalIds,
    Paging,
    ProgressiveStream,
    Restrictions,
    SimplifiedAlbum,
    SimplifiedArtist,
    SimplifiedTrack,
    Streams,
    Track,
)

P = TypeVar("P", bound=Paging[Any])


class Shaper:
    """Turns rows into API objects for one request (its base URL and market)."""

    def __init__(self, base_url: str, market: str | None) -> None:
        self.base = base_url.rstrip("/")
        self.market = market

    def href(self, path: str, **query: str | None) -> str:
        params = {k: v for k, v in query.items() if v is not None}
        return f"{self.base}{path}" + (f"?{urlencode(params)}" if params else "")

    def _playability(self, reason: str | None) -> dict[str, Any]:
        if self.market is None:
            return {}
        fields: dict[str, Any] = {"is_playable": reason is None}
        if reason is not None:
            fields["restrictions"] = Restrictions(reason="market")
        return fields

    def artist_ref(self, artist: ArtistRef) -> SimplifiedArtist:
        return SimplifiedArtist(
            type="artist",
            id=artist.id,
            name=artist.name,
            uri=uri("artist", artist.id),
            href=self.href(f"/v1/artists/{artist.id}"),
        )

    def artist(self, artist: ArtistRow) -> Artist:
        return Artist(
            type="artist",
            id=artist.id,
            name=artist.name,
            uri=uri("artist", artist.id),
            href=self.href(f"/v1/artists/{artist.id}"),
            genres=list(artist.genres),
            popularity=artist.popularity,
        )

    def _album_fields(self, album: AlbumRow) -> dict[str, Any]:
        reason = None
        if self.market is not None and self.market not in album.markets:
            reason = "market"
        return {
            "type": "album",
            "id": album.id,
            "name": album.name,
            "uri": uri("album", album.id),
            "href": self.href(f"/v1/albums/{album.id}"),
            "album_type": album.album_type,
            "total_tracks": album.total_tracks,
            "release_date": album.release_date,
            "release_date_precision": album.release_date_precision,
            "artists": [self.artist_ref(a) for a in album.artists],
            "available_markets": sorted(album.markets),
            **self._playability(reason),
        }

    def simplified_album(self, album: AlbumRow) -> SimplifiedAlbum:
        return SimplifiedAlbum(**self._album_fields(album))

    def album(self, album: AlbumRow, tracks: Paging[SimplifiedTrack]) -> Album:
        return Album(
            **self._album_fields(album),
            label=album.label,
            popularity=album.popularity,
            tracks=tracks,
        )

    def streams(self, track: TrackRow) -> Streams:
        market = self.market
        return Streams(
            hls=self.href(f"/v1/tracks/{track.id}/hls/master.m3u8", market=market),
            progressive=[
                ProgressiveStream(
                    bitrate_kbps=r.bitrate_kbps,
                    codec=r.codec,
                    mime_type="audio/mp4",
                    url=self.href(
                        f"/v1/tracks/{track.id}/stream", bitrate=str(r.bitrate_kbps), market=market
                    ),
                )
                for r in track.renditions
            ],
        )

    def _track_fields(self, track: TrackRow) -> dict[str, Any]:
        reason = restriction(track, self.market) if self.market else None
        return {
            "type": "track",
            "id": track.id,
            "name": track.name,
            "uri": uri("track", track.id),
            "href": self.href(f"/v1/tracks/{track.id}"),
            "artists": [self.artist_ref(a) for a in track.artists],
            "available_markets": sorted(track.markets),
            "disc_number": track.disc_number,
            "track_number": track.track_number,
            "duration_ms": track.duration_ms,
            "explicit": track.explicit,
            **self._playability(reason),
            "streams": self.streams(track),
        }

    def simplified_track(self, track: TrackRow) -> SimplifiedTrack:
        return SimplifiedTrack(**self._track_fields(track))

    def track(self, track: TrackRow) -> Track:
        return Track(
            **self._track_fields(track),
            album=self.simplified_album(track.album),
            popularity=track.popularity,
            external_ids=ExternalIds(isrc=track.isrc),
        )


def paging(
    model: type[P], url: URL, items: Sequence[Any], *, limit: int, offset: int, total: int
) -> P:
    """A paging object (``model``, a ``Paging[...]``) for ``items`` at ``offset`` of
    ``total``, its links built from the request's ``url``."""

    def at(new_offset: int) -> str:
        return str(url.include_query_params(offset=new_offset, limit=limit))

    return model(
        href=at(offset),
        items=list(items),
        limit=limit,
        next=at(offset + limit) if offset + limit < total else None,
        offset=offset,
        previous=at(max(0, offset - limit)) if offset > 0 else None,
        total=total,
    )
