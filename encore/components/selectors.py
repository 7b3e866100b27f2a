"""Token bindings: ``tokens: {part: {property: TOKEN | {SELECTOR: TOKEN}}}``.

A selector is ``all`` or space-separated names: at most one value per variant axis, at
most one size, and any states (``primary hover``, ``small``, ``selected hover``). Names are
unique across axes, sizes and states, so a selector needs no axis prefixes.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from encore.components.properties import PROPERTY_TYPES
from encore.components.spec import ALL, DEFAULT_STATE, Binding, Part, Selector, VariantAxis
from encore.diagnostics import Diagnostic, Origin, SourceLocation
from encore.suggest import did_you_mean

_RULE_OF_KIND = {
    "variant": "component/unknown-variant",
    "size": "component/unknown-size",
    "state": "component/unknown-state",
    "prop": "component/unknown-prop",
}
RESERVED = (ALL, "size", "state")


@dataclass(frozen=True)
class Names:
    """Every name a spec declares, and what each means in a selector."""

    variant_axes: tuple[VariantAxis, ...]
    sizes: tuple[str, ...]
    states: tuple[str, ...]
    props: tuple[str, ...]
    parts: tuple[str, ...]
    meaning: Mapping[str, tuple[str, str]] = field(init=False)  # name → (kind, axis)

    def __post_init__(self) -> None:
        meaning: dict[str, tuple[str, str]] = {}
        for state in reversed(self.states):
            meaning[state] = ("state", "")
        for size in self.sizes:
            meaning[size] = ("size", "")
        for axis in self.variant_axes:
            for value in axis.values:
                meaning[value] = ("variant", axis.name)
        object.__setattr__(self, "meaning", meaning)

    @property
    def axes(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.variant_axes)

    @property
    def variant_values(self) -> tuple[str, ...]:
        return tuple(v for a in self.variant_axes for v in a.values)

    def unknown(self, kind: str, name: str, where: Origin, part: str = "value") -> Diagnostic:
        """``name`` is not a known ``kind`` (variant, size, state or prop)."""
        pools = {
            "variant": self.variant_values,
            "size": self.sizes,
            "state": self.states,
            "prop": self.props,
        }
        return Diagnostic(
            _RULE_OF_KIND[kind],
            f'"{name}" is not a {kind} of this component',
            where,
            part=part,
            help=did_you_mean(name, pools[kind]) or f"{kind}s: " + (", ".join(pools[kind]) or "-"),
        )

    def unknown_part(self, name: str, where: Origin, part: str = "value") -> Diagnostic:
        return Diagnostic(
            "component/unknown-part",
            f'"{name}" is not a part of this component',
            where,
            part=part,
            help=did_you_mean(name, self.parts) or "parts: " + ", ".join(self.parts),
        )

    def clashes(self, origin: Origin) -> list[Diagnostic]:
        """Names used twice (a size that is also a state...), and reserved names."""
        out: list[Diagnostic] = []
        seen: dict[str, str] = {}
        written = [
            *((v, f"a value of {a.name}", a.origin) for a in self.variant_axes for v in a.values),
            *((s, "a size", origin.child("sizes")) for s in self.sizes),
            *((s, "a state", origin.child("states")) for s in self.states[1:]),
        ]
        for name, what, where in written:
            if name in RESERVED:
                out.append(
                    Diagnostic("component/name-clash", f'"{name}" is reserved in selectors', where)
                )
            elif name in seen:
                out.append(
                    Diagnostic(
                        "component/name-clash",
                        f'"{name}" is both {seen[name]} and {what}',
                        where,
                        help="selectors name values without their axis: rename one of them",
                    )
                )
            seen.setdefault(name, what)
        if self.sizes and "size" in self.props:
            out.append(
                Diagnostic(
                    "component/name-clash",
                    'a prop named "size" clashes with the sizes',
                    origin.child("props", "size"),
                    part="key",
                    help="sizes become a size parameter of the generated component",
                )
            )
        for axis in self.variant_axes:
            if axis.name in RESERVED or axis.name in self.props:
                out.append(
                    Diagnostic(
                        "component/name-clash",
                        f'the variant axis "{axis.name}" clashes with a reserved name or a prop',
                        axis.origin,
                        part="key",
                        help="variant axes become parameters of the generated component",
                    )
                )
        return out

    def check_role_map(self, roles: Mapping[str, str], where: Origin) -> list[Diagnostic]:
        """A role per variant value: the values of one axis, every one of them."""
        out = [
            self.unknown("variant", v, where.child(v), "key")
            for v in roles
            if self.meaning.get(v, ("", ""))[0] != "variant"
        ]
        axes = {self.meaning[v][1] for v in roles if v in self.meaning}
        axis = next((a for a in self.variant_axes if a.name in axes), None)
        if not out and (len(axes) != 1 or axis is None or set(axis.values) != set(roles)):
            out.append(
                Diagnostic(
                    "component/accessibility",
                    "a role per variant names every value of one variant axis",
                    where,
                )
            )
        return out


def _term_location(where: Origin, text: str, index: int) -> SourceLocation:
    """The line and column of the ``index``-th word of a selector key."""
    loc = where.location("key")
    line = where.source.line_text(loc.line) or ""
    column = loc.column - 1
    if line[column : column + 1] in ("'", '"'):
        column += 1
    offset = 0
    for i, word in enumerate(text.split()):
        offset = text.index(word, offset)
        if i == index:
            break
        offset += len(word)
    return SourceLocation(loc.path, loc.line, column + offset + 1)


def parse_selector(text: str, where: Origin, names: Names) -> tuple[Selector, list[Diagnostic]]:
    """A selector key, with one diagnostic per unknown or repeated name."""
    words = text.split()
    out: list[Diagnostic] = []
    if words == [ALL]:
        return Selector(text=text), out
    variants: dict[str, str] = {}
    size: str | None = None
    states: list[str] = []
    for i, word in enumerate(words):
        at = _term_location(where, text, i)
        kind, axis = names.meaning.get(word, ("", ""))
        problem = None
        if word == ALL:
            problem = f'"{ALL}" stands alone; "{text}" already narrows the binding'
        elif not kind:
            pool = [*names.variant_values, *names.sizes, *names.states, ALL]
            hint = did_you_mean(word, pool)
            close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
            guess = names.meaning.get(close[0], ("state", ""))[0] if close else "state"
            out.append(
                Diagnostic(
                    _RULE_OF_KIND[guess],
                    f'"{word}" is not a variant, size or state of this component',
                    where,
                    part="key",
                    help=hint or "selectors use: " + ", ".join(pool),
                    fixed_location=at,
                )
            )
            continue
        elif kind == "variant" and axis in variants:
            problem = f'"{variants[axis]}" and "{word}" are both values of {axis}'
        elif kind == "size" and size is not None:
            problem = f'"{size}" and "{word}" are both sizes'
        elif word in states:
            problem = f'"{word}" is named twice'
        if problem:
            out.append(
                Diagnostic("component/selector", problem, where, part="key", fixed_location=at)
            )
        elif kind == "variant":
            variants[axis] = word
        elif kind == "size":
            size = word
        elif word != DEFAULT_STATE:
            states.append(word)
    order = {a.name: i for i, a in enumerate(names.variant_axes)}
    return (
        Selector(
            tuple(sorted(variants.items(), key=lambda kv: order[kv[0]])),
            size,
            tuple(s for s in names.states if s in states),
            text,
        ),
        out,
    )


def parse_bindings(
    raw: dict[str, Any], where: Origin, names: Names, parts: tuple[Part, ...]
) -> tuple[tuple[Binding, ...], list[Diagnostic]]:
    """Every binding in source order; unknown parts, properties and names are reported."""
    bindings: list[Binding] = []
    out: list[Diagnostic] = []
    known_parts = {p.name for p in parts}
    for part, props in raw.items():
        if part not in known_parts:
            out.append(names.unknown_part(part, where.child(part), "key"))
            continue
        for prop, value in props.items():
            at = where.child(part, prop)
            if prop not in PROPERTY_TYPES:
                out.append(
                    Diagnostic(
                        "component/unknown-property",
                        f'"{prop}" is not a property a binding can set',
                        at,
                        part="key",
                        help=did_you_mean(prop, PROPERTY_TYPES)
                        or "properties: " + ", ".join(PROPERTY_TYPES),
                    )
                )
                continue
            entries = value.items() if isinstance(value, dict) else [(None, value)]
            seen: dict[Selector, str] = {}
            for key, token in entries:
                leaf = at if key is None else at.child(key)
                selector = Selector()
                if key is not None:
                    selector, problems = parse_selector(key, leaf, names)
                    out += problems
                    if problems:
                        continue
                same = Selector(selector.variants, selector.size, selector.states)
                if same in seen:
                    out.append(
                        Diagnostic(
                            "component/selector",
                            f'"{key}" selects the same cells as "{seen[same]}"',
                            leaf,
                            part="key",
                            help="merge the two bindings",
                        )
                    )
                    continue
                seen[same] = str(key)
                literal = not isinstance(token, str)
                name = str(token).strip()
                if name.startswith("{") and name.endswith("}"):
                    name = name[1:-1].strip()
                bindings.append(Binding(part, prop, selector, name, leaf, literal))
    return tuple(bindings), out
