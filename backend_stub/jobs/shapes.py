"""The Job object the API answers, and the uploader's data as exported."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from backend_stub.catalogue.shapes import Shaper
from backend_stub.jobs.store import JobRow, iso
from backend_stub.schemas import Track


class Job(BaseModel):
    """An upload's processing job."""

    id: str
    type: Literal["job"]
    href: str
    state: Literal["queued", "running", "succeeded", "rejected", "failed"]
    reason: Literal["corrupt", "truncated", "silent"] | None = Field(
        default=None, description="Why QA rejected the file (state `rejected` only)."
    )
    message: str | None = Field(
        default=None, description="A sentence for the uploader (`rejected` and `failed`)."
    )
    track: Track | None = Field(default=None, description="The new track (`succeeded` only).")
    created_at: str
    updated_at: str


def job_object(job: JobRow, shape: Shaper, track: Track | None) -> Job:
    fields: dict[str, Any] = {
        "id": job.id,
        "type": "job",
        "href": shape.href(f"/v1/jobs/{job.id}"),
        "state": job.state,
        "created_at": iso(job.created_at),
        "updated_at": iso(job.updated_at),
    }
    if job.reason is not None:
        fields["reason"] = job.reason
    if job.message is not None:
        fields["message"] = job.message
    if track is not None:
        fields["track"] = track
    return Job(**fields)


def exported(job: JobRow) -> dict[str, Any]:
    """What a job holds about its uploader, for ``GET /v1/me/export``."""
    return {
        "id": job.id,
        "state": job.state,
        "title": job.title,
        "album_name": job.album_name,
        "duration_ms": job.duration_ms,
        "markets": list(job.markets),
        "filename": job.filename,
        "bytes": job.source_bytes,
        "reason": job.reason,
        "message": job.message,
        "track_id": job.track_id,
        "created_at": iso(job.created_at),
        "updated_at": iso(job.updated_at),
    }
