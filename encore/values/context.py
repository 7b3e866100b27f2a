"""The contract between value parsers and the evaluator that resolves references.

Parsers never look tokens up themselves: where a DTCG value may hold a reference
(a whole value, a composite's sub-value, a list element) they call `ParseContext.slot`;
where only a JSON Pointer object may stand (a colour component, a dimension's number)
they call `ParseContext.leaf`. Both report problems through `ParseContext.error`.
"""

from __future__ import annotations

import math
import re
from typing import Any, Protocol

from encore.diagnostics import Origin

FAILED: Any = object()
"""Returned by `ParseContext.leaf` when a pointer could not be followed."""

CURLY_REFERENCE = re.compile(r"^\{([^{}]+)\}$")


class ParseContext(Protocol):
    """What a parser may ask of the evaluator."""

    def slot(self, raw: Any, kind: str, origin: Origin) -> Any:
        """Parse ``raw`` as ``kind``, following a reference if it is one; ``None`` on error."""

    def leaf(self, raw: Any, origin: Origin) -> Any:
        """``raw`` with a ``{"$ref": ...}`` object replaced by its target, or `FAILED`."""

    def error(self, origin: Origin, rule: str, message: str, help: str | None = None) -> None:
        """Record an error at ``origin``."""


def is_number(raw: Any) -> bool:
    """A finite JSON number (booleans excluded)."""
    return isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw)


def is_reference(raw: Any) -> bool:
    """A curly alias string or a JSON Pointer reference object."""
    if isinstance(raw, str):
        return CURLY_REFERENCE.match(raw) is not None
    return isinstance(raw, dict) and "$ref" in raw


def describe(raw: Any) -> str:
    """A short description of a JSON value for error messages."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | float):
        return f"the number {raw}"
    if isinstance(raw, str):
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        return f'the string "{shown}"'
    if isinstance(raw, list):
        return f"a list of {len(raw)} item{'s' if len(raw) != 1 else ''}"
    return "an object"
