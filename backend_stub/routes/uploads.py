"""Artist uploads (scope ``artist-upload``): ``POST /v1/uploads`` streams the file to disk
and answers 202 with a queued Job; ``GET /v1/jobs/{id}`` shows its state to the uploader
(404 for anyone else). The module's ``lifespan`` runs the job worker pool.

Erasure (``backend_stub.userdata``, area ``uploads``) deletes the user's job records; the
tracks they published stay in the catalogue, as released music does.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from starlette.concurrency import run_in_threadpool

from backend_stub import demo, userdata
from backend_stub.auth import users
from backend_stub.auth.guard import Principal, require
from backend_stub.catalogue import repository as repo
from backend_stub.db import Connection, Database
from backend_stub.errors import ApiError, error_responses
from backend_stub.jobs import store
from backend_stub.jobs.pipeline import run_job
from backend_stub.jobs.receive import receive, suffix_of
from backend_stub.jobs.runner import JobRunner
from backend_stub.jobs.shapes import Job, exported, job_object
from backend_stub.routes.deps import AppSettings, Conn, ItemId, Shape
from backend_stub.schemas import ErrorResponse
from backend_stub.settings import Settings

router = APIRouter(prefix="/v1", tags=["uploads"])

UPLOADS = "uploads"  # the sources of unfinished jobs, under the media root
MAX_DURATION_MS = 6 * 3600 * 1000
ORPHAN_AGE_SECONDS = 3600  # a source file without a live job is removed after this
_MARKETS = r"^([A-Za-z]{2}(,[A-Za-z]{2})*)?$"  # empty: the default

Uploader = Annotated[Principal, require("artist-upload")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class UploadForm(BaseModel):
    """The text fields of an upload."""

    model_config = ConfigDict(extra="forbid")
    title: Text = Field(pattern=r"\S")
    duration_ms: int = Field(ge=1000, le=MAX_DURATION_MS)
    album_name: Text | None = None
    markets: str | None = Field(default=None, pattern=_MARKETS)

    @field_validator("title", "album_name")
    @classmethod
    def _stripped(cls, value: str | None) -> str | None:
        return value.strip() if value is not None else None


_FORM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["file", "title", "duration_ms"],
    "additionalProperties": False,
    "properties": {
        "file": {
            "type": "string",
            "format": "binary",
            "minLength": 1,
            "description": "The audio file.",
        },
        "title": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"},
        "duration_ms": {
            "type": "integer",
            "minimum": 1000,
            "maximum": MAX_DURATION_MS,
            "description": "The track's length; a file that decodes more than 1 s shorter "
            "is rejected as `truncated`.",
        },
        "album_name": {
            "type": "string",
            "maxLength": 200,
            "description": "Add the track to this album of yours (made when new); "
            "without it the track is a single.",
        },
        "markets": {
            "type": "string",
            "pattern": _MARKETS,
            "description": "Comma-separated ISO 3166-1 alpha-2 codes where the track may "
            "play (empty or absent: the demo's worldwide markets and your country).",
        },
    },
}
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": _FORM_SCHEMA}},
    }
}
_UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {
        "description": "Queued; `Location` is the job.",
        "headers": {"Location": {"schema": {"type": "string"}}},
    },
    **error_responses(400, 401, 403),
    413: {"model": ErrorResponse, "description": "The upload is larger than the limit."},
    415: {"model": ErrorResponse, "description": "The body is not multipart/form-data."},
}


def _form(fields: dict[str, str]) -> UploadForm:
    given = {k: v for k, v in fields.items() if v.strip() or k in ("title", "duration_ms")}
    try:
        return UploadForm.model_validate(given)
    except ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        raise RequestValidationError(errors) from None


def _markets(form: UploadForm, country: str) -> tuple[str, ...]:
    if form.markets:
        return tuple(sorted({m.upper() for m in form.markets.split(",")}))
    return tuple(sorted({*demo.WORLD, country}))


def _create(db: Database, user_id: str, new: store.NewJob, form: UploadForm) -> store.JobRow:
    with db.connect() as conn:
        user = users.by_id(conn, user_id)
        if user is None:
            raise ApiError(401, "the token's user no longer exists", "invalid_token")
        markets = _markets(form, str(user["country"]))
        return store.create(conn, replace(new, markets=markets))


@router.post(
    "/uploads",
    status_code=202,
    response_model=Job,
    response_model_exclude_unset=True,
    responses=_UPLOAD_RESPONSES,
    openapi_extra=_UPLOAD_BODY,
)
async def upload(
    request: Request, response: Response, user: Uploader, settings: AppSettings, shape: Shape
) -> Job:
    """Upload a track (multipart: `file`, `title`, `duration_ms`, optional `album_name`
    and `markets`). Answers 202 with the queued job; follow `Location` for its outcome."""
    job_id = store.new_job_id()
    target = settings.media_root / UPLOADS / f"{job_id}.part"
    received = await receive(request, "file", target, settings.upload_max_bytes)
    source = target.with_suffix(suffix_of(received.filename))
    try:
        if received.size == 0:
            raise ApiError(422, "invalid request: file: the file is empty")
        form = _form(received.fields)
        target.rename(source)
        new = store.NewJob(
            id=job_id,
            user_id=user.user_id,
            title=form.title,
            album_name=form.album_name,
            duration_ms=form.duration_ms,
            markets=(),
            filename=received.filename[:255],
            source_path=source.relative_to(settings.media_root).as_posix(),
            source_bytes=received.size,
        )
        job = await run_in_threadpool(_create, request.app.state.db, user.user_id, new, form)
    except BaseException:
        for path in (target, source):
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    runner: JobRunner | None = getattr(request.app.state, "jobs", None)
    if runner is not None:
        runner.wake()
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return job_object(job, shape, None)


@router.get(
    "/jobs/{id}",
    response_model=Job,
    response_model_exclude_unset=True,
    responses=error_responses(401, 403, 404),
)
def get_job(id: ItemId, user: Uploader, conn: Conn, shape: Shape) -> Job:
    """An upload job: `queued`, `running`, then `succeeded` (with the track), `rejected`
    (with the `reason` and a `message`) or `failed`. Only its uploader sees it."""
    job = store.get(conn, id)
    if job is None or job.user_id != user.user_id:
        raise ApiError(404, f"no job with id {id}")
    track = None
    if job.track_id is not None:
        row = repo.get_tracks(conn, [job.track_id]).get(job.track_id)
        track = shape.track(row) if row is not None else None
    return job_object(job, shape, track)


def remove_orphan_sources(db: Database, media_root: Path) -> int:
    """Delete upload files that no unfinished job needs (an interrupted upload, an erased
    job) once they are ``ORPHAN_AGE_SECONDS`` old; how many."""
    folder = media_root / UPLOADS
    if not folder.is_dir():
        return 0
    with db.connect() as conn:
        live = store.live_sources(conn)
    removed = 0
    for path in folder.iterdir():
        relative = path.relative_to(media_root).as_posix()
        old = path.stat().st_mtime < time.time() - ORPHAN_AGE_SECONDS
        if relative not in live and old and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _start(runner: JobRunner, db: Database, settings: Settings) -> None:
    runner.start()
    if runner.workers > 0:
        remove_orphan_sources(db, settings.media_root)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the upload workers while the app runs; a stop lets running jobs finish for
    ``upload_stop_seconds`` and re-queues the rest."""
    settings: Settings = app.state.settings
    db: Database = app.state.db
    runner = JobRunner(db, partial(run_job, db, settings.media_root), settings.upload_workers)
    await run_in_threadpool(_start, runner, db, settings)
    app.state.jobs = runner
    try:
        yield
    finally:
        await run_in_threadpool(runner.stop, settings.upload_stop_seconds)


def _export(conn: Connection, user_id: str) -> list[dict[str, Any]]:
    return [exported(job) for job in store.of_user(conn, user_id)]


def _erase(conn: Connection, user_id: str) -> None:
    store.delete_of_user(conn, user_id)


userdata.register("uploads", _export, _erase)
