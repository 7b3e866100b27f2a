"""Upload jobs in the database: creation, lookup, claiming by a worker, the outcome, and
re-queueing after a restart or a stop.

A worker claims a queued job by writing a fresh ``claim`` token; its outcome is written
only while the token still matches, so a job that was re-queued (or erased) meanwhile is
never overwritten by a late worker.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from backend_stub.db import Connection, Row
from backend_stub.ids import make_id

State = Literal["queued", "running", "succeeded", "rejected", "failed"]
FINISHED: frozenset[str] = frozenset({"succeeded", "rejected", "failed"})


@dataclass(frozen=True, slots=True)
class JobRow:
    id: str
    user_id: str
    state: State
    title: str
    album_name: str | None
    duration_ms: int
    markets: tuple[str, ...]
    filename: str
    source_path: str
    source_bytes: int
    claim: str | None
    attempts: int
    reason: str | None
    message: str | None
    track_id: str | None
    created_at: int
    updated_at: int


@dataclass(frozen=True, slots=True)
class NewJob:
    id: str
    user_id: str
    title: str
    album_name: str | None
    duration_ms: int
    markets: tuple[str, ...]
    filename: str
    source_path: str
    source_bytes: int


def now_ms() -> int:
    return int(time.time() * 1000)


def iso(ms: int) -> str:
    """Unix milliseconds as an ISO 8601 UTC string."""
    moment = datetime.fromtimestamp(ms / 1000, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_job_id() -> str:
    return make_id("job", secrets.token_hex(16))


def _row(row: Row) -> JobRow:
    return JobRow(**{**row, "markets": tuple(json.loads(row["markets"]))})


def create(conn: Connection, job: NewJob) -> JobRow:
    now = now_ms()
    conn.execute(
        "INSERT INTO upload_jobs (id, user_id, state, title, album_name, duration_ms, markets,"
        " filename, source_path, source_bytes, created_at, updated_at) VALUES (:id, :user,"
        " 'queued', :title, :album, :duration, :markets, :filename, :source, :bytes, :now, :now)",
        {
            "id": job.id,
            "user": job.user_id,
            "title": job.title,
            "album": job.album_name,
            "duration": job.duration_ms,
            "markets": json.dumps(list(job.markets)),
            "filename": job.filename,
            "source": job.source_path,
            "bytes": job.source_bytes,
            "now": now,
        },
    )
    found = get(conn, job.id)
    assert found is not None
    return found


def get(conn: Connection, job_id: str) -> JobRow | None:
    row = conn.one("SELECT * FROM upload_jobs WHERE id = :id", {"id": job_id})
    return None if row is None else _row(row)


def of_user(conn: Connection, user_id: str) -> list[JobRow]:
    rows = conn.all(
        "SELECT * FROM upload_jobs WHERE user_id = :u ORDER BY created_at, id", {"u": user_id}
    )
    return [_row(r) for r in rows]


def claim_next(conn: Connection) -> JobRow | None:
    """Mark the oldest queued job running under a fresh claim token; ``None`` when the
    queue is empty. Safe against other workers: only one claim per job succeeds."""
    while True:
        job_id = conn.scalar(
            "SELECT id FROM upload_jobs WHERE state = 'queued' ORDER BY created_at, id LIMIT 1"
        )
        if job_id is None:
            return None
        claimed = conn.execute(
            "UPDATE upload_jobs SET state = 'running', claim = :claim,"
            " attempts = attempts + 1, updated_at = :now WHERE id = :id AND state = 'queued'",
            {"claim": secrets.token_hex(16), "now": now_ms(), "id": job_id},
        )
        if claimed:
            return get(conn, str(job_id))


def holds_claim(conn: Connection, job: JobRow) -> bool:
    """Whether ``job`` is still running under the claim it was taken with (locks the row
    on PostgreSQL until the transaction ends)."""
    lock = " FOR UPDATE" if conn.dialect == "postgresql" else ""
    found = conn.scalar(
        f"SELECT claim FROM upload_jobs WHERE id = :id AND state = 'running'{lock}",
        {"id": job.id},
    )
    return found is not None and found == job.claim


def finish(
    conn: Connection,
    job: JobRow,
    state: State,
    *,
    reason: str | None = None,
    message: str | None = None,
    track_id: str | None = None,
) -> bool:
    """Record the outcome of the attempt holding ``job.claim``; whether it still held it."""
    changed = conn.execute(
        "UPDATE upload_jobs SET state = :state, reason = :reason, message = :message,"
        " track_id = :track, claim = NULL, updated_at = :now"
        " WHERE id = :id AND state = 'running' AND claim = :claim",
        {
            "state": state,
            "reason": reason,
            "message": message,
            "track": track_id,
            "now": now_ms(),
            "id": job.id,
            "claim": job.claim,
        },
    )
    return changed == 1


def requeue(conn: Connection, claims: Sequence[str] | None = None) -> int:
    """Put running jobs back in the queue: those holding one of ``claims``, or every
    running job when ``claims`` is ``None`` (at start-up, after a crash); how many."""
    if claims is not None and not claims:
        return 0
    where = "state = 'running'"
    params: dict[str, object] = {"now": now_ms()}
    if claims is not None:
        names = {f"c{i}": c for i, c in enumerate(claims)}
        where += " AND claim IN (" + ", ".join(f":{n}" for n in names) + ")"
        params.update(names)
    return conn.execute(
        f"UPDATE upload_jobs SET state = 'queued', claim = NULL, updated_at = :now WHERE {where}",
        params,
    )


def live_sources(conn: Connection) -> set[str]:
    """The source files of jobs not finished yet (relative to the media root)."""
    rows = conn.all("SELECT source_path FROM upload_jobs WHERE state IN ('queued', 'running')")
    return {str(r["source_path"]) for r in rows}


def delete_of_user(conn: Connection, user_id: str) -> int:
    return conn.execute("DELETE FROM upload_jobs WHERE user_id = :u", {"u": user_id})
