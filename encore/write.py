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
from collections.abc import Mapping
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
    old bytes or the new, never a mix); ``durable`` also flushes it to the disk first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def write_outputs(out_dir: Path, files: Mapping[str, bytes]) -> WriteReport:
    """Write every file (relative POSIX paths) under ``out_dir`` and refresh the manifest."""
    digests: dict[str, bytes] = {}

    def put(rel: str) -> bool:
        """Write one file unless it already holds its bytes; whether it was written."""
        target, data = out_dir / rel, files[rel]
        same, digests[rel] = file_digest.check(target, data)
        if same:
            return False
        # a warm process (encore watch) rewrites on every save: atomic, but not flushed
        atomic_write(target, data, durable=not warm.ENABLED)
        file_digest.remember(target, data, digests[rel])
        return True

    names = sorted(files)
    if warm.ENABLED and len(names) > 1:  # hashing and file calls release the GIL
        with ThreadPoolExecutor(max_workers=min(4, len(names))) as pool:
            done = list(pool.map(put, names))
    else:
        done = [put(rel) for rel in names]
    written = [rel for rel, changed in zip(names, done, strict=True) if changed]
    unchanged = [rel for rel, changed in zip(names, done, strict=True) if not changed]
    removed = []
    for rel in sorted(_previous(out_dir) - set(files)):
        stale = out_dir / rel
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
