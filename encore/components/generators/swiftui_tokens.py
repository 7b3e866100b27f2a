"""SwiftUI generator, token side: Swift names, and the token ``switch``es of a spec.

Every bound part x property becomes a computed property of the view's nested ``Tokens``
struct: a ``switch`` over the variant axes and the size, and inside each case a chain of
``if state.pressed { return ... }`` in precedence order. The chain is taken from
`encore.components.resolve.lookup` (the binding it picks among the remaining candidates,
one after the other), so the first true condition gives exactly the binding `resolve`
gives for that cell. States SwiftUI cannot observe (hover) are left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from encore.components.resolve import lookup, matches
from encore.components.spec import DEFAULT_STATE, Binding, Cell, ComponentSpec
from encore.formats._common import decimal
from encore.formats.naming import SWIFT_KEYWORDS, camel, pascal, swift_identifier, words
from encore.formats.swift import type_names
from encore.model import TokenSet

UNOBSERVABLE = frozenset({"hover"})  # SwiftUI on iOS has no hover state
_AWKWARD = frozenset({"self", "Self", "Type", "Protocol", "init", "Any"})


def _escape(name: str) -> str:
    escaped = swift_identifier(name)
    return f"{name}Value" if name in _AWKWARD else escaped


def type_name(text: str) -> str:
    """An UpperCamelCase Swift type name for a spec name (``skip-next`` → ``SkipNext``)."""
    name = pascal(words(text))
    return f"{name}Value" if name in SWIFT_KEYWORDS or name in _AWKWARD else swift_identifier(name)


def member_name(text: str) -> str:
    """A lowerCamelCase Swift member name, keywords in backticks (``default`` → ```default```)."""
    return _escape(camel(words(text)))


class Names:
    """Claims unique names within one Swift scope: a clash gets ``2``, ``3``..."""

    def __init__(self, reserved: Sequence[str] = ()) -> None:
        self.taken: set[str] = set(reserved)

    def claim(self, name: str) -> str:
        bare = name.strip("`")
        candidate, n = bare, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{bare}{n}"
        self.taken.add(candidate)
        return name if candidate == bare else candidate


@dataclass(frozen=True, slots=True)
class Rule:
    """``if`` every state is active (all when empty) ``return`` the expression."""

    states: tuple[str, ...]
    expression: str


@dataclass(frozen=True, slots=True)
class Resolver:
    """One bound part x property: its Swift member and the rules per variant x size."""

    part: str
    prop: str
    member: str
    swift_type: str
    branches: tuple[tuple[tuple[tuple[tuple[str, str], ...], str | None], tuple[Rule, ...]], ...]

    @property
    def optional(self) -> bool:
        """True when some cell has no binding (the property is then ``nil`` there)."""
        return any(not rules or rules[-1].states for _, rules in self.branches)

    def first(
        self, variants: tuple[tuple[str, str], ...], size: str | None, states: set[str]
    ) -> str | None:
        """The expression the generated Swift returns for a cell (tests check it)."""
        for combo, rules in self.branches:
            if combo == (variants, size):
                for rule in rules:
                    if set(rule.states) <= states:
                        return rule.expression
                return None
        return None


def chain(
    spec: ComponentSpec, part: str, prop: str, cell: Cell, observed: frozenset[str]
) -> list[Binding]:
    """The bindings of a part's property for a cell's variants and size, best first.

    ``cell.states`` is ignored; only bindings whose states are all ``observed`` count.
    """
    remaining = [
        b
        for b in spec.bindings
        if b.part == part
        and b.property == prop
        and matches(b, dataclasses.replace(cell, states=b.selector.states))
        and set(b.selector.states) <= observed
    ]
    order = {state: i for i, state in enumerate(spec.states)}
    out: list[Binding] = []
    while remaining:
        states = sorted({s for b in remaining for s in b.selector.states}, key=order.__getitem__)
        subset = dataclasses.replace(spec, bindings=tuple(remaining))
        best = lookup(subset, part, prop, dataclasses.replace(cell, states=tuple(states)))
        assert best is not None
        out.append(best)
        remaining.remove(best)
        if not best.selector.states:
            break  # unconditional: nothing after it is reachable
    return out


def combos(spec: ComponentSpec) -> list[tuple[tuple[tuple[str, str], ...], str | None]]:
    """Every (variant values, size) pair, in spec order."""
    out: list[tuple[tuple[str, str], ...]] = [()]
    for axis in spec.variants:
        out = [(*done, (axis.name, value)) for done in out for value in axis.values]
    sizes: tuple[str | None, ...] = spec.sizes or (None,)
    return [(variants, size) for variants in out for size in sizes]


def resolvers(
    spec: ComponentSpec,
    tokens: TokenSet,
    refs: Mapping[str, str],
    prefix: str,
    observed: frozenset[str],
    supported: frozenset[str],
    reserved: Sequence[str] = (),
) -> list[Resolver]:
    """A resolver per bound part x property the generator applies (``supported``);
    ``reserved`` are the other member names of ``Tokens``."""
    types = type_names(prefix)
    names = Names(reserved)
    seen: dict[tuple[str, str], None] = {}
    for binding in spec.bindings:
        if binding.property in supported and spec.part(binding.part) is not None:
            seen.setdefault((binding.part, binding.property), None)
    out: list[Resolver] = []
    for part, prop in seen:
        branches = []
        swift_type = ""
        for variants, size in combos(spec):
            found = chain(spec, part, prop, Cell(variants, size, ()), observed)
            rules = []
            for binding in found:
                if binding.literal:
                    expression = decimal(float(binding.token))
                    number = prop in ("opacity", "scale")
                    kind = "Swift.Double" if number else "CoreGraphics.CGFloat"
                else:
                    if binding.token not in refs:
                        raise ValueError(
                            f'{spec.id}: {part} {prop} names "{binding.token}", which is not a '
                            "token: validate the specs first"
                        )
                    expression = refs[binding.token]
                    kind = types.get(tokens[binding.token].type, "")
                swift_type = swift_type or kind
                rules.append(Rule(binding.selector.states, expression))
            branches.append(((variants, size), tuple(rules)))
        if swift_type:
            member = names.claim(member_name(f"{part} {prop}"))
            out.append(Resolver(part, prop, member, swift_type, tuple(branches)))
    return out


Key = tuple[tuple[str, str], ...]


def _key(variants: Key, size: str | None) -> Key:
    return (*variants, ("size", size)) if size is not None else variants


def _matters(resolver: Resolver, keys: list[Key], k: int) -> bool:
    """True when the rules change with subject ``k`` (the others held fixed)."""
    seen: dict[Key, tuple[Rule, ...]] = {}
    for key, (_, rules) in zip(keys, resolver.branches, strict=True):
        rest = key[:k] + key[k + 1 :]
        if seen.setdefault(rest, rules) != rules:
            return True
    return False


def _rules(rules: tuple[Rule, ...], states: Mapping[str, str], indent: str) -> list[str]:
    lines = []
    for rule in rules:
        if rule.states:
            condition = " && ".join(f"state.{states[s]}" for s in rule.states)
            lines.append(f"{indent}if {condition} {{ return {rule.expression} }}")
        else:
            lines.append(f"{indent}return {rule.expression}")
    if not rules or rules[-1].states:
        lines.append(f"{indent}return nil")
    return lines


def render_resolver(
    resolver: Resolver,
    subjects: Sequence[str],
    case_names: Mapping[str, Mapping[str, str]],
    states: Mapping[str, str],
    indent: str,
) -> list[str]:
    """The computed property of one resolver inside ``Tokens``."""
    optional = "?" if resolver.optional else ""
    lines = [
        f"{indent}/// {resolver.part} {resolver.prop}",
        f"{indent}var {resolver.member}: {resolver.swift_type}{optional} {{",
    ]
    inner = indent + "    "
    keys = [_key(variants, size) for (variants, size), _ in resolver.branches]
    relevant = [k for k in range(len(subjects)) if _matters(resolver, keys, k)]
    groups: dict[tuple[Rule, ...], list[str]] = {}
    for key, (_, rules) in zip(keys, resolver.branches, strict=True):
        values = [f".{case_names[axis][value]}" for axis, value in (key[k] for k in relevant)]
        pattern = values[0] if len(values) == 1 else "(" + ", ".join(values) + ")"
        if pattern not in groups.setdefault(rules, []):
            groups[rules].append(pattern)
    if len(groups) == 1 or not relevant:
        lines += _rules(next(iter(groups)), states, inner)
    else:
        names = [subjects[k] for k in relevant]
        subject = names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"
        lines.append(f"{inner}switch {subject} {{")
        for rules, patterns in groups.items():
            lines.append(f"{inner}case {', '.join(patterns)}:")
            lines += _rules(rules, states, inner + "    ")
        lines.append(f"{inner}}}")
    lines.append(f"{indent}}}")
    return lines


__all__ = [
    "DEFAULT_STATE",
    "UNOBSERVABLE",
    "Names",
    "Resolver",
    "Rule",
    "chain",
    "combos",
    "member_name",
    "render_resolver",
    "resolvers",
    "type_name",
]
