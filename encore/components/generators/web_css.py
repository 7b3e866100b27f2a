"""The plain CSS of the web components: classes for pages without JavaScript, shared with
the custom elements' shadow stylesheets.

Every bound part x property becomes a component-level custom property
(``--encore-button-container-background``) whose fallback is the bound token's variable,
so a theme switch on ``:root`` restyles every component. Rules come from the resolved
spec: for each part x property, every combination of the variant values, sizes and states
its bindings name; a rule for more states has more pseudo-classes, so it wins exactly
when those states are all active, as `encore.components.resolve` prescribes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping

from encore.components.resolve import ResolvedSpec, lookup
from encore.components.spec import Binding, Cell, ComponentSpec
from encore.formats.css import TYPOGRAPHY_PARTS, css_string

# spec property → CSS properties it sets
CSS_PROPERTIES: dict[str, tuple[str, ...]] = {
    "background": ("background",),
    "background-image": ("background-image",),
    "color": ("color",),
    "border-color": ("border-color",),
    "outline-color": ("outline-color",),
    "padding": ("padding",),
    "padding-inline": ("padding-inline",),
    "padding-block": ("padding-block",),
    "gap": ("gap",),
    "radius": ("border-radius",),
    "width": ("inline-size",),
    "height": ("block-size",),
    "min-width": ("min-inline-size",),
    "min-height": ("min-block-size",),
    "max-width": ("max-inline-size",),
    "size": ("inline-size", "block-size"),
    "min-size": ("min-inline-size", "min-block-size"),
    "min-target": ("min-inline-size", "min-block-size"),  # on the ::after hit area
    "border-width": ("border-width",),
    "outline-width": ("outline-width",),
    "outline-offset": ("outline-offset",),
    "font-family": ("font-family",),
    "font-weight": ("font-weight",),
    "elevation": ("box-shadow",),
    "border": ("border",),
    "outline": ("outline",),
    "focus-ring": ("outline",),
    "opacity": ("opacity",),
    "scale": ("scale",),
    "transition": ("transition",),
    "motion": ("transition",),
    "duration": ("transition-duration",),
    "easing": ("transition-timing-function",),
    "overlay": ("box-shadow",),  # an inset wash: see `_declarations`
}
# A disabled control neither hovers nor presses; in :where() so the state rules keep one
# pseudo-class's specificity and the later rule still wins (the order `resolve` assumes).
_ENABLED = ':where(:not(:disabled, [aria-disabled="true"], :has(> :disabled)))'
STATE_SELECTORS: dict[str, str] = {
    "hover": ":hover" + _ENABLED,
    "pressed": ":active" + _ENABLED,
    "focus": ":is(:focus-visible, :has(:focus-visible))",
    "disabled": ':is(:disabled, [aria-disabled="true"], :has(> :disabled))',
    "selected": ':is([aria-pressed="true"], [aria-selected="true"], [data-state~="selected"])',
    "checked": ':is(:checked, [aria-checked="true"], [data-state~="checked"])',
}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def css_ident(text: str) -> str:
    """``text`` as (part of) a CSS identifier, escaping anything but letters, digits, - and _."""
    out = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "-_") else f"\\{ord(ch):x} " for ch in text
    )
    if out[:1].isdigit():
        out = f"\\{ord(out[0]):x} {out[1:]}"
    return out


def state_selector(state: str) -> str:
    """The selector of a state; prop-driven states read ``data-state``."""
    return STATE_SELECTORS.get(state, f"[data-state~={css_string(state)}]")


def custom_property(spec: ComponentSpec, part: str, prop: str, states: tuple[str, ...] = ()) -> str:
    """``--encore-button-container-background``; a state has its own, so a page can
    restyle one state (``--encore-button-container-background-hover``) and not the rest."""
    name = f"--{css_ident(spec.platforms.web)}-{css_ident(part)}-{css_ident(prop)}"
    return name + "".join(f"-{css_ident(state)}" for state in states)


def part_class(spec: ComponentSpec, part: str) -> str:
    """The class of a part: the tag for the root, ``tag__part`` for the others."""
    tag = css_ident(spec.platforms.web)
    return tag if part == spec.root.name else f"{tag}__{css_ident(part)}"


def modifier_class(spec: ComponentSpec, value: str) -> str:
    """``encore-button--primary``."""
    return f"{css_ident(spec.platforms.web)}--{css_ident(value)}"


def _value_selector(spec: ComponentSpec, value: str, others: tuple[str, ...], default: bool) -> str:
    """The class of a value; the default value also applies when no value class is set."""
    own = "." + modifier_class(spec, value)
    if not default:
        return own
    rest = ", ".join("." + modifier_class(spec, v) for v in others if v != value)
    return f":is({own}, :not({rest}))" if rest else own


def _token_value(binding: Binding | None, names: Mapping[str, str], suffix: str = "") -> str | None:
    if binding is None:
        return None
    if binding.literal:
        return binding.token if _NUMBER.fullmatch(binding.token) and not suffix else None
    name = names.get(binding.token)
    return f"var({name}{suffix})" if name is not None else None


def _declarations(
    spec: ComponentSpec,
    part: str,
    prop: str,
    states: tuple[str, ...],
    binding: Binding,
    names: Mapping[str, str],
) -> list[str]:
    own = custom_property(spec, part, prop, states)
    if prop == "text-style":
        font = _token_value(binding, names)
        if font is None:
            return []
        out = [f"font: var({own}, {font});"]
        for suffix, _ in TYPOGRAPHY_PARTS:
            if suffix == "letter-spacing":
                value = _token_value(binding, names, f"-{suffix}")
                out.append(f"{suffix}: var({own}-{suffix}, {value});")
        return out
    value = _token_value(binding, names)
    if value is None:
        return []
    if prop == "overlay":
        return [f"box-shadow: inset 0 0 0 100vmax var({own}, {value});"]
    return [f"{css}: var({own}, {value});" for css in CSS_PROPERTIES.get(prop, ())]


def _part_selector(spec: ComponentSpec, part: str, root: str) -> str:
    if part == spec.root.name:
        return root
    found = spec.part(part)
    if found is not None and found.role == "placeholder":
        inputs = [p for p in spec.parts if p.role == "input"]
        if inputs:
            return f"{root} .{part_class(spec, inputs[0].name)}::placeholder"
    return f"{root} .{part_class(spec, part)}"


def _group_rules(
    resolved: ResolvedSpec, part: str, prop: str, names: Mapping[str, str]
) -> list[tuple[str, list[str]]]:
    """(selector, declarations) for one part x property, in the order they must appear."""
    spec = resolved.spec
    bindings = [b for b in spec.bindings if b.part == part and b.property == prop]
    named_axes = {axis for b in bindings for axis, _ in b.selector.variants}
    named_size = any(b.selector.size is not None for b in bindings)
    named_states = [s for s in spec.states if any(s in b.selector.states for b in bindings)]
    axes = [axis for axis in spec.variants if axis.name in named_axes]
    other_axes = tuple((a.name, a.default) for a in spec.variants if a.name not in named_axes)
    sizes: list[str | None] = list(spec.sizes) if named_size else [spec.default_size]
    rules: list[tuple[str, list[str]]] = []
    tag = "." + css_ident(spec.platforms.web)
    for combo in itertools.product(*[[(a.name, v) for v in a.values] for a in axes]):
        for size in sizes:
            base = tag
            for axis, (_, value) in zip(axes, combo, strict=True):
                base += _value_selector(spec, value, axis.values, value == axis.default)
            if named_size and size is not None:
                base += _value_selector(spec, size, spec.sizes, size == spec.default_size)
            variants = tuple(sorted((*combo, *other_axes), key=_axis_order(spec)))
            emitted: list[tuple[frozenset[str], Binding]] = []
            for count in range(len(named_states) + 1):
                for states in itertools.combinations(named_states, count):
                    cell = Cell(variants, size, states)
                    binding = resolved.table.get((part, prop, cell))
                    if binding is None:
                        binding = lookup(spec, part, prop, cell)
                    if binding is None:
                        continue
                    key = frozenset(states)
                    winner = max(
                        (e for e in enumerate(emitted) if e[1][0] < key),
                        key=lambda e: (len(e[1][0]), e[0]),
                        default=None,
                    )
                    if winner is not None and winner[1][1].token == binding.token:
                        continue
                    emitted.append((key, binding))
                    root = base + "".join(state_selector(s) for s in states)
                    declarations = _declarations(spec, part, prop, states, binding, names)
                    if declarations:
                        selector = _part_selector(spec, part, root)
                        if prop == "min-target":
                            selector += "::after"
                        rules.append((selector, declarations))
    return rules


def _axis_order(spec: ComponentSpec) -> Callable[[tuple[str, str]], int]:
    order = {axis.name: i for i, axis in enumerate(spec.variants)}
    return lambda item: order.get(item[0], len(order))


_PART_LAYOUT = {  # zero-specificity layout by part role; bindings size and colour them
    "track": ["display: block;", "position: relative;", "inline-size: 100%;"],
    "fill": ["display: block;", "block-size: 100%;"],
    "thumb": ["position: absolute;", "inset-block-start: 50%;", "translate: -50% -50%;"],
    "icon": ["display: inline-flex;", "flex: none;"],
}


def _base(spec: ComponentSpec, tag: str) -> list[tuple[str, list[str]]]:
    """Layout under every bound rule (``:where()``, so any binding or page style wins):
    a flex container without the browser's own control look, and part layout by role."""
    container = [
        "display: inline-flex;",
        "align-items: center;",
        "box-sizing: border-box;",
        "margin: 0;",
        "border: 0 solid;",
        "background: transparent;",
        "color: inherit;",
        "font: inherit;",
        "text-align: start;",
        "text-decoration: none;",
    ]
    if spec.accessibility.interactive:
        container.append("cursor: pointer;")
    rules = [(f":where({tag})", container)]
    for part in spec.parts:
        layout = _PART_LAYOUT.get(part.role)
        if layout and part.name != spec.root.name:
            rules.append((f":where(.{part_class(spec, part.name)})", list(layout)))
    return rules


def _structure(spec: ComponentSpec, resolved: ResolvedSpec) -> list[tuple[str, list[str]]]:
    """Base rules a binding relies on: a border style, the hit area of a minimum target."""
    tag = "." + css_ident(spec.platforms.web)
    rules: list[tuple[str, list[str]]] = []
    bound = resolved.properties
    for part in spec.parts:
        selector = _part_selector(spec, part.name, tag)
        lines = []
        if (part.name, "border-width") in bound or (part.name, "border-color") in bound:
            lines += ["border-style: solid;", "border-width: 0;"]
        if (part.name, "min-target") in bound:
            lines.append("position: relative;")
            after = [
                'content: "";',
                "position: absolute;",
                "inset-block-start: 50%;",
                "inset-inline-start: 50%;",
                "inline-size: 100%;",
                "block-size: 100%;",
                "translate: -50% -50%;",
            ]
            rules.append((selector + "::after", after))
        if lines:
            rules.insert(0, (selector, lines))
    return _base(spec, tag) + rules


def component_css(spec: ComponentSpec, names: Mapping[str, str]) -> str:
    """The rules of one component, from its resolved spec and the tokens' variable names."""
    resolved = ResolvedSpec(spec)
    rules = _structure(spec, resolved)
    for part, prop in resolved.properties:
        rules += _group_rules(resolved, part, prop, names)
    out: list[str] = []
    for selector, lines in rules:
        out += [f"{selector} {{", *(f"  {line}" for line in lines), "}"]
    return "\n".join(out) + "\n"
