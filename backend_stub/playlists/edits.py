"""The three track-list edits, as pure functions over the current list: insert, remove
and move a range (Spotify's semantics). A request that does not fit the current list
raises ``EditError``, which the API answers with 400."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAX_TRACKS = 10_000


class EditError(Exception):
    """The edit does not fit the playlist as it is now."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One position of a playlist."""

    track_id: str
    added_by: str | None
    added_at: str


def insert(entries: Sequence[Entry], new: Sequence[Entry], position: int | None) -> list[Entry]:
    """``new`` inserted before ``position`` (appended when ``None``)."""
    at = len(entries) if position is None else position
    if at > len(entries):
        raise EditError(f"position {at} is past the end (the playlist has {len(entries)} tracks)")
    if len(entries) + len(new) > MAX_TRACKS:
        raise EditError(f"a playlist holds at most {MAX_TRACKS} tracks")
    return [*entries[:at], *new, *entries[at:]]


def remove(entries: Sequence[Entry], wanted: Mapping[str, Sequence[int] | None]) -> list[Entry]:
    """Without every occurrence of each track id whose positions are ``None``, and without
    exactly the given positions otherwise (each must hold that track)."""
    drop: set[int] = set()
    for track_id, positions in wanted.items():
        if positions is None:
            drop.update(i for i, e in enumerate(entries) if e.track_id == track_id)
            continue
        for position in positions:
            if position >= len(entries) or entries[position].track_id != track_id:
                raise EditError(f"position {position} does not hold track {track_id}")
            drop.add(position)
    return [e for i, e in enumerate(entries) if i not in drop]


def move(
    entries: Sequence[Entry], range_start: int, insert_before: int, length: int
) -> list[Entry]:
    """The ``length`` entries from ``range_start`` moved to just before the entry that was
    at ``insert_before`` (``len(entries)`` moves them to the end)."""
    if range_start + length > len(entries):
        raise EditError(
            f"range_start {range_start} with range_length {length} is past the end"
            f" (the playlist has {len(entries)} tracks)"
        )
    if insert_before > len(entries):
        raise EditError(
            f"insert_before {insert_before} is past the end"
            f" (the playlist has {len(entries)} tracks)"
        )
    moved = list(entries[range_start : range_start + length])
    if range_start <= insert_before <= range_start + length:
        return list(entries)  # moved onto itself
    rest = [*entries[:range_start], *entries[range_start + length :]]
    at = insert_before if insert_before < range_start else insert_before - length
    return [*rest[:at], *moved, *rest[at:]]
