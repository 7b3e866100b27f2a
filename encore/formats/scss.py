"""SCSS: one ``!default`` variable per token and a map of them all.

Values are the CSS format's (`encore.formats.css.ValueWriter`) with references printed as
``$variables``; colours outside sRGB keep their wide-gamut notation, since a variable
cannot hold an ``@supports`` fallback. Typography becomes a map of its parts. The map
``$<prefix>-tokens`` keys every variable by its name without the prefix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats._common import comment_lines, kebab, printable
from encore.formats.css import ValueWriter, css_string
from encore.formats.naming import Claim, report_collisions
from encore.memo import by_shape, chunked, chunked_columns
from encore.model import Token, TokenSet
from encore.themes import Themes, stable_view
from encore.values.types import Typography, Value

OPTIONS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "prefix": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
        "references": {"enum": ["keep", "inline"]},
        "wide_gamut": {"enum": ["native", "display-p3", "oklch", "none"]},
        "map": {"type": ["string", "null"], "pattern": "^[a-z][a-z0-9-]*$"},
        "descriptions": {"type": "boolean"},
    },
}
DEFAULTS: dict[str, Any] = {
    "prefix": "encore",
    "references": "keep",
    "wide_gamut": "native",
    "map": "tokens",
    "descriptions": True,
}
TYPOGRAPHY_KEYS = (
    ("font-family", "fontFamily"),
    ("font-size", "fontSize"),
    ("font-weight", "fontWeight"),
    ("letter-spacing", "letterSpacing"),
    ("line-height", "lineHeight"),
)


def scss_string(text: str) -> str:
    """A quoted Sass string holding exactly ``text`` (``#{`` does not interpolate)."""
    return css_string(text).replace("#{", "\\#{")


def sass_variable(name: str) -> str:
    """``$name``."""
    return f"${name}"


def sass_percentage(reference: str) -> str:
    """A gradient position from a referenced number in [0, 1]."""
    return f"math.percentage({reference})"


def _typography_map(token: Token, writer: ValueWriter) -> str:
    value = token.value
    assert isinstance(value, Typography)
    fields: dict[str, Value] = {
        "fontFamily": value.font_family,
        "fontSize": value.font_size,
        "fontWeight": value.font_weight,
        "letterSpacing": value.letter_spacing,
        "lineHeight": value.line_height,
    }
    entries = [
        f"{key}: ({writer.part(token, (part,), fields[part])})" for key, part in TYPOGRAPHY_KEYS
    ]
    return "(" + ", ".join(entries) + ")"


def sassdoc(token: Token, enabled: bool) -> list[str]:
    """``///`` SassDoc lines for the description and deprecation."""
    if not enabled:
        return []
    text = token.description
    lines = [f"/// {line}".rstrip() for line in comment_lines(text)] if text else []
    if token.deprecated:
        note = token.deprecated if isinstance(token.deprecated, str) else ""
        lines.append(f"/// @deprecated {' '.join(printable(note).split())}".rstrip())
    return lines


def _writer(names: dict[str, str], opts: Mapping[str, Any]) -> ValueWriter:
    wide = None if opts["wide_gamut"] == "none" else str(opts["wide_gamut"])
    keep = opts["references"] == "keep"
    return ValueWriter(names, keep, wide, set(), sass_variable, scss_string, sass_percentage)


def _value(
    token: Token, writer: ValueWriter, names: dict[str, str], opts: Mapping[str, Any]
) -> str:
    alias = token.alias_of if opts["references"] == "keep" else None
    if isinstance(token.value, Typography) and (alias is None or alias not in names):
        return _typography_map(token, writer)
    return writer.value(token)


@dataclass(frozen=True, slots=True)
class _Names:
    keys: dict[str, str]  # token name → its key in the map, e.g. color-green-500
    names: dict[str, str]  # token name → its variable, without the $
    map_entries: tuple[str, ...]


def _names(tokens: TokenSet, prefix: str, report: list[Diagnostic]) -> _Names:
    """Variable names and map keys (kept between warm builds while names stay)."""

    def make(found: list[Diagnostic]) -> _Names:
        keys = {token.name: kebab(token.output_path or ("root",)) for token in tokens}
        names = {name: f"{prefix}-{key}" for name, key in keys.items()}
        claims = [  # Sass treats - and _ in names as the same character
            Claim("", names[t.name].replace("_", "-"), t, f"the SCSS variable ${names[t.name]}")
            for t in tokens
        ]
        report_collisions(
            claims,
            "scss/name-collision",
            found,
            "names are lower-cased and joined with '-', and Sass reads '_' as '-'",
        )
        entries = tuple(f"  {scss_string(keys[t.name])}: ${names[t.name]}," for t in tokens)
        return _Names(keys, names, entries)

    return by_shape(("scss.names", prefix), tokens, make, report)


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The SCSS file for a token set."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["prefix"])
    table = _names(tokens, prefix, report)
    names = table.names
    descriptions = bool(opts["descriptions"])

    def text(run: Sequence[Token]) -> str:
        writer = _writer(names, opts)
        body: list[str] = []
        for token in run:
            body += sassdoc(token, descriptions)
            body.append(f"${names[token.name]}: {_value(token, writer, names, opts)} !default;")
        return "\n".join(body)

    slot = ("scss.body", repr(sorted(opts.items())))
    runs = chunked(slot, tokens, text, (names, sorted(opts.items())))
    out = [
        "// Generated by Encore from design tokens. Do not edit: change the tokens and run "
        "`encore build`.",
        "",
        '@use "sass:math";',
        "",
        *filter(None, runs),  # each run joined once, kept between warm builds
    ]
    if opts["map"] is not None:
        out += ["", f"${prefix}-{opts['map']}: (", *table.map_entries, ");"]
    return "\n".join(out) + "\n"


def render_themes(
    themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
) -> dict[str, str]:
    """The default permutation's variables, then one map per permutation of the tokens
    that vary (values naming only variables that do not vary), and a map of those maps."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["prefix"])
    text = render(themes.default, options, report)
    varying = themes.varying_tokens
    table = _names(themes.default, prefix, [])  # its problems were reported by render
    keys, names = table.keys, table.names
    out = [text.rstrip("\n")]
    index = []
    for key in themes.permutations():
        view = stable_view(themes.sets[key], themes.varying, key)
        variable = f"{prefix}-{'-'.join(kebab((c,)) for c in key)}"
        shown = [view.get(t.name) for t in varying]

        def entries(start: int, end: int, shown: list[Token | None] = shown) -> list[str]:
            writer = _writer(names, opts)
            return [
                f"  {scss_string(keys[t.name])}: {_value(token, writer, names, opts)},"
                for t, token in zip(varying[start:end], shown[start:end], strict=True)
                if token is not None
            ]

        # kept by runs in a warm process while the varying tokens' values stay the same
        context = (keys, names, sorted(opts.items()))
        runs = chunked_columns(("scss.theme", file, key), [varying, shown], entries, context)
        out += ["", f"/// {themes.label(key)}", f"${variable}: ("]
        out += [entry for run in runs for entry in run]
        out.append(");")
        index.append(f"  {scss_string('-'.join(key))}: ${variable},")
    out += ["", f"${prefix}-themes: (", *index, ");"]
    return {file: "\n".join(out) + "\n"}
