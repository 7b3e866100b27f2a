"""What ``encore diff`` reports: tokens as the diff shows them, changes, and the report.

A `Change` is one kind of change to one token (``added``, ``removed``, ``renamed``,
``value-changed``, ``type-changed``, ``alias-changed``, ``deprecated``) with the theme
permutations it happens in; ``scope`` is empty when it happens in all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "removed",
    "renamed",
    "type-changed",
    "added",
    "deprecated",
    "value-changed",
    "alias-changed",
)
LEVELS = ("none", "patch", "minor", "major")
DEFAULT_IMPACT = {
    "removed": "major",
    "renamed": "major",
    "type-changed": "major",
    "added": "minor",
    "deprecated": "minor",
    "value-changed": "patch",
    "alias-changed": "patch",
}
DEFAULT_RENAME_THRESHOLD = 0.7
TITLES = {
    "removed": "Removed",
    "renamed": "Renamed",
    "type-changed": "Type changed",
    "added": "Added",
    "deprecated": "Deprecated",
    "value-changed": "Value changed",
    "alias-changed": "Alias changed",
}


@dataclass(frozen=True, slots=True)
class TokenView:
    """One token of one side: what it is, resolved, and where it is written."""

    name: str
    type: str
    value: Any  # canonical DTCG JSON of the resolved value
    display: str  # one line: hex for colours, compact JSON otherwise
    alias: str | None  # the token the whole value aliases
    aliases: tuple[str, ...]  # every token the value refers to, sorted
    file: str  # relative to the side's project folder
    line: int
    description: str | None
    deprecated: bool | str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "value": self.value,
            "display": self.display,
            "alias": self.alias,
            "file": self.file,
            "line": self.line,
            "deprecated": self.deprecated,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one token, and the permutations it happens in."""

    kind: str
    name: str  # the token's name in HEAD (in BASE for a removal)
    before: TokenView | None
    after: TokenView | None
    impact: str = "none"
    old_name: str | None = None  # renamed: the name in BASE
    confidence: float | None = None  # renamed: 0 to 1
    permutations: tuple[str, ...] = ()
    scope: str = ""  # "" everywhere, else e.g. "theme=dark"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name, "impact": self.impact}
        if self.old_name is not None:
            out["old_name"] = self.old_name
            out["confidence"] = self.confidence
        out["before"] = self.before.to_json() if self.before else None
        out["after"] = self.after.to_json() if self.after else None
        out["scope"] = self.scope or "all"
        out["permutations"] = list(self.permutations)
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """A whole diff: both sides, every change, the permutations compared, the impact."""

    base: str
    head: str
    changes: tuple[Change, ...]
    permutations: tuple[str, ...]
    impact: str
    only_base: tuple[str, ...] = ()  # permutations BASE has and HEAD lacks
    only_head: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def reaches(self, level: str) -> bool:
        """True when the impact is at least ``level``."""
        return LEVELS.index(self.impact) >= LEVELS.index(level)

    def counts(self) -> dict[str, int]:
        """Changes per kind, in report order, kinds without changes left out."""
        out: dict[str, int] = {}
        for kind in KINDS:
            n = sum(c.kind == kind for c in self.changes)
            if n:
                out[kind] = n
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "impact": self.impact,
            "counts": self.counts(),
            "permutations": list(self.permutations),
            "permutations_only_in_base": list(self.only_base),
            "permutations_only_in_head": list(self.only_head),
            "notes": list(self.notes),
            "changes": [c.to_json() for c in self.changes],
        }
