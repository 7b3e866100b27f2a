"""Inputs (modifier name → context name): validation and every permutation.

Following the spec's input validation: an unknown modifier, a context the modifier
does not have, a value that is not a string, or no input for a modifier without a
default are errors, each with a "did you mean" where one is close. Names match
exactly first, then case-insensitively (the spec: inputs SHOULD be case-insensitive).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from encore.diagnostics import Diagnostic, Origin
from encore.resolver.model import Modifier, Resolver
from encore.suggest import did_you_mean
from encore.values.context import describe

RULE = "resolver/input"


def permutations(resolver: Resolver) -> list[dict[str, str]]:
    """Every input combination: the product of the modifiers' contexts, in order, with the
    defaults-first one (a modifier without default counting its first context) first."""
    names = [m.name for m in resolver.modifiers]
    every = [
        dict(zip(names, combination, strict=True))
        for combination in itertools.product(*(m.contexts for m in resolver.modifiers))
    ]
    first = {m.name: m.default or m.contexts[0] for m in resolver.modifiers}
    return [first, *(p for p in every if p != first)]


def _match(name: str, options: Iterable[str]) -> str | None:
    options = list(options)
    if name in options:
        return name
    folded = [o for o in options if o.casefold() == name.casefold()]
    return folded[0] if len(folded) == 1 else None


def check_inputs(
    resolver: Resolver, inputs: Mapping[str, Any], origin: Origin | None = None
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Inputs completed with defaults; unknown modifier / invalid context / missing input
    are errors. ``origin`` is where the inputs are written (an object of them), if anywhere."""
    chosen: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    known = {m.name: m for m in resolver.modifiers}

    def report(message: str, hint: str, key: str | None, modifier: Modifier | None) -> None:
        """At the input when the inputs are written somewhere, else at the modifier's name."""
        if origin is not None:
            at, part = (origin, "key") if key is None else (origin.child(key), "value")
            part = "key" if modifier is None else part
        elif modifier is not None:
            at, part = modifier.origin, "key"
        else:
            at, part = Origin(resolver.source, ("resolutionOrder",)), "key"
        diagnostics.append(Diagnostic(RULE, message, at, help=hint, part=part))

    for key, value in inputs.items():
        name = _match(key, known)
        if name is None:
            listing = ", ".join(known) or "none"
            hint = did_you_mean(key, known) or f"the resolver's modifiers: {listing}"
            report(f'unknown modifier "{key}"', hint, key, None)
            continue
        modifier = known[name]
        contexts = ", ".join(modifier.contexts)
        if not isinstance(value, str):
            message = f'the input for modifier "{name}" must be a context name (a string), not'
            report(f"{message} {describe(value)}", f"write one of: {contexts}", key, modifier)
            continue
        context = _match(value, modifier.contexts)
        if context is None:
            hint = did_you_mean(value, modifier.contexts) or f"its contexts: {contexts}"
            report(f'invalid context "{value}" for modifier "{name}"', hint, key, modifier)
            continue
        chosen[name] = context
    for modifier in resolver.modifiers:
        if modifier.name in chosen:
            continue
        if modifier.default is not None:
            chosen[modifier.name] = modifier.default
        elif not any(_match(key, known) == modifier.name for key in inputs):  # else reported
            report(
                f'missing input for modifier "{modifier.name}", which has no default',
                f"choose one of its contexts ({', '.join(modifier.contexts)}), "
                'or give the modifier a "default"',
                None,
                modifier,
            )
    return {m.name: chosen[m.name] for m in resolver.modifiers if m.name in chosen}, diagnostics
