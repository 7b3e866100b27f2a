"""SHA-256 digests of files, remembered between builds of a warm process by stat signature.

A long-lived process (``encore watch``) hashes a file again only when its signature
(modification and change times in nanoseconds, size, inode) differs from when it was
last hashed. As git does for its index, a signature is trusted only when the file's
modification time lies clearly (2 s) before the moment it was hashed: a file changed twice
within one tick of the file system's clock would otherwise keep its old signature, so such
a recent file is always read again. One-shot builds always read and hash.

The digest of bytes about to be written is taken from where they first differ from the
bytes last written there: the hash's state is kept at every 64 KB of them.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from pathlib import Path

from encore import warm

_RACY_NS = 2_000_000_000  # 2 s: coarser than any file system's timestamp tick (FAT: 2 s)
_SIZE = 2048  # files remembered (the bytes of outputs among them)

Signature = tuple[int, int, int, int]
# path → (signature, digest, when it was taken, the bytes when kept by `remember`)
_KNOWN: OrderedDict[str, tuple[Signature, bytes, int, bytes | None]] = warm.cache(OrderedDict())


_CHUNK = 65536
# path → the bytes last hashed for it, and the SHA-256 state at each multiple of _CHUNK
_POINTS: dict[str, tuple[bytes, list[hashlib._Hash]]] = warm.cache({})


def _sha256(path: Path, data: bytes, last: bytes | None) -> bytes:
    """The SHA-256 of ``data``, going on from the state where it leaves ``last`` (the
    bytes hashed for ``path`` before) when their states were kept."""
    if not warm.ENABLED:
        return hashlib.sha256(data).digest()
    held = _POINTS.get(str(path))
    index = 0
    points: list[hashlib._Hash] = []
    if held is not None and last is not None and held[0] is last:
        old_points = held[1]  # old_points[i]: the state after last[: i * _CHUNK]
        at = 0
        while index < len(old_points) - 1 and data[at : at + _CHUNK] == last[at : at + _CHUNK]:
            index += 1
            at += _CHUNK
        points = old_points[:index]
        state = old_points[index].copy()
    else:
        state = hashlib.sha256()
    view = memoryview(data)
    for at in range(index * _CHUNK, max(len(data), 1), _CHUNK):
        points.append(state.copy())
        state.update(view[at : at + _CHUNK])
    _POINTS[str(path)] = (data, points)
    return state.digest()


def _keep(path: Path, entry: tuple[Signature, bytes, int, bytes | None]) -> None:
    _KNOWN[str(path)] = entry
    _KNOWN.move_to_end(str(path))
    while len(_KNOWN) > _SIZE:
        _POINTS.pop(_KNOWN.popitem(last=False)[0], None)


def _signature(path: Path) -> Signature:
    st = os.stat(path)
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino


def _trusted(path: Path) -> tuple[Signature, bytes, int, bytes | None] | None:
    held = _KNOWN.get(str(path))
    if held is None:
        return None
    try:
        signature = _signature(path)
    except OSError:
        return None
    if held[0] != signature or signature[0] >= held[2] - _RACY_NS:
        return None
    return held


def _unchanged_since(path: Path, held: tuple[Signature, bytes, int, bytes | None]) -> bool:
    """Whether the file's signature is still the one ``held`` recorded."""
    try:
        return _signature(path) == held[0]
    except OSError:
        return False


def digest(path: Path) -> bytes:
    """The SHA-256 of a file's bytes (raises OSError when it cannot be read)."""
    if warm.ENABLED:
        held = _trusted(path)
        if held is not None:
            return held[1]
    before = _signature(path) if warm.ENABLED else None
    found = hashlib.sha256(path.read_bytes()).digest()
    if before is not None:
        _keep(path, (before, found, time.time_ns(), None))
    return found


def check(path: Path, data: bytes) -> tuple[bool, bytes]:
    """Whether the file already holds exactly ``data``, and the SHA-256 of ``data``.

    In a warm process the bytes last written or seen there stand in for the file while its
    signature is trusted, and their digest is reused when ``data`` equals them."""
    held = _KNOWN.get(str(path)) if warm.ENABLED else None
    kept = held is not None and held[3] is not None and held[3] == data
    if kept and _trusted(path) is not None:
        assert held is not None
        return True, held[1]
    if held is not None and held[3] is not None and not kept and _unchanged_since(path, held):
        # It still holds the other bytes last written: ``data`` is a change. (The racy
        # window matters only for concluding "the same": at worst this rewrites a file
        # someone set to ``data`` within one clock tick, which changes nothing.)
        return False, _sha256(path, data, held[3])
    try:
        same = path.read_bytes() == data
    except OSError:
        same = False
    found = held[1] if kept and held is not None else _sha256(path, data, None)
    if same:
        remember(path, data, found)
    return same, found


def remember(path: Path, data: bytes, sha256: bytes) -> None:
    """Note that ``path`` now holds ``data`` (after writing or checking it)."""
    if not warm.ENABLED:
        return
    try:
        signature = _signature(path)
    except OSError:
        return
    _keep(path, (signature, sha256, time.time_ns(), data))


__all__ = ["check", "digest", "remember"]
