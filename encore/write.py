"""Write build outputs: atomically, only when changed, with a manifest of what was written.

Each file is written to a temporary file beside it and renamed into place, so a reader
never sees half a file. Files whose bytes are unchanged are not touched (their mtime
stays, so watchers and caches stay quiet). Files an earlier build wrote and this one no
longer produces are removed, using the previous manifest.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from encore import file_digest, warm

MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (readers see the
    old bytes or the new, never a mix); ``durable`` also flushes it to the disk first.

    In a warm process the replaced file is held open across the rename and closed by a
    background thread: freeing a large file's pages (about 0.5 ms a megabyte) happens in
    the last close, off the rebuild's path. Nothing can be left behind: the kernel closes
    it at exit whatever happens."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        replaced = _hold(path) if warm.ENABLED and os.name == "posix" else None
        try:
            os.replace(tmp, path)
        except OSError:
            if replaced is None:
                raise
            os.close(replaced)  # a file system that will not rename over an open file
            replaced = None
            os.replace(tmp, path)
        finally:
            if replaced is not None:
                _close_later(replaced)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _hold(path: Path) -> int | None:
    """The file at ``path`` opened for reading, or ``None`` when there is none."""
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None


_CLOSER: list[ThreadPoolExecutor] = []  # one thread, made on first use in a warm process
_CLOSER_MADE = threading.Lock()  # writer threads may ask for it at once


def _close_later(fd: int) -> None:
    try:
        _closer().submit(os.close, fd)
    except RuntimeError:  # the interpreter is shutting down: close it now
        os.close(fd)


def _closer() -> ThreadPoolExecutor:
    with _CLOSER_MADE:
        if not _CLOSER:
            _CLOSER.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix="encore-close"))
        return _CLOSER[0]


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, single-threaded: setting it to read it races threads


def _previous(out_dir: Path) -> set[str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return {entry["path"] for entry in data.get("files", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _put(job: tuple[Path, str, bytes]) -> tuple[bool, bytes]:
    """Write one file unless it already holds its bytes: whether it was written, and the
    SHA-256 of its bytes."""
    out_dir, rel, data = job
    target = out_dir / rel
    same, digest = file_digest.check(target, data)
    if same:
        return False, digest
    # a warm process (encore watch) rewrites on every save: atomic, but not flushed
    atomic_write(target, data, durable=not warm.ENABLED)
    file_digest.remember(target, data, digest)
    return True, digest


_POOL: list[ThreadPoolExecutor] = []  # one, made on first use in a warm process


def _pool() -> ThreadPoolExecutor:
    if not _POOL:
        _POOL.append(ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)))
    return _POOL[0]


def write_folders(folders: Sequence[tuple[Path, Mapping[str, bytes]]]) -> list[WriteReport]:
    """Write every file (relative POSIX paths) under its output folder and refresh each
    folder's manifest. In a warm process every file of every folder is checked, hashed and
    written by one pool of threads (hashing and file calls release the GIL), largest first."""
    jobs = [(out_dir, rel, files[rel]) for out_dir, files in folders for rel in sorted(files)]
    if warm.ENABLED and len(jobs) > 1:
        order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i][2]))
        done = dict(zip(order, _pool().map(_put, [jobs[i] for i in order]), strict=True))
        results = [done[i] for i in range(len(jobs))]
    else:
        results = [_put(job) for job in jobs]
    # a folder may lie inside another: a file the outer one no longer writes may be the
    # inner one's now, and is not removed
    targets = {os.path.normpath(out_dir / rel) for out_dir, rel, _ in jobs}
    reports = []
    at = 0
    for out_dir, files in folders:
        names = sorted(files)
        mine = results[at : at + len(names)]
        at += len(names)
        reports.append(_finish(out_dir, files, names, mine, targets))
    return reports


def _finish(
    out_dir: Path,
    files: Mapping[str, bytes],
    names: list[str],
    results: list[tuple[bool, bytes]],
    targets: set[str],
) -> WriteReport:
    """Remove what the last build wrote and this one did not, and write the manifest."""
    digests = {rel: digest for rel, (_, digest) in zip(names, results, strict=True)}
    written = [rel for rel, (changed, _) in zip(names, results, strict=True) if changed]
    unchanged = [rel for rel, (changed, _) in zip(names, results, strict=True) if not changed]
    removed = []
    for rel in sorted(_previous(out_dir) - set(files)):
        stale = out_dir / rel
        if os.path.normpath(stale) in targets:
            continue
        if stale.is_file():
            stale.unlink()
            removed.append(rel)
    manifest = {
        "generator": "encore",
        "files": [
            {"path": rel, "bytes": len(data), "sha256": digests[rel].hex()}
            for rel, data in sorted(files.items())
        ],
    }
    manifest_bytes = (json.dumps(manifest, indent=2) + "\n").encode()
    manifest_path = out_dir / MANIFEST
    same, digest = file_digest.check(manifest_path, manifest_bytes)
    if not same:
        atomic_write(manifest_path, manifest_bytes, durable=not warm.ENABLED)
        file_digest.remember(manifest_path, manifest_bytes, digest)
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed))
