"""CSS custom properties: one per token, references kept as ``var()``, composites expanded.

Colours inside sRGB print as hex; colours outside it print as hex in the main block and
again, in their own space (or display-p3 / oklch), inside an ``@supports`` block that
only wide-gamut browsers apply. Typography expands into its parts plus a ``font``
shorthand. Output order is source order, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats._common import comment_text, decimal, kebab, number
from encore.memo import by_shape, chunked
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.values.color import in_srgb_gamut, srgb_hex, to_coloraide
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
    Transition,
    Typography,
    Value,
)

OPTIONS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "prefix": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
        "selector": {"type": "string", "minLength": 1},
        "references": {"enum": ["keep", "inline"]},
        "wide_gamut": {"enum": ["native", "display-p3", "oklch", "none"]},
        "descriptions": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {
    "prefix": "encore",
    "selector": ":root",
    "references": "keep",
    "wide_gamut": "native",
    "descriptions": True,
}

GENERIC_FAMILIES = frozenset(
    {
        "serif",
        "sans-serif",
        "monospace",
        "cursive",
        "fantasy",
        "system-ui",
        "ui-serif",
        "ui-sans-serif",
        "ui-monospace",
        "ui-rounded",
        "math",
        "emoji",
        "fangsong",
        "-apple-system",
        "BlinkMacSystemFont",
    }
)
_RGB_SPACES = {
    "srgb": "srgb",
    "srgb-linear": "srgb-linear",
    "display-p3": "display-p3",
    "a98-rgb": "a98-rgb",
    "prophoto-rgb": "prophoto-rgb",
    "rec2020": "rec2020",
    "xyz-d65": "xyz-d65",
    "xyz-d50": "xyz-d50",
}
_FUNCTIONS = {
    "hsl": "hsl",
    "hwb": "hwb",
    "lab": "lab",
    "lch": "lch",
    "oklab": "oklab",
    "oklch": "oklch",
}
_PERCENT_SPACES = frozenset({"hsl", "hwb"})
TYPOGRAPHY_PARTS = (
    ("font-family", "fontFamily"),
    ("font-size", "fontSize"),
    ("font-weight", "fontWeight"),
    ("letter-spacing", "letterSpacing"),
    ("line-height", "lineHeight"),
)


def css_string(text: str) -> str:
    """A double-quoted CSS string."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch < " " or ch == "\x7f" else "\\" + ch if ch in '"\\' else ch
        for ch in text
    )
    return f'"{escaped}"'


def font_family(value: FontFamily, quote: Callable[[str], str] = css_string) -> str:
    """A ``font-family`` list; generic and system keywords stay unquoted."""
    return ", ".join(n if n in GENERIC_FAMILIES else quote(n) for n in value.names)


def css_var(name: str) -> str:
    """``var(--name)``."""
    return f"var({name})"


def css_percentage(reference: str) -> str:
    """A gradient position from a referenced number in [0, 1]."""
    return f"clamp(0%, calc({reference} * 100%), 100%)"


def wide_color(color: Color, mode: str) -> str:
    """A colour in a wide-gamut CSS notation."""
    if mode == "display-p3" or (
        mode == "native" and color.space not in _RGB_SPACES and color.space not in _FUNCTIONS
    ):
        converted = to_coloraide(color).convert("display-p3")
        if not converted.in_gamut():
            converted = converted.fit(method="oklch-chroma")
        comps = [number(c, 6) for c in converted[:3]]
        return _with_alpha(f"color(display-p3 {' '.join(comps)}", color.alpha) + ")"
    if mode == "oklch":
        lightness, chroma, hue = to_coloraide(color).convert("oklch")[:3]
        parts = [number(lightness, 6), number(chroma, 6), "none" if hue != hue else number(hue, 3)]
        return _with_alpha(f"oklch({' '.join(parts)}", color.alpha) + ")"
    parts = []
    for i, component in enumerate(color.components):
        if component is None:
            parts.append("none")
        elif color.space in _PERCENT_SPACES and i > 0:
            parts.append(decimal(component) + "%")
        else:
            parts.append(decimal(component))
    if color.space in _RGB_SPACES:
        return _with_alpha(f"color({_RGB_SPACES[color.space]} {' '.join(parts)}", color.alpha) + ")"
    return _with_alpha(f"{_FUNCTIONS[color.space]}({' '.join(parts)}", color.alpha) + ")"


def _with_alpha(text: str, alpha: float) -> str:
    return text if alpha >= 1 else f"{text} / {decimal(alpha)}"


def _supports_condition(mode: str, color: Color) -> str:
    if mode == "display-p3" or (mode == "native" and color.space in _RGB_SPACES):
        space = "display-p3" if mode == "display-p3" else _RGB_SPACES[color.space]
        return f"(color: color({space} 0 0 0))"
    function = "oklch" if mode == "oklch" else _FUNCTIONS.get(color.space, "oklch")
    return f"(color: {function}(0 0 0))"


@dataclass(slots=True)
class ValueWriter:
    """Formats values, printing references as ``var()`` where the options keep them.

    SCSS reuses it with its own ``reference`` (``$name``), ``quote`` and ``percentage``.
    """

    names: dict[str, str]
    keep: bool
    wide: str | None  # wide-gamut mode when writing the @supports variant
    conditions: set[str]
    reference: Callable[[str], str] = css_var
    quote: Callable[[str], str] = css_string
    percentage: Callable[[str], str] = css_percentage

    def var(self, name: str) -> str:
        return self.reference(self.names[name])

    def color(self, color: Color) -> str:
        if self.wide is None or in_srgb_gamut(color):
            return srgb_hex(color)
        self.conditions.add(_supports_condition(self.wide, color))
        return wide_color(color, self.wide)

    def part(self, token: Token, path: JsonPath, value: Value) -> str:
        """``var()`` of the token this part referenced, or the part's own value."""
        alias = token.aliases.get(path) if self.keep else None
        if alias is not None and alias in self.names:
            return self.var(alias)
        return self.inline(token, value)

    def value(self, token: Token) -> str:
        return self.part(token, (), token.value)

    def inline(self, token: Token, value: Value) -> str:
        p = self.part
        if isinstance(value, Color):
            return self.color(value)
        if isinstance(value, Dimension):
            return f"{decimal(value.value)}{value.unit}"
        if isinstance(value, Duration):
            return f"{decimal(value.value)}{value.unit}"
        if isinstance(value, Number):
            return decimal(value.value)
        if isinstance(value, FontWeight):
            return decimal(value.value)
        if isinstance(value, FontFamily):
            return font_family(value, self.quote)
        if isinstance(value, CubicBezier):
            points = (value.x1, value.y1, value.x2, value.y2)
            return f"cubic-bezier({', '.join(decimal(v) for v in points)})"
        if isinstance(value, StrokeStyle):
            return value.keyword or "dashed"
        if isinstance(value, Border):
            return " ".join(
                (
                    p(token, ("width",), value.width),
                    p(token, ("style",), value.style),
                    p(token, ("color",), value.color),
                )
            )
        if isinstance(value, Transition):
            return " ".join(
                (
                    p(token, ("duration",), value.duration),
                    p(token, ("timingFunction",), value.timing_function),
                    p(token, ("delay",), value.delay),
                )
            )
        if isinstance(value, Shadow):
            return self.shadow(token, value)
        if isinstance(value, Gradient):
            return self.gradient(token, value)
        assert isinstance(value, Typography)
        return self.font(token, value)

    def shadow(self, token: Token, value: Shadow) -> str:
        spliced = value.is_list and any(len(k) == 1 for k in token.aliases)
        layers = []
        for i, layer in enumerate(value.layers):
            prefix: JsonPath = (i,) if value.is_list else ()
            fields: tuple[tuple[str, Value], ...] = (
                ("offsetX", layer.offset_x),
                ("offsetY", layer.offset_y),
                ("blur", layer.blur),
                ("spread", layer.spread),
                ("color", layer.color),
            )
            words = ["inset"] if layer.inset else []
            words += [
                self.inline(token, v) if spliced else self.part(token, (*prefix, k), v)
                for k, v in fields
            ]
            layers.append(" ".join(words))
        return ", ".join(layers)

    def gradient(self, token: Token, value: Gradient) -> str:
        spliced = any(len(k) == 1 for k in token.aliases)
        stops = []
        for i, stop in enumerate(value.stops):
            percent = f"{decimal(round(stop.position * 100, 10))}%"
            if spliced or not self.keep:
                stops.append(f"{self.color(stop.color)} {percent}")
                continue
            color = self.part(token, (i, "color"), stop.color)
            position_alias = token.aliases.get((i, "position"))
            if position_alias in self.names:
                percent = self.percentage(self.var(position_alias))
            stops.append(f"{color} {percent}")
        return f"linear-gradient({', '.join(stops)})"

    def font(self, token: Token, value: Typography) -> str:
        weight = decimal(value.font_weight.value)
        size = f"{decimal(value.font_size.value)}{value.font_size.unit}"
        family = font_family(value.font_family, self.quote)
        return f"{weight} {size}/{decimal(value.line_height.value)} {family}"

    def typography_parts(self, token: Token, base: str) -> list[tuple[str, str]]:
        """The expanded parts of a typography token and its ``font`` shorthand."""
        value = token.value
        assert isinstance(value, Typography)
        whole = token.aliases.get(()) if self.keep else None
        fields: dict[str, Value] = {
            "fontFamily": value.font_family,
            "fontSize": value.font_size,
            "fontWeight": value.font_weight,
            "letterSpacing": value.letter_spacing,
            "lineHeight": value.line_height,
        }
        parts: list[tuple[str, str]] = []
        for suffix, key in TYPOGRAPHY_PARTS:
            name = f"{base}-{suffix}"
            if whole is not None and whole in self.names:
                parts.append((name, f"var({self.names[whole]}-{suffix})"))
            else:
                parts.append((name, self.part(token, (key,), fields[key])))
        if self.keep:
            shorthand = (
                f"var({base}-font-weight) var({base}-font-size)/"
                f"var({base}-line-height) var({base}-font-family)"
            )
        else:
            shorthand = self.font(token, value)
        return [*parts, (base, shorthand)]


def declarations(token: Token, writer: ValueWriter, name: str) -> list[tuple[str, str]]:
    """The custom properties one token produces."""
    if isinstance(token.value, Typography):
        return writer.typography_parts(token, name)
    return [(name, writer.value(token))]


def css_names(tokens: TokenSet, prefix: str, report: list[Diagnostic]) -> dict[str, str]:
    """`property_names`, kept between warm builds while names and types stay."""
    return by_shape(
        ("css.names", prefix), tokens, lambda found: property_names(tokens, prefix, found), report
    )


def property_names(tokens: TokenSet, prefix: str, report: list[Diagnostic]) -> dict[str, str]:
    """Each token's custom property name; two tokens that would share one are an error."""
    names: dict[str, str] = {}
    owners: dict[str, Token] = {}
    for token in tokens:
        name = f"--{prefix}-{kebab(token.output_path)}"
        produced = [name]
        if isinstance(token.value, Typography):
            produced += [f"{name}-{suffix}" for suffix, _ in TYPOGRAPHY_PARTS]
        for each in produced:
            other = owners.get(each)
            if other is not None:
                report.append(
                    Diagnostic(
                        "css/name-collision",
                        f'"{token.name}" and "{other.name}" both become the CSS property {each}',
                        token.origin,
                        part="key",
                        related=(other.origin,),
                        help="rename one of them; names are lower-cased and joined with '-'",
                    )
                )
            owners[each] = token
        names[token.name] = name
    return names


def _block(selector: str, lines: list[str], indent: str = "") -> list[str]:
    if not lines:
        return [f"{indent}{selector} {{", f"{indent}}}"]
    inner = indent + "  "  # one join at C speed: a root block holds every token
    return [f"{indent}{selector} {{", inner + f"\n{inner}".join(lines), f"{indent}}}"]


HEADER = (
    "/* Generated by Encore from design tokens. Do not edit: change the tokens and "
    "run `encore build`. */"
)


@dataclass(slots=True)
class Rules:
    """The declarations of some tokens, and their wide-gamut upgrades by ``@supports``."""

    main: list[str]
    upgrades: dict[str, list[str]]


def token_rules(
    tokens: Iterable[Token],
    names: dict[str, str],
    opts: Mapping[str, Any],
    comments: bool,
    slot: Hashable = None,
) -> Rules:
    """Declarations for ``tokens`` (comments for descriptions when ``comments``); with a
    ``slot``, runs of tokens unchanged since the last warm build reuse their lines."""
    if slot is None:
        return _token_rules(tokens, names, opts, comments)
    context = (names, sorted(opts.items()), comments)
    runs = chunked(
        ("css.rules", slot),
        tokens if isinstance(tokens, TokenSet) else [*tokens],
        lambda run: _token_rules(run, names, opts, comments),
        context,
    )
    if len(runs) == 1:
        return runs[0]
    rules = Rules([], {})
    for run in runs:
        rules.main.extend(run.main)
        for condition, lines in run.upgrades.items():
            rules.upgrades.setdefault(condition, []).extend(lines)
    return rules


def _token_rules(
    tokens: Iterable[Token], names: dict[str, str], opts: Mapping[str, Any], comments: bool
) -> Rules:
    keep = opts["references"] == "keep"
    base = ValueWriter(names, keep, None, set())
    wide_mode = None if opts["wide_gamut"] == "none" else str(opts["wide_gamut"])
    wide = ValueWriter(names, keep, wide_mode, set())
    rules = Rules([], {})
    for token in tokens:
        name = names[token.name]
        if comments and opts["descriptions"]:
            if token.deprecated:
                note = token.deprecated if isinstance(token.deprecated, str) else ""
                rules.main.append(f"/* Deprecated{': ' + comment_text(note) if note else ''} */")
            if token.description:
                rules.main.append(f"/* {comment_text(token.description)} */")
        plain = declarations(token, base, name)
        rules.main.extend(f"{prop}: {text};" for prop, text in plain)
        if wide_mode is not None:
            wide.conditions = set()
            richer = declarations(token, wide, name)
            changed = [
                f"{prop}: {text};"
                for (prop, text), (_, old) in zip(richer, plain, strict=False)
                if text != old
            ]
            if changed:
                key = " and ".join(sorted(wide.conditions))
                rules.upgrades.setdefault(key, []).extend(changed)
    return rules


def rule_blocks(rules: Rules, selector: str, media: str | None = None) -> list[str]:
    """The rule for ``selector`` (inside ``@media`` when given), then its upgrades."""
    out: list[str] = []
    if rules.main:
        out += (
            _block(selector, rules.main)
            if media is None
            else [
                f"@media {media} {{",
                *_block(selector, rules.main, "  "),
                "}",
            ]
        )
    for condition, lines in sorted(rules.upgrades.items()):
        inner = _block(selector, lines, "    " if media else "  ")
        if media is not None:
            inner = [f"  @media {media} {{", *inner, "  }"]
        out += ["", f"@supports {condition} {{", *inner, "}"]
    return out


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The CSS file for a token set."""
    opts = {**DEFAULTS, **options}
    names = css_names(tokens, opts["prefix"], report)
    rules = token_rules(tokens, names, opts, True, ("root", repr(sorted(opts.items()))))
    return "\n".join([HEADER, "", *rule_blocks(rules, opts["selector"])]) + "\n"
