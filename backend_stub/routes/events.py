"""Listening events and recently played (scope ``user-read-recently-played``).

``POST /v1/me/player/events`` answers 202 once the events are in the app's bounded queue
(``events.queue``); the writer thread started by ``lifespan`` records them in batches and
writes every queued event before the app stops. A full queue answers 503 with
``Retry-After``. Recently played first waits for the user's own queued events, so a
client always reads what it has just posted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request

from backend_stub import userdata
from backend_stub.auth.guard import Principal, require
from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import Shaper
from backend_stub.db import Connection
from backend_stub.errors import ApiError, error_responses
from backend_stub.events import store
from backend_stub.events.models import (
    Accepted,
    Cursors,
    PlayBatch,
    PlayContext,
    PlayHistory,
    PlayIn,
    RecentlyPlayed,
)
from backend_stub.events.queue import EventQueue, QueueFull
from backend_stub.events.store import Play
from backend_stub.observability import Metrics
from backend_stub.routes.deps import Conn, Limit, Shape
from backend_stub.schemas import ErrorResponse

router = APIRouter(prefix="/v1/me/player", tags=["listening"])
userdata.register("listening_history", store.export, store.anonymise)

Listener = Annotated[Principal, require("user-read-recently-played")]
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_SKEW_MS = 5 * 60 * 1000  # a client clock this far ahead is still believed
Cursor = Annotated[int | None, Query(ge=0, le=10**14, description="A time in Unix milliseconds.")]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the event writer while the app runs; drain it when the app stops."""
    settings = app.state.settings
    queue = EventQueue(
        app.state.db,
        capacity=settings.event_queue_size,
        batch_size=settings.event_batch_size,
        flush_seconds=settings.event_flush_seconds,
    )
    metrics: Metrics = app.state.metrics
    metrics.event_queue_depth.set_function(queue.depth)
    queue.start()
    app.state.events = queue
    try:
        yield
    finally:
        await asyncio.to_thread(queue.stop)


def event_queue(request: Request) -> EventQueue:
    """The app's queue; 503 while the app is not running it."""
    queue: EventQueue | None = getattr(request.app.state, "events", None)
    if queue is None:
        raise ApiError(503, "listening events are not being accepted right now", "unavailable",
                       {"Retry-After": "1"})  # fmt: skip
    return queue


def _played_at_ms(play: PlayIn, now_ms: int, index: int, count: int) -> int:
    if play.played_at is None:
        return now_ms - (count - 1 - index)  # a batch's plays in order, a millisecond apart
    when = play.played_at if play.played_at.tzinfo else play.played_at.replace(tzinfo=UTC)
    ms = int(when.timestamp() * 1000)
    if when < _EARLIEST or ms > now_ms + _SKEW_MS:
        raise ApiError(400, f"played_at {play.played_at.isoformat()} is not a plausible time")
    return ms


def _known_tracks(conn: Connection, track_ids: set[str]) -> set[str]:
    """Which of ``track_ids`` are tracks (one light query: this runs for every play)."""
    params = {f"t{i}": t for i, t in enumerate(sorted(track_ids))}
    names = ", ".join(f":{k}" for k in params)
    return {r["id"] for r in conn.all(f"SELECT id FROM tracks WHERE id IN ({names})", params)}


@router.post(
    "/events",
    status_code=202,
    response_model=Accepted,
    responses={
        **error_responses(400, 401, 403, 404),
        503: {
            "model": ErrorResponse,
            "description": "The queue is full; `Retry-After` says when to try again.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        },
    },
)
def post_events(body: PlayIn | PlayBatch, user: Listener, request: Request, conn: Conn) -> Accepted:
    """Record plays: one event, or `{events: [...]}` (up to 50). 202 means queued: they
    appear in recently played at once and are written in the background."""
    plays_in = body.events if isinstance(body, PlayBatch) else [body]
    unknown = {p.track_id for p in plays_in} - _known_tracks(conn, {p.track_id for p in plays_in})
    if unknown:
        raise ApiError(404, f"no track with id {sorted(unknown)[0]}", "unknown_track")
    now_ms = int(time.time() * 1000)
    plays = [
        Play(user.user_id, p.track_id, _played_at_ms(p, now_ms, i, len(plays_in)), p.ms_played,
             p.context_uri)
        for i, p in enumerate(plays_in)
    ]  # fmt: skip
    metrics: Metrics = request.app.state.metrics
    try:
        event_queue(request).offer(plays)
    except QueueFull as exc:
        metrics.listening_events.labels("dropped").inc(len(plays))
        raise ApiError(503, str(exc), "queue_full", {"Retry-After": str(exc.retry_after)}) from None
    metrics.listening_events.labels("accepted").inc(len(plays))
    return Accepted(accepted=len(plays))


def _iso(ms: int) -> str:
    return (
        datetime.fromtimestamp(ms / 1000, UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )


def _context(shape: Shaper, context_uri: str | None) -> PlayContext | None:
    if context_uri is None:
        return None
    _, kind, item_id = context_uri.split(":")
    return PlayContext.model_validate(
        {"type": kind, "uri": context_uri, "href": shape.href(f"/v1/{kind}s/{item_id}")}
    )


@router.get(
    "/recently-played",
    response_model=RecentlyPlayed,
    responses=error_responses(400, 401, 403),
    response_model_exclude_unset=True,
)
def recently_played(
    user: Listener,
    request: Request,
    conn: Conn,
    shape: Shape,
    limit: Limit = 20,
    before: Cursor = None,
    after: Cursor = None,
) -> RecentlyPlayed:
    """The user's plays, newest first: the latest before `before` (or of all), or the
    earliest after `after` (not both). `next` continues in the same direction."""
    if before is not None and after is not None:
        raise ApiError(400, "give before or after, not both")
    queue: EventQueue | None = getattr(request.app.state, "events", None)
    if queue is not None:
        queue.flush(user.user_id, timeout=10)
    plays, more = store.history(conn, user.user_id, limit, before=before, after=after)
    tracks = repo.get_tracks(conn, sorted({p.track_id for p in plays}))
    items = [
        PlayHistory(track=shape.track(tracks[p.track_id]), played_at=_iso(p.played_at_ms),
                    context=_context(shape, p.context_uri))
        for p in plays
        if p.track_id in tracks
    ]  # fmt: skip
    newest = str(plays[0].played_at_ms) if plays else None
    oldest = str(plays[-1].played_at_ms) if plays else None
    next_url = None
    if more and plays:
        cursor = {"after": newest} if after is not None else {"before": oldest}
        next_url = str(request.url.remove_query_params(["before", "after"]).include_query_params(
            **cursor, limit=limit))  # fmt: skip
    return RecentlyPlayed(
        href=str(request.url),
        items=items,
        limit=limit,
        next=next_url,
        cursors=Cursors(after=newest, before=oldest),
    )
