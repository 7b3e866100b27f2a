"""Typed DTCG values: one parser per type, registered by type name.

To add a type's parser: write it in the family's module and add one line to `PARSERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from encore.diagnostics import Origin
from encore.values.color import parse_color
from encore.values.composite import (
    parse_border,
    parse_gradient,
    parse_gradient_stop,
    parse_shadow,
    parse_shadow_layer,
    parse_transition,
    parse_typography,
)
from encore.values.context import ParseContext
from encore.values.scalar import (
    parse_cubic_bezier,
    parse_dimension,
    parse_duration,
    parse_font_family,
    parse_font_weight,
    parse_number,
    parse_stroke_style,
)
from encore.values.types import TOKEN_TYPES, TokenType, Value

Parser = Callable[[Any, ParseContext, Origin], Any]

PARSERS: dict[str, Parser] = {
    "color": parse_color,
    "dimension": parse_dimension,
    "fontFamily": parse_font_family,
    "fontWeight": parse_font_weight,
    "duration": parse_duration,
    "cubicBezier": parse_cubic_bezier,
    "number": parse_number,
    "strokeStyle": parse_stroke_style,
    "border": parse_border,
    "transition": parse_transition,
    "shadow": parse_shadow,
    "gradient": parse_gradient,
    "typography": parse_typography,
    # list elements: a reference to them may name a whole token of the list's type
    "shadowLayer": parse_shadow_layer,
    "gradientStop": parse_gradient_stop,
}

ELEMENT_OF = {"shadowLayer": "shadow", "gradientStop": "gradient"}

__all__ = ["ELEMENT_OF", "PARSERS", "TOKEN_TYPES", "TokenType", "Value"]
