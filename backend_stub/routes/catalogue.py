"""Tracks, albums and artists, Spotify-shaped: one object, several by ``ids=``, and the
paged lists (an album's tracks, an artist's albums, new releases)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from backend_stub.catalogue import repository as repo
from backend_stub.catalogue.shapes import paging
from backend_stub.errors import ApiError, error_responses
from backend_stub.routes.deps import AppSettings, Conn, IdList, ItemId, Limit, Market, Offset, Shape
from backend_stub.schemas import (
    Album,
    Artist,
    Artists,
    NewReleases,
    Paging,
    SimplifiedAlbum,
    SimplifiedTrack,
    TopTracks,
    Track,
    Tracks,
)

router = APIRouter(prefix="/v1", tags=["catalogue"])


def _missing(kind: str, item_id: str) -> ApiError:
    return ApiError(404, f"no {kind} with id {item_id}")


@router.get(
    "/tracks/{id}",
    response_model=Track,
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_track(id: ItemId, conn: Conn, shape: Shape) -> Track:
    """One track, with `is_playable` and `restrictions` when `market` is given."""
    found = repo.get_tracks(conn, [id]).get(id)
    if found is None:
        raise _missing("track", id)
    return shape.track(found)


@router.get(
    "/tracks", response_model=Tracks, responses=error_responses(), response_model_exclude_unset=True
)
def get_tracks(ids: IdList, conn: Conn, shape: Shape) -> Tracks:
    """Several tracks in the order asked; `null` for an id that does not exist."""
    wanted = ids.split(",")
    found = repo.get_tracks(conn, wanted)
    return Tracks(tracks=[shape.track(found[i]) if i in found else None for i in wanted])


@router.get(
    "/albums/{id}",
    response_model=Album,
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_album(id: ItemId, request: Request, conn: Conn, shape: Shape) -> Album:
    """One album with the first 50 of its tracks."""
    album = repo.get_albums(conn, [id]).get(id)
    if album is None:
        raise _missing("album", id)
    ids, total = repo.album_track_ids(conn, id, 50, 0)
    rows = repo.get_tracks(conn, ids)
    url = request.url.replace(path=f"/v1/albums/{id}/tracks", query="")
    tracks = paging(
        Paging[SimplifiedTrack],
        url,
        [shape.simplified_track(rows[i]) for i in ids],
        limit=50,
        offset=0,
        total=total,
    )
    return shape.album(album, tracks)


@router.get(
    "/albums/{id}/tracks",
    response_model=Paging[SimplifiedTrack],
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_album_tracks(
    id: ItemId, request: Request, conn: Conn, shape: Shape, limit: Limit = 20, offset: Offset = 0
) -> Paging[SimplifiedTrack]:
    """An album's tracks in disc and track order, a page at a time."""
    if not repo.get_albums(conn, [id]):
        raise _missing("album", id)
    ids, total = repo.album_track_ids(conn, id, limit, offset)
    rows = repo.get_tracks(conn, ids)
    items = [shape.simplified_track(rows[i]) for i in ids]
    return paging(
        Paging[SimplifiedTrack], request.url, items, limit=limit, offset=offset, total=total
    )


@router.get(
    "/artists/{id}",
    response_model=Artist,
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_artist(id: ItemId, conn: Conn, shape: Shape) -> Artist:
    """One artist."""
    found = repo.get_artists(conn, [id]).get(id)
    if found is None:
        raise _missing("artist", id)
    return shape.artist(found)


@router.get(
    "/artists",
    response_model=Artists,
    responses=error_responses(),
    response_model_exclude_unset=True,
)
def get_artists(ids: IdList, conn: Conn, shape: Shape) -> Artists:
    """Several artists in the order asked; `null` for an id that does not exist."""
    wanted = ids.split(",")
    found = repo.get_artists(conn, wanted)
    return Artists(artists=[shape.artist(found[i]) if i in found else None for i in wanted])


@router.get(
    "/artists/{id}/albums",
    response_model=Paging[SimplifiedAlbum],
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_artist_albums(
    id: ItemId, request: Request, conn: Conn, shape: Shape, limit: Limit = 20, offset: Offset = 0
) -> Paging[SimplifiedAlbum]:
    """An artist's albums, newest first."""
    if not repo.get_artists(conn, [id]):
        raise _missing("artist", id)
    ids, total = repo.artist_album_ids(conn, id, limit, offset)
    albums = repo.get_albums(conn, ids)
    items = [shape.simplified_album(albums[i]) for i in ids]
    return paging(
        Paging[SimplifiedAlbum], request.url, items, limit=limit, offset=offset, total=total
    )


@router.get(
    "/artists/{id}/top-tracks",
    response_model=TopTracks,
    responses=error_responses(404),
    response_model_exclude_unset=True,
)
def get_artist_top_tracks(
    id: ItemId, conn: Conn, shape: Shape, market: Market, settings: AppSettings
) -> TopTracks:
    """An artist's ten most popular tracks licensed in `market` (the server's default
    market when none is given)."""
    if not repo.get_artists(conn, [id]):
        raise _missing("artist", id)
    ids = repo.artist_top_track_ids(conn, id, market or settings.default_market)
    rows = repo.get_tracks(conn, ids)
    return TopTracks(tracks=[shape.track(rows[i]) for i in ids])


@router.get(
    "/browse/new-releases",
    response_model=NewReleases,
    responses=error_responses(),
    response_model_exclude_unset=True,
)
def get_new_releases(
    request: Request, conn: Conn, shape: Shape, limit: Limit = 20, offset: Offset = 0
) -> NewReleases:
    """Every album, newest first."""
    ids, total = repo.new_release_ids(conn, limit, offset)
    albums = repo.get_albums(conn, ids)
    items = [shape.simplified_album(albums[i]) for i in ids]
    page = paging(
        Paging[SimplifiedAlbum], request.url, items, limit=limit, offset=offset, total=total
    )
    return NewReleases(albums=page)
