"""Kotlin: one ``object`` of constants for code that does not use Compose.

Colours are ``Long`` 0xAARRGGBB (sRGB, gamut-mapped), dimensions ``Double`` dp (``rem``
times ``rem_base``), numbers and font weights ``Double``, durations
``kotlin.time.Duration``; these are ``const`` where Kotlin allows. Composite values use
the data classes of ``templates/kotlin_types.kt.j2``. References print the other
constant's qualified name.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    group_names,
    kotlin_double,
    kotlin_string,
)
from encore.formats.namespaces import build_namespaces
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.values.color import argb_hex
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
    },
}
DEFAULTS: dict[str, Any] = {
    "package": "com.spotify.encore.tokens",
    "object": "EncoreTokens",
    "type_prefix": "Encore",
    "visibility": "public",
    "rem_base": 16,
    "descriptions": True,
}
CONST_TYPES = frozenset(
    {TokenType.COLOR, TokenType.DIMENSION, TokenType.NUMBER, TokenType.FONT_WEIGHT}
)
_BUILTINS = ("Long", "Double", "String", "Boolean")


@dataclass
class KotlinWriter(ReferenceWriter):
    """Plain Kotlin literals."""

    prefix: str
    rem_base: float
    names: Imports

    def literal(self, token: Token, path: JsonPath, value: Value) -> str:
        p = self.part
        pre = self.prefix
        if isinstance(value, Color):
            return f"0x{argb_hex(value)}"
        if isinstance(value, Dimension):
            return kotlin_double(px(value, self.rem_base))
        if isinstance(value, Duration):
            self.names("kotlin.time.Duration.Companion.milliseconds")
            return f"{decimal(value.milliseconds)}.milliseconds"
        if isinstance(value, Number | FontWeight):
            return kotlin_double(value.value)
        if isinstance(value, FontFamily):
            return f"listOf({', '.join(kotlin_string(n) for n in value.names)})"
        if isinstance(value, CubicBezier):
            points = (value.x1, value.y1, value.x2, value.y2)
            return f"{pre}CubicBezier({', '.join(kotlin_double(v) for v in points)})"
        if isinstance(value, StrokeStyle):
            if value.keyword is not None:
                return f"{pre}StrokeStyle.Keyword({kotlin_string(value.keyword)})"
            dashes = ", ".join(kotlin_double(px(d, self.rem_base)) for d in value.dash_array)
            cap = kotlin_string(value.line_cap or "butt")
            return f"{pre}StrokeStyle.Pattern(listOf({dashes}), {cap})"
        if isinstance(value, Border):
            return (
                f"{pre}Border(color = {p(token, (*path, 'color'), value.color)}, "
                f"width = {p(token, (*path, 'width'), value.width)}, "
                f"style = {p(token, (*path, 'style'), value.style)})"
            )
        if isinstance(value, Transition):
            return (
                f"{pre}Transition(duration = {p(token, (*path, 'duration'), value.duration)}, "
                f"delay = {p(token, (*path, 'delay'), value.delay)}, timingFunction = "
                f"{p(token, (*path, 'timingFunction'), value.timing_function)})"
            )
        if isinstance(value, Shadow):
            layers = []
            for i, layer in enumerate(value.layers):
                at: JsonPath = (*path, i) if value.is_list else path
                fields = [
                    f"color = {p(token, (*at, 'color'), layer.color)}",
                    f"offsetX = {p(token, (*at, 'offsetX'), layer.offset_x)}",
                    f"offsetY = {p(token, (*at, 'offsetY'), layer.offset_y)}",
                    f"blur = {p(token, (*at, 'blur'), layer.blur)}",
                    f"spread = {p(token, (*at, 'spread'), layer.spread)}",
                ]
                if layer.inset:
                    fields.append("inset = true")
                layers.append(f"{pre}Shadow.Layer({', '.join(fields)})")
            return f"{pre}Shadow(listOf({', '.join(layers)}))"
        if isinstance(value, Gradient):
            stops = [
                f"{pre}Gradient.Stop({p(token, (*path, i, 'color'), stop.color)}, "
                f"{p(token, (*path, i, 'position'), Number(stop.position))})"
                for i, stop in enumerate(value.stops)
            ]
            return f"{pre}Gradient(listOf({', '.join(stops)}))"
        assert isinstance(value, Typography)
        return (
            f"{pre}Typography(fontFamily = {p(token, (*path, 'fontFamily'), value.font_family)}"
            f", fontSize = {p(token, (*path, 'fontSize'), value.font_size)}"
            f", fontWeight = {p(token, (*path, 'fontWeight'), value.font_weight)}"
            f", letterSpacing = {p(token, (*path, 'letterSpacing'), value.letter_spacing)}"
            f", lineHeight = {p(token, (*path, 'lineHeight'), value.line_height)})"
        )


def declared_types(prefix: str, names: Imports) -> dict[TokenType, str]:
    """The Kotlin type of each token type's constants."""
    return {
        TokenType.COLOR: names("kotlin.Long"),
        TokenType.DIMENSION: names("kotlin.Double"),
        TokenType.FONT_FAMILY: f"{names('kotlin.collections.List')}<{names('kotlin.String')}>",
        TokenType.FONT_WEIGHT: names("kotlin.Double"),
        TokenType.DURATION: names("kotlin.time.Duration"),
        TokenType.CUBIC_BEZIER: f"{prefix}CubicBezier",
        TokenType.NUMBER: names("kotlin.Double"),
        TokenType.STROKE_STYLE: f"{prefix}StrokeStyle",
        TokenType.BORDER: f"{prefix}Border",
        TokenType.TRANSITION: f"{prefix}Transition",
        TokenType.SHADOW: f"{prefix}Shadow",
        TokenType.GRADIENT: f"{prefix}Gradient",
        TokenType.TYPOGRAPHY: f"{prefix}Typography",
    }


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The Kotlin file for a token set."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["type_prefix"])
    support = [f"{prefix}{kind}" for kind in ("CubicBezier", "StrokeStyle", "Border")]
    support += [f"{prefix}{kind}" for kind in ("Transition", "Shadow", "Gradient", "Typography")]
    top, refs = build_namespaces(tokens, str(opts["object"]), NAMING, report, support)
    names = Imports(frozenset(group_names(top)), "Kotlin")
    types = declared_types(prefix, names)
    template_names = {n: names(f"kotlin.{n}") for n in _BUILTINS}
    template_names["List"] = names("kotlin.collections.List")
    template_names["Duration"] = names("kotlin.time.Duration")
    visibility = "" if opts["visibility"] == "public" else "internal "
    emitter = ObjectEmitter(
        tokens,
        refs,
        KotlinWriter(refs, prefix, float(opts["rem_base"]), names),
        lambda token: types[token.type],
        lambda token: token.type in CONST_TYPES,
        visibility,
        bool(opts["descriptions"]),
    )
    emitter.slot = ("kotlin", repr(sorted(opts.items())))
    emitter.imports = names
    body = emitter.emit(top)
    support_types = render_template(
        "kotlin_types.kt.j2", vis=visibility, p=prefix, t=template_names
    )
    out = [
        HEADER,
        "",
        f"package {opts['package']}",
        "",
        *names.lines(),
        "",
        support_types,
        "",
        *body,
    ]
    return "\n".join(out) + "\n"
