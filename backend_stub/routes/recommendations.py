"""Recommendations and audio features.

``GET /v1/me/recommendations`` ranks tracks by their similarity to what the user played
last (the latest 50 plays, newer ones weighing more; skips are not plays), each with the
played track it is most like; a user with no plays, or too few similar tracks, gets the
most popular ones (``reason: popular``). ``GET /v1/recommendations`` does the same for
given seed tracks. Both answer only tracks licensed in the market (the user's country
with a token) and never the seeds themselves. The model behind them is ``recommend.engine``'s.
"""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Query, Request

from backend_stub.auth.guard import Principal, require
from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import Shaper
from backend_stub.db import Connection
from backend_stub.errors import ApiError, error_responses
from backend_stub.events.queue import EventQueue
from backend_stub.ids import uri
from backend_stub.recommend import features
from backend_stub.recommend.engine import Recommender
from backend_stub.recommend.model import COUNTS
from backend_stub.recommend.models import (
    AudioFeaturesObject,
    BecauseYouPlayed,
    Popular,
    Recommendation,
    Recommendations,
    Seed,
    SeededRecommendations,
)
from backend_stub.recommend.rank import Pick, rank
from backend_stub.routes.deps import Conn, ItemId, Limit, Shape
from backend_stub.settings import Settings

router = APIRouter(prefix="/v1", tags=["recommendations"])

HISTORY = 50  # how many of the latest plays are seeds (skips do not count)
DECAY = 0.9  # each older play weighs this much less
_CREATE = threading.Lock()

SeedTracks = Annotated[
    str,
    Query(
        pattern=r"^[0-9A-Za-z]{22}(,[0-9A-Za-z]{22}){0,4}$",
        description="One to five comma-separated track ids.",
    ),
]


def recommender(request: Request) -> Recommender:
    """The app's recommender, made on first use."""
    found: Recommender | None = getattr(request.app.state, "recommender", None)
    if found is None:
        with _CREATE:
            found = getattr(request.app.state, "recommender", None)
            if found is None:
                settings: Settings = request.app.state.settings
                found = Recommender(
                    rebuild_events=settings.recommend_rebuild_events,
                    rebuild_seconds=settings.recommend_rebuild_seconds,
                )
                request.app.state.recommender = found
    return found


def _user_seeds(conn: Connection, user_id: str) -> dict[str, float]:
    rows = conn.all(
        "SELECT e.track_id FROM listening_events e JOIN tracks t ON t.id = e.track_id"
        f" WHERE e.listener = :u AND ({COUNTS}) ORDER BY e.played_at DESC, e.id DESC LIMIT :n",
        {"u": user_id, "n": HISTORY},
    )
    seeds: dict[str, float] = {}
    for age, row in enumerate(rows):
        seeds[row["track_id"]] = seeds.get(row["track_id"], 0.0) + DECAY**age
    return seeds


@router.get(
    "/me/recommendations",
    response_model=Recommendations,
    responses=error_responses(401, 403),
    response_model_exclude_unset=True,
)
def my_recommendations(
    user: Annotated[Principal, require("user-read-recently-played")],
    request: Request,
    conn: Conn,
    shape: Shape,
    limit: Limit = 20,
) -> Recommendations:
    """Tracks for the current user, each with why: `because_you_played` (and the played
    track it is most like) or `popular`."""
    queue: EventQueue | None = getattr(request.app.state, "events", None)
    if queue is not None:
        queue.flush(user.user_id, timeout=10)
    model = recommender(request).model(conn)
    seeds = _user_seeds(conn, user.user_id)
    picks = rank(model, seeds, limit=limit, market=shape.market, exclude=seeds)
    rows = repo.get_tracks(conn, sorted({p.track_id for p in picks} | set(seeds)))
    items = [
        Recommendation(track=shape.track(rows[p.track_id]), reason=_reason(shape, rows, p))
        for p in picks
        if p.track_id in rows
    ]
    return Recommendations(href=str(request.url), items=items)


def _reason(
    shape: Shaper, rows: dict[str, repo.TrackRow], pick: Pick
) -> BecauseYouPlayed | Popular:
    if pick.seed is None or pick.seed not in rows:
        return Popular(type="popular")
    return BecauseYouPlayed(type="because_you_played", seed=shape.simplified_track(rows[pick.seed]))


@router.get(
    "/recommendations",
    response_model=SeededRecommendations,
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def recommendations_for(
    seed_tracks: SeedTracks, request: Request, conn: Conn, shape: Shape, limit: Limit = 20
) -> SeededRecommendations:
    """Tracks like the seed tracks (licensed in the market when there is one), topped
    up with popular ones."""
    wanted = list(dict.fromkeys(seed_tracks.split(",")))
    known = repo.get_tracks(conn, wanted)
    missing = [t for t in wanted if t not in known]
    if missing:
        raise ApiError(404, f"no track with id {missing[0]}", "unknown_track")
    model = recommender(request).model(conn)
    picks = rank(model, dict.fromkeys(wanted, 1.0), limit=limit, market=shape.market,
                 exclude=wanted)  # fmt: skip
    rows = repo.get_tracks(conn, [p.track_id for p in picks])
    seeds = []
    for track_id in wanted:
        row = model.index.get(track_id)
        similar = [] if row is None else model.similarity[row].indices.tolist()
        licensed = [c for c in similar if shape.market is None or shape.market in model.markets[c]]
        seeds.append(
            Seed(id=track_id, type="track", href=shape.href(f"/v1/tracks/{track_id}"),
                 initialPoolSize=len(similar), afterFilteringSize=len(licensed))
        )  # fmt: skip
    return SeededRecommendations(
        seeds=seeds, tracks=[shape.track(rows[p.track_id]) for p in picks if p.track_id in rows]
    )


@router.get(
    "/audio-features/{id}",
    response_model=AudioFeaturesObject,
    responses=error_responses(404),
)
def audio_features(id: ItemId, conn: Conn, shape: Shape) -> AudioFeaturesObject:
    """The audio features of a track, measured from its decoded audio at ingest."""
    found = features.get(conn, id)
    if found is None:
        exists = bool(repo.get_tracks(conn, [id]))
        detail = "has no audio features yet" if exists else "does not exist"
        raise ApiError(404, f"track {id} {detail}")
    return AudioFeaturesObject(
        id=id,
        type="audio_features",
        uri=uri("track", id),
        track_href=shape.href(f"/v1/tracks/{id}"),
        duration_ms=found.duration_ms,
        loudness=found.loudness_db,
        tempo=found.tempo_bpm,
        spectral_centroid_hz=found.spectral_centroid_hz,
        zero_crossing_rate=found.zero_crossing_rate,
        onset_rate=found.onset_rate,
    )
