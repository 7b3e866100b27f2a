"""Swift: SwiftUI constants in nested enum namespaces, and UIKit colours beside them.

Groups become caseless enums (``Encore.Color.Green``), tokens static constants
(``_500``). Colours keep their own space where SwiftUI has it (sRGB, linear sRGB,
Display P3), else Display P3 when outside sRGB, else sRGB. Dimensions are points
(``rem`` times ``rem_base``), durations `TimeInterval` seconds. Composite values use the
small value types of ``templates/swift_types.swift.j2``. A reference prints the other
constant's qualified name. `$description` becomes a doc comment, `$deprecated` an
``@available(*, deprecated, ...)`` attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats._common import (
    c_style_escape,
    comment_lines,
    decimal,
    deprecation_message,
    px,
    render_template,
    replacement,
    seconds,
)
from encore.formats._writer import ReferenceWriter
from encore.formats.namespaces import (
    BLOCK,
    Member,
    MemberLines,
    Namespace,
    Naming,
    TreeView,
    build_namespaces,
    group_blocks,
    join_spaced,
    member_runs,
    spaced_lines,
)
from encore.formats.naming import camel, pascal, swift_identifier, words
from encore.memo import kept
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.values.color import rgb_in
from encore.values.types import (
    Border,
    Color,
    CubicBezier,
    Dimension,
    Duration,
    FontFamily,
    FontWeight,
    Gradient,
    Number,
    Shadow,
    StrokeStyle,
    TokenType,
    Transition,
    Typography,
    Value,
)

_IDENTIFIER = "^[A-Za-z_][A-Za-z0-9_]*$"
OPTIONS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "access": {"enum": ["public", "package", "internal"]},
        "namespace": {"type": "string", "pattern": _IDENTIFIER},
        "uikit_namespace": {"type": ["string", "null"], "pattern": _IDENTIFIER},
        "type_prefix": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
        "rem_base": {"type": "number", "exclusiveMinimum": 0},
        "descriptions": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {
    "access": "public",
    "namespace": "Encore",
    "uikit_namespace": "EncoreUIKit",
    "type_prefix": "Encore",
    "rem_base": 16,
    "descriptions": True,
}
SWIFTUI_SPACES = frozenset({"srgb", "srgb-linear", "display-p3"})
UIKIT_SPACES = frozenset({"srgb", "display-p3"})
_SWIFTUI_SPACE_NAMES = {"srgb": ".sRGB", "srgb-linear": ".sRGBLinear", "display-p3": ".displayP3"}
_STROKE_KEYWORDS = frozenset(
    {"solid", "dashed", "dotted", "double", "groove", "ridge", "outset", "inset"}
)
_LINE_CAPS = {"butt": ".butt", "round": ".round", "square": ".square"}
NAMING = Naming(
    "Swift",
    "swift/name-collision",
    lambda segment: swift_identifier(pascal(words(segment))),
    lambda segment: swift_identifier(camel(words(segment))),
    "groups become UpperCamelCase enums and tokens lowerCamelCase constants",
)


def swift_string(text: str) -> str:
    """A Swift string literal holding exactly ``text``.

    ``/*`` and ``*/`` are written with ``\\u{2a}`` for the ``*``: the compiler reads them
    fine inside a string, but tree-sitter-swift, our syntax checker, takes them for comments.
    """
    literal = c_style_escape(text, {}, "\\u{{{:x}}}")
    return literal.replace("/*", "/\\u{2a}").replace("*/", "\\u{2a}/")


def type_names(prefix: str) -> dict[TokenType, str]:
    """The Swift type of each token type's constants."""
    return {
        TokenType.COLOR: "SwiftUI.Color",
        TokenType.DIMENSION: "CoreGraphics.CGFloat",
        TokenType.FONT_FAMILY: "[Swift.String]",
        TokenType.FONT_WEIGHT: "Swift.Double",
        TokenType.DURATION: "Foundation.TimeInterval",
        TokenType.CUBIC_BEZIER: f"{prefix}CubicBezier",
        TokenType.NUMBER: "Swift.Double",
        TokenType.STROKE_STYLE: f"{prefix}StrokeStyle",
        TokenType.BORDER: f"{prefix}Border",
        TokenType.TRANSITION: f"{prefix}Transition",
        TokenType.SHADOW: f"{prefix}Shadow",
        TokenType.GRADIENT: "SwiftUI.Gradient",
        TokenType.TYPOGRAPHY: f"{prefix}Typography",
    }


def swiftui_color(color: Color) -> str:
    """A SwiftUI colour in the colour's own space where SwiftUI has one."""
    space, r, g, b, alpha = rgb_in(color, SWIFTUI_SPACES)
    return (
        f"SwiftUI.Color({_SWIFTUI_SPACE_NAMES[space]}, red: {decimal(r)}, green: {decimal(g)}, "
        f"blue: {decimal(b)}, opacity: {decimal(alpha)})"
    )


def uikit_color(color: Color) -> str:
    """A UIKit colour: Display P3 or (extended) sRGB."""
    space, r, g, b, alpha = rgb_in(color, UIKIT_SPACES)
    first = "displayP3Red" if space == "display-p3" else "red"
    return (
        f"UIKit.UIColor({first}: {decimal(r)}, green: {decimal(g)}, blue: {decimal(b)}, "
        f"alpha: {decimal(alpha)})"
    )


@dataclass
class SwiftWriter(ReferenceWriter):
    """Swift literals for every token type."""

    prefix: str
    rem_base: float

    def literal(self, token: Token, path: JsonPath, value: Value) -> str:
        p = self.part
        if isinstance(value, Color):
            return swiftui_color(value)
        if isinstance(value, Dimension):
            return decimal(px(value, self.rem_base))
        if isinstance(value, Duration):
            return decimal(seconds(value))
        if isinstance(value, Number | FontWeight):
            return decimal(value.value)
        if isinstance(value, FontFamily):
            return "[" + ", ".join(swift_string(n) for n in value.names) + "]"
        if isinstance(value, CubicBezier):
            points = (value.x1, value.y1, value.x2, value.y2)
            return f"{self.prefix}CubicBezier({', '.join(decimal(v) for v in points)})"
        if isinstance(value, StrokeStyle):
            if value.keyword is not None:
                return f"{self.prefix}StrokeStyle.{value.keyword}"
            dashes = ", ".join(decimal(px(d, self.rem_base)) for d in value.dash_array)
            cap = _LINE_CAPS.get(value.line_cap or "butt", ".butt")
            return f"{self.prefix}StrokeStyle.pattern(dash: [{dashes}], lineCap: {cap})"
        if isinstance(value, Border):
            return (
                f"{self.prefix}Border(color: {p(token, (*path, 'color'), value.color)}, "
                f"width: {p(token, (*path, 'width'), value.width)}, "
                f"style: {p(token, (*path, 'style'), value.style)})"
            )
        if isinstance(value, Transition):
            return (
                f"{self.prefix}Transition(duration: {p(token, (*path, 'duration'), value.duration)}"
                f", delay: {p(token, (*path, 'delay'), value.delay)}, timingFunction: "
                f"{p(token, (*path, 'timingFunction'), value.timing_function)})"
            )
        if isinstance(value, Shadow):
            return self.shadow(token, path, value)
        if isinstance(value, Gradient):
            return self.gradient(token, path, value)
        assert isinstance(value, Typography)
        family = p(token, (*path, "fontFamily"), value.font_family)
        return (
            f"{self.prefix}Typography(fontFamily: {family}"
            f", fontSize: {p(token, (*path, 'fontSize'), value.font_size)}"
            f", fontWeight: {p(token, (*path, 'fontWeight'), value.font_weight)}"
            f", letterSpacing: {p(token, (*path, 'letterSpacing'), value.letter_spacing)}"
            f", lineHeight: {p(token, (*path, 'lineHeight'), value.line_height)})"
        )

    def shadow(self, token: Token, path: JsonPath, value: Shadow) -> str:
        layers = []
        for i, layer in enumerate(value.layers):
            at: JsonPath = (*path, i) if value.is_list else path
            fields = [
                f"color: {self.part(token, (*at, 'color'), layer.color)}",
                f"offsetX: {self.part(token, (*at, 'offsetX'), layer.offset_x)}",
                f"offsetY: {self.part(token, (*at, 'offsetY'), layer.offset_y)}",
                f"blur: {self.part(token, (*at, 'blur'), layer.blur)}",
                f"spread: {self.part(token, (*at, 'spread'), layer.spread)}",
            ]
            if layer.inset:
                fields.append("inset: true")
            layers.append(f"{self.prefix}Shadow.Layer({', '.join(fields)})")
        return f"{self.prefix}Shadow([{', '.join(layers)}])"

    def gradient(self, token: Token, path: JsonPath, value: Gradient) -> str:
        stops = []
        for i, stop in enumerate(value.stops):
            color = self.part(token, (*path, i, "color"), stop.color)
            position = self.alias(token, (*path, i, "position"))
            location = f"CoreGraphics.CGFloat({position})" if position else decimal(stop.position)
            stops.append(f"SwiftUI.Gradient.Stop(color: {color}, location: {location})")
        return f"SwiftUI.Gradient(stops: [{', '.join(stops)}])"


@dataclass
class UIKitWriter(ReferenceWriter):
    """UIKit colours; other types are not written to the UIKit namespace."""

    def literal(self, token: Token, path: JsonPath, value: Value) -> str:
        assert isinstance(value, Color)
        return uikit_color(value)


def doc_comment(token: Token, indent: str, enabled: bool) -> list[str]:
    """``///`` lines for the token's description."""
    if not enabled or not token.description:
        return []
    return [f"{indent}/// {line}".rstrip() for line in comment_lines(token.description)]


def deprecation(token: Token, tokens: TokenSet, refs: Mapping[str, str], indent: str) -> list[str]:
    """``@available(*, deprecated, ...)`` with ``renamed:`` when the message names a token."""
    if not token.deprecated:
        return []
    arguments = f"message: {swift_string(deprecation_message(token))}"
    other = replacement(token, tokens)
    if other is not None and other.name in refs:
        arguments += f", renamed: {swift_string(refs[other.name])}"
    return [f"{indent}@available(*, deprecated, {arguments})"]


@dataclass
class _Emitter:
    tokens: TokenSet
    access: str
    types: dict[TokenType, str]
    descriptions: bool
    dynamic: Callable[[Token, str, bool], str | None] = lambda token, indent, uikit: None
    themed: Mapping[str, object] = field(default_factory=dict)  # what `dynamic` depends on
    slot: Hashable = None  # with a slot, warm builds keep each namespace's members' lines
    view: TreeView | None = None  # the tree being rendered (set at its root)

    def namespace(
        self,
        space: Namespace,
        writer: ReferenceWriter,
        refs: Mapping[str, str],
        depth: int,
        only: frozenset[TokenType] | None = None,
    ) -> list[str]:
        """The enum of a namespace and everything in it (kept between warm builds while
        its tokens, and what `dynamic` depends on for them, stay)."""
        if depth == 0:
            self.view = TreeView(space, self.tokens, self.themed)
        if self.slot is None:
            return self._namespace(space, writer, refs, depth, only)
        view = self._view()
        themed = view.subtree_extra(space)
        context = (refs, self.access, self.descriptions, self.types, only, themed)
        slot = (self.slot, type(writer).__name__, "tree", space.qualified)
        tokens = view.subtree(space)
        return list(
            kept(slot, tokens, context, lambda: self._namespace(space, writer, refs, depth, only))
        )

    def _namespace(
        self,
        space: Namespace,
        writer: ReferenceWriter,
        refs: Mapping[str, str],
        depth: int,
        only: frozenset[TokenType] | None = None,
    ) -> list[str]:
        indent = "    " * depth
        inner = indent + "    "
        view = self._view()
        tokens = view.members(space)

        def entry(member: Member, token: Token) -> tuple[list[str], str]:
            preamble = doc_comment(token, inner, self.descriptions)
            preamble += deprecation(token, self.tokens, refs, inner)
            kind = "UIKit.UIColor" if only is not None else self.types[token.type]
            value = self.dynamic(token, inner, only is not None) or writer.value(token)
            return (
                preamble,
                f"{inner}{self.access} static let {member.identifier}: {kind} = {value}",
            )

        def members(start: int, end: int) -> MemberLines:
            pairs = zip(space.members[start:end], tokens[start:end], strict=True)
            return spaced_lines(
                entry(member, token)
                for member, token in pairs
                if only is None or token.type in only
            )

        if self.slot is None:
            body = join_spaced([members(0, len(tokens))])
        else:
            runs: list[MemberLines] = []
            for index, (start, end) in enumerate(member_runs(space)):
                themed = view.members_extra(space, start, end)
                context = (refs, self.access, self.descriptions, self.types, only, themed)
                slot = (self.slot, type(writer).__name__, space.qualified, index)
                runs.append(kept(slot, tokens[start:end], context, partial(members, start, end)))
            body = join_spaced(runs)
        for nested in self._nested(space, writer, refs, depth, only):
            if nested:
                if body:
                    body.append("")
                body += nested
        if not body:
            return []
        return [f"{indent}{self.access} enum {space.identifier} {{", *body, f"{indent}}}"]

    def _nested(
        self,
        space: Namespace,
        writer: ReferenceWriter,
        refs: Mapping[str, str],
        depth: int,
        only: frozenset[TokenType] | None,
    ) -> list[list[str]]:
        """The enums of the nested namespaces; a wide namespace keeps them in blocks."""
        if self.slot is None or len(space.groups) <= BLOCK:
            return [self.namespace(g, writer, refs, depth + 1, only) for g in space.groups.values()]
        out: list[list[str]] = []
        view = self._view()
        for index, groups in enumerate(group_blocks(space)):
            themed = view.run_extra(groups)
            context = (refs, self.access, self.descriptions, self.types, only, themed)
            slot = (self.slot, type(writer).__name__, "block", space.qualified, index)

            def block(run: tuple[Namespace, ...] = groups) -> list[list[str]]:
                return [self.namespace(g, writer, refs, depth + 1, only) for g in run]

            out += kept(slot, view.run(groups), context, block)
        return out

    def _view(self) -> TreeView:
        assert self.view is not None, "namespace() sets it at depth 0"
        return self.view


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The Swift file for a token set."""
    return render_with(tokens, options, report, None)


def render_with(
    tokens: TokenSet,
    options: Mapping[str, Any],
    report: list[Diagnostic],
    dynamic: Callable[[Token, str, bool], str | None] | None,
    themed: Mapping[str, object] | None = None,
) -> str:
    """The Swift file, with ``dynamic`` giving the expression of themed constants (its
    result for a token depends only on the token and on ``themed[token.name]``)."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["type_prefix"])
    types = type_names(prefix)
    reserved = [t.removeprefix("[").removesuffix("]") for t in types.values() if "." not in t] + [
        "SwiftUI",
        "UIKit",
        "CoreGraphics",
        "Foundation",
        "Swift",
    ]
    top, refs = build_namespaces(tokens, str(opts["namespace"]), NAMING, report, reserved)
    rem_base = float(opts["rem_base"])
    emitter = _Emitter(tokens, str(opts["access"]), types, bool(opts["descriptions"]))
    emitter.slot = ("swift", repr(sorted(opts.items())))
    if dynamic is not None:
        emitter.dynamic = dynamic
        emitter.themed = themed or {}
    out = [
        "// Generated by Encore from design tokens. Do not edit: change the tokens and run "
        "`encore build`.",
        "",
        "import CoreGraphics",
        "import Foundation",
        "import SwiftUI",
        "#if canImport(UIKit)",
        "import UIKit",
        "#endif",
        "",
        render_template("swift_types.swift.j2", access=opts["access"], prefix=prefix),
        "",
        *emitter.namespace(top, SwiftWriter(refs, prefix, rem_base), refs, 0),
    ]
    uikit = opts["uikit_namespace"]
    if uikit is not None and any(t.type is TokenType.COLOR for t in tokens):
        ui_top, ui_refs = build_namespaces(tokens, str(uikit), NAMING, [], reserved)
        colors = frozenset({TokenType.COLOR})
        out += [
            "",
            "#if canImport(UIKit)",
            *emitter.namespace(ui_top, UIKitWriter(ui_refs), ui_refs, 0, colors),
            "#endif",
        ]
    return "\n".join(out) + "\n"
