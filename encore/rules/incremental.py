"""Rules in a warm rebuild: check again only the tokens an edit reached.

A token set that `encore.evaluate_delta` made from the last build's set differs in a few
re-evaluated names; every other token is the same object with the same references. When
the local rules (`Rule.local`) found nothing in the older set, they find in the new one
exactly what they find among those names, checked with lookups into the whole set.
Rules that are not local always check the whole set.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from encore import warm
from encore.diagnostics import Diagnostic, Severity
from encore.evaluate_delta import changed_since
from encore.memo import positions
from encore.model import Token, TokenSet
from encore.rules import Rule, run_rules


@dataclass(frozen=True, slots=True)
class Focus(TokenSet):
    """A token set that iterates over some names only; lookups see every token."""

    names: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Token]:
        return (self.tokens[name] for name in self.names)

    def __len__(self) -> int:
        return len(self.names)


# id(token set) → (the set, the severities) whose local rules found nothing
_CLEAN: OrderedDict[int, tuple[TokenSet, tuple[tuple[str, Severity], ...]]] = warm.cache(
    OrderedDict()
)


def _local(rule: Rule) -> bool:
    return rule.local


def _not_local(rule: Rule) -> bool:
    return not rule.local


def run_rules_warm(tokens: TokenSet, severities: Mapping[str, Severity]) -> list[Diagnostic]:
    """`encore.rules.run_rules`, checking only re-evaluated tokens with local rules when the
    set they came from was clean."""
    if not warm.ENABLED:
        return run_rules(tokens, severities)
    key = tuple(sorted(severities.items()))
    origin = changed_since(tokens)
    held = _CLEAN.get(id(origin[0])) if origin is not None else None
    if origin is not None and held is not None and held[0] is origin[0] and held[1] == key:
        # the changed names in source order (few: sorted by place, not found by a scan)
        names = tuple(sorted(origin[1], key=positions(tokens).__getitem__))
        local = run_rules(Focus(tokens.tokens, names), severities, _local)
    else:
        local = run_rules(tokens, severities, _local)
    if not local:
        _CLEAN[id(tokens)] = (tokens, key)
        while len(_CLEAN) > 16:
            _CLEAN.popitem(last=False)
    return [*local, *run_rules(tokens, severities, _not_local)]


__all__ = ["Focus", "run_rules_warm"]
