"""One upload job, start to end: ``media.ingest`` (QA, then the AAC ladder and HLS), a
check of the decoded length against the duration the uploader declared, then the outcome:
``rejected`` with the QA verdict and its sentence, ``succeeded`` with the track published,
or ``failed`` when the server itself could not do the work.

The source file is removed once the outcome is recorded; while the job is unfinished it
stays, so a re-queued job can run again.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

from backend_stub.auth import users
from backend_stub.db import Database
from backend_stub.jobs import store
from backend_stub.jobs.publish import publish, track_folder, track_id_for
from backend_stub.jobs.store import JobRow, State
from backend_stub.media.ingest import Ingested, Rejected, ingest
from backend_stub.media.qa import DURATION_TOLERANCE_S

log = logging.getLogger("backend_stub.jobs")

FAILED_MESSAGE = "the server could not process this upload; please try again later"


def run_job(db: Database, media_root: Path, job: JobRow) -> State | None:
    """Run ``job`` (claimed by the caller); the state recorded, or ``None`` when the
    claim was lost meanwhile (re-queued or erased) and nothing was recorded."""
    folder = media_root / track_folder(track_id_for(job.id))
    try:
        made = ingest(media_root / job.source_path, folder)
    except Rejected as exc:
        report = exc.report
        return _record(db, media_root, job, "rejected", report.verdict, report.reason)
    except Exception:
        log.exception("upload job %s could not be ingested", job.id)
        return _record(db, media_root, job, "failed", None, FAILED_MESSAGE)
    short = _shortfall(job, made)
    if short is not None:
        shutil.rmtree(folder, ignore_errors=True)
        return _record(db, media_root, job, "rejected", "truncated", short)
    try:
        return _publish(db, media_root, job, made)
    except Exception:
        log.exception("upload job %s could not be published", job.id)
        return _record(db, media_root, job, "failed", None, FAILED_MESSAGE)


def _shortfall(job: JobRow, made: Ingested) -> str | None:
    """The sentence for an upload that decodes shorter than the duration declared."""
    if made.duration_ms >= job.duration_ms - DURATION_TOLERANCE_S * 1000:
        return None
    return (
        f"the upload declares {job.duration_ms / 1000:.1f} s"
        f" but only {made.duration_ms / 1000:.1f} s of audio decode"
    )


def _publish(db: Database, media_root: Path, job: JobRow, made: Ingested) -> State | None:
    with db.connect() as conn:
        if not store.holds_claim(conn, job):
            if store.get(conn, job.id) is None:  # erased meanwhile: its media go too
                shutil.rmtree(media_root / track_folder(track_id_for(job.id)), ignore_errors=True)
            return None
        user = users.by_id(conn, job.user_id)
        name = str(user["display_name"]) if user else job.user_id
        track_id = publish(conn, job, name, made)
        store.finish(conn, job, "succeeded", track_id=track_id)
    _drop_source(media_root, job)
    return "succeeded"


def _record(
    db: Database,
    media_root: Path,
    job: JobRow,
    state: State,
    reason: str | None,
    message: str | None,
) -> State | None:
    with db.connect() as conn:
        recorded = store.finish(conn, job, state, reason=reason, message=message)
    if not recorded:
        return None
    _drop_source(media_root, job)
    return state


def _drop_source(media_root: Path, job: JobRow) -> None:
    with contextlib.suppress(OSError):
        (media_root / job.source_path).unlink()
