"""Diagnostics: what went wrong, where, and how to fix it.

A `Diagnostic` carries a rule id (``type/color``), a severity, a message, an optional
help line and a `SourceLocation`. Locations are computed lazily from a `SourceFile`
and a JSON path, so the fast path of a build never pays for line numbers.
Renderers turn diagnostics into text with code frames, JSON, or SARIF.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from encore.sourcemap import JsonPath, SourceFile


class Severity(StrEnum):
    """How serious a diagnostic is; ``off`` silences a rule."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A 1-based line and column in a file."""

    path: str
    line: int = 0
    column: int = 0

    def display_path(self) -> str:
        """The path relative to the working directory when it lies below it."""
        try:
            rel = os.path.relpath(self.path)
        except ValueError:
            return self.path
        return self.path if rel.startswith("..") else rel

    def __str__(self) -> str:
        if self.line:
            return f"{self.display_path()}:{self.line}:{self.column}"
        return self.display_path()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where something was written: a source file and a JSON path inside it."""

    source: SourceFile
    path: JsonPath

    def child(self, *segments: str | int) -> Origin:
        """The origin of a value below this one."""
        return Origin(self.source, (*self.path, *segments))

    def location(self, part: str = "value") -> SourceLocation:
        """Line and column of the key (``part="key"``) or the value at this path."""
        return self.source.locate(self.path, part)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding of one rule."""

    rule: str
    message: str
    origin: Origin | None = None
    severity: Severity = Severity.ERROR
    help: str | None = None
    part: str = "value"
    related: tuple[Origin, ...] = field(default=())
    fixed_location: SourceLocation | None = None

    @property
    def location(self) -> SourceLocation | None:
        """The location this diagnostic points at, if any."""
        if self.fixed_location is not None:
            return self.fixed_location
        if self.origin is None:
            return None
        return self.origin.location(self.part)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """A copy at another severity."""
        return Diagnostic(
            self.rule,
            self.message,
            self.origin,
            severity,
            self.help,
            self.part,
            self.related,
            self.fixed_location,
        )


class EncoreError(Exception):
    """A stage failed; carries every diagnostic of that stage."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} error(s)")
        self.diagnostics = list(diagnostics)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def _code_frame(diagnostic: Diagnostic, location: SourceLocation) -> list[str]:
    if diagnostic.origin is None or not location.line:
        return []
    text = diagnostic.origin.source.line_text(location.line)
    if text is None:
        return []
    gutter = str(location.line)
    pad = " " * len(gutter)
    prefix = text[: max(location.column - 1, 0)]
    caret = "".join(ch if ch == "\t" else " " for ch in prefix) + "^"
    return [f"{pad} |", f"{gutter} | {text}", f"{pad} | {caret}"]


def render_text(diagnostics: Sequence[Diagnostic], *, color: bool = False) -> str:
    """Human-readable diagnostics: ``path:line:col: severity[rule]: message`` and a code frame."""
    out: list[str] = []
    for d in diagnostics:
        loc = d.location
        head = f"{d.severity.value}[{d.rule}]: {d.message}"
        if color:
            tint = "\033[31m" if d.severity is Severity.ERROR else "\033[33m"
            head = f"{tint}{d.severity.value}\033[0m[{d.rule}]: {d.message}"
        out.append(f"{loc}: {head}" if loc else head)
        if loc is not None:
            out.extend(_code_frame(d, loc))
        if d.help:
            out.append(f"  = help: {d.help}")
        out.extend(f"  = note: also at {rel.location('key')}" for rel in d.related)
    return "\n".join(out) + ("\n" if out else "")


def to_json_obj(d: Diagnostic) -> dict[str, Any]:
    """One diagnostic as a JSON-ready dict."""
    loc = d.location
    return {
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "help": d.help,
        "file": loc.display_path() if loc else None,
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "related": [str(r.location("key")) for r in d.related],
    }


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    """Diagnostics for machines."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    payload = {
        "diagnostics": [to_json_obj(d) for d in diagnostics],
        "errors": errors,
        "warnings": len(diagnostics) - errors,
    }
    return json.dumps(payload, indent=2) + "\n"


def render_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """Diagnostics as SARIF 2.1.0, for code-scanning annotations in CI."""
    results = []
    for d in diagnostics:
        loc = d.location
        result: dict[str, Any] = {
            "ruleId": d.rule,
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message + (f" ({d.help})" if d.help else "")},
        }
        if loc is not None:
            physical: dict[str, Any] = {
                "artifactLocation": {"uri": quote(loc.display_path().replace(os.sep, "/"))}
            }
            if loc.line:
                physical["region"] = {"startLine": loc.line, "startColumn": loc.column}
            result["locations"] = [{"physicalLocation": physical}]
        results.append(result)
    rules = sorted({d.rule for d in diagnostics})
    run = {
        "tool": {"driver": {"name": "encore", "rules": [{"id": r} for r in rules]}},
        "results": results,
    }
    doc = {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json"}
    doc["runs"] = [run]  # type: ignore[assignment]
    return json.dumps(doc, indent=2) + "\n"
