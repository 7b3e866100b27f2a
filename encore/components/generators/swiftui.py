"""SwiftUI views from component specs, bound to the constants of ``EncoreTokens.swift``.

`generate_swiftui` writes one ``<SwiftUIName>.swift`` per spec (paths relative to
``build/ios/components/``) and ``EncoreComponentSupport.swift``, the modifiers they share.
Each view is a ``public struct ...: SwiftUI.View`` taking its props (strings, ``Bool``s,
``Double``s, nested enums for enum props, closures for events, a ``SwiftUI.Binding`` for
the value a control edits), with ``public enum``s for its variant axes and sizes. Token
values come from a nested ``Tokens`` struct of ``switch``es generated from
`encore.components.resolve` (see `encore.components.generators.swiftui_tokens`); the
states are ``pressed`` (``configuration.isPressed``), ``focus`` (``isFocused``),
``disabled`` (not ``isEnabled``) and the boolean props (``selected``, ``playing``);
``hover`` has no SwiftUI equivalent on iOS and is left out. The minimum frame is
``max(token, 44)``; the accessibility label comes from the spec's name source, traits
from its role; deprecated specs get ``@available(*, deprecated, ...)``.

Options: ``namespace`` and ``type_prefix``, as for the ``swift`` token format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from encore.components.generators import swiftui_views as views
from encore.components.generators.swiftui_parts import (
    RESERVED_MEMBERS,
    RESERVED_TYPES,
    SUPPORTED,
    SYMBOLS,
    TRAITS,
    Model,
    PropInfo,
    part_modifiers,
    prop_info,
    prop_state_names,
)
from encore.components.generators.swiftui_slider import (
    DRAGGING,
    adjustable,
    slider_body,
    slider_members,
)
from encore.components.generators.swiftui_tokens import (
    Names,
    member_name,
    render_resolver,
    resolvers,
    type_name,
)
from encore.components.resolve import resolve
from encore.components.spec import ComponentSpec
from encore.formats._common import comment_lines, decimal
from encore.formats.namespaces import build_namespaces
from encore.formats.swift import NAMING, swift_string
from encore.themes import Themes

MINIMUM_TARGET = 44  # points, Apple's Human Interface Guidelines
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BOUND = {"slider": ("value", "number"), "field": ("value", "string")}


def doc(text: str | None, indent: str) -> list[str]:
    """``///`` lines for a text (nothing when there is none)."""
    if not text:
        return []
    return [f"{indent}/// {line}".rstrip() for line in comment_lines(text)]


def build_model(spec: ComponentSpec, refs: Mapping[str, str], themes: Themes, prefix: str) -> Model:
    """The Swift names and token resolvers of one spec."""
    owner = spec.platforms.swiftui
    if not _IDENTIFIER.fullmatch(owner):
        owner = type_name(owner)
    types = Names([*RESERVED_TYPES, prefix, owner])
    members = Names([*RESERVED_MEMBERS, "state"])
    axes = []
    for axis in spec.variants:
        cases = Names()
        values = {v: cases.claim(member_name(v)) for v in axis.values}
        axes.append(
            (
                axis.name,
                members.claim(member_name(axis.name)),
                types.claim(type_name(axis.name)),
                values,
            )
        )
    sizes = Names()
    size_cases = {s: sizes.claim(member_name(s)) for s in spec.sizes}
    state_names = Names()
    observed = [s for s in spec.states if s in ("pressed", "focus", "disabled")]
    observed += prop_state_names(spec)
    states = {s: state_names.claim(member_name(s)) for s in spec.states if s in observed}
    model = Model(spec, owner, [], axes, size_cases, states, {})
    role = spec.accessibility.roles()[0]
    target = _BOUND.get(views.kind(model) if role != "switch" else "toggle")
    for prop in spec.props:
        name = f"on {prop.name}" if prop.type == "event" else prop.name
        bound = target is not None and (prop.name, prop.type) == target
        if role == "switch" and prop.type == "boolean" and prop.name in states:
            bound = model.bound is None
        if bound:
            model.bound = prop.name
        model.props.append(prop_info(spec, prop, members.claim(member_name(name)), types, bound))
    reserved = [member for _, member, _, _ in axes] + ["size", "state"]
    found = resolvers(spec, themes.default, refs, prefix, frozenset(states), SUPPORTED, reserved)
    model.resolvers = {(r.part, r.prop): r for r in found}
    return model


def _interaction(model: Model, where: str) -> str:
    """``Interaction(...)`` from the style's or the view's state."""
    prefix = "view." if where != "view" else ""
    values = []
    for state, member in model.states.items():
        if state == "pressed":
            slider = where == "view" and views.kind(model) == "slider"
            value = DRAGGING if slider else "false"
            value = "configuration.isPressed" if where == "button" else value
        elif state == "focus":
            value = "isFocused"
        elif state == "disabled":
            disabled = model.prop("disabled")
            own = where == "view" and disabled is not None and disabled.swift_type == "Swift.Bool"
            value = f"{disabled.member} || !isEnabled" if own and disabled else "!isEnabled"
        elif state == model.bound:
            value = "configuration.isOn" if where == "toggle" else f"{prefix}{member}.wrappedValue"
        else:
            info = model.prop(state)
            assert info is not None
            value = f"{prefix}{info.member}"
        values.append(f"{member}: {value}")
    axes = [f"{m}: {prefix}{m}" for _, m, _, _ in model.axes]
    if model.sizes:
        axes.append(f"size: {prefix}size")
    state = "state: Interaction(" + ", ".join(values) + ")"
    return "Tokens(" + ", ".join([*axes, state]) + ")"


def target_value(model: Model, refs: Mapping[str, str]) -> str | None:
    """The minimum target in points: the spec's, never below 44."""
    spec = model.spec
    ref = spec.accessibility.minimum_target.get("ios")
    token: str | None
    if ref is not None:
        token = decimal(float(ref.token)) if ref.literal else refs.get(ref.token)
    else:
        resolved = resolve(spec)
        name = resolved.token(spec.root.name, "min-target", resolved.default_cell())
        token = refs.get(name) if name else None
    if token is None and not spec.accessibility.interactive:
        return None
    return f"Swift.max({token}, {MINIMUM_TARGET})" if token else str(MINIMUM_TARGET)


def _target(model: Model, refs: Mapping[str, str]) -> str | None:
    value = target_value(model, refs)
    return None if value is None else f".frame(minWidth: {value}, minHeight: {value})"


def _traits(model: Model) -> list[str]:
    role = model.spec.accessibility.role
    out = []
    if isinstance(role, str):
        if role in TRAITS and views.kind(model) in ("button", "plain"):
            out.append(f".accessibilityAddTraits({TRAITS[role]})")
    else:
        axis = next(a for a in model.axes if set(role) <= set(a[3]))
        cases = " ".join(
            f"case .{axis[3][v].strip('`')}: return {TRAITS.get(r, '[]')};" for v, r in role.items()
        )
        if any(r in TRAITS for r in role.values()):
            out.append(f".accessibilityAddTraits({{ switch {axis[1]} {{ {cases} }} }}())")
    for name in ("selected", "playing"):
        info = model.prop(name)
        if info is not None and info.swift_type == "Swift.Bool":
            out.append(f".accessibilityAddTraits({info.member} ? .isSelected : [])")
    return out


def _body(model: Model, refs: Mapping[str, str]) -> list[str]:
    kind = views.kind(model)
    indent = "        "
    mods: list[str] = []
    disabled = model.prop("disabled")
    if disabled is not None and disabled.swift_type == "Swift.Bool":
        mods.append(f".disabled({disabled.member})")
    if (target := _target(model, refs)) is not None:
        mods.append(target)
    name = views._name(model)
    if kind == "button":
        action = model.events[0].member + "?()"
        head = [
            f"{indent}SwiftUI.Button(action: {{ {action} }}) {{",
            f"{indent}    SwiftUI.EmptyView()",
        ]
        head += [f"{indent}}}", f"{indent}.buttonStyle(Style(view: self))"]
    elif kind == "toggle":
        label = name or '""'
        binding = views._binding(model, "view") if model.bound else ".constant(false)"
        head = [f"{indent}SwiftUI.Toggle(isOn: {binding}) {{", f"{indent}    SwiftUI.Text({label})"]
        head += [f"{indent}}}", f"{indent}.toggleStyle(Style(view: self))"]
    elif kind == "slider":
        height = target_value(model, refs) or str(MINIMUM_TARGET)
        head = slider_body(height, indent)
        head += [f"{indent}{mod}" for mod in part_modifiers(model, model.spec.root.name)]
        value_text = model.prop("value-text")
        mods += adjustable("")
        if value_text is not None:
            mods.append(f".encoreAccessibilityValue({value_text.member})")
    else:
        head = [f"{indent}content(tokens)"]
        if kind == "plain":
            mods.insert(0, ".accessibilityElement(children: .combine)")
    if name and kind != "field":
        mods.append(f".accessibilityLabel(SwiftUI.Text({name}))")
    mods += _traits(model)
    return head + [f"{indent}{mod}" for mod in mods]


def _enum(
    name: str, cases: dict[str, str], docs: Mapping[str, str | None], indent: str, symbols: bool
) -> list[str]:
    lines = [f"{indent}public enum {name}: Swift.String, Swift.CaseIterable, Swift.Sendable {{"]
    for value, case in cases.items():
        lines += doc(docs.get(value), indent + "    ")
        raw = "" if case.strip("`") == value else f" = {swift_string(value)}"
        lines.append(f"{indent}    case {case}{raw}")
    if symbols:
        lines += ["", f"{indent}    /// The SF Symbol drawn for this icon."]
        lines.append(f"{indent}    public var systemImage: Swift.String {{")
        lines.append(f"{indent}        switch self {{")
        for value, case in cases.items():
            symbol = swift_string(SYMBOLS.get(value, "circle"))
            lines.append(f"{indent}        case .{case.strip('`')}: return {symbol}")
        lines += [f"{indent}        }}", f"{indent}    }}"]
    return [*lines, f"{indent}}}"]


def render_view(model: Model, refs: Mapping[str, str], owners: Mapping[str, str]) -> str:
    """One component's Swift file."""
    spec = model.spec
    i1, i2 = "    ", "        "
    out = [
        f"// Generated by Encore from the component spec {swift_string(spec.id)}. Do not edit: "
        "change the spec and run `encore build`.",
        "",
        "import CoreGraphics",
        "import SwiftUI",
        "",
        *doc(spec.docs.summary, ""),
    ]
    if spec.docs.usage:
        out += ["///", *doc(spec.docs.usage, "")]
    if spec.deprecation is not None:
        message = " ".join(t for t in (spec.deprecation.reason, spec.deprecation.migration) if t)
        arguments = f"message: {swift_string(message)}"
        renamed = owners.get(spec.deprecation.replacement or "")
        if renamed is not None:
            arguments += f", renamed: {swift_string(renamed)}"
        out.append(f"@available(*, deprecated, {arguments})")
    out.append(f"public struct {model.owner}: SwiftUI.View {{")
    variants = {k: spec.docs.of("variants", k) for axis in spec.variants for k in axis.values}
    for axis, _member, name, cases in model.axes:
        out += [*doc(spec.docs.of("variants", axis) or f"The {axis} axis.", i1)]
        symbols = all(value in SYMBOLS for value in cases)
        out += [*_enum(name, cases, variants, i1, symbols), ""]
    if model.sizes:
        sizes = {s: spec.docs.of("sizes", s) for s in spec.sizes}
        out += [f"{i1}/// The sizes.", *_enum("Size", model.sizes, sizes, i1, False), ""]
    for info in model.props:
        if info.enum:
            descriptions = {v: None for v in info.cases}
            icon = spec.part(info.prop.name)
            symbols = icon is not None and icon.role == "icon"
            out += [*doc(spec.docs.of("props", info.prop.name), i1)]
            out += [*_enum(info.enum, info.cases, descriptions, i1, symbols), ""]
    out.append(f"{i1}/// The states the tokens depend on.")
    out.append(f"{i1}struct Interaction: Swift.Hashable {{")
    out += [f"{i2}var {member}: Swift.Bool" for member in model.states.values()]
    out += [
        f"{i1}}}",
        "",
        f"{i1}/// The token values of every part in one variant, size and state.",
    ]
    out.append(f"{i1}struct Tokens {{")
    subjects = [member for _, member, _, _ in model.axes]
    for _, member, name, _ in model.axes:
        out.append(f"{i2}let {member}: {name}")
    if model.sizes:
        out.append(f"{i2}let size: Size")
        subjects.append("size")
    out.append(f"{i2}let state: Interaction")
    case_names = {axis: cases for axis, _, _, cases in model.axes} | {"size": model.sizes}
    for resolver in model.resolvers.values():
        out += ["", *render_resolver(resolver, subjects, case_names, model.states, i2)]
    out += [f"{i1}}}", ""]
    params, assigns = _stored(model, out, i1)
    kind = views.kind(model)
    if kind in ("plain", "field", "slider"):
        out += [*_environment(model, i1), ""]
    out += [f"{i1}/// Creates the view.", f"{i1}///", f"{i1}/// - Parameters:"]
    for info in [*model.props]:
        text = spec.docs.of("props", info.prop.name) or info.prop.name
        out.append(f"{i1}///   - {info.member.strip('`')}: {' '.join(comment_lines(text))}")
    out.append(f"{i1}public init(")
    out += [f"{i2}{p}," for p in params]
    out[-1] = out[-1].removesuffix(",")
    out += [f"{i1}) {{", *[f"{i2}{a}" for a in assigns], f"{i1}}}", ""]
    out += [f"{i1}public var body: some SwiftUI.View {{", *_body(model, refs), f"{i1}}}", ""]
    if kind in ("plain", "field", "slider"):
        out += [
            f"{i1}private var tokens: Tokens {{",
            f"{i2}{_interaction(model, 'view')}",
            f"{i1}}}",
            "",
        ]
    if kind == "slider":
        out += [*slider_members(model, i1), ""]
    else:
        out += [*views.content(model, i1), ""]
    if kind in ("button", "toggle"):
        protocol = "ButtonStyle" if kind == "button" else "ToggleStyle"
        call = "view.content(" + _interaction(model, kind)
        call += ", configuration: configuration)" if kind == "toggle" else ")"
        out += [
            f"{i1}/// Draws the parts from the {'pressed' if kind == 'button' else 'on'} state.",
            f"{i1}struct Style: SwiftUI.{protocol} {{",
            f"{i2}let view: {model.owner}",
            *_environment(model, i2),
            "",
            f"{i2}func makeBody(configuration: Configuration) -> some SwiftUI.View {{",
            f"{i2}    {call}",
            f"{i2}}}",
            f"{i1}}}",
        ]
    while out[-1] == "":
        out.pop()
    return "\n".join([*out, "}"]) + "\n"


def _environment(model: Model, indent: str) -> list[str]:
    """The environment values the states read."""
    out = []
    if "disabled" in model.states:
        out.append(f"{indent}@SwiftUI.Environment(\\.isEnabled) private var isEnabled: Swift.Bool")
    if "focus" in model.states:
        out.append(f"{indent}@SwiftUI.Environment(\\.isFocused) private var isFocused: Swift.Bool")
    return out


def _stored(model: Model, out: list[str], indent: str) -> tuple[list[str], list[str]]:
    """Stored properties (appended to ``out``), init parameters and assignments."""
    spec = model.spec
    entries: list[tuple[str, str, str | None, str | None]] = []
    events: list[tuple[str, str, str | None, str | None]] = []
    for info in model.props:
        row = (info.member, info.swift_type, info.default, spec.docs.of("props", info.prop.name))
        (events if info.prop.type == "event" else entries).append(row)
    for axis, member, name, cases in model.axes:
        chosen = next(a.default for a in spec.variants if a.name == axis)
        entries.append((member, name, "." + cases[chosen].strip("`"), None))
    if model.sizes and spec.default_size is not None:
        entries.append(("size", "Size", "." + model.sizes[spec.default_size].strip("`"), None))
    params, assigns = [], []
    for member, swift_type, default, text in [*entries, *events]:
        out += [*doc(text, indent), f"{indent}public let {member}: {swift_type}"]
        params.append(f"{member}: {swift_type}" + (f" = {default}" if default else ""))
        assigns.append(f"self.{member.strip('`')} = {member}")
    out.append("")
    return params, assigns


def generate_swiftui(
    specs: Sequence[ComponentSpec], themes: Themes, options: Mapping[str, Any]
) -> dict[str, str]:
    """Every component's Swift file and the shared support file, by file name."""
    namespace = str(options.get("namespace", "Encore"))
    prefix = str(options.get("type_prefix", "Encore"))
    _, refs = build_namespaces(themes.default, namespace, NAMING, [])
    owners = {spec.id: spec.platforms.swiftui for spec in specs}
    files = {f"{prefix}ComponentSupport.swift": views.support_file(prefix)}
    for spec in specs:
        model = build_model(spec, refs, themes, prefix)
        files[f"{model.owner}.swift"] = render_view(model, refs, owners)
    return files


__all__ = ["MINIMUM_TARGET", "PropInfo", "build_model", "generate_swiftui", "render_view"]
