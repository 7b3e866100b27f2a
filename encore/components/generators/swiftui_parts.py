"""SwiftUI generator, view side: the view model of a spec and the modifiers of each part.

`Model` holds what the view code needs: the Swift names of props, variant axes, sizes and
states, and the token resolvers of `encore.components.generators.swiftui_tokens`.
`part_modifiers` maps each bound property to a SwiftUI modifier (``background`` → a
filled rounded rectangle, ``text-style`` → font, line spacing and tracking...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from encore.components.generators.swiftui_tokens import Names, Resolver, member_name, type_name
from encore.components.spec import DEFAULT_STATE, INTERACTION_STATES, ComponentSpec, Prop
from encore.formats._common import decimal
from encore.formats.swift import swift_string

# Properties the views apply; the others (gradients, font pieces, outlines) are skipped.
SUPPORTED = frozenset(
    {
        "background",
        "color",
        "border-color",
        "border-width",
        "border",
        "radius",
        "padding",
        "padding-inline",
        "padding-block",
        "gap",
        "width",
        "height",
        "min-width",
        "min-height",
        "max-width",
        "size",
        "min-target",
        "text-style",
        "elevation",
        "focus-ring",
        "opacity",
        "scale",
        "transition",
    }
)
RESERVED_TYPES: tuple[str, ...] = (
    "SwiftUI",
    "Swift",
    "CoreGraphics",
    "Foundation",
    "UIKit",
    "Tokens",
)
RESERVED_TYPES += ("Interaction", "Style", "Size", "Body", "Configuration", "View")
# Members and locals of the slider's code; props are named around them.
SLIDER_HELPERS: tuple[str, ...] = ("isDragging", "currentValue", "fraction", "upperBound")
SLIDER_HELPERS += ("stepSize", "setValue")
SLIDER_HELPERS += ("trackView", "trackWidth", "trackOffset", "geometryProxy", "dragValue")
SLIDER_HELPERS += ("isActive", "proposedValue", "steppedValue", "snappedValue", "adjustment")
RESERVED_MEMBERS: tuple[str, ...] = ("body", "size", "tokens", "content", "isEnabled", "isFocused")
RESERVED_MEMBERS += ("view",)
RESERVED_MEMBERS += SLIDER_HELPERS
SYMBOLS = {  # SF Symbols for well-known icon names
    "play": "play.fill",
    "pause": "pause.fill",
    "skip-next": "forward.end.fill",
    "skip-previous": "backward.end.fill",
    "like": "heart",
    "search": "magnifyingglass",
    "clear": "xmark.circle.fill",
    "indicator": "waveform",
    "error": "exclamationmark.circle.fill",
    "info": "info.circle.fill",
}
TRAITS = {"button": ".isButton", "link": ".isLink", "searchbox": ".isSearchField"}
TRAITS |= {"row": ".isButton", "heading": ".isHeader", "img": ".isImage", "image": ".isImage"}


@dataclass
class PropInfo:
    """A prop as a Swift stored property and init parameter."""

    prop: Prop
    member: str
    swift_type: str
    default: str | None  # the parameter's default, if any
    enum: str | None = None  # the nested enum of an enum prop
    cases: dict[str, str] = field(default_factory=dict)


@dataclass
class Model:
    """What the view code needs to know about one spec, in Swift names."""

    spec: ComponentSpec
    owner: str
    props: list[PropInfo]
    axes: list[tuple[str, str, str, dict[str, str]]]  # axis, member, type, value → case
    sizes: dict[str, str]  # size → case
    states: dict[str, str]  # observed state → Interaction member
    resolvers: dict[tuple[str, str], Resolver]
    bound: str | None = None  # the prop a control binds (value, checked)

    def prop(self, name: str) -> PropInfo | None:
        """The prop of that name."""
        return next((p for p in self.props if p.prop.name == name), None)

    def token(self, part: str, prop: str) -> str | None:
        """``tokens.member`` for a bound part x property, if it is bound."""
        resolver = self.resolvers.get((part, prop))
        return f"tokens.{resolver.member}" if resolver else None

    def value(self, part: str, prop: str, fallback: str) -> str | None:
        """The token expression with ``fallback`` when it is optional."""
        resolver = self.resolvers.get((part, prop))
        if resolver is None:
            return None
        expression = f"tokens.{resolver.member}"
        return f"{expression} ?? {fallback}" if resolver.optional else expression

    @property
    def events(self) -> list[PropInfo]:
        return [p for p in self.props if p.prop.type == "event"]


def prop_state_names(spec: ComponentSpec) -> list[str]:
    """States set by a boolean prop of the same name (``selected``, ``playing``)."""
    out = []
    for state in spec.states:
        prop = spec.prop(state)
        if state not in (DEFAULT_STATE, *INTERACTION_STATES) and prop and prop.type == "boolean":
            out.append(state)
    return out


def prop_info(spec: ComponentSpec, prop: Prop, member: str, types: Names, bound: bool) -> PropInfo:
    """The Swift type and default of a prop."""
    scalar = {"string": "Swift.String", "icon": "Swift.String", "number": "Swift.Double"}
    scalar |= {"boolean": "Swift.Bool", "image": "SwiftUI.Image", "slot": "SwiftUI.AnyView"}
    if prop.type == "event":
        return PropInfo(prop, member, "(() -> Swift.Void)?", "nil")
    info = PropInfo(prop, member, scalar.get(prop.type, "Swift.String"), None)
    if prop.type == "enum":
        info.enum = types.claim(type_name(prop.name))
        info.swift_type = info.enum
        names = Names()
        info.cases = {v: names.claim(member_name(v)) for v in prop.values}
    if bound:
        info.swift_type = f"SwiftUI.Binding<{info.swift_type}>"
        return info
    if isinstance(prop.default, bool):
        info.default = "true" if prop.default else "false"
    elif isinstance(prop.default, int | float) and prop.type == "number":
        info.default = decimal(float(prop.default))
    elif isinstance(prop.default, str) and prop.type == "enum" and prop.default in info.cases:
        info.default = "." + info.cases[prop.default].strip("`")
    elif isinstance(prop.default, str) and prop.type in ("string", "icon"):
        info.default = swift_string(prop.default)
    elif prop.type == "boolean":
        info.default = "false"
    elif not prop.required:
        info.swift_type += "?"
        info.default = "nil"
    return info


def part_modifiers(model: Model, part: str, *, root: bool = False) -> list[str]:
    """The modifiers applying a part's bound properties, in drawing order."""
    m = model.token
    out = []
    if style := m(part, "text-style"):
        out.append(f".encoreTextStyle({style})")
    if color := m(part, "color"):
        out.append(f".encoreForeground({color})")
    for prop, edges in (("padding", ".all"), ("padding-inline", ".horizontal")):
        if (value := model.value(part, prop, "0")) is not None:
            out.append(f".padding({edges}, {value})")
    if (value := model.value(part, "padding-block", "0")) is not None:
        out.append(f".padding(.vertical, {value})")
    size = m(part, "size")
    width, height = m(part, "width") or size, m(part, "height") or size
    if width or height:
        out.append(f".frame(width: {width or 'nil'}, height: {height or 'nil'})")
    low_w, low_h, high = m(part, "min-width"), m(part, "min-height"), m(part, "max-width")
    if low_w or low_h or high:
        bits = [f"minWidth: {low_w}"] if low_w else []
        bits += [f"maxWidth: {high}"] if high else []
        bits += [f"minHeight: {low_h}"] if low_h else []
        out.append(f".frame({', '.join(bits)})")
    radius = m(part, "radius") or "nil"
    if background := m(part, "background"):
        out.append(f".encoreBackground({background}, radius: {radius})")
    border = m(part, "border")
    border_color = m(part, "border-color") or (f"{border}?.color" if border else None)
    if border_color:
        width = m(part, "border-width") or (f"{border}?.width" if border else "nil")
        out.append(f".encoreBorder({border_color}, width: {width}, radius: {radius})")
    spec_part = model.spec.part(part)
    if spec_part is not None and spec_part.role == "image" and radius != "nil":
        out.append(f".encoreClip(radius: {radius})")
    if shadow := m(part, "elevation"):
        out.append(f".encoreShadow({shadow})")
    if ring := m(part, "focus-ring"):
        out.append(f".encoreFocusRing({ring}, radius: {radius})")
    if (value := model.value(part, "opacity", "1")) is not None:
        out.append(f".opacity({value})")
    if (value := model.value(part, "scale", "1")) is not None:
        out.append(f".scaleEffect({value})")
    if transition := m(part, "transition"):
        out.append(f".encoreAnimation({transition}, value: tokens.state)")
    return out


def chained(head: str, modifiers: list[str], indent: str) -> list[str]:
    """``head`` with one modifier a line."""
    return [f"{indent}{head}", *(f"{indent}    {mod}" for mod in modifiers)]


__all__ = [
    "RESERVED_MEMBERS",
    "RESERVED_TYPES",
    "SUPPORTED",
    "SYMBOLS",
    "TRAITS",
    "Model",
    "PropInfo",
    "chained",
    "part_modifiers",
    "prop_info",
    "prop_state_names",
]
