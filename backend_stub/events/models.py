"""The listening-event API's request bodies and answers (recently played is Spotify's
cursor-paged play history)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from backend_stub.ids import ID_PATTERN
from backend_stub.schemas import Track

MAX_EVENTS = 50
MAX_MS_PLAYED = 24 * 3600 * 1000
CONTEXT_URI = r"^encore:(album|artist|playlist):[0-9A-Za-z]{22}$"


class PlayIn(BaseModel):
    """One play: which track, for how long, when it ended (now when absent)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    track_id: str = Field(pattern=ID_PATTERN)
    ms_played: int = Field(ge=0, le=MAX_MS_PLAYED)
    played_at: datetime | None = Field(
        default=None,
        strict=False,  # an ISO 8601 string (the body is decoded JSON, never a datetime)
        description="ISO 8601; UTC when no offset is given. Not in the future.",
    )
    context_uri: str | None = Field(default=None, pattern=CONTEXT_URI)


class PlayBatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    events: list[PlayIn] = Field(min_length=1, max_length=MAX_EVENTS)


class Accepted(BaseModel):
    accepted: int = Field(description="How many events were queued to be recorded.")


class PlayContext(BaseModel):
    type: Literal["album", "artist", "playlist"]
    uri: str
    href: str


class PlayHistory(BaseModel):
    track: Track
    played_at: str = Field(description="When the play ended, ISO 8601 UTC.")
    context: PlayContext | None


class Cursors(BaseModel):
    after: str | None = Field(description="The newest `played_at` here, in Unix ms.")
    before: str | None = Field(description="The oldest `played_at` here, in Unix ms.")


class RecentlyPlayed(BaseModel):
    href: str
    items: list[PlayHistory]
    limit: int
    next: str | None = Field(description="The next page in the same direction, if any.")
    cursors: Cursors
