"""CSS text read back: rules and custom properties, ``var()`` resolved, values parsed.

`css_views` gives the custom properties of the main rule and the *wide* view (the main
rule with every ``@supports`` block applied, as a wide-gamut browser sees it), each with
``var()`` chains substituted. `CSSDecoder` reads a property's text as a token type; the
SCSS and JavaScript readers reuse it for the CSS-ready strings they hold. Colours are
parsed by coloraide's CSS parser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.support.readback import Col, Qty, ReadError

_CSS_TOKEN = re.compile(
    r"""(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    |(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:%|[a-zA-Z]+)?)
    |(?P<hash>\#[-\w]+)
    |(?P<func>-?-?[^\W\d][-\w]*\()
    |(?P<ident>-?-?[^\W\d][-\w]*)
    |(?P<space>\s+)
    |(?P<close>\))
    |(?P<delim>.)""",
    re.VERBOSE | re.DOTALL,
)
_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(%|[a-zA-Z]*)\Z")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
_VAR = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|var\(\s*(--[^\s,)]+)\s*\)""")
STROKE_KEYWORDS = frozenset(
    {"solid", "dashed", "dotted", "double", "groove", "ridge", "outset", "inset", "none"}
)


@dataclass(slots=True)
class Comp:
    """One CSS component value: a number, string, ident, hash, delimiter or function."""

    kind: str
    text: str
    start: int
    value: Any = None
    unit: str = ""
    args: list[list[Comp]] = field(default_factory=list)  # a function's comma groups


def css_unescape(body: str) -> str:
    """The characters of a CSS string's body."""

    def one(match: re.Match[str]) -> str:
        return chr(int(match.group(1), 16)) if match.group(1) else match.group(2)

    return _CSS_ESCAPE.sub(one, body)


def parse_value(text: str) -> list[list[Comp]]:
    """A value's comma-separated groups of whitespace-separated components."""
    groups, end = _groups(text, 0, nested=False)
    if end != len(text):
        raise ReadError(f"unbalanced parentheses in {text!r}")
    return groups


def _groups(text: str, pos: int, nested: bool) -> tuple[list[list[Comp]], int]:
    groups: list[list[Comp]] = [[]]
    while pos < len(text):
        match = _CSS_TOKEN.match(text, pos)
        assert match is not None
        kind, token = match.lastgroup or "delim", match.group()
        if kind == "close":
            if not nested:
                raise ReadError(f"unexpected ')' in {text!r}")
            return groups, match.end()
        pos = match.end()
        if kind == "space":
            continue
        if token == ",":
            groups.append([])
            continue
        comp = Comp(kind, token, match.start())
        if kind == "func":
            comp.value = token[:-1].lower()
            comp.args, pos = _groups(text, pos, nested=True)
            comp.text = text[match.start() : pos]
        elif kind == "number":
            number = _NUMBER.match(token)
            assert number is not None
            comp.value, comp.unit = float(number.group(1)), number.group(2)
        elif kind == "string":
            comp.value = css_unescape(token[1:-1])
        groups[-1].append(comp)
    if nested:
        raise ReadError(f"unclosed function in {text!r}")
    return groups, pos


def strip_comments(text: str) -> str:
    """CSS without ``/* */`` comments (strings kept)."""
    pattern = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|/\*.*?\*/""", re.DOTALL)
    return pattern.sub(lambda m: m.group(1) or "", text)


def _split(text: str, separators: str) -> list[tuple[str, str]]:
    """Chunks of ``text`` at top-level ``separators``; each with the separator found."""
    out: list[tuple[str, str]] = []
    depth, start, i, quote = 0, 0, 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if not quote and depth == 0 and ch in separators:
            out.append((text[start:i], ch))
            start = i + 1
        i += 1
    out.append((text[start:], ""))
    return out


def css_rules(text: str) -> list[tuple[list[str], dict[str, str]]]:
    """Each style rule's at-rule preludes (outermost first) and declarations."""
    return _rules(strip_comments(text), [])


def _rules(text: str, context: list[str]) -> list[tuple[list[str], dict[str, str]]]:
    out: list[tuple[list[str], dict[str, str]]] = []
    pos = 0
    while True:
        open_at = text.find("{", pos)
        if open_at < 0:
            return out
        prelude = text[pos:open_at].strip().rsplit(";", 1)[-1].strip()
        depth, close_at = 0, open_at
        for close_at in range(open_at, len(text)):
            depth += {"{": 1, "}": -1}.get(text[close_at], 0)
            if depth == 0:
                break
        body = text[open_at + 1 : close_at]
        if prelude.startswith("@"):
            out += _rules(body, [*context, prelude])
        else:
            declarations: dict[str, str] = {}
            for chunk, _ in _split(body, ";"):
                if ":" in chunk:
                    name, value = chunk.split(":", 1)
                    declarations[name.strip()] = value.strip()
            out.append(([*context, prelude], declarations))
        pos = close_at + 1


def resolve_vars(text: str, props: Mapping[str, str], seen: tuple[str, ...] = ()) -> str:
    """The text with every ``var(--x)`` replaced by the resolved value of ``--x``."""

    def one(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        name = match.group(2)
        if name in seen:
            raise ReadError(f"var({name}) refers to itself")
        if name not in props:
            raise ReadError(f"var({name}) names no custom property")
        return resolve_vars(props[name], props, (*seen, name))

    return _VAR.sub(one, text)


def css_views(text: str, selector: str = ":root") -> tuple[dict[str, str], dict[str, str]]:
    """The main rule's custom properties, and the same with ``@supports`` blocks applied."""
    main: dict[str, str] = {}
    wide: dict[str, str] = {}
    for context, declarations in css_rules(text):
        if context[-1] != selector:
            continue
        if len(context) == 1:
            main.update(declarations)
        elif all(c.startswith("@supports") for c in context[:-1]):
            wide.update(declarations)
    return main, {**main, **wide}


def _single(text: str) -> Comp:
    groups = parse_value(text)
    if len(groups) != 1 or len(groups[0]) != 1:
        raise ReadError(f"{text!r} is not a single value")
    return groups[0][0]


def _quantity(text: str, units: tuple[str, ...]) -> Qty:
    comp = _single(text)
    if comp.kind != "number" or comp.unit not in units:
        raise ReadError(f"{text!r} is not a {' or '.join(u or 'unitless' for u in units)} value")
    return Qty(float(comp.value), comp.unit)


def _math(comp: Comp) -> Qty:
    """A percentage from ``clamp()``, ``calc()`` products, or a plain percentage."""
    if comp.kind == "number":
        return Qty(float(comp.value), comp.unit)
    if comp.kind == "func" and comp.value == "clamp" and len(comp.args) == 3:
        low, value, high = (_math(_only(group)) for group in comp.args)
        if not low.unit == value.unit == high.unit:
            raise ReadError(f"clamp() mixes units in {comp.text!r}")
        return Qty(min(max(value.value, low.value), high.value), value.unit)
    if comp.kind == "func" and comp.value == "calc" and len(comp.args) == 1:
        terms = comp.args[0]
        result, unit = 1.0, ""
        for i, term in enumerate(terms):
            if i % 2:
                if term.text != "*":
                    raise ReadError(f"calc() other than a product: {comp.text!r}")
                continue
            factor = _math(term)
            if factor.unit and unit:
                raise ReadError(f"calc() multiplies two units: {comp.text!r}")
            result, unit = result * factor.value, unit or factor.unit
        return Qty(result, unit)
    raise ReadError(f"cannot evaluate {comp.text!r}")


def _only(group: list[Comp]) -> Comp:
    if len(group) != 1:
        raise ReadError("expected one value, found " + " ".join(c.text for c in group))
    return group[0]


def _is_length(comp: Comp) -> bool:
    return comp.kind == "number" and (comp.unit in ("px", "rem") or comp.value == 0)


class CSSDecoder:
    """Reads CSS value text (and, for typography, a mapping of part texts)."""

    def color(self, raw: Any) -> Col:
        return Col.parse(_single(str(raw)).text)

    def dimension(self, raw: Any) -> Qty:
        return _quantity(str(raw), ("px", "rem"))

    def duration(self, raw: Any) -> Qty:
        return _quantity(str(raw), ("ms", "s"))

    def number(self, raw: Any) -> float:
        if isinstance(raw, float):
            return raw
        return _quantity(str(raw), ("",)).value

    def font_weight(self, raw: Any) -> float:
        return self.number(raw)

    def font_family(self, raw: Any) -> Any:
        names = []
        for group in parse_value(str(raw)):
            if len(group) == 1 and group[0].kind == "string":
                names.append(group[0].value)
            elif group and all(c.kind == "ident" for c in group):
                names.append(" ".join(c.text for c in group))
            else:
                raise ReadError(f"{raw!r} is not a font family list")
        return tuple(names)

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        comp = _single(str(raw))
        if comp.kind != "func" or comp.value != "cubic-bezier":
            raise ReadError(f"{raw!r} is not cubic-bezier()")
        return tuple(self.number(_only(group).text) for group in comp.args)

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        comp = _single(str(raw))
        if comp.kind != "ident":
            raise ReadError(f"{raw!r} is not a border style keyword")
        return comp.text

    def _group(self, raw: Any) -> list[Comp]:
        groups = parse_value(str(raw))
        if len(groups) != 1:
            raise ReadError(f"{raw!r} is a list, expected one value")
        return groups[0]

    def border(self, raw: Any) -> Mapping[str, Any]:
        parts: dict[str, Any] = {}
        for comp in self._group(raw):
            if _is_length(comp):
                key = "width"
            elif comp.kind == "ident" and comp.text in STROKE_KEYWORDS:
                key = "style"
            else:
                key = "color"
            if key in parts:
                raise ReadError(f"{raw!r} has two {key}s")
            parts[key] = comp.text
        return parts

    def transition(self, raw: Any) -> Mapping[str, Any]:
        times = [c.text for c in self._group(raw) if c.kind == "number"]
        easing = [c.text for c in self._group(raw) if c.kind == "func"]
        if len(times) != 2 or len(easing) != 1:
            raise ReadError(f"{raw!r} is not 'duration timing-function delay'")
        return {"duration": times[0], "delay": times[1], "timingFunction": easing[0]}

    def shadow(self, raw: Any) -> list[Mapping[str, Any]]:
        layers: list[Mapping[str, Any]] = []
        for group in parse_value(str(raw)):
            lengths = [c.text for c in group if _is_length(c)]
            colors = [c.text for c in group if not _is_length(c) and c.text != "inset"]
            if len(lengths) != 4 or len(colors) != 1:
                raise ReadError(f"{raw!r}: a layer is not 'x y blur spread colour'")
            keys = ("offsetX", "offsetY", "blur", "spread")
            layer: dict[str, Any] = dict(zip(keys, lengths, strict=True))
            layer["color"] = colors[0]
            layer["inset"] = any(c.text == "inset" for c in group)
            layers.append(layer)
        return layers

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        comp = _single(str(raw))
        if comp.kind != "func" or comp.value != "linear-gradient":
            raise ReadError(f"{raw!r} is not linear-gradient()")
        stops = []
        for group in comp.args:
            if len(group) != 2:
                raise ReadError(f"gradient stop {' '.join(c.text for c in group)!r}")
            position = _math(group[1])
            if position.unit != "%":
                raise ReadError(f"gradient stop position {group[1].text!r} is not a percentage")
            stops.append((group[0].text, position.value / 100))
        return stops

    def typography(self, raw: Any) -> Mapping[str, Any]:
        if not isinstance(raw, Mapping):
            raise ReadError(f"{raw!r} is not a typography value")
        parts = dict(raw)
        if isinstance(parts.get("font"), str):
            parts["font"] = font_shorthand(parts["font"])
        return parts

    def line_height(self, raw: Any) -> float | Qty:
        return self.number(raw)


def font_shorthand(text: str) -> dict[str, Any]:
    """``weight size/line-height family, ...`` as typography parts."""
    first = parse_value(text)[0]
    if len(first) < 5 or first[2].text != "/":
        raise ReadError(f"{text!r} is not 'weight size/line-height family'")
    return {
        "fontWeight": first[0].text,
        "fontSize": first[1].text,
        "lineHeight": first[3].text,
        "fontFamily": text[first[4].start :],
        "shorthand": True,
    }
