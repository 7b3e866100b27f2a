"""The recommendation API's JSON shapes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from backend_stub.schemas import SimplifiedTrack, Track


class BecauseYouPlayed(BaseModel):
    type: Literal["because_you_played"]
    seed: SimplifiedTrack = Field(description="The played track it is most like.")


class Popular(BaseModel):
    type: Literal["popular"]


Reason = Annotated[BecauseYouPlayed | Popular, Field(discriminator="type")]


class Recommendation(BaseModel):
    track: Track
    reason: Reason


class Recommendations(BaseModel):
    href: str
    items: list[Recommendation]


class Seed(BaseModel):
    id: str
    type: Literal["track"]
    href: str
    initialPoolSize: int = Field(description="Tracks similar to this seed.")
    afterFilteringSize: int = Field(description="Of those, how many are licensed here.")


class SeededRecommendations(BaseModel):
    seeds: list[Seed]
    tracks: list[Track]


class AudioFeaturesObject(BaseModel):
    """What was measured from the decoded audio at ingest."""

    id: str
    type: Literal["audio_features"]
    uri: str
    track_href: str
    duration_ms: int = Field(description="Of the audio analysed (at most the first 120 s).")
    loudness: float = Field(description="RMS level in dBFS.")
    tempo: float = Field(description="Beats per minute (60 to 200; 0 without a beat).")
    spectral_centroid_hz: float = Field(description="Brightness: the mean frequency.")
    zero_crossing_rate: float = Field(description="Sign changes per sample.")
    onset_rate: float = Field(description="Onsets per second.")
