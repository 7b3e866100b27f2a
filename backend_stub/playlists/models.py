"""The playlist API's JSON shapes (Spotify's, with ``snapshot_id`` as the version) and
its request bodies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backend_stub.ids import ID_PATTERN
from backend_stub.schemas import ErrorBody, Paging, Track

TRACK_URI = r"^encore:track:[0-9A-Za-z]{22}$"
MAX_ITEMS = 100
TrackUri = Annotated[str, Field(pattern=TRACK_URI, description="encore:track:<id>")]


class UserRef(BaseModel):
    id: str
    type: Literal["user"]
    uri: str


class Owner(UserRef):
    display_name: str


class PlaylistTrack(BaseModel):
    added_at: str
    added_by: UserRef | None = Field(description="`null` when the user who added it is gone.")
    track: Track


class TracksLink(BaseModel):
    href: str
    total: int


class _PlaylistFields(BaseModel):
    id: str
    type: Literal["playlist"]
    uri: str
    href: str
    name: str
    description: str
    public: bool
    collaborative: bool
    owner: Owner
    snapshot_id: str


class SimplifiedPlaylist(_PlaylistFields):
    tracks: TracksLink


class Playlist(_PlaylistFields):
    tracks: Paging[PlaylistTrack]


class Snapshot(BaseModel):
    snapshot_id: str


class StaleBody(ErrorBody):
    snapshot_id: str = Field(description="The playlist's current snapshot.")


class StaleResponse(BaseModel):
    """412: the `If-Match` snapshot is not the current one."""

    error: StaleBody


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class NewPlaylist(_Body):
    name: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=300)
    public: bool = False
    collaborative: bool = False


class PlaylistChanges(_Body):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=300)
    public: bool | None = None
    collaborative: bool | None = None

    @model_validator(mode="after")
    def _something(self) -> PlaylistChanges:
        if not self.model_dump(exclude_none=True):
            raise ValueError("give at least one of name, description, public, collaborative")
        return self


class AddTracks(_Body):
    uris: list[TrackUri] = Field(min_length=1, max_length=MAX_ITEMS)
    position: int | None = Field(
        default=None, ge=0, description="Where to insert (0 is first); appended when absent."
    )


class TrackToRemove(_Body):
    uri: TrackUri
    positions: list[Annotated[int, Field(ge=0)]] | None = Field(
        default=None,
        max_length=MAX_ITEMS,
        description="Only these positions (each must hold the track); every occurrence when "
        "absent.",
    )


class RemoveTracks(_Body):
    tracks: list[TrackToRemove] = Field(min_length=1, max_length=MAX_ITEMS)


class ReorderTracks(_Body):
    range_start: int = Field(ge=0, description="The first position to move.")
    insert_before: int = Field(ge=0, description="The position to move them in front of.")
    range_length: int = Field(default=1, ge=1, le=10_000, description="How many to move.")


class NewCollaborator(_Body):
    user_id: str = Field(pattern=ID_PATTERN)
