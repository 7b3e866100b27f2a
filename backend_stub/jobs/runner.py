"""The worker pool that runs upload jobs: threads that claim queued jobs from the database
and run them. ``wake()`` (after a submit) rouses one worker; each worker also looks at the
queue every ``poll_seconds``, so jobs queued by another process are picked up as well.

``start()`` re-queues the jobs a previous process left ``running`` (it stopped mid-job).
``stop(timeout)`` lets running jobs finish for up to ``timeout`` seconds, then re-queues
those still running (a late outcome is then discarded by the claim check), so no job is
lost or left ``running``. Only one process should run workers: at start-up it re-queues
every running job, including another live process's.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable

from backend_stub.db import Database
from backend_stub.jobs import store
from backend_stub.jobs.store import JobRow

log = logging.getLogger("backend_stub.jobs")

POLL_SECONDS = 5.0


class JobRunner:
    """``workers`` threads running ``work(job)`` for each claimed job."""

    def __init__(
        self,
        db: Database,
        work: Callable[[JobRow], object],
        workers: int,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self._db = db
        self._work = work
        self._workers = workers
        self._poll = poll_seconds
        self._wakes: queue.SimpleQueue[None] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._running: dict[int, JobRow] = {}
        self._threads: list[threading.Thread] = []

    @property
    def workers(self) -> int:
        return self._workers

    def start(self) -> int:
        """Re-queue jobs left running and start the workers; how many were re-queued."""
        if self._workers <= 0:
            return 0
        with self._db.connect() as conn:
            requeued = store.requeue(conn)
        if requeued:
            log.info("re-queued %d upload job(s) left running", requeued)
        for number in range(self._workers):
            thread = threading.Thread(target=self._loop, name=f"upload-job-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return requeued

    def wake(self) -> None:
        """Rouse a worker for a job just queued (nothing when this process has none)."""
        if self._threads:
            self._wakes.put(None)

    def stop(self, timeout: float) -> list[str]:
        """Stop the workers, waiting up to ``timeout`` s for running jobs; the ids of the
        jobs re-queued because they did not finish in time."""
        self._stopping.set()
        for _ in self._threads:
            self._wakes.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            unfinished = list(self._running.values())
        if unfinished:
            with self._db.connect() as conn:
                store.requeue(conn, [j.claim for j in unfinished if j.claim])
            log.info("re-queued %d unfinished upload job(s) at stop", len(unfinished))
        self._threads.clear()
        return [j.id for j in unfinished]

    def _claim(self) -> JobRow | None:
        try:
            with self._db.connect() as conn:
                return store.claim_next(conn)
        except Exception:
            log.exception("could not read the upload queue")
            return None

    def _loop(self) -> None:
        me = threading.get_ident()
        while not self._stopping.is_set():
            job = self._claim()
            if job is None:
                with contextlib.suppress(queue.Empty):
                    self._wakes.get(timeout=self._poll)
                continue
            with self._lock:
                self._running[me] = job
            try:
                self._work(job)
            except Exception:
                log.exception("upload job %s failed unexpectedly", job.id)
            finally:
                with self._lock:
                    self._running.pop(me, None)
