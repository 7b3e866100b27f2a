"""The API's JSON shapes as pydantic models, modelled on the Spotify Web API.

Routes return these with ``response_model_exclude_unset``: a field left unset is left out
(``is_playable`` and ``restrictions`` appear only when a market is known, as on Spotify),
while a field set to ``None`` stays as ``null`` (a paging object's ``next``).
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code, repeated.")
    message: str = Field(description="What went wrong, for a person.")
    reason: str | None = Field(
        default=None, description="A machine-readable cause where one exists (e.g. `market`)."
    )


class ErrorResponse(BaseModel):
    """Every error answer, whatever its status."""

    error: ErrorBody


class Paging(BaseModel, Generic[T]):
    href: str
    items: list[T]
    limit: int
    next: str | None
    offset: int
    previous: str | None
    total: int


class Restrictions(BaseModel):
    reason: Literal["market"] = Field(description="Why the item cannot be played here.")


class SimplifiedArtist(BaseModel):
    id: str
    name: str
    type: Literal["artist"]
    uri: str
    href: str


class Artist(SimplifiedArtist):
    genres: list[str]
    popularity: int


class SimplifiedAlbum(BaseModel):
    id: str
    name: str
    type: Literal["album"]
    uri: str
    href: str
    album_type: Literal["album", "single", "compilation", "ep"]
    total_tracks: int
    release_date: str
    release_date_precision: Literal["year", "month", "day"]
    artists: list[SimplifiedArtist]
    available_markets: list[str]
    is_playable: bool | None = None
    restrictions: Restrictions | None = None


class ProgressiveStream(BaseModel):
    bitrate_kbps: int
    codec: str = Field(description="RFC 6381 codec string, e.g. mp4a.40.2 (AAC-LC).")
    mime_type: str
    url: str


class Streams(BaseModel):
    """Where to fetch the audio (an Encore addition; Spotify has no equivalent)."""

    hls: str = Field(description="The HLS master playlist.")
    progressive: list[ProgressiveStream]


class ExternalIds(BaseModel):
    isrc: str | None = None


class SimplifiedTrack(BaseModel):
    id: str
    name: str
    type: Literal["track"]
    uri: str
    href: str
    artists: list[SimplifiedArtist]
    available_markets: list[str]
    disc_number: int
    track_number: int
    duration_ms: int
    explicit: bool
    is_playable: bool | None = None
    restrictions: Restrictions | None = None
    streams: Streams


class Track(SimplifiedTrack):
    album: SimplifiedAlbum
    popularity: int
    external_ids: ExternalIds


class Album(SimplifiedAlbum):
    label: str
    popularity: int
    tracks: Paging[SimplifiedTrack]


class Tracks(BaseModel):
    tracks: list[Track | None]


class Artists(BaseModel):
    artists: list[Artist | None]


class TopTracks(BaseModel):
    tracks: list[Track]


class NewReleases(BaseModel):
    albums: Paging[SimplifiedAlbum]


class SearchResults(BaseModel):
    tracks: Paging[Track] | None = None
    artists: Paging[Artist] | None = None
    albums: Paging[SimplifiedAlbum] | None = None
    did_you_mean: str | None = Field(
        description="Set when nothing matched the query as typed and the results are for "
        "this closest name instead."
    )


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["sqlite", "postgresql"]
    schema_version: int
    tracks: int


class TokenResponse(BaseModel):
    """RFC 6749's successful token answer."""

    access_token: str = Field(description="A JWT (HS256) for `Authorization: Bearer`.")
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="Seconds the access token is valid for.")
    refresh_token: str = Field(description="Opaque; one use (a successor comes with it).")
    scope: str = Field(description="The scopes granted, space-separated.")


class PrivateUser(BaseModel):
    """The current user (`GET /v1/me`), Spotify-shaped."""

    id: str
    type: Literal["user"]
    uri: str
    href: str
    display_name: str
    country: str = Field(description="ISO 3166-1 alpha-2; the default market.")
    product: Literal["free", "premium"]
