"""Kotlin and Jetpack Compose files read back: ``val``/``const val`` in nested objects.

The text is tokenized and every constant under the top-level ``object`` is parsed into an
expression; imports (with their ``as`` aliases) qualify type names, and the data classes
declared in the file give positional arguments their field names. The decoders read the
evaluated constants: Kotlin colours are ``Long`` 0xAARRGGBB, lengths ``Double`` dp,
durations ``kotlin.time.Duration``; Compose has ``Color``, ``Dp``, ``sp``/``em``,
``FontWeight(Int)``, ``CubicBezierEasing``, ``TextStyle`` and integer milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.support.readback import Col, Qty, ReadError
from tests.support.readback_code import (
    Expr,
    Interpreter,
    Obj,
    Sym,
    Tokens,
    identifier,
    kotlin_expression,
    tokenize,
)

_MODIFIERS = frozenset({"const", "internal", "public", "private", "override"})
COMPOSE_SPACES = {
    "DisplayP3": "display-p3",
    "LinearSrgb": "srgb-linear",
    "AdobeRgb": "a98-rgb",
    "ProPhotoRgb": "prophoto-rgb",
    "Bt2020": "rec2020",
    "Srgb": "srgb",
}
GRAPHICS = "androidx.compose.ui.graphics"


def read_kotlin(text: str) -> Interpreter:
    """Every constant of the file's top-level object, by qualified name."""
    cursor = Tokens(tokenize(text))
    imports: dict[str, str] = {}
    parameters: dict[str, list[str]] = {}
    declarations: dict[str, Expr] = {}
    depth = 0
    while cursor.peek() is not None:
        token = cursor.peek()
        assert token is not None
        if depth == 0 and token.text == "import":
            cursor.next()
            parts = [identifier(cursor.next())]
            while cursor.is_("."):
                cursor.next()
                parts.append(identifier(cursor.next()))
            alias = parts[-1]
            if cursor.is_("as"):
                cursor.next()
                alias = identifier(cursor.next())
            imports[alias] = ".".join(parts)
        elif token.text == "class" and cursor.is_("(", 2):
            cursor.next()
            kind = identifier(cursor.next())
            parameters[kind] = _parameters(cursor)
        elif depth == 0 and token.text == "object":
            _object(cursor, "", declarations)
        else:
            cursor.next()
            if token.kind == "punct" and token.text in "{(":
                depth += 1
            elif token.kind == "punct" and token.text in "})":
                depth -= 1
    return Interpreter(declarations, imports, parameters)


def _parameters(cursor: Tokens) -> list[str]:
    """The ``val`` names of a primary constructor (the cursor is at its ``(``)."""
    cursor.expect("(")
    names: list[str] = []
    depth = 1
    while depth:
        token = cursor.next()
        if token.text in ("(", "<"):
            depth += 1
        elif token.text in (")", ">"):
            depth -= 1
        elif depth == 1 and token.text == "val":
            names.append(identifier(cursor.next()))
    return names


def _object(cursor: Tokens, prefix: str, out: dict[str, Expr]) -> None:
    cursor.expect("object")
    name = prefix + identifier(cursor.next())
    cursor.expect("{")
    while not cursor.is_("}"):
        token = cursor.peek()
        assert token is not None
        if token.text == "@":  # an annotation, maybe with arguments
            cursor.next()
            identifier(cursor.next())
            while cursor.is_("."):
                cursor.next()
                identifier(cursor.next())
            if cursor.is_("("):
                cursor.skip_balanced()
        elif token.text in _MODIFIERS:
            cursor.next()
        elif token.text == "object":
            _object(cursor, name + ".", out)
        elif token.text == "val":
            cursor.next()
            member = identifier(cursor.next())
            while not cursor.is_("="):
                cursor.next()
            cursor.next()
            out[f"{name}.{member}"] = kotlin_expression(cursor)
        else:
            raise ReadError(f"unexpected {token.text!r} in object {name}")
    cursor.next()


def _number(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ReadError(f"{raw!r} is not a number")
    return float(raw)


def _obj(raw: Any, *types: str) -> Obj:
    if isinstance(raw, Obj) and any(raw.type == t or raw.type.endswith("." + t) for t in types):
        return raw
    raise ReadError(f"{raw!r} is not {' or '.join(types)}")


def _strings(raw: Any) -> list[str]:
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return raw
    raise ReadError(f"{raw!r} is not a list of strings")


def _layers(raw: Any) -> list[Mapping[str, Any]]:
    layers: list[Mapping[str, Any]] = []
    for layer in _obj(raw, "EncoreShadow").get("layers", 0):
        found = _obj(layer, "EncoreShadow.Layer")
        keys = ("color", "offsetX", "offsetY", "blur", "spread")
        parts = {key: found.get(key, i) for i, key in enumerate(keys)}
        parts["inset"] = found.get("inset") if found.has("inset") else False
        layers.append(parts)
    return layers


class KotlinDecoder:
    """Plain Kotlin: 0xAARRGGBB, Double dp, kotlin.time.Duration, data classes."""

    def color(self, raw: Any) -> Col:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ReadError(f"{raw!r} is not a Long 0xAARRGGBB")
        return Col.argb(raw, f"0x{raw:08X}")

    def dimension(self, raw: Any) -> Qty:
        return Qty(_number(raw), "dp")

    def duration(self, raw: Any) -> Qty:
        if not isinstance(raw, Qty) or raw.unit not in ("ms", "s"):
            raise ReadError(f"{raw!r} is not a kotlin.time.Duration")
        return raw

    def number(self, raw: Any) -> float:
        return _number(raw)

    def font_weight(self, raw: Any) -> float:
        return _number(raw)

    def font_family(self, raw: Any) -> Any:
        return tuple(_strings(raw))

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        found = _obj(raw, "EncoreCubicBezier")
        return tuple(_number(found.get(k, i)) for i, k in enumerate(("x1", "y1", "x2", "y2")))

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        found = _obj(raw, "EncoreStrokeStyle.Keyword", "EncoreStrokeStyle.Pattern")
        if found.type.endswith("Keyword"):
            return str(found.get("name", 0))
        return list(found.get("dashArray", 0)), str(found.get("lineCap", 1))

    def border(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreBorder")
        return {k: found.get(k, i) for i, k in enumerate(("color", "width", "style"))}

    def transition(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreTransition")
        keys = ("duration", "delay", "timingFunction")
        return {k: found.get(k, i) for i, k in enumerate(keys)}

    def shadow(self, raw: Any) -> list[Mapping[str, Any]]:
        return _layers(raw)

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        stops = [
            _obj(stop, "EncoreGradient.Stop")
            for stop in _obj(raw, "EncoreGradient").get("stops", 0)
        ]
        return [(stop.get("color", 0), stop.get("position", 1)) for stop in stops]

    def typography(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreTypography")
        keys = ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight")
        return {k: found.get(k, i) for i, k in enumerate(keys)}

    def line_height(self, raw: Any) -> float | Qty:
        return _number(raw)


class ComposeDecoder(KotlinDecoder):
    """Compose: Color, Dp, TextUnit, FontWeight, CubicBezierEasing, TextStyle."""

    def color(self, raw: Any) -> Col:
        found = _obj(raw, f"{GRAPHICS}.Color")
        args = found.positional()
        if len(args) == 1 and isinstance(args[0], int):
            return Col.argb(args[0], f"Color(0x{args[0]:08X})")
        if len(args) == 5 and isinstance(args[4], Sym):
            space = args[4].name.removeprefix(f"{GRAPHICS}.colorspace.ColorSpaces.")
            if space not in COMPOSE_SPACES:
                raise ReadError(f"unknown colour space {args[4].name}")
            r, g, b, a = (_number(v) for v in args[:4])
            text = f"Color({r!r}, {g!r}, {b!r}, {a!r}, ColorSpaces.{space})"
            return Col(COMPOSE_SPACES[space], (r, g, b), a, False, text)
        raise ReadError(f"{raw!r} is not a Compose colour")

    def dimension(self, raw: Any) -> Qty:
        if not isinstance(raw, Qty) or raw.unit not in ("dp", "sp"):
            raise ReadError(f"{raw!r} is not a Dp or sp")
        return raw

    def duration(self, raw: Any) -> Qty:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ReadError(f"{raw!r} is not Int milliseconds")
        return Qty(float(raw), "ms")

    def font_weight(self, raw: Any) -> float:
        found = _obj(raw, "androidx.compose.ui.text.font.FontWeight")
        weight = found.get("weight", 0)
        if isinstance(weight, bool) or not isinstance(weight, int):
            raise ReadError(f"FontWeight({weight!r}) does not hold an Int")
        return float(weight)

    def font_family(self, raw: Any) -> Any:
        if isinstance(raw, Sym):  # a TextStyle holds the Compose FontFamily only
            return raw.name
        found = _obj(raw, "EncoreFontFamily")
        return tuple(_strings(found.get("names", 0)))

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        found = _obj(raw, "androidx.compose.animation.core.CubicBezierEasing")
        return tuple(_number(v) for v in found.positional())

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        found = _obj(raw, "EncoreStrokeStyle.Keyword", "EncoreStrokeStyle.Pattern")
        if found.type.endswith("Keyword"):
            return str(found.get("name", 0))
        cap = found.get("lineCap", 1)
        prefix = f"{GRAPHICS}.StrokeCap."
        if not isinstance(cap, Sym) or not cap.name.startswith(prefix):
            raise ReadError(f"{cap!r} is not a StrokeCap")
        return list(found.get("dashArray", 0)), cap.name.removeprefix(prefix).lower()

    def transition(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "EncoreTransition")
        return {
            "duration": found.get("durationMillis", 0),
            "delay": found.get("delayMillis", 1),
            "timingFunction": found.get("easing", 2),
        }

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        pairs = [_obj(pair, "Pair") for pair in _obj(raw, "EncoreGradient").get("stops", 0)]
        return [(pair.get("second", 1), pair.get("first", 0)) for pair in pairs]

    def typography(self, raw: Any) -> Mapping[str, Any]:
        found = _obj(raw, "androidx.compose.ui.text.TextStyle")
        keys = ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight")
        return {k: found.get(k) for k in keys if found.has(k)}

    def line_height(self, raw: Any) -> float | Qty:
        if not isinstance(raw, Qty) or raw.unit != "em":
            raise ReadError(f"{raw!r} is not an em TextUnit")
        return raw


COMPOSE_GENERIC = {
    "sans-serif": "SansSerif",
    "system-ui": "SansSerif",
    "ui-sans-serif": "SansSerif",
    "-apple-system": "SansSerif",
    "BlinkMacSystemFont": "SansSerif",
    "serif": "Serif",
    "ui-serif": "Serif",
    "monospace": "Monospace",
    "ui-monospace": "Monospace",
    "cursive": "Cursive",
}


def compose_family(names: tuple[str, ...]) -> str:
    """The Compose FontFamily a stack maps to by default: its first generic family."""
    generic = next((COMPOSE_GENERIC[n] for n in names if n in COMPOSE_GENERIC), "Default")
    return f"androidx.compose.ui.text.font.FontFamily.{generic}"
