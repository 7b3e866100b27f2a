"""The Compose generator's model of one spec: Kotlin names, composable parameters, the
values each part x property takes per variant, size and state, and ``when`` expressions
choosing between them. `encore.components.generators.compose` writes the file.

Token references: a colour that differs between themes reads ``EncoreTheme.colors.<name>``
(the ``EncoreColors`` property of `encore.formats.compose_themes`); every other token
reads its ``EncoreTokens`` constant. Unbound or unknown tokens fall back to a neutral value
(``Color.Unspecified``, ``1f``, ``0.dp``, a 0 ms transition...).

State precedence (`state_chain`): a part x property is chosen by the state sets its bindings
name and their unions, most states first, then the states listed later in ``states:``, as
`encore.components.resolve` and the web's cascade (``:active`` after ``:focus-visible``)
prescribe; a state set that would pick what a less specific one picks is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from encore.components.resolve import ResolvedSpec
from encore.components.spec import INTERACTION_STATES, Cell, ComponentSpec, Prop
from encore.formats.compose_themes import THEMED_TYPES
from encore.formats.kotlin_common import IDENTIFIER_PATTERN, NAMING, kotlin_float, kotlin_string
from encore.formats.namespaces import build_namespaces
from encore.formats.naming import camel, kotlin_identifier, pascal, path_words, words
from encore.themes import Themes
from encore.values.types import TokenType

COLOR = "androidx.compose.ui.graphics.Color"
DP = "androidx.compose.ui.unit.Dp"
TEXT_STYLE = "androidx.compose.ui.text.TextStyle"
# Composite token classes of the token file, imported from the token package (nullable: null
# when unbound).
SHADOW = "EncoreShadow?"
BORDER = "EncoreBorder?"
TRANSITION = "EncoreTransition"
TOKEN_CLASSES: Final = {
    SHADOW: "EncoreShadow",
    BORDER: "EncoreBorder",
    TRANSITION: "EncoreTransition",
}
EASING = "androidx.compose.animation.core.CubicBezierEasing"
TEXT_ROLES = frozenset({"label", "text", "input", "placeholder"})
SLOT = "@Composable () -> Unit"
FOUNDATION = "androidx.compose.foundation"
DRAW = "androidx.compose.ui.draw"

# State-dependent properties, held by the colours class: property → (Kotlin type, fallback).
STATEFUL: Final[dict[str, tuple[str, str]]] = {
    "background": (COLOR, "Color.Unspecified"),
    "color": (COLOR, "Color.Unspecified"),
    "border-color": (COLOR, "Color.Unspecified"),
    "opacity": ("Float", "1f"),
    "scale": ("Float", "1f"),
    "elevation": (SHADOW, "null"),
}
# Properties fixed per variant and size, read from the defaults object.
STATIC: Final[dict[str, tuple[str, str]]] = {
    "min-height": (DP, "Dp.Unspecified"),
    "padding-inline": (DP, "0.dp"),
    "border-width": (DP, "0.dp"),
    "gap": (DP, "0.dp"),
    "width": (DP, "Dp.Unspecified"),
    "height": (DP, "Dp.Unspecified"),
    "size": (DP, "Dp.Unspecified"),
    "text-style": (TEXT_STYLE, "TextStyle.Default"),
    "radius": (DP, "0.dp"),
    "corner": (DP, "0.dp"),
    "focus-ring": (BORDER, "null"),  # resolved in the focus state
    # the root's only: every part animates with it; unbound, a change is immediate
    "transition": (
        TRANSITION,
        "EncoreTransition(durationMillis = 0, delayMillis = 0, "
        "easing = CubicBezierEasing(0f, 0f, 1f, 1f))",
    ),
}
INTERACTION_PARAMS: Final[dict[str, tuple[str, str]]] = {
    "pressed": ("pressed", "collectIsPressedAsState"),
    "hover": ("hovered", "collectIsHoveredAsState"),
    "focus": ("focused", "collectIsFocusedAsState"),
}
Combo = tuple[str | None, ...]  # a value per variant axis, then the size


def identifier(text: str, *, upper: bool) -> str:
    """A Kotlin identifier: kept when already one, else built from the words of ``text``."""
    if re.match(IDENTIFIER_PATTERN, text) and (text[:1].isupper() or not upper):
        return kotlin_identifier(text)
    parts = words(text)
    return kotlin_identifier(pascal(parts) if upper else camel(parts))


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name2``, ``name3``... when taken; the result is recorded."""
    candidate, n = name, 2
    while candidate.strip("`") in taken:
        candidate, n = f"{name.strip('`')}{n}", n + 1
    taken.add(candidate.strip("`"))
    return candidate


@dataclass(frozen=True)
class Dim:
    """A composable parameter choosing values: a variant axis or the size."""

    param: str
    type: str
    values: tuple[str, ...]  # spec values
    entries: tuple[str, ...]  # enum entries, same order
    default: str
    docs: tuple[str | None, ...]

    def entry(self, value: str) -> str:
        return f"{self.type}.{self.entries[self.values.index(value)]}"


@dataclass(frozen=True)
class Param:
    """One composable parameter from a prop."""

    prop: Prop
    name: str
    type: str
    default: str | None  # None: required


@dataclass
class Model:
    """Names and values for one spec's Compose file."""

    spec: ComponentSpec
    name: str
    types: set[str]
    dims: list[Dim] = field(default_factory=list)
    enums: list[Dim] = field(default_factory=list)  # enum props
    params: list[Param] = field(default_factory=list)
    events: list[Param] = field(default_factory=list)
    states: list[tuple[str, str]] = field(default_factory=list)  # state → Kotlin param
    stateful: list[tuple[str, str, str]] = field(default_factory=list)  # part, prop, function
    static: dict[tuple[str, str], str] = field(default_factory=dict)  # → defaults function
    chains: dict[tuple[str, str], list[tuple[str, ...]]] = field(default_factory=dict)
    fields: dict[tuple[str, str, tuple[str, ...]], str] = field(default_factory=dict)
    colors_dims: list[Dim] = field(default_factory=list)  # the dims colors() takes
    static_dims: dict[str, list[Dim]] = field(default_factory=dict)  # per defaults function

    def param(self, prop: str) -> Param | None:
        """The parameter of a prop, if it has one."""
        return next((p for p in [*self.params, *self.events] if p.prop.name == prop), None)

    def precedence(self, states: tuple[str, ...]) -> tuple[int, list[int]]:
        """Sorts state sets as `encore.components.resolve` ranks bindings: more states first,
        then states listed later in ``states:``."""
        return len(states), sorted((self.spec.states.index(s) for s in states), reverse=True)

    def combos(self) -> list[Combo]:
        """Every value per variant axis and size."""
        out: list[Combo] = [()]
        for dim in self.dims:
            out = [(*c, v) for c in out for v in dim.values]
        return out

    def cell(self, combo: Combo, states: tuple[str, ...]) -> Cell:
        axes = [axis.name for axis in self.spec.variants]
        variants = tuple((a, str(v)) for a, v in zip(axes, combo, strict=False))
        size = combo[len(axes)] if self.spec.sizes else None
        return Cell(variants, size, states)


class TokenNames:
    """Kotlin expressions for tokens, themed colours through ``EncoreTheme.colors``."""

    def __init__(self, themes: Themes, token_object: str, theme_object: str) -> None:
        base = themes.default
        _, self.refs = build_namespaces(base, token_object, NAMING, [], ())
        self.theme_object = theme_object
        self.types = {t.name: t.type for t in base}
        self.themed = {
            t.name: camel(path_words(t.output_path or ("root",)))
            for t in base
            if t.name in themes.varying and t.type in THEMED_TYPES
        }

    def expression(self, name: str | None, wanted: frozenset[TokenType]) -> str | None:
        """The expression for a token of a wanted type, or ``None``."""
        if name is None or self.types.get(name) not in wanted:
            return None
        if name in self.themed:
            return f"{self.theme_object}.colors.{self.themed[name]}"
        return self.refs.get(name)


WANTED: Final[dict[str, frozenset[TokenType]]] = {
    COLOR: frozenset({TokenType.COLOR}),
    DP: frozenset({TokenType.DIMENSION}),
    "Float": frozenset({TokenType.NUMBER}),
    TEXT_STYLE: frozenset({TokenType.TYPOGRAPHY}),
    SHADOW: frozenset({TokenType.SHADOW}),
    BORDER: frozenset({TokenType.BORDER}),
    TRANSITION: frozenset({TokenType.TRANSITION}),
}


def build_model(spec: ComponentSpec) -> Model:
    """Kotlin names for a spec's types, parameters, states and fields."""
    name = identifier(spec.platforms.compose, upper=True)
    types = {name}
    model = Model(spec, name, types)
    taken = {"modifier", "enabled", "colors", "interactionSource"}
    for axis in spec.variants:
        model.dims.append(
            _dim(name, axis.name, axis.values, axis.default, "variants", spec, types, taken)
        )
    if spec.sizes:
        default = spec.default_size or spec.sizes[0]
        model.dims.append(_dim(name, "size", spec.sizes, default, "sizes", spec, types, taken))
    for prop in spec.props:
        if prop.type == "boolean" and prop.name == "disabled":
            continue
        if prop.type == "event":
            event = "on" + pascal(words(prop.name))
            model.events.append(Param(prop, unique(event, taken), _event_type(spec, prop), "{}"))
        elif prop.type == "enum" and prop.values:
            chosen = str(prop.default) if prop.default in prop.values else None
            first = chosen or prop.values[0]
            enum = _dim(name, prop.name, prop.values, first, "", spec, types, set())
            model.enums.append(enum)
            param = unique(identifier(prop.name, upper=False), taken)
            value = enum.entry(chosen) if chosen else None
            model.params.append(Param(prop, param, enum.type, value))
        else:
            model.params.append(_param(prop, unique(identifier(prop.name, upper=False), taken)))
    for state in spec.states[1:]:
        if state == "disabled":
            model.states.append((state, "enabled"))
        elif state in INTERACTION_PARAMS:
            model.states.append((state, unique(INTERACTION_PARAMS[state][0], taken)))
        else:
            own = model.param(state)
            fallback = unique(identifier(state, upper=False), taken) if own is None else own.name
            model.states.append((state, fallback))
    fields: set[str] = set()
    functions: set[str] = set()
    resolved = ResolvedSpec(spec)
    for binding in spec.bindings:
        key = (binding.part, binding.property)
        base = camel([*words(binding.part), *words(binding.property)])
        if binding.property in STATEFUL and key not in model.chains:
            model.stateful.append((*key, unique(kotlin_identifier(base), functions)))
            model.chains[key] = state_chain(model, resolved, *key)
            for states in model.chains[key]:
                suffix = [w for s in states for w in words(s)]
                model.fields[(*key, states)] = unique(camel([base, *suffix]), fields)
        elif binding.property == "transition" and binding.part != spec.root.name:
            continue  # the component animates as one, with its root's transition
        elif binding.property in STATIC and key not in model.static:
            model.static[key] = unique(kotlin_identifier(base), functions)
    return model


def state_chain(
    model: Model, resolved: ResolvedSpec, part: str, prop: str
) -> list[tuple[str, ...]]:
    """The state sets choosing a part's property, the first active one winning: the sets its
    bindings name and their unions (the cell where several hold at once), most specific
    first, ending with the default ``()``. Unions of an inactive state (``disabled``) with an
    interaction state are left out, as interaction states only count while active. A set is
    kept only where it picks another token than the sets below it would for some variant
    and size, so the first active set always picks what `resolve` picks for the active ones.
    """
    spec = model.spec
    inactive = set(spec.accessibility.inactive_states)
    bound = {b.selector.states for b in spec.bindings if b.part == part and b.property == prop}
    found = {(), *bound}
    grown = True
    while grown:
        grown = False
        for a, b in [(a, b) for a in found for b in found]:
            union = tuple(s for s in spec.states if s in a or s in b)
            mixed = bool(inactive & set(union)) and bool(set(INTERACTION_STATES) & set(union))
            if union not in found and not mixed:
                found.add(union)
                grown = True
    combos = model.combos()

    def token(states: tuple[str, ...], combo: Combo) -> str | None:
        return resolved.token(part, prop, model.cell(combo, states))

    kept: list[tuple[str, ...]] = []  # most specific first
    for states in sorted(found, key=model.precedence):  # least specific first
        below = next((k for k in kept if set(k) <= set(states)), None)
        if below is None or any(token(states, c) != token(below, c) for c in combos):
            kept.insert(0, states)
    return kept


def _dim(
    owner: str,
    axis: str,
    values: Sequence[str],
    default: str,
    kind: str,
    spec: ComponentSpec,
    types: set[str],
    taken: set[str],
) -> Dim:
    entries: set[str] = set()
    names = tuple(unique(identifier(v, upper=True), entries) for v in values)
    type_name = unique(owner + pascal(words(axis)), types)
    docs = tuple(spec.docs.of(kind, v) for v in values)
    param = unique(identifier(axis, upper=False), taken)
    return Dim(param, type_name, tuple(values), names, default, docs)


def _event_type(spec: ComponentSpec, prop: Prop) -> str:
    roles = spec.accessibility.roles()
    if prop.name == "change" and ("switch" in roles or "checkbox" in roles):
        return "(Boolean) -> Unit"
    if prop.name == "change" and "slider" in roles:
        return "(Float) -> Unit"
    value = spec.prop("value")
    if prop.name == "change" and value is not None and value.type == "string":
        return "(String) -> Unit"
    return "() -> Unit"


def _param(prop: Prop, name: str) -> Param:
    slot = SLOT
    kind = {"string": "String", "boolean": "Boolean", "number": "Float"}.get(prop.type, slot)
    if prop.type == "enum":
        kind = "String"  # icon names and the like: the enum values as strings
    if prop.required:
        return Param(prop, name, kind, None)
    if prop.default is not None and kind != slot:
        return Param(prop, name, kind, _literal(prop.default, kind))
    nullable = f"({kind})?" if kind == slot else f"{kind}?"
    return Param(prop, name, nullable, "null")


def _literal(value: str | bool | int | float, kind: str) -> str:
    if kind == "Boolean":
        return "true" if value is True else "false"
    if kind == "Float" and isinstance(value, int | float) and not isinstance(value, bool):
        return kotlin_float(float(value))
    return kotlin_string(str(value))


def choose(
    model: Model,
    values: Mapping[Combo, list[str]],
    indent: str,
) -> tuple[list[Dim], list[str]]:
    """The dims that matter and the lines of an expression choosing ``values`` by them.

    The first line has no indent; a single value is returned as is.
    """
    combos = list(values)
    relevant: list[int] = []
    for i in range(len(model.dims)):
        if any(values[c] != values[d] for c in combos for d in combos if _differs_only(c, d, i)):
            relevant.append(i)
    dims = [model.dims[i] for i in relevant]
    first = combos[0]
    if not relevant:
        return dims, values[first]
    groups: dict[Combo, list[str]] = {}
    for combo in combos:
        groups.setdefault(tuple(combo[i] for i in relevant), values[combo])
    inner = indent + "    "
    if len(relevant) == 1:
        dim = dims[0]
        lines = [f"when ({dim.param}) {{"]
        for key, body in groups.items():
            lines += _branch(f"{dim.entry(str(key[0]))} -> ", body, inner)
        return dims, [*lines, indent + "}"]
    lines = ["when {"]
    items = list(groups.items())
    for n, (key, body) in enumerate(items):
        pairs = zip(dims, key, strict=True)
        test = " && ".join(f"{d.param} == {d.entry(str(v))}" for d, v in pairs)
        lines += _branch("else -> " if n == len(items) - 1 else f"{test} -> ", body, inner)
    return dims, [*lines, indent + "}"]


def _branch(head: str, body: list[str], indent: str) -> list[str]:
    return [indent + head + body[0], *(indent + line for line in body[1:])]


def _differs_only(a: Combo, b: Combo, i: int) -> bool:
    return a[i] != b[i] and all(x == y for n, (x, y) in enumerate(zip(a, b, strict=True)) if n != i)


def dim_arguments(dims: Sequence[Dim]) -> str:
    """``variant = variant, size = size``."""
    return ", ".join(f"{d.param} = {d.param}" for d in dims)


def resolved_value(
    resolved: ResolvedSpec,
    model: Model,
    names: TokenNames,
    key: tuple[str, str, Combo, tuple[str, ...]],
    kind: str,
    fallback: str,
) -> str:
    """The expression of a part's property in a cell, or the fallback."""
    part, prop, combo, states = key
    token = resolved.token(part, prop, model.cell(combo, states))
    return names.expression(token, WANTED[kind]) or fallback


def taken_names(model: Model) -> set[str]:
    """The names of the composable's parameters and state locals, which no other local of
    its body may take (claim more with `unique`)."""
    taken = {p.name.strip("`") for p in [*model.params, *model.events]}
    taken |= {p.strip("`") for _, p in model.states}
    return taken | {"modifier", "enabled", "colors", "interactionSource"}


def part_shapes(
    model: Model, static: Callable[[str, str], str | None], taken: set[str]
) -> dict[str, tuple[str, str]]:
    """Part → the local holding its ``RoundedCornerShape`` and the radius (the ``radius`` or
    ``corner`` defaults call), for each part drawn as a ``Row`` or ``Box`` (not text or slot);
    the locals' names are claimed in ``taken``."""
    out: dict[str, tuple[str, str]] = {}
    for part in model.spec.parts:
        param = model.param(part.name)
        value = static(part.name, "radius") or static(part.name, "corner")
        if value and part.role not in TEXT_ROLES and (param is None or SLOT not in param.type):
            local = unique(kotlin_identifier(camel([*words(part.name), "shape"])), taken)
            out[part.name] = (local, value)
    return out


def decorations(
    use: Callable[[str], str],
    shape: str | None,
    scale_elevation: Sequence[str | None],
    focus_ring: tuple[str | None, str | None],
) -> list[str]:
    """``scale``, ``shadow``, ``clip`` and the focus ring (a border while ``focused``) of a
    part. Compose draws one platform shadow: the first outer layer, half its blur high."""
    modifier, on = use("androidx.compose.ui.Modifier"), f", shape = {shape}" if shape else ""
    (scale, elevation), out = scale_elevation, []
    if scale:
        out.append(f".{use(DRAW + '.scale')}({scale})")
    if elevation:
        shadow = f"{modifier}.{use(DRAW + '.shadow')}(elevation = it.blur / 2{on})"
        layer = f"{elevation}?.layers?.firstOrNull {{ !it.inset }}"
        out.append(f".then({layer}?.let {{ {shadow} }} ?: {modifier})")
    if shape:
        out.append(f".{use(DRAW + '.clip')}({shape})")
    ring, focused = focus_ring
    if ring and focused:
        border = f"{modifier}.{use(FOUNDATION + '.border')}(it.width, it.color{on})"
        out.append(f".then({ring}?.takeIf {{ {focused} }}?.let {{ {border} }} ?: {modifier})")
    return out
