"""``deprecated/used``: warn where a token references a deprecated token."""

from __future__ import annotations

from collections.abc import Iterator

from encore.diagnostics import Diagnostic, Severity
from encore.model import TokenSet

RULE_ID = "deprecated/used"
SUMMARY = "a token references a deprecated token"


def check(tokens: TokenSet) -> Iterator[Diagnostic]:
    for token in tokens:
        if token.deprecated:
            continue
        for name in sorted(token.references):
            target = tokens.get(name)
            if target is None or not target.deprecated:
                continue
            note = target.deprecated if isinstance(target.deprecated, str) else None
            yield Diagnostic(
                RULE_ID,
                f'"{token.name}" references deprecated token "{name}"',
                token.origin.child("$value"),
                severity=Severity.WARNING,
                help=note or "reference its replacement",
            )
