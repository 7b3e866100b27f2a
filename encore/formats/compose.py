"""Jetpack Compose: ``Color``, ``Dp``, ``TextStyle``, ``FontWeight``, ``CubicBezierEasing``.

Colours are ``Color(0xAARRGGBB)`` for sRGB and ``Color(r, g, b, a, ColorSpaces.X)`` for
colours in a space Compose has (Display P3, linear sRGB, Adobe RGB, ProPhoto, BT.2020);
other spaces become Display P3 outside sRGB, else sRGB. Dimensions are ``Dp``, type sizes
``sp``, line heights ``em`` (a multiple of the font size, as in DTCG), durations ``Int``
milliseconds as ``tween`` takes them, numbers ``Float``. Font families keep their names
and map to a Compose ``FontFamily`` (``font_families`` option, else the stack's generic
family). References print the other constant's qualified name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats._common import decimal, px, render_template
from encore.formats._writer import ReferenceWriter
from encore.formats.kotlin_common import (
    HEADER,
    IDENTIFIER_PATTERN,
    NAMING,
    PACKAGE_PATTERN,
    Imports,
    ObjectEmitter,
    fits_float,
    group_names,
    kotlin_float,
    kotlin_string,
)
from encore.formats.namespaces import build_namespaces
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.values.color import argb_hex, rgb_in
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

OPTIONS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "package": {"type": "string", "pattern": PACKAGE_PATTERN},
        "object": {"type": "string", "pattern": IDENTIFIER_PATTERN},
        "type_prefix": {"type": "string", "pattern": IDENTIFIER_PATTERN},
        "visibility": {"enum": ["public", "internal"]},
        "rem_base": {"type": "number", "exclusiveMinimum": 0},
        "descriptions": {"type": "boolean"},
        "font_families": {
            "type": "object",
            "description": "family name → Kotlin expression of a FontFamily",
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    },
}
DEFAULTS: dict[str, Any] = {
    "package": "com.spotify.encore.compose",
    "object": "EncoreTokens",
    "type_prefix": "Encore",
    "visibility": "public",
    "rem_base": 16,
    "descriptions": True,
    "font_families": {},
}
GRAPHICS = "androidx.compose.ui.graphics"
UNIT = "androidx.compose.ui.unit"
FONT = "androidx.compose.ui.text.font"
COMPOSE_SPACES = {
    "display-p3": "DisplayP3",
    "srgb-linear": "LinearSrgb",
    "a98-rgb": "AdobeRgb",
    "prophoto-rgb": "ProPhotoRgb",
    "rec2020": "Bt2020",
}
_SPACES = frozenset({"srgb", *COMPOSE_SPACES})
GENERIC_FAMILIES = {
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
_TEMPLATE = frozenset(
    """Immutable List String FontFamily Dp StrokeCap Color BorderStroke Int CubicBezierEasing
    Boolean Pair Float Offset Brush""".split()  # noqa: SIM905
)
_CAPS = {"butt": "Butt", "round": "Round", "square": "Square"}
CLASSES = {
    "Color": f"{GRAPHICS}.Color",
    "ColorSpaces": f"{GRAPHICS}.colorspace.ColorSpaces",
    "Brush": f"{GRAPHICS}.Brush",
    "StrokeCap": f"{GRAPHICS}.StrokeCap",
    "Offset": "androidx.compose.ui.geometry.Offset",
    "Dp": f"{UNIT}.Dp",
    "TextUnit": f"{UNIT}.TextUnit",
    "FontFamily": f"{FONT}.FontFamily",
    "FontWeight": f"{FONT}.FontWeight",
    "TextStyle": "androidx.compose.ui.text.TextStyle",
    "CubicBezierEasing": "androidx.compose.animation.core.CubicBezierEasing",
    "BorderStroke": "androidx.compose.foundation.BorderStroke",
    "Immutable": "androidx.compose.runtime.Immutable",
    "List": "kotlin.collections.List",
    "String": "kotlin.String",
    "Int": "kotlin.Int",
    "Float": "kotlin.Float",
    "Boolean": "kotlin.Boolean",
    "Pair": "kotlin.Pair",
}


@dataclass
class ComposeWriter(ReferenceWriter):
    """Compose literals; reports numbers a ``Float`` cannot hold."""

    prefix: str
    rem_base: float
    names: Imports
    font_families: Mapping[str, str]
    report: list[Diagnostic]

    def t(self, short: str) -> str:
        return self.names(CLASSES[short])

    def unit(self, value: float, suffix: str) -> str:
        self.names(f"{UNIT}.{suffix}")
        text = decimal(value)
        return f"{text}.{suffix}" if text[0] != "-" else f"({text}).{suffix}"

    def float(self, token: Token, value: float) -> str:
        if not fits_float(value):
            self.report.append(
                Diagnostic(
                    "compose/out-of-range",
                    f'"{token.name}" holds {value}, which a Kotlin Float cannot hold',
                    token.origin,
                    part="value",
                    help="use a number between -3.4e38 and 3.4e38",
                )
            )
            return "0f"
        return kotlin_float(value)

    def color(self, color: Color) -> str:
        space, r, g, b, alpha = rgb_in(color, _SPACES)
        if space == "srgb":
            return f"{self.t('Color')}(0x{argb_hex(color)})"
        parts = ", ".join(kotlin_float(v) for v in (r, g, b, alpha))
        return f"{self.t('Color')}({parts}, {self.t('ColorSpaces')}.{COMPOSE_SPACES[space]})"

    def font_family(self, value: FontFamily) -> str:
        mapped = self.font_families.get(value.names[0])
        if mapped is None:
            generics = (GENERIC_FAMILIES[n] for n in value.names if n in GENERIC_FAMILIES)
            generic = next(generics, None)
            mapped = f"{self.t('FontFamily')}.{generic or 'Default'}"
        names = ", ".join(kotlin_string(n) for n in value.names)
        return f"{self.prefix}FontFamily(listOf({names}), {mapped})"

    def text_unit(self, token: Token, path: JsonPath, value: Dimension) -> str:
        alias = self.alias(token, path)
        if alias is not None:
            self.names(f"{UNIT}.sp")
            return f"{alias}.value.sp"
        return self.unit(px(value, self.rem_base), "sp")

    def literal(self, token: Token, path: JsonPath, value: Value) -> str:
        p = self.part
        pre = self.prefix
        if isinstance(value, Color):
            return self.color(value)
        if isinstance(value, Dimension):
            return self.unit(px(value, self.rem_base), "dp")
        if isinstance(value, Duration):
            return str(round(value.milliseconds))
        if isinstance(value, Number):
            return self.float(token, value.value)
        if isinstance(value, FontWeight):
            return f"{self.t('FontWeight')}({round(value.value)})"
        if isinstance(value, FontFamily):
            return self.font_family(value)
        if isinstance(value, CubicBezier):
            points = ", ".join(kotlin_float(v) for v in (value.x1, value.y1, value.x2, value.y2))
            return f"{self.t('CubicBezierEasing')}({points})"
        if isinstance(value, StrokeStyle):
            if value.keyword is not None:
                return f"{pre}StrokeStyle.Keyword({kotlin_string(value.keyword)})"
            dashes = ", ".join(self.unit(px(d, self.rem_base), "dp") for d in value.dash_array)
            cap = _CAPS.get(value.line_cap or "butt", "Butt")
            return f"{pre}StrokeStyle.Pattern(listOf({dashes}), {self.t('StrokeCap')}.{cap})"
        if isinstance(value, Border):
            return (
                f"{pre}Border(color = {p(token, (*path, 'color'), value.color)}, "
                f"width = {p(token, (*path, 'width'), value.width)}, "
                f"style = {p(token, (*path, 'style'), value.style)})"
            )
        if isinstance(value, Transition):
            return (
                f"{pre}Transition(durationMillis = {p(token, (*path, 'duration'), value.duration)}"
                f", delayMillis = {p(token, (*path, 'delay'), value.delay)}, easing = "
                f"{p(token, (*path, 'timingFunction'), value.timing_function)})"
            )
        if isinstance(value, Shadow):
            return self.shadow(token, path, value)
        if isinstance(value, Gradient):
            pair = self.t("Pair")
            stops = [
                f"{pair}({p(token, (*path, i, 'position'), Number(stop.position))}, "
                f"{p(token, (*path, i, 'color'), stop.color)})"
                for i, stop in enumerate(value.stops)
            ]
            return f"{pre}Gradient(listOf({', '.join(stops)}))"
        assert isinstance(value, Typography)
        return self.text_style(token, path, value)

    def shadow(self, token: Token, path: JsonPath, value: Shadow) -> str:
        layers = []
        for i, layer in enumerate(value.layers):
            at: JsonPath = (*path, i) if value.is_list else path
            fields = [
                f"color = {self.part(token, (*at, 'color'), layer.color)}",
                f"offsetX = {self.part(token, (*at, 'offsetX'), layer.offset_x)}",
                f"offsetY = {self.part(token, (*at, 'offsetY'), layer.offset_y)}",
                f"blur = {self.part(token, (*at, 'blur'), layer.blur)}",
                f"spread = {self.part(token, (*at, 'spread'), layer.spread)}",
            ]
            if layer.inset:
                fields.append("inset = true")
            layers.append(f"{self.prefix}Shadow.Layer({', '.join(fields)})")
        return f"{self.prefix}Shadow(listOf({', '.join(layers)}))"

    def text_style(self, token: Token, path: JsonPath, value: Typography) -> str:
        family = self.alias(token, (*path, "fontFamily"))
        family = (
            f"{family}.fontFamily"
            if family
            else self.font_family(value.font_family) + (".fontFamily")
        )
        line_height = self.alias(token, (*path, "lineHeight"))
        if line_height is not None:
            self.names(f"{UNIT}.em")
            line = f"{line_height}.em"
        else:
            line = self.unit(value.line_height.value, "em")
        return (
            f"{self.t('TextStyle')}(fontFamily = {family}"
            f", fontSize = {self.text_unit(token, (*path, 'fontSize'), value.font_size)}"
            f", fontWeight = {self.part(token, (*path, 'fontWeight'), value.font_weight)}"
            f", letterSpacing = "
            f"{self.text_unit(token, (*path, 'letterSpacing'), value.letter_spacing)}"
            f", lineHeight = {line})"
        )


_DECLARED = {
    TokenType.COLOR: "Color",
    TokenType.DIMENSION: "Dp",
    TokenType.FONT_WEIGHT: "FontWeight",
    TokenType.DURATION: "Int",
    TokenType.CUBIC_BEZIER: "CubicBezierEasing",
    TokenType.NUMBER: "Float",
    TokenType.TYPOGRAPHY: "TextStyle",
}


def declared_type(token: Token, prefix: str, names: Imports) -> str:
    """The Compose type of a token's constant: a Compose class or an Encore value type."""
    short = _DECLARED.get(token.type)
    if short is not None:
        return names(CLASSES[short])
    return prefix + token.type.value[:1].upper() + token.type.value[1:]


Extra = Callable[["ComposeWriter", Imports, Mapping[str, str]], list[str]]


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The Compose file for a token set."""
    return render_with(tokens, options, report, None)


def render_with(
    tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic], extra: Extra | None
) -> str:
    """The Compose file, with ``extra`` adding declarations after the token object."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["type_prefix"])
    support = [
        f"{prefix}{kind}"
        for kind in ("FontFamily", "StrokeStyle", "Border", "Transition", "Shadow", "Gradient")
    ]
    top, refs = build_namespaces(tokens, str(opts["object"]), NAMING, report, support)
    names = Imports(frozenset(group_names(top)), "Compose")
    visibility = "" if opts["visibility"] == "public" else "internal "
    writer = ComposeWriter(
        refs, prefix, float(opts["rem_base"]), names, dict(opts["font_families"]), report
    )
    emitter = ObjectEmitter(
        tokens,
        refs,
        writer,
        lambda token: declared_type(token, prefix, names),
        lambda token: token.type in (TokenType.DURATION, TokenType.NUMBER),
        visibility,
        bool(opts["descriptions"]),
    )
    emitter.slot = ("compose", repr(sorted(opts.items())))
    emitter.report = report
    emitter.imports = names
    body = emitter.emit(top)
    if extra is not None:
        body += ["", *extra(writer, names, refs)]
    template_names = {
        short: names(qualified) for short, qualified in CLASSES.items() if short in _TEMPLATE
    }
    support_types = render_template(
        "compose_types.kt.j2", vis=visibility, p=prefix, t=template_names
    )
    out = [HEADER, "", f"package {opts['package']}", "", *names.lines(), ""]
    out += [support_types, "", *body]
    return "\n".join(out) + "\n"
