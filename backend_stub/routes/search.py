"""``GET /v1/search``: tracks, artists and albums by name, typo-tolerant."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import paging
from backend_stub.errors import ApiError, error_responses
from backend_stub.routes.deps import Conn, Limit, Offset, Shape
from backend_stub.schemas import Artist, Paging, SearchResults, SimplifiedAlbum, Track
from backend_stub.search import KINDS, SearchEngine

router = APIRouter(prefix="/v1", tags=["search"])

Q = Annotated[
    str,
    Query(
        min_length=1,
        max_length=200,
        description="What to look for; case, accents and one typo do not matter.",
    ),
]
Types = Annotated[
    str,
    Query(
        alias="type",
        pattern=r"^(album|artist|track)(,(album|artist|track))*$",
        description="Comma-separated kinds to search: album, artist, track.",
        examples=["track,artist"],
    ),
]


def _kinds(types: str) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(part.strip() for part in types.split(",")))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise ApiError(
            422, f"type must be a comma-separated list of {', '.join(KINDS)}; got {types!r}"
        )
    return kinds


@router.get(
    "/search",
    response_model=SearchResults,
    responses=error_responses(),
    response_model_exclude_unset=True,
)
def search(
    q: Q,
    request: Request,
    conn: Conn,
    shape: Shape,
    types: Types = "track,artist,album",
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResults:
    """Full-text search with prefixes (`angs` finds Ångström); when nothing matches, the
    closest name is searched instead and returned as `did_you_mean`."""
    kinds = _kinds(types)
    engine: SearchEngine = request.app.state.search
    hits = engine.search(conn, q, kinds, limit, offset)
    fields: dict[str, object] = {"did_you_mean": hits.did_you_mean}
    if "track" in hits.pages:
        ids, total = hits.pages["track"]
        rows = repo.get_tracks(conn, ids)
        items = [shape.track(rows[i]) for i in ids if i in rows]
        fields["tracks"] = paging(
            Paging[Track], request.url, items, limit=limit, offset=offset, total=total
        )
    if "artist" in hits.pages:
        ids, total = hits.pages["artist"]
        artists = repo.get_artists(conn, ids)
        items_a = [shape.artist(artists[i]) for i in ids if i in artists]
        fields["artists"] = paging(
            Paging[Artist], request.url, items_a, limit=limit, offset=offset, total=total
        )
    if "album" in hits.pages:
        ids, total = hits.pages["album"]
        albums = repo.get_albums(conn, ids)
        items_b = [shape.simplified_album(albums[i]) for i in ids if i in albums]
        fields["albums"] = paging(
            Paging[SimplifiedAlbum], request.url, items_b, limit=limit, offset=offset, total=total
        )
    return SearchResults.model_validate(fields)
