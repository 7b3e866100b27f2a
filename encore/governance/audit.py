"""The governance audit log: append-only JSON Lines, one event per line, hash-chained.

Each entry holds ``seq`` (1, 2, ...), ``time`` (UTC, ISO 8601), ``actor``, ``role``,
``action``, ``component``, ``from`` and ``to`` states, ``spec`` (the spec's digest),
``checks`` (the digest of the gate results), optional ``note`` and ``data``, ``prev`` (the
previous entry's hash, 64 zeros for the first) and ``hash``: the SHA-256 of the entry's
canonical JSON (sorted keys, no spaces, UTF-8) without ``hash``. `verify` recomputes the
chain and names the first entry that was edited, inserted, removed or reordered; a cut
tail or a rewritten chain shows only against a head hash recorded elsewhere, so the head
is printed. Writers hold an exclusive lock on ``audit.jsonl.lock`` while they read the
head and append, so concurrent processes never interleave or fork the chain.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation

GENESIS = "0" * 64
FIELDS = ("seq", "time", "actor", "role", "action", "component", "from", "to", "spec", "checks")


def canonical(entry: Mapping[str, Any]) -> bytes:
    """The bytes an entry's hash is computed over: everything but ``hash``."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    """The first place the chain breaks."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Verification:
    """What `verify` found: the entries read, the head hash, the first break if any."""

    entries: int
    head: str
    problem: Problem | None


class AuditLog:
    """``governance/audit.jsonl`` and its lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writers' lock (blocking until it is free)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _lines(self) -> list[bytes]:
        return self.path.read_bytes().splitlines() if self.path.exists() else []

    def entries(self) -> list[dict[str, Any]]:
        """Every entry, in order (unverified; see `verify`); a line that is not an entry
        is a located error."""
        out = []
        for number, raw in enumerate(self._lines(), start=1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw.decode("utf-8"))
            except ValueError as exc:  # bad UTF-8 or bad JSON: a torn or edited line
                raise self._unreadable(number, str(exc)) from None
            if not isinstance(data, dict) or not isinstance(data.get("seq"), int):
                raise self._unreadable(number, "not an audit entry")
            out.append(data)
        return out

    def _unreadable(self, line: int, why: str) -> EncoreError:
        return EncoreError(
            [
                Diagnostic(
                    "audit/broken",
                    f"line {line} of the audit log cannot be read: {why}",
                    fixed_location=SourceLocation(str(self.path), line, 1),
                    help="restore governance/audit.jsonl from version control; run encore "
                    "audit verify",
                )
            ]
        )

    def next_seq(self) -> int:
        """The sequence number the next entry gets."""
        entries = self.entries()
        return int(entries[-1]["seq"]) + 1 if entries else 1

    def append(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """Chain ``event`` after the head and append it; call with the lock held."""
        entries = self.entries()
        head = entries[-1] if entries else None
        entry: dict[str, Any] = {
            "seq": (head["seq"] + 1) if head else 1,
            **{k: v for k, v in event.items() if v is not None},
            "prev": head["hash"] if head else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        return entry

    def verify(self) -> Verification:
        """Recompute the chain; the first broken entry, and the head hash."""
        if not self.path.exists():
            return Verification(0, GENESIS, None)
        previous, expected_seq, count = GENESIS, 1, 0
        for number, raw in enumerate(self._lines(), start=1):
            if not raw.strip():
                return Verification(count, previous, Problem(number, "an empty line"))
            try:
                entry = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                return Verification(count, previous, Problem(number, "not UTF-8 text"))
            except json.JSONDecodeError as exc:
                return Verification(count, previous, Problem(number, f"not JSON: {exc.msg}"))
            if not isinstance(entry, dict) or "hash" not in entry or "seq" not in entry:
                return Verification(count, previous, Problem(number, "not an audit entry"))
            problem = _check(entry, previous, expected_seq)
            if problem is not None:
                return Verification(count, previous, Problem(number, problem))
            previous, expected_seq, count = entry["hash"], expected_seq + 1, count + 1
        return Verification(count, previous, None)


def _check(entry: Mapping[str, Any], previous: str, expected_seq: int) -> str | None:
    seq = entry.get("seq")
    if entry_hash(entry) != entry.get("hash"):
        return f"entry {seq} was edited: its content does not match its hash"
    if seq != expected_seq:
        if isinstance(seq, int) and seq > expected_seq:
            return (
                f"entry {seq} follows entry {expected_seq - 1}: entries were removed or reordered"
            )
        return f"entry {seq} is out of place after entry {expected_seq - 1}: inserted or reordered"
    if entry.get("prev") != previous:
        return (
            f"entry {seq} does not chain to the entry before it: entry {expected_seq - 1} or "
            f"{seq} was changed, or one was inserted"
        )
    return None


__all__ = ["GENESIS", "AuditLog", "Problem", "Verification", "canonical", "entry_hash"]
