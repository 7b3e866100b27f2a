"""Writing outputs in a warm process: digests taken from where bytes first differ, and
replaced files freed off the rebuild's path, still atomic and complete."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from encore import warm
from encore.write import atomic_write, write_folders


@pytest.fixture
def warm_process() -> Iterator[None]:
    was = warm.ENABLED
    warm.enable()
    yield
    warm.ENABLED = was


_CHUNK = 65536
_EDITS = st.lists(
    st.tuples(st.integers(0, 5 * _CHUNK), st.binary(min_size=0, max_size=3), st.integers(0, 3)),
    min_size=1,
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(size=st.integers(0, 4 * _CHUNK + 7), edits=_EDITS)
@example(size=2 * _CHUNK, edits=[(0, b"", 0), (2 * _CHUNK, b"x", 0)])  # appended
def test_digests_going_on_from_kept_states_equal_sha256(
    tmp_path_factory: pytest.TempPathFactory, size: int, edits: list[tuple[int, bytes, int]]
) -> None:
    """Bytes changed anywhere (on a chunk's edge, at the end, grown, shrunk, emptied) get
    the SHA-256 of their own bytes, written after write."""
    was = warm.ENABLED
    warm.enable()
    try:
        target = tmp_path_factory.mktemp("digest") / "out.css"
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        for at, inserted, removed in edits:
            at = min(at, len(data))
            data = data[:at] + inserted + data[at + removed :]
            written = write_folders([(target.parent, {target.name: data})])
            manifest = (target.parent / "manifest.json").read_text()
            assert target.read_bytes() == data
            assert hashlib.sha256(data).hexdigest() in manifest, written
    finally:
        warm.ENABLED = was


def test_a_reader_of_the_replaced_file_keeps_reading_it_whole(
    tmp_path: Path, warm_process: None
) -> None:
    """The replaced file is closed later by another thread; a reader that opened it
    before the rename reads every old byte, and the path holds the new bytes."""
    target = tmp_path / "encore.css"
    old, new = b"a" * 3_000_000, b"b" * 2_000_000
    atomic_write(target, old, durable=False)
    with target.open("rb") as reader:
        atomic_write(target, new, durable=False)
        assert reader.read() == old
    assert target.read_bytes() == new
    assert [p.name for p in tmp_path.iterdir()] == ["encore.css"]  # no temporary left


def test_replaced_files_are_closed(tmp_path: Path, warm_process: None) -> None:
    """What a warm write holds open is closed again (no descriptor leaks)."""
    target = tmp_path / "encore.css"
    atomic_write(target, b"start", durable=False)
    before = len(os.listdir("/proc/self/fd"))
    for i in range(50):
        atomic_write(target, b"x" * (1000 + i), durable=False)
    deadline = time.monotonic() + 10
    while len(os.listdir("/proc/self/fd")) > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(os.listdir("/proc/self/fd")) <= before


def test_a_file_system_refusing_to_rename_over_an_open_file_still_gets_the_write(
    tmp_path: Path, warm_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some mounts (SMB and the like) refuse to replace a file that is open: the warm
    write lets go of the old file and renames again."""
    target = tmp_path / "encore.css"
    atomic_write(target, b"old", durable=False)
    real = os.replace
    refused: list[str] = []

    def refuse_once(src: str, dst: str) -> None:
        if not refused:
            refused.append(dst)
            raise PermissionError(13, "file is open", dst)
        real(src, dst)

    monkeypatch.setattr("encore.write.os.replace", refuse_once)
    atomic_write(target, b"new", durable=False)
    assert refused and target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["encore.css"]
