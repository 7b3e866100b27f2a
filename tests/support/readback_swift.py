"""Swift files read back with tree-sitter: ``static let`` constants in nested enums.

Each constant's expression becomes an `Expr` and is evaluated with references resolved.
SwiftUI colours are ``SwiftUI.Color(.sRGB | .sRGBLinear | .displayP3, red:, green:,
blue:, opacity:)``, UIKit colours ``UIKit.UIColor(red: | displayP3Red:, ...)``; lengths
are points, durations `TimeInterval` seconds; composites the Encore value types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.support.readback import Col, Qty, ReadError
from tests.support.readback_code import (
    Bool,
    Call,
    Expr,
    Implicit,
    Interpreter,
    Member,
    Name,
    Neg,
    Num,
    Obj,
    Seq,
    Str,
    Sym,
    number,
    unescape,
)
from tests.support.readback_kotlin import KotlinDecoder

SWIFTUI_SPACES = {".sRGB": "srgb", ".sRGBLinear": "srgb-linear", ".displayP3": "display-p3"}


def read_swift(source: bytes) -> Interpreter:
    """Every ``static let`` in the file's enums, by qualified name (backticks removed)."""
    import tree_sitter
    import tree_sitter_swift

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    tree = parser.parse(source)
    if tree.root_node.has_error:
        raise ReadError("the Swift file has syntax errors")
    declarations: dict[str, Expr] = {}
    for node in tree.root_node.children:
        _enum(node, "", declarations)
    return Interpreter(declarations)


def _text(node: Any) -> str:
    return (node.text or b"").decode("utf-8")


def _enum(node: Any, prefix: str, out: dict[str, Expr]) -> None:
    if node.type != "class_declaration" or not any(c.type == "enum" for c in node.children):
        return
    name = prefix + _text(node.child_by_field_name("name")).strip("`")
    body = node.child_by_field_name("body")
    for member in body.children if body is not None else ():
        if member.type == "class_declaration":
            _enum(member, name + ".", out)
        elif member.type == "property_declaration":
            modifiers = next((c for c in member.children if c.type == "modifiers"), None)
            value = member.child_by_field_name("value")
            if modifiers is None or value is None or b"static" not in (modifiers.text or b""):
                continue
            pattern = member.child_by_field_name("name")
            out[f"{name}.{_text(pattern).strip('`')}"] = expression(value)


def expression(node: Any) -> Expr:
    """The `Expr` of a tree-sitter Swift expression node."""
    kind = node.type
    if kind in ("integer_literal", "real_literal", "hex_literal"):
        return Num(number(_text(node)), _text(node))
    if kind == "boolean_literal":
        return Bool(_text(node) == "true")
    if kind == "line_string_literal":
        return Str(unescape(_text(node)[1:-1]))
    if kind == "simple_identifier":
        return Name((_text(node).strip("`"),))
    if kind == "array_literal":
        return Seq(tuple(expression(c) for c in node.children_by_field_name("element")))
    if kind == "prefix_expression":
        operation = _text(node.child_by_field_name("operation"))
        target = node.child_by_field_name("target")
        if operation == "-":
            return Neg(expression(target))
        if operation == "." and target.type == "simple_identifier":
            return Implicit(_text(target))
    if kind == "navigation_expression":
        target = expression(node.child_by_field_name("target"))
        suffix = node.child_by_field_name("suffix").child_by_field_name("suffix")
        name = _text(suffix).strip("`")
        return Name((*target.parts, name)) if isinstance(target, Name) else Member(target, name)
    if kind == "call_expression":
        callee, suffix = node.children[0], node.children[1]
        arguments = next(c for c in suffix.children if c.type == "value_arguments")
        args: list[tuple[str | None, Expr]] = []
        for argument in arguments.children:
            if argument.type != "value_argument":
                continue
            label = argument.child_by_field_name("name")
            value = argument.child_by_field_name("value")
            args.append((_text(label) if label is not None else None, expression(value)))
        return Call(expression(callee), tuple(args))
    if kind == "tuple_expression" and node.named_child_count == 1:
        return expression(node.named_children[0])
    raise ReadError(f"cannot read the Swift expression {_text(node)!r} ({kind})")


def _number(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ReadError(f"{raw!r} is not a number")
    return float(raw)


def _obj(raw: Any, kind: str) -> Obj:
    if isinstance(raw, Obj) and raw.type == kind:
        return raw
    raise ReadError(f"{raw!r} is not {kind}")


def _layer(raw: Any) -> Mapping[str, Any]:
    found = _obj(raw, "EncoreShadow.Layer")
    parts = {k: found.get(k) for k in ("color", "offsetX", "offsetY", "blur", "spread")}
    parts["inset"] = found.get("inset") if found.has("inset") else False
    return parts


class SwiftDecoder(KotlinDecoder):
    """SwiftUI constants: colours, points, seconds and the Encore value types."""

    def color(self, raw: Any) -> Col:
        found = _obj(raw, "SwiftUI.Color")
        space = found.positional()[0] if found.positional() else None
        if not isinstance(space, Sym) or space.name not in SWIFTUI_SPACES:
            raise ReadError(f"{raw!r} has no SwiftUI colour space")
        r, g, b, a = (_number(found.get(k)) for k in ("red", "green", "blue", "opacity"))
        text = f"SwiftUI.Color({space.name}, {r!r}, {g!r}, {b!r}, opacity: {a!r})"
        return Col(SWIFTUI_SPACES[space.name], (r, g, b), a, False, text)

    def dimension(self, raw: Any) -> Qty:
        return Qty(_number(raw), "pt")

    def duration(self, raw: Any) -> Qty:
        return Qty(_number(raw), "s")

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        return tuple(_number(v) for v in _obj(raw, "EncoreCubicBezier").positional())

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        if isinstance(raw, Sym) and raw.name.startswith("EncoreStrokeStyle."):
            return raw.name.removeprefix("EncoreStrokeStyle.")
        found = _obj(raw, "EncoreStrokeStyle.pattern")
        cap = found.get("lineCap")
        if not isinstance(cap, Sym) or not cap.name.startswith("."):
            raise ReadError(f"{cap!r} is not a CGLineCap")
        return list(found.get("dash")), cap.name[1:]

    def border(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreBorder")
        return {k: found.get(k) for k in ("color", "width", "style")}

    def transition(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreTransition")
        return {k: found.get(k) for k in ("duration", "delay", "timingFunction")}

    def shadow(self, raw: Any) -> list[Mapping[str, Any]]:
        layers = _obj(raw, "EncoreShadow").positional()
        if len(layers) != 1 or not isinstance(layers[0], list):
            raise ReadError(f"{raw!r} does not hold a list of layers")
        return [_layer(layer) for layer in layers[0]]

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        stops = [
            _obj(s, "SwiftUI.Gradient.Stop") for s in _obj(raw, "SwiftUI.Gradient").get("stops")
        ]
        return [(stop.get("color"), stop.get("location")) for stop in stops]

    def typography(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreTypography")
        keys = ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight")
        return {k: found.get(k) for k in keys}


class UIKitDecoder(SwiftDecoder):
    """UIKit colours: ``UIColor(red:...)`` is sRGB, ``UIColor(displayP3Red:...)`` P3."""

    def color(self, raw: Any) -> Col:
        found = _obj(raw, "UIKit.UIColor")
        first = "displayP3Red" if found.has("displayP3Red") else "red"
        r, g, b, a = (_number(found.get(k)) for k in (first, "green", "blue", "alpha"))
        space = "display-p3" if first == "displayP3Red" else "srgb"
        return Col(space, (r, g, b), a, False, f"UIColor({first}: {r!r}, {g!r}, {b!r}, {a!r})")
