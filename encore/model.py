"""The resolved model every later stage reads: `Token` and `TokenSet`.

A token's ``value`` is fully resolved. ``aliases`` maps a path inside the value
(``()`` for the whole value, ``("color",)`` for a shadow's colour) to the token it
referred to, so outputs can print ``var(--x)`` or name another constant instead of
copying the value. ``references`` holds every token the value read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from encore.diagnostics import Origin, SourceLocation
from encore.sourcemap import JsonPath
from encore.values.types import TokenType, Value


@dataclass(frozen=True, slots=True)
class Token:
    """One resolved design token."""

    path: tuple[str, ...]
    type: TokenType
    value: Value
    origin: Origin
    tier: str | None = None  # primitive, semantic, component or local; None for bare files
    aliases: Mapping[JsonPath, str] = field(default_factory=dict)
    references: frozenset[str] = frozenset()
    description: str | None = None
    deprecated: bool | str = False
    extensions: Mapping[str, Any] = field(default_factory=dict)
    # Derived from ``path`` once, since every stage reads them many times.
    name: str = field(init=False, repr=False, compare=False)  # ``color.green.500``
    output_path: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Set ``name`` (the dot path used in references) and ``output_path`` (the path of
        output names: a group's ``$root`` token takes the group's name)."""
        object.__setattr__(self, "name", ".".join(self.path))
        object.__setattr__(self, "output_path", tuple(p for p in self.path if p != "$root"))

    @property
    def alias_of(self) -> str | None:
        """The token this whole value is an alias of, if any."""
        return self.aliases.get(())

    @property
    def location(self) -> SourceLocation:
        """Where the token is written."""
        return self.origin.location("key")


@dataclass(frozen=True, slots=True)
class TokenSet:
    """Resolved tokens by name, in source order."""

    tokens: Mapping[str, Token]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens.values())

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, name: str) -> Token:
        return self.tokens[name]

    def __contains__(self, name: object) -> bool:
        return name in self.tokens

    def get(self, name: str) -> Token | None:
        """The token of that name, or ``None``."""
        return self.tokens.get(name)
