"""Privacy: ``GET /v1/me/export`` (everything held about the user) and ``DELETE /v1/me``
(erase it), both over every area registered in ``backend_stub.userdata``.

Erasure flushes the user's queued listening events, then in one transaction runs every
area's eraser, revokes the user's refresh tokens and deletes the account; their access
tokens stop working at once (``require`` refuses a token whose user is gone). It then
flushes the queue again and re-runs the erasers, so an event accepted during the erasure
is not left linked to the user. A repeated ``DELETE`` (with a still-unexpired token of the
erased user) answers 204 again and changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from backend_stub import userdata
from backend_stub.auth import users
from backend_stub.auth.guard import Principal, require
from backend_stub.auth.state import auth_state
from backend_stub.auth.tokens import revoke_user
from backend_stub.db import Connection, Database
from backend_stub.errors import ApiError, error_responses
from backend_stub.events.queue import EventQueue

router = APIRouter(prefix="/v1", tags=["privacy"])


def _iso(seconds: int | None) -> str | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC).isoformat()


def _export_sessions(conn: Connection, user_id: str) -> list[dict[str, Any]]:
    """The user's refresh tokens (never the tokens themselves)."""
    rows = conn.all(
        "SELECT client_id, scope, issued_at, expires_at, revoked_at FROM refresh_tokens"
        " WHERE user_id = :u ORDER BY issued_at",
        {"u": user_id},
    )
    return [
        {"client_id": r["client_id"], "scope": r["scope"], "issued_at": _iso(r["issued_at"]),
         "expires_at": _iso(r["expires_at"]), "revoked_at": _iso(r["revoked_at"])}
        for r in rows
    ]  # fmt: skip


def _erase_sessions(conn: Connection, user_id: str) -> None:
    revoke_user(conn, user_id, datetime.now(UTC).timestamp())


userdata.register("sessions", _export_sessions, _erase_sessions)


class Profile(BaseModel):
    id: str
    username: str
    display_name: str
    country: str
    product: str
    role: str
    created_at: str


class UserExport(BaseModel):
    """The profile, then one key per registered area (playlists, listening history...)."""

    model_config = ConfigDict(extra="allow")

    exported_at: str
    profile: Profile
    areas: list[str] = Field(description="The names of the area keys that follow.")


Me = Annotated[Principal, require("user-read-private")]


def _flush(request: Request, user_id: str) -> None:
    """Wait until the user's queued listening events are written."""
    queue: EventQueue | None = getattr(request.app.state, "events", None)
    if queue is not None:
        queue.flush(user_id)


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@router.get("/me/export", response_model=UserExport, responses=error_responses(401, 403))
def export_me(user: Me, request: Request) -> JSONResponse:
    """Everything the server holds about the current user (their queued listening events
    included)."""
    _flush(request, user.user_id)
    with _db(request).connect() as conn:
        row = users.by_id(conn, user.user_id)
        if row is None:
            raise ApiError(401, "the token's user no longer exists", "invalid_token")
        areas = userdata.areas()
        body: dict[str, Any] = {
            "exported_at": datetime.now(UTC).isoformat(),
            "profile": {key: str(row[key]) for key in Profile.model_fields},
            "areas": [area.name for area in areas],
        }
        for area in areas:
            body[area.name] = area.export(conn, user.user_id)
    return JSONResponse(jsonable_encoder(body))


def _erase(db: Database, user_id: str, now: float) -> None:
    with db.connect() as conn:
        for area in userdata.areas():
            area.erase(conn, user_id)
        revoke_user(conn, user_id, now)
        conn.execute("DELETE FROM users WHERE id = :id", {"id": user_id})


@router.delete("/me", status_code=204, response_class=Response, responses=error_responses(401, 403))
def delete_me(
    user: Annotated[Principal, require("user-read-private", erased_ok=True)], request: Request
) -> Response:
    """Erase the current user: delete the account and what every area holds about them,
    keeping their listening events only anonymised (for aggregate recommendations), and
    revoke their tokens. Idempotent: with a still-valid token of an erased user it answers
    204 again."""
    db = _db(request)
    with db.connect() as conn:
        exists = users.by_id(conn, user.user_id) is not None
    if exists:
        _flush(request, user.user_id)
        _erase(db, user.user_id, auth_state(request).clock())
        _flush(request, user.user_id)
        with db.connect() as conn:  # anything that slipped in during the erasure
            for area in userdata.areas():
                area.erase(conn, user.user_id)
    return Response(status_code=204)
