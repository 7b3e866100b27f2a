"""All or nothing for a step that changes files (a promotion, a deprecation, a removal).

Before the step's audit entry is appended, every file it writes and removes goes into
``governance/.pending.json`` (atomically). Then the entry is appended, the files are
written, and the journal is deleted. If anything stops in between, the next command
(under the writers' lock) finds the journal: when the log holds the entry, the step
happened and its files are completed (writing them again is harmless); when it does not,
the step never happened and the journal is dropped. Either way the repository is as
before the step or as after it, never half.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation
from encore.governance.audit import AuditLog
from encore.write import atomic_write

JOURNAL = Path("governance") / ".pending.json"


@dataclass(frozen=True, slots=True)
class Plan:
    """The files a step writes (path → text) and removes."""

    writes: dict[Path, str]
    removes: tuple[Path, ...] = ()


def begin(root: Path, plan: Plan, seq: int) -> None:
    """Record the plan of the step whose audit entry will be ``seq``."""
    touched = [*plan.writes, *plan.removes]
    data = {
        "seq": seq,
        "writes": {_relative(root, p): text for p, text in plan.writes.items()},
        "removes": [_relative(root, p) for p in plan.removes],
        "before": {_relative(root, p): _digest(p) for p in touched},
    }
    atomic_write(root / JOURNAL, (json.dumps(data, indent=2) + "\n").encode())


def _digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, ``None`` when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _relative(root: Path, path: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def _inside(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that resolves outside the repository."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ValueError(f"{relative} is outside the repository")
    return path


def apply(plan: Plan) -> tuple[str, ...]:
    """Write each planned file atomically, then remove the old ones."""
    for path, text in plan.writes.items():
        atomic_write(path, text.encode("utf-8"))
    for path in plan.removes:
        path.unlink(missing_ok=True)
    return tuple(str(p) for p in [*plan.writes, *plan.removes])


def finish(root: Path) -> None:
    (root / JOURNAL).unlink(missing_ok=True)


def recover(root: Path, log: AuditLog) -> str | None:
    """Complete or drop an interrupted step (call with the writers' lock held); says
    which, or ``None`` when nothing was pending."""
    path = root / JOURNAL
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        seq = int(data["seq"])
        plan = Plan(
            {_inside(root, p): str(t) for p, t in data["writes"].items()},
            tuple(_inside(root, p) for p in data["removes"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # a journal cut short: its step was never logged
        return "dropped an unreadable journal of an interrupted step"
    if any(entry.get("seq") == seq for entry in log.entries()):
        before = data.get("before", {})
        planned = {
            r: hashlib.sha256(str(t).encode()).hexdigest() for r, t in data["writes"].items()
        }
        planned |= {r: None for r in data["removes"]}
        for relative, done in planned.items():
            now = _digest(_inside(root, relative))
            if relative in before and now not in (before[relative], done):
                raise EncoreError(
                    [
                        Diagnostic(
                            "governance/interrupted",
                            f"entry {seq} was logged but its step was interrupted, and "
                            f"{relative} changed since: completing it would lose that edit",
                            fixed_location=SourceLocation(str(path)),
                            help="finish the step by hand from governance/.pending.json "
                            "(it lists every file), then delete that file",
                        )
                    ]
                )
        apply(plan)
        finish(root)
        return f"completed the interrupted step of entry {seq}"
    finish(root)
    return f"dropped the interrupted step that entry {seq} would have recorded"


__all__ = ["JOURNAL", "Plan", "apply", "begin", "finish", "recover"]
