"""Playlists: create, list, read, and change under ``If-Match`` (scopes
``playlist-read-private`` to read, ``playlist-modify`` to change).

Each playlist's version is its ``snapshot_id``, sent as a strong ``ETag``. A change names
the version it was made against in ``If-Match``; the check and the change commit in one
transaction (``playlists.store.claim``), so of two writers holding the same snapshot one
succeeds and the other gets 412 with the current snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import JSONResponse

from backend_stub import userdata
from backend_stub.auth.guard import Principal, require
from backend_stub.auth.users import by_id
from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import Shaper, paging
from backend_stub.db import Connection, Database
from backend_stub.errors import ApiError, error_body, error_responses
from backend_stub.playlists import access, edits, shapes, store
from backend_stub.playlists import userdata as held
from backend_stub.playlists.edits import Entry
from backend_stub.playlists.models import (
    AddTracks,
    NewCollaborator,
    NewPlaylist,
    Playlist,
    PlaylistChanges,
    PlaylistTrack,
    RemoveTracks,
    ReorderTracks,
    SimplifiedPlaylist,
    Snapshot,
    StaleResponse,
)
from backend_stub.routes.deps import Conn, ItemId, Limit, Offset, Shape
from backend_stub.schemas import ErrorResponse, Paging

router = APIRouter(tags=["playlists"])
userdata.register("playlists", held.export_playlists, held.erase_playlists)
userdata.register("collaborations", held.export_collaborations, held.erase_collaborations)

RULE = """

**Versions.** Send the `snapshot_id` you last saw as `If-Match: "<snapshot_id>"` (the
playlist's `ETag`). Last write wins, but only a writer who has seen the latest version
may write: a stale `If-Match` answers 412 with the current `snapshot_id` (re-read, re-apply,
retry) and a missing one 428, so no change is ever lost silently. The version check and
the change happen in one transaction."""

Reader = Annotated[Principal, require("playlist-read-private")]
Writer = Annotated[Principal, require("playlist-modify")]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='The snapshot the change was made against: `"<snapshot_id>"`.',
    ),
]

_READ = error_responses(401, 403, 404)
_CHANGE: dict[int | str, dict[str, Any]] = {
    **error_responses(400, 401, 403, 404),
    412: {"model": StaleResponse, "description": "`If-Match` is not the current snapshot."},
    428: {"model": ErrorResponse, "description": "`If-Match` is missing."},
}


def _etag(snapshot_id: str) -> dict[str, str]:
    return {"ETag": f'"{snapshot_id}"'}


def _expected(if_match: str | None) -> str:
    """The one snapshot ``If-Match`` names; 428 when there is none (``*`` included: it
    would let a writer who has seen nothing overwrite)."""
    tags = [t.strip() for t in (if_match or "").split(",") if t.strip()]
    if not tags or tags == ["*"]:
        raise ApiError(
            428,
            'this change needs If-Match: "<snapshot_id>", the playlist\'s ETag as last read',
            "precondition_required",
        )
    if len(tags) > 1:
        raise ApiError(400, "If-Match must name exactly one snapshot_id")
    return tags[0].removeprefix("W/").strip('"')


def _stale(exc: store.Stale) -> JSONResponse:
    body = error_body(412, str(exc), "stale_snapshot")
    body["error"]["snapshot_id"] = exc.current
    return JSONResponse(body, status_code=412, headers=_etag(exc.current))


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _existing_tracks(conn: Connection, track_ids: list[str]) -> None:
    """404 naming the first id that is not a track."""
    found = repo.get_tracks(conn, sorted(set(track_ids)))
    missing = [t for t in track_ids if t not in found]
    if missing:
        raise ApiError(404, f"no track with id {missing[0]}", "unknown_track")


def _playlist_object(
    shape: Shaper, conn: Connection, request: Request, row: store.PlaylistRow
) -> Playlist:
    url = request.url.replace(path=f"/v1/playlists/{row.id}/tracks", query="")
    page = shapes.track_page(
        shape, conn, url, store.entries(conn, row.id, 100, 0), limit=100, offset=0, total=row.total
    )
    return shapes.full(shape, row, page)


@router.post(
    "/v1/me/playlists",
    status_code=201,
    response_model=Playlist,
    responses=error_responses(400, 401, 403),
    response_model_exclude_unset=True,
)
def create_playlist(
    body: NewPlaylist, user: Writer, request: Request, response: Response, shape: Shape
) -> Playlist:
    """Create a playlist owned by the current user (private unless `public`)."""
    with _db(request).connect() as conn:
        row = store.create(
            conn,
            user.user_id,
            name=body.name,
            description=body.description,
            public=body.public,
            collaborative=body.collaborative,
        )
        result = _playlist_object(shape, conn, request, row)
    response.headers.update({**_etag(row.snapshot_id), "Location": result.href})
    return result


@router.get(
    "/v1/me/playlists",
    response_model=Paging[SimplifiedPlaylist],
    responses=_READ,
)
def my_playlists(
    user: Reader, request: Request, conn: Conn, shape: Shape, limit: Limit = 20, offset: Offset = 0
) -> Paging[SimplifiedPlaylist]:
    """The playlists the current user owns or collaborates on, newest first."""
    rows, total = store.of_user(conn, user.user_id, limit, offset)
    items = [shapes.simplified(shape, r) for r in rows]
    return paging(
        Paging[SimplifiedPlaylist], request.url, items, limit=limit, offset=offset, total=total
    )


@router.get(
    "/v1/playlists/{id}",
    response_model=Playlist,
    responses=_READ,
    response_model_exclude_unset=True,
)
def get_playlist(
    id: ItemId, user: Reader, request: Request, response: Response, conn: Conn, shape: Shape
) -> Playlist:
    """A playlist with its first 100 tracks; `ETag` is its snapshot."""
    row = access.readable(conn, id, user.user_id)
    response.headers.update(_etag(row.snapshot_id))
    return _playlist_object(shape, conn, request, row)


@router.get(
    "/v1/playlists/{id}/tracks",
    response_model=Paging[PlaylistTrack],
    responses=_READ,
    response_model_exclude_unset=True,
)
def get_playlist_tracks(
    id: ItemId,
    user: Reader,
    request: Request,
    response: Response,
    conn: Conn,
    shape: Shape,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Paging[PlaylistTrack]:
    """A page of a playlist's tracks; `ETag` is its snapshot."""
    row = access.readable(conn, id, user.user_id)
    response.headers.update(_etag(row.snapshot_id))
    entries = store.entries(conn, id, limit, offset)
    return shapes.track_page(
        shape, conn, request.url, entries, limit=limit, offset=offset, total=row.total
    )


def _write(
    request: Request, response: Response, work: Callable[[Connection], str]
) -> Snapshot | JSONResponse:
    """Run ``work`` (a change) in one transaction; its new snapshot, or the 412."""
    try:
        with _db(request).connect() as conn:
            snapshot: str = work(conn)
    except store.Stale as exc:
        return _stale(exc)
    except edits.EditError as exc:
        raise ApiError(400, str(exc), "invalid_edit") from None
    response.headers.update(_etag(snapshot))
    return Snapshot(snapshot_id=snapshot)


@router.post(
    "/v1/playlists/{id}/tracks",
    status_code=201,
    response_model=Snapshot,
    responses=_CHANGE,
    description="Insert tracks at `position` (appended when absent)." + RULE,
)
def add_tracks(
    id: ItemId, body: AddTracks, user: Writer, request: Request, response: Response,
    if_match: IfMatch = None,
) -> Snapshot | JSONResponse:  # fmt: skip
    expected = _expected(if_match)
    ids = [u.rsplit(":", 1)[1] for u in body.uris]

    def work(conn: Connection) -> str:
        access.track_editable(conn, id, user.user_id)
        _existing_tracks(conn, ids)
        now = store.now_iso()
        new = [Entry(t, user.user_id, now) for t in ids]
        return store.edit_tracks(
            conn, id, expected, lambda old: edits.insert(old, new, body.position)
        )

    return _write(request, response, work)


@router.delete(
    "/v1/playlists/{id}/tracks",
    response_model=Snapshot,
    responses=_CHANGE,
    description="Remove every occurrence of each track, or only the `positions` given "
    "(each must hold that track)." + RULE,
)
def remove_tracks(
    id: ItemId, body: RemoveTracks, user: Writer, request: Request, response: Response,
    if_match: IfMatch = None,
) -> Snapshot | JSONResponse:  # fmt: skip
    expected = _expected(if_match)
    wanted: dict[str, list[int] | None] = {}
    for item in body.tracks:
        track_id = item.uri.rsplit(":", 1)[1]
        if item.positions is None or wanted.get(track_id, []) is None:
            wanted[track_id] = None
        else:
            wanted[track_id] = [*(wanted.get(track_id) or []), *item.positions]

    def work(conn: Connection) -> str:
        access.track_editable(conn, id, user.user_id)
        return store.edit_tracks(conn, id, expected, lambda old: edits.remove(old, wanted))

    return _write(request, response, work)


@router.put(
    "/v1/playlists/{id}/tracks",
    response_model=Snapshot,
    responses=_CHANGE,
    description="Move `range_length` tracks from `range_start` to before the track now at "
    "`insert_before` (the track count moves them to the end)." + RULE,
)
def reorder_tracks(
    id: ItemId, body: ReorderTracks, user: Writer, request: Request, response: Response,
    if_match: IfMatch = None,
) -> Snapshot | JSONResponse:  # fmt: skip
    expected = _expected(if_match)

    def work(conn: Connection) -> str:
        access.track_editable(conn, id, user.user_id)
        return store.edit_tracks(
            conn,
            id,
            expected,
            lambda old: edits.move(old, body.range_start, body.insert_before, body.range_length),
        )

    return _write(request, response, work)


@router.put(
    "/v1/playlists/{id}",
    response_model=Snapshot,
    responses=_CHANGE,
    description="Change the name, description, visibility or collaborative flag (the "
    "owner only)." + RULE,
)
def change_details(
    id: ItemId, body: PlaylistChanges, user: Writer, request: Request, response: Response,
    if_match: IfMatch = None,
) -> Snapshot | JSONResponse:  # fmt: skip
    expected = _expected(if_match)

    def work(conn: Connection) -> str:
        access.owned(conn, id, user.user_id)
        return store.update_details(conn, id, expected, body.model_dump(exclude_none=True))

    return _write(request, response, work)


@router.post(
    "/v1/playlists/{id}/collaborators",
    status_code=204,
    response_class=Response,
    responses={
        **error_responses(400, 401, 403, 404),
        409: {"model": ErrorResponse, "description": "The playlist is not collaborative."},
    },
)
def add_collaborator(id: ItemId, body: NewCollaborator, user: Writer, request: Request) -> Response:
    """Let another user change the tracks of a collaborative playlist (the owner only;
    adding someone twice is no error). Does not change the snapshot."""
    with _db(request).connect() as conn:
        row = access.owned(conn, id, user.user_id)
        if not row.collaborative:
            raise ApiError(409, "make the playlist collaborative first", "not_collaborative")
        if body.user_id == user.user_id:
            raise ApiError(400, "the owner is not a collaborator of their own playlist")
        if by_id(conn, body.user_id) is None:
            raise ApiError(400, f"no user with id {body.user_id}", "unknown_user")
        store.add_collaborator(conn, id, body.user_id)
    return Response(status_code=204)
