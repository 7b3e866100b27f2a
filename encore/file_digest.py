"""SHA-256 digests of files, remembered between builds of a warm process by stat signature.

A long-lived process (``encore watch``) hashes a file again only when its signature
(modification and change times in nanoseconds, size, inode) differs from when it was
last hashed. As git does for its index, a signature is trusted only when the file's
modification time lies clearly (2 s) before the moment it was hashed: a file changed twice
within one tick of the file system's clock would otherwise keep its old signature, so such
a recent file is always read again. One-shot builds always read and hash.
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


def _keep(path: Path, entry: tuple[Signature, bytes, int, bytes | None]) -> None:
    _KNOWN[str(path)] = entry
    _KNOWN.move_to_end(str(path))
    while len(_KNOWN) > _SIZE:
        _KNOWN.popitem(last=False)


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
        return False, hashlib.sha256(data).digest()
    try:
        same = path.read_bytes() == data
    except OSError:
        same = False
    found = held[1] if kept and held is not None else hashlib.sha256(data).digest()
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
