"""``tier/semantic-must-alias``: semantic, component and local tokens hold references.

A rebrand should change the semantic-to-primitive mapping only, so a token above the
primitive tier may not hold a raw value: its whole value, or every part of a composite
value, must be a reference.
"""

from __future__ import annotations

from collections.abc import Iterator

from encore.diagnostics import Diagnostic
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.values.types import (
    Border,
    Gradient,
    Shadow,
    StrokeStyle,
    Transition,
    Typography,
    Value,
)

RULE_ID = "tier/semantic-must-alias"
SUMMARY = "semantic, component and local tokens must reference other tokens, not hold values"
ALIAS_TIERS = frozenset({"semantic", "component", "local"})


def _parts(value: Value) -> Iterator[JsonPath]:
    """The paths inside a value where a reference can stand."""
    if isinstance(value, Border):
        yield from (("color",), ("width",), ("style",))
    elif isinstance(value, Transition):
        yield from (("duration",), ("delay",), ("timingFunction",))
    elif isinstance(value, Typography):
        fields = ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight")
        yield from ((f,) for f in fields)
    elif isinstance(value, Shadow):
        fields = ("color", "offsetX", "offsetY", "blur", "spread")
        for i in range(len(value.layers)):
            prefix: JsonPath = (i,) if value.is_list else ()
            yield from ((*prefix, f) for f in fields)
    elif isinstance(value, Gradient):
        for i in range(len(value.stops)):
            yield from ((i, "color"), (i, "position"))
    elif isinstance(value, StrokeStyle) and value.keyword is None:
        yield from (("dashArray", i) for i in range(len(value.dash_array)))


def raw_parts(token: Token) -> list[str]:
    """Parts of a token's value written as raw values rather than references."""
    if () in token.aliases:
        return []
    parts = list(_parts(token.value))
    if not parts:
        return ["$value"]
    covered = set(token.aliases)
    missing = []
    for part in parts:
        if any(part[: len(alias)] == alias for alias in covered if alias):
            continue
        missing.append("/".join(map(str, part)))
    return missing


def check(tokens: TokenSet) -> Iterator[Diagnostic]:
    for token in tokens:
        if token.tier not in ALIAS_TIERS:
            continue
        missing = raw_parts(token)
        if not missing:
            continue
        what = "its value" if missing == ["$value"] else "its " + ", ".join(missing)
        yield Diagnostic(
            RULE_ID,
            f'{token.tier} token "{token.name}" holds a raw value in {what}: '
            f"{token.tier} tokens must reference other tokens",
            token.origin.child("$value"),
            help='move the value into a primitive and reference it, e.g. "{color.green.500}"',
        )
