"""``tier/reference-direction``: references point inward only.

Primitives reference primitives; semantic tokens reference primitives or semantic
tokens; component tokens reference semantic or component tokens; local tokens reference
semantic, component or local tokens. Never primitive to semantic.
"""

from __future__ import annotations

from collections.abc import Iterator

from encore.diagnostics import Diagnostic
from encore.model import TokenSet

RULE_ID = "tier/reference-direction"
SUMMARY = "references point inward: primitive <- semantic <- component <- local"
ALLOWED: dict[str, frozenset[str]] = {
    "primitive": frozenset({"primitive"}),
    "semantic": frozenset({"primitive", "semantic"}),
    "component": frozenset({"semantic", "component"}),
    "local": frozenset({"semantic", "component", "local"}),
}


def check(tokens: TokenSet) -> Iterator[Diagnostic]:
    for token in tokens:
        allowed = ALLOWED.get(token.tier or "")
        if allowed is None:
            continue
        for name in sorted(token.references):
            target = tokens.get(name)
            if target is None or target.tier is None or target.tier in allowed:
                continue
            yield Diagnostic(
                RULE_ID,
                f'{token.tier} token "{token.name}" references {target.tier} token '
                f'"{name}"; {token.tier} tokens may reference only '
                + " or ".join(sorted(allowed))
                + " tokens",
                token.origin.child("$value"),
                help=(
                    "reference a semantic token instead"
                    if token.tier in ("component", "local")
                    else f"move {name} down a tier or reference a primitive"
                ),
            )
