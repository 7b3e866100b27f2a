"""Which DTCG type a Style Dictionary token has: its ``type`` (Style Dictionary, Tokens
Studio and DTCG names), else its category/type/item path (``color.*``, ``size.*``,
``time.*``), else the shape of its value (``#fff``, ``16px``, ``200ms``)."""

from __future__ import annotations

import re
from typing import Any

from encore.importers.sd_values import MEASURE, is_reference

TYPES = {
    # DTCG names (Style Dictionary 4+ and Tokens Studio's DTCG mode)
    "color": "color",
    "dimension": "dimension",
    "fontFamily": "fontFamily",
    "fontWeight": "fontWeight",
    "duration": "duration",
    "cubicBezier": "cubicBezier",
    "number": "number",
    "strokeStyle": "strokeStyle",
    "border": "border",
    "transition": "transition",
    "shadow": "shadow",
    "gradient": "gradient",
    "typography": "typography",
    # Style Dictionary's legacy and Tokens Studio names
    "size": "dimension",
    "sizing": "dimension",
    "spacing": "dimension",
    "borderRadius": "dimension",
    "borderWidth": "dimension",
    "fontSize": "dimension",
    "fontSizes": "dimension",
    "letterSpacing": "dimension",
    "paragraphSpacing": "dimension",
    "lineHeight": "number",
    "lineHeights": "number",
    "opacity": "number",
    "zIndex": "number",
    "fontFamilies": "fontFamily",
    "fontWeights": "fontWeight",
    "time": "duration",
    "boxShadow": "shadow",
    "easing": "cubicBezier",
}
NO_DTCG_TYPE = frozenset(
    {"content", "string", "asset", "other", "text", "boolean", "textCase", "textDecoration"}
)
CATEGORIES = {  # the first path segment, Style Dictionary's CTI category
    "color": "color",
    "colors": "color",
    "size": "dimension",
    "sizing": "dimension",
    "spacing": "dimension",
    "space": "dimension",
    "radius": "dimension",
    "radii": "dimension",
    "time": "duration",
    "duration": "duration",
    "opacity": "number",
    "easing": "cubicBezier",
    "shadow": "shadow",
    "elevation": "shadow",
    "typography": "typography",
}
SIZE_ITEMS = {  # size.<type>: the CTI type under the size category
    "lineHeight": "number",
    "line-height": "number",
    "fontWeight": "fontWeight",
    "font-weight": "fontWeight",
}


def from_type(name: str) -> str | None:
    """The DTCG type of a written type name, or ``None`` when there is none."""
    return TYPES.get(name) or TYPES.get(name[:1].lower() + name[1:])


def infer(path: tuple[str, ...], raw: Any) -> str | None:
    """The DTCG type of an untyped token from its path and value, if it shows one."""
    if path and path[0] == "size" and len(path) > 1 and path[1] in SIZE_ITEMS:
        return SIZE_ITEMS[path[1]]
    if path and path[0] == "font" and len(path) > 1:
        part = path[1].lower()
        if part in ("family", "families"):
            return "fontFamily"
        if part in ("weight", "weights"):
            return "fontWeight"
        if part in ("size", "sizes"):
            return "dimension"
    if path and path[0] in CATEGORIES:
        return CATEGORIES[path[0]]
    if is_reference(raw):
        return None  # the referenced token's type applies
    if isinstance(raw, str):
        text = raw.strip()
        if re.fullmatch(r"#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?|oklch|oklab)\(.*\)", text):
            return "color"
        match = MEASURE.match(text)
        if match and match.group(2) in ("px", "rem"):
            return "dimension"
        if match and match.group(2) in ("ms", "s"):
            return "duration"
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return "number"
    return None
