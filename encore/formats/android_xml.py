"""Android XML resources: colours, dimensions, integers, strings, arrays and text styles.

Names are ``prefix_path_in_snake_case``, ASCII only (``[a-z0-9_]``). Colours are
``#AARRGGBB`` (sRGB; wide-gamut colours gamut-mapped), dimensions ``dp`` (``rem`` times
``rem_base``) or ``sp`` for dimensions used as type sizes (and those aliasing them, or
named by ``sp_tokens``), durations and font weights ``<integer>`` milliseconds and
weights, numbers float ``<item>``s, font families ``<string-array>``s, cubic Béziers
``<array>``s of four floats. Composite tokens expand into one resource per part
(``_color``, ``_width``, ...); typography becomes a text-appearance ``<style>``. A whole
reference prints ``@type/name``.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import PurePosixPath
from typing import Any

from encore import warm
from encore.diagnostics import Diagnostic
from encore.evaluate_delta import changed_since
from encore.formats._common import decimal, px
from encore.formats.naming import Claim, path_words, report_collisions, snake
from encore.memo import by_shape, chunked, chunked_columns, kept, shape
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.themes import Themes
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
        "prefix": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "rem_base": {"type": "number", "exclusiveMinimum": 0},
        "descriptions": {"type": "boolean"},
        "sp_tokens": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
DEFAULTS: dict[str, Any] = {
    "prefix": "encore",
    "rem_base": 16,
    "descriptions": True,
    "sp_tokens": [],
}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "&": "&amp;", "<": "&lt;"}


def android_string(text: str) -> str:
    """String resource text holding exactly ``text``: quoted, escaped, XML-safe."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch == ">":
            out.append("&gt;")
        elif ch < " " or ch == "\x7f" or "\ud800" <= ch <= "\udfff" or ch in "\ufffe\uffff":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def xml_comment(text: str) -> str:
    """Text safe inside an XML comment, on one line."""
    flat = " ".join(text.split())
    flat = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", " ", flat)
    return re.sub("-(?=-)", "- ", flat).rstrip("-") or " "


def sp_tokens(tokens: TokenSet, patterns: list[str]) -> set[str]:
    """Dimension tokens that are type sizes: used as a font size, or linked to one by
    whole-value aliases, or matched by a pattern."""
    links: dict[str, set[str]] = {}
    seeds: set[str] = set()
    for token in tokens:
        if token.type is TokenType.DIMENSION:
            if any(fnmatch.fnmatchcase(token.name, p) for p in patterns):
                seeds.add(token.name)
            target = token.alias_of
            if target is not None:
                links.setdefault(token.name, set()).add(target)
                links.setdefault(target, set()).add(token.name)
        elif token.type is TokenType.TYPOGRAPHY:
            size = token.aliases.get(("fontSize",))
            if size is not None:
                seeds.add(size)
    found: set[str] = set()
    stack = list(seeds)
    while stack:
        name = stack.pop()
        if name not in found:
            found.add(name)
            stack.extend(links.get(name, ()))
    return found


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource: its element, name, content and the token it came from."""

    kind: str  # color, dimen, integer, string, string-array, array, item, bool, style
    name: str
    body: str  # text content, or inner XML for arrays and styles
    token: Token
    parent: str | None = None  # a style's parent style


def base_name(prefix: str, token: Token) -> str:
    """A token's resource name: ``prefix_path_in_snake_case``."""
    return snake([prefix, *path_words(token.output_path or ("root",), ascii_only=True)])


@dataclass
class _Builder:
    rem_base: float
    sp: frozenset[str]
    names: Mapping[str, str]  # token name → base resource name
    kinds: Mapping[str, str]  # token name → R class of its own resource
    position: Mapping[str, int]  # token name → place in source order
    out: list[Resource] = field(default_factory=list)

    def ref(self, token: Token, path: JsonPath) -> str | None:
        """``@kind/name`` of an aliased token that comes earlier and has a resource."""
        alias = token.aliases.get(path)
        if (
            alias is None
            or alias not in self.kinds
            or alias not in self.position
            or self.position[alias] >= self.position[token.name]
        ):
            return None
        if isinstance(token.value, Shadow | Gradient) and any(
            len(k) == 1 and isinstance(k[0], int) for k in token.aliases
        ):
            return None
        return f"@{self.kinds[alias]}/{self.names[alias]}"

    def dimen(self, value: Dimension, sp: bool = False) -> str:
        return f"{decimal(px(value, self.rem_base))}{'sp' if sp else 'dp'}"

    def add(self, kind: str, name: str, body: str, token: Token, parent: str | None = None) -> None:
        self.out.append(Resource(kind, name, body, token, parent))

    def leaf(self, token: Token, path: JsonPath, name: str, value: Value) -> None:
        """One resource for a leaf value, or a reference to the aliased token's resource."""
        reference = self.ref(token, path)
        if isinstance(value, Color):
            self.add("color", name, reference or f"#{argb_hex(value)}", token)
        elif isinstance(value, Dimension):
            sp = not path and token.name in self.sp
            self.add("dimen", name, reference or self.dimen(value, sp), token)
        elif isinstance(value, Duration):
            self.add("integer", name, reference or str(round(value.milliseconds)), token)
        elif isinstance(value, FontWeight):
            self.add("integer", name, reference or str(round(value.value)), token)
        elif isinstance(value, Number):
            self.add("item", name, reference or decimal(value.value), token)
        elif isinstance(value, FontFamily):
            items = "".join(f"<item>{android_string(n)}</item>" for n in value.names)
            self.add("string-array", name, reference or items, token)
        elif isinstance(value, CubicBezier):
            points = (value.x1, value.y1, value.x2, value.y2)
            self.add("array", name, "".join(f"<item>{decimal(v)}</item>" for v in points), token)
        elif isinstance(value, StrokeStyle):
            if value.keyword is not None:
                self.add("string", name, reference or android_string(value.keyword), token)
            else:
                dashes = "".join(f"<item>{self.dimen(d)}</item>" for d in value.dash_array)
                self.add("array", name, dashes, token)
                cap = android_string(value.line_cap or "butt")
                self.add("string", f"{name}_line_cap", cap, token)
        else:
            self.composite(token, path, name, value)

    def composite(self, token: Token, path: JsonPath, name: str, value: Value) -> None:
        if isinstance(value, Border):
            self.leaf(token, (*path, "color"), f"{name}_color", value.color)
            self.leaf(token, (*path, "width"), f"{name}_width", value.width)
            self.leaf(token, (*path, "style"), f"{name}_style", value.style)
        elif isinstance(value, Transition):
            self.leaf(token, (*path, "duration"), f"{name}_duration", value.duration)
            self.leaf(token, (*path, "delay"), f"{name}_delay", value.delay)
            self.leaf(
                token, (*path, "timingFunction"), f"{name}_timing_function", value.timing_function
            )
        elif isinstance(value, Shadow):
            for i, layer in enumerate(value.layers):
                at: JsonPath = (*path, i) if value.is_list else path
                stem = f"{name}_{i}" if value.is_list else name
                self.leaf(token, (*at, "color"), f"{stem}_color", layer.color)
                self.leaf(token, (*at, "offsetX"), f"{stem}_offset_x", layer.offset_x)
                self.leaf(token, (*at, "offsetY"), f"{stem}_offset_y", layer.offset_y)
                self.leaf(token, (*at, "blur"), f"{stem}_blur", layer.blur)
                self.leaf(token, (*at, "spread"), f"{stem}_spread", layer.spread)
                self.add("bool", f"{stem}_inset", "true" if layer.inset else "false", token)
        elif isinstance(value, Gradient):
            colors = "".join(
                f"<item>{self.ref(token, (*path, i, 'color')) or '#' + argb_hex(stop.color)}</item>"
                for i, stop in enumerate(value.stops)
            )
            positions = "".join(f"<item>{decimal(stop.position)}</item>" for stop in value.stops)
            self.add("array", f"{name}_colors", colors, token)
            self.add("array", f"{name}_positions", positions, token)
        else:
            assert isinstance(value, Typography)
            parent = self.ref(token, path)
            body = "" if parent else self.text_appearance(token, value)
            self.add("style", name, body, token, parent)

    def text_appearance(self, token: Token, value: Typography) -> str:
        size = px(value.font_size, self.rem_base)
        spacing_em = px(value.letter_spacing, self.rem_base) / size if size else 0.0
        items = [
            ("android:fontFamily", android_string(value.font_family.names[0])),
            ("android:textSize", self.ref(token, ("fontSize",)) or f"{decimal(size)}sp"),
            ("android:textFontWeight", str(round(value.font_weight.value))),
            ("android:letterSpacing", decimal(round(spacing_em, 10))),
            ("android:lineHeight", f"{decimal(round(size * value.line_height.value, 10))}sp"),
        ]
        return "".join(f'<item name="{key}">{text}</item>' for key, text in items)


_R_CLASS = {"item": "dimen", "string-array": "array", "style": "style"}


def _element(resource: Resource) -> str:
    if resource.kind == "item":
        return f'<item name="{resource.name}" format="float" type="dimen">{resource.body}</item>'
    if resource.kind == "string":
        return f'<string name="{resource.name}" formatted="false">{resource.body}</string>'
    if resource.parent is not None:
        return f'<style name="{resource.name}" parent="{resource.parent}" />'
    if resource.kind in ("array", "string-array", "style"):
        inner = resource.body.replace("<item", "\n        <item")
        return f'<{resource.kind} name="{resource.name}">{inner}\n    </{resource.kind}>'
    return f'<{resource.kind} name="{resource.name}">{resource.body}</{resource.kind}>'


HEADER = (
    "<!-- Generated by Encore from design tokens. Do not edit: change the tokens and run "
    "`encore build`. -->"
)


def render(tokens: TokenSet, options: Mapping[str, Any], report: list[Diagnostic]) -> str:
    """The ``values/*.xml`` resource file for a token set."""
    opts = {**DEFAULTS, **options}
    return _document(_runs(tokens, opts, "values"), report, None, "values")


def own_kind(value: Value) -> str | None:
    """The R class of the resource named like the token itself (`_Builder.leaf`'s first
    resource), or None when a token makes only suffixed parts (``_color``, ...)."""
    if isinstance(value, Color):
        return "color"
    if isinstance(value, Dimension | Number):
        return "dimen"
    if isinstance(value, Duration | FontWeight):
        return "integer"
    if isinstance(value, FontFamily | CubicBezier):
        return "array"
    if isinstance(value, StrokeStyle):
        return "string" if value.keyword is not None else "array"
    if isinstance(value, Typography):
        return "style"
    return None


@dataclass(frozen=True, slots=True)
class _Tables:
    names: dict[str, str]  # token name → base resource name
    position: dict[str, int]  # token name → place in source order


def _tables(tokens: TokenSet, prefix: str) -> _Tables:
    def make(_: list[Diagnostic]) -> _Tables:
        names = {token.name: base_name(prefix, token) for token in tokens}
        return _Tables(names, {name: i for i, name in enumerate(tokens.tokens)})

    return by_shape(("android.names", prefix), tokens, make, [])


_KINDS: dict[Hashable, tuple[list[dict[str, str]], dict[str, str]]] = warm.cache({})
# slot → (the set, its patterns, what sp_tokens read of it, the answer)
_SP: dict[Hashable, tuple[TokenSet, list[str], tuple[Any, ...], frozenset[str]]] = warm.cache({})


def _kinds(tokens: TokenSet, slot: Hashable) -> dict[str, str]:
    """Each token's own resource kind; the last build's table while it is equal."""
    runs = chunked(
        ("android.kinds", slot),
        tokens,
        lambda run: {t.name: k for t in run if (k := own_kind(t.value)) is not None},
    )
    held = _KINDS.get(slot)
    if held is not None and len(held[0]) == len(runs):
        old_runs, kinds = held
        changed = [i for i, (a, b) in enumerate(zip(old_runs, runs, strict=True)) if a is not b]
        if any(old_runs[i] != runs[i] for i in changed):
            kinds = dict(kinds)  # the old table may be another run's context: never changed
            for i in changed:  # all removals first: a name may move to another run
                for name in old_runs[i]:
                    kinds.pop(name, None)
            for i in changed:
                kinds.update(runs[i])
    else:
        kinds = {}
        for run in runs:
            kinds.update(run)
    if warm.ENABLED:
        _KINDS[slot] = (runs, kinds)
    return kinds


def _sp(tokens: TokenSet, patterns: list[str], slot: Hashable) -> frozenset[str]:
    """`sp_tokens`, kept while names, types and aliases stay, and across a re-evaluation
    that cannot change them (`_sizes_stay`)."""
    held = _SP.get(slot)
    since = changed_since(tokens)
    if (
        held is not None
        and since is not None
        and since[0] is held[0]
        and held[1] == patterns
        and _sizes_stay(since[0].tokens, tokens.tokens, since[1], patterns, held[3])
    ):
        _SP[slot] = (tokens, held[1], held[2], held[3])
        return held[3]
    aliases = chunked(("android.aliases", slot), tokens, _aliases)  # runs kept by identity
    key = (shape(tokens), *aliases, *patterns)
    if held is not None and held[2] == key:
        found = held[3]
    else:
        found = frozenset(sp_tokens(tokens, patterns))
    if warm.ENABLED:
        _SP[slot] = (tokens, list(patterns), key, found)
    return found


def _sizes_stay(
    before: Mapping[str, Token],
    after: Mapping[str, Token],
    names: frozenset[str],
    patterns: list[str],
    found: frozenset[str],
) -> bool:
    """Whether re-evaluating ``names`` leaves the type sizes ``found`` as they are.

    Type sizes are the groups of dimensions joined by whole-value aliases that hold a seed
    (a font size of a typography token, or a pattern's match). A changed dimension that is
    no type size and no seed, aliasing none before or after, can only join or split groups
    without a seed; a typography token must keep its font size's alias."""
    for name in names:
        was, now = before[name], after[name]
        if TokenType.TYPOGRAPHY in (was.type, now.type):
            font_size = ("fontSize",)
            if was.type is not now.type or was.aliases.get(font_size) != now.aliases.get(font_size):
                return False
            continue
        for token in (was, now):
            if token.type is TokenType.DIMENSION and (
                name in found
                or token.alias_of in found
                or any(fnmatch.fnmatchcase(name, p) for p in patterns)
            ):
                return False
    return True


def _aliases(run: Sequence[Token]) -> tuple[Mapping[JsonPath, str], ...]:
    return tuple(map(attrgetter("aliases"), run))


@dataclass(frozen=True, slots=True)
class _Run:
    """Some consecutive tokens' resources, as document lines."""

    elements: tuple[tuple[tuple[str, str], ...], ...]  # per token: (resource name, element)
    text: str  # its lines (with description comments), joined
    claims: tuple[tuple[str, str, Token], ...]  # R class, resource name, token
    keys: frozenset[tuple[str, str]]  # every (R class, resource name)


def _make_run(
    run: Sequence[Token], builder: _Builder, tables: _Tables, descriptions: bool, document: bool
) -> _Run:
    """The run's elements; with ``document``, also its lines and the names it claims (a
    night run only needs its elements, to compare them with the day's)."""
    elements: list[tuple[tuple[str, str], ...]] = []
    lines: list[str] = []
    claims: list[tuple[str, str, Token]] = []
    for token in run:
        builder.leaf(token, (), tables.names[token.name], token.value)
        resources = builder.out
        texts = tuple((r.name, _element(r)) for r in resources)
        elements.append(texts)
        if document:
            if descriptions and (token.description or token.deprecated):
                text = token.description or ""
                if token.deprecated:
                    note = token.deprecated if isinstance(token.deprecated, str) else ""
                    text = f"Deprecated{': ' + note if note else '.'} {text}".strip()
                lines.append(f"    <!-- {xml_comment(text)} -->")
            for resource, (_, element) in zip(resources, texts, strict=True):
                claims.append((_R_CLASS.get(resource.kind, resource.kind), resource.name, token))
                lines.append(f"    {element}")
        builder.out = []
    keys = frozenset((kind, name) for kind, name, _ in claims) if warm.ENABLED else frozenset()
    return _Run(tuple(elements), "\n".join(lines), tuple(claims), keys)


def _runs(
    tokens: TokenSet, opts: Mapping[str, Any], slot: Hashable, document: bool = True
) -> list[_Run]:
    """Every token's resources, in source order, in runs kept between warm builds."""
    prefix = str(opts["prefix"])
    tables = _tables(tokens, prefix)
    kinds = _kinds(tokens, (slot, prefix))
    sp = _sp(tokens, list(opts["sp_tokens"]), (slot, prefix))
    builder = _Builder(float(opts["rem_base"]), sp, tables.names, kinds, tables.position)
    descriptions = bool(opts["descriptions"])
    context = (tables, kinds, sorted(opts.items()))
    ordered = list(tokens.tokens.values())

    def make(start: int, end: int) -> _Run:
        return _make_run(ordered[start:end], builder, tables, descriptions, document)

    slot = ("android.runs", slot, document, repr(sorted(opts.items())))
    # A token reads only its own place in `sp` (is it a type size?): a run is made again
    # when that changes for one of its tokens, not when it changes anywhere.
    sized = _sized(tokens, sp) if warm.ENABLED else []
    return chunked_columns(slot, [tokens, sized] if warm.ENABLED else [ordered], make, context)


def _sized(tokens: TokenSet, sp: frozenset[str]) -> list[bool]:
    return list(map(sp.__contains__, tokens.tokens))


_COLLIDE: dict[Hashable, tuple[tuple[_Run, ...], bool]] = warm.cache({})


def _collide(runs: Sequence[_Run], slot: Hashable) -> bool:
    """Whether two resources of the runs share a name (worked out again in a warm build
    only when some run changed)."""
    count = sum(len(run.claims) for run in runs)
    if not warm.ENABLED:
        return len({(kind, name) for run in runs for kind, name, _ in run.claims}) != count
    held = _COLLIDE.get(slot)
    if held is not None and len(held[0]) == len(runs):
        changed = [(a, b) for a, b in zip(held[0], runs, strict=True) if a is not b]
        if all(a.keys == b.keys and len(a.claims) == len(b.claims) for a, b in changed):
            _COLLIDE[slot] = (tuple(runs), held[1])
            return held[1]
    found = len(frozenset().union(*(run.keys for run in runs))) != count
    _COLLIDE[slot] = (tuple(runs), found)
    return found


def _document(
    runs: Sequence[_Run], report: list[Diagnostic], note: str | None, slot: Hashable
) -> str:
    """A resource file of every resource the runs made."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', HEADER]
    if note:
        lines.append(f"<!-- {xml_comment(note)} -->")
    lines.append("<resources>")
    lines += [run.text for run in runs if run.text]
    if _collide(runs, slot):
        claims = [
            Claim(kind, name, token, f"the Android resource @{kind}/{name}")
            for run in runs
            for kind, name, token in run.claims
        ]
        report_collisions(
            claims,
            "android/name-collision",
            report,
            "resource names are the path in lower snake case, ASCII letters and digits only",
        )
    lines.append("</resources>")
    return "\n".join(lines) + "\n"


def _changes(
    day: Sequence[_Run], night: Sequence[_Run], aligned: bool, note: str, slot: Hashable
) -> str:
    """The night resource file: only the elements whose text differs from the day's
    (compared run by run when both sets hold the same tokens in the same order)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', HEADER, f"<!-- {xml_comment(note)} -->"]
    lines.append("<resources>")
    if aligned and len(day) == len(night):
        for index, (day_run, night_run) in enumerate(zip(day, night, strict=True)):

            def differing(d: _Run = day_run, n: _Run = night_run) -> list[str]:
                return _differing_lines(dict(e for token in d.elements for e in token), n)

            lines += kept(("android.night", slot, index), (day_run, night_run), (), differing)
    else:
        every = dict(e for run in day for token in run.elements for e in token)
        for run in night:
            lines += _differing_lines(every, run)
    lines.append("</resources>")
    return "\n".join(lines) + "\n"


def _differing_lines(day: Mapping[str, str], run: _Run) -> list[str]:
    return [
        f"    {element}"
        for token in run.elements
        for name, element in token
        if day.get(name) != element
    ]


_AFTER_NIGHT = re.compile(
    r"^(?:[a-z]*dpi|\d+dpi|notouch|finger|keys(?:exposed|hidden|soft)|nokeys|qwerty|12key"
    r"|nav(?:exposed|hidden)|nonav|dpad|trackball|wheel|v\d+)$"
)


def night_path(file: str) -> str:
    """``res/values/x.xml`` → ``res/values-night/x.xml``; ``values-en-v21`` →
    ``values-en-night-v21`` (night mode goes before density, input and version)."""
    path = PurePosixPath(file)
    qualifiers = path.parent.name.split("-")[1:] if path.parent.name.startswith("values") else []
    at = next((i for i, q in enumerate(qualifiers) if _AFTER_NIGHT.match(q)), len(qualifiers))
    folder = "-".join(["values", *qualifiers[:at], "night", *qualifiers[at:]])
    return str(path.parent.parent / folder / path.name)


def render_themes(
    themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
) -> dict[str, str]:
    """``values/`` for the light appearance, ``values-night/`` for what dark changes.

    Android has no resource qualifier for contrast, so other axes keep their default
    context here; Compose's ``EncoreTheme`` selects high contrast at run time.
    """
    opts = {**DEFAULTS, **options}
    appearance = themes.axis("appearance")
    light = appearance.context_for("light") if appearance else None
    dark = appearance.context_for("dark") if appearance else None
    if appearance is None or light is None or dark is None:
        only = _runs(themes.default, opts, (file, "day"))
        return {file: _document(only, report, None, file)}
    day = themes.sets[themes.key(**{appearance.name: light})]
    night = themes.sets[themes.key(**{appearance.name: dark})]
    note = (
        f"{appearance.name}={light}; the other axes at their default "
        "(Android has no resource qualifier for contrast)."
    )
    # Every night token is made again: its resources depend on the whole set (which
    # dimensions are sp, which names come earlier), not only on the token itself.
    day_runs = _runs(day, opts, (file, "day"))
    night_runs = _runs(night, opts, (file, "night"), document=False)
    return {
        file: _document(day_runs, report, note, file),
        night_path(file): _changes(
            day_runs,
            night_runs,
            tuple(day.tokens) == tuple(night.tokens),
            f"{appearance.name}={dark}: what it changes.",
            file,
        ),
    }
