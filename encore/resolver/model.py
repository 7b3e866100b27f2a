"""The resolver's frozen data: token sources, sets, modifiers and the document itself.

A `Source` is one entry of a ``sources`` list (or of a context) after references are
followed: a token file (a path and an optional pointer into it) or a token document
written inside the resolver document (its data and JSON path there). References to
sets are flattened at load time, so a set or context is just a tuple of sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic, Origin
from encore.load import LoadedFile
from encore.sourcemap import JsonPath, SourceFile


@dataclass(frozen=True, slots=True)
class Source:
    """A token document: a file (``file``, ``pointer``) or inline data at ``base``."""

    origin: Origin  # the reference object or the inline document, for errors
    file: Path | None = None
    pointer: tuple[str, ...] = ()  # JSON Pointer segments inside the file
    ref: str = ""  # the reference as written, for messages
    data: Any = None  # the inline document
    base: JsonPath = ()  # JSON path of the inline document in the resolver document
    exclude: frozenset[str] = frozenset()  # top-level keys overridden by $ref siblings


@dataclass(frozen=True, slots=True)
class ResolverSet:
    """A set: its sources in merge order."""

    name: str
    sources: tuple[Source, ...]
    description: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Modifier:
    """A modifier: named contexts, each a list of sources; inputs choose one context."""

    name: str
    contexts: tuple[str, ...]  # in document order
    default: str | None
    description: str | None
    origin: Origin  # the modifier's node, for errors
    context_sources: tuple[tuple[Source, ...], ...] = ()  # parallel to ``contexts``

    def sources(self, context: str) -> tuple[Source, ...]:
        """The sources of one context."""
        return self.context_sources[self.contexts.index(context)]


_Loaded = tuple[LoadedFile | None, tuple[Diagnostic, ...]]


@dataclass(frozen=True, slots=True)
class Resolver:
    """A validated resolver document."""

    path: Path
    source: SourceFile
    modifiers: tuple[Modifier, ...]  # in resolutionOrder order
    order: tuple[ResolverSet | Modifier, ...] = ()
    files: tuple[Path, ...] = ()  # every referenced token file, in document order
    name: str | None = None
    description: str | None = None
    # file (and pointer) -> its loaded document and load problems; parsed once per run
    cache: dict[tuple[Path, tuple[str, ...], frozenset[str]], _Loaded] = field(
        default_factory=dict, compare=False, repr=False
    )

    def modifier(self, name: str) -> Modifier | None:
        """The modifier of that name, if any."""
        return next((m for m in self.modifiers if m.name == name), None)
