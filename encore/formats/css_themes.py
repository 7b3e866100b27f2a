"""CSS with themes: the default permutation on ``:root``, every other context under an
attribute selector, and the user's preference through media queries.

``[data-encore-theme="light"]`` holds only the tokens whose value or references differ
from the default permutation; a permutation that changes two axes gets a rule with both
attributes (more specific, so it wins). When no attribute is set, ``prefers-color-scheme``
applies the appearance axis's matching context and ``prefers-contrast: more`` the contrast
axis's high context. Set the attributes on one element, usually ``<html>``. A nested
element may set a non-default context over the default one (its rule re-declares every
token that resolves differently there); switching a nested element back to a default
context is not supported.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats._common import kebab
from encore.formats.css import (
    DEFAULTS,
    HEADER,
    css_names,
    css_string,
    property_names,
    rule_blocks,
    token_rules,
)
from encore.model import Token, TokenSet
from encore.themes import Axis, Key, Themes

MEDIA = {
    ("appearance", "light"): "(prefers-color-scheme: light)",
    ("appearance", "dark"): "(prefers-color-scheme: dark)",
    ("contrast", "high"): "(prefers-contrast: more)",
}


def attribute(prefix: str, axis: Axis) -> str:
    """``data-encore-theme``: the modifier's name in words, so any name is a valid attribute."""
    return f"data-{prefix}-{kebab((axis.name,))}"


def media_query(axis: Axis, context: str) -> str | None:
    """The media feature that selects a context, if the axis has a platform meaning."""
    meaning = axis.meaning(context)
    return MEDIA.get((axis.role or "", meaning or ""))


def selectors(
    changed: list[tuple[Axis, str]], prefix: str, root: str
) -> list[tuple[str, str | None]]:
    """Every (selector, media) that applies a permutation: by attribute, or by preference
    where no attribute is set."""
    choices = []
    for axis, context in changed:
        name = attribute(prefix, axis)
        ways: list[tuple[str, str | None]] = [(f"[{name}={css_string(context)}]", None)]
        media = media_query(axis, context)
        if media is not None:
            ways.append((f":not([{name}])", media))
        choices.append(ways)
    out = []
    for combination in itertools.product(*choices):
        selector = "".join(part for part, _ in combination)
        queries = [m for _, m in combination if m is not None]
        if queries:  # each selector of the root list, only where no attribute chooses
            selector = ", ".join(f"{one.strip()}{selector}" for one in root.split(","))
        out.append((selector, " and ".join(queries) if queries else None))
    return out


def _union_names(themes: Themes, prefix: str, report: list[Diagnostic]) -> dict[str, str]:
    """Property names of every token of every permutation; collisions reported once."""
    names = tuple(themes.default.tokens)
    if all(tuple(tokens.tokens) == names for tokens in themes.sets.values()):
        return css_names(themes.default, prefix, report)  # the usual case: the same tokens
    seen: dict[str, Token] = {}
    for tokens in themes.sets.values():
        for token in tokens:
            seen.setdefault(token.name, token)
    return property_names(TokenSet(seen), prefix, report)


def render_themes(
    themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
) -> dict[str, str]:
    """One CSS file holding every permutation."""
    opts = {**DEFAULTS, **options}
    names = _union_names(themes, str(opts["prefix"]), report)
    root = str(opts["selector"])
    slot = (file, repr(sorted(opts.items())))
    default_rules = token_rules(themes.default, names, opts, True, (*slot, "default"))
    out = [HEADER, "", *rule_blocks(default_rules, root)]
    keys: list[Key] = sorted(
        (k for k in themes.permutations() if k != themes.default_key),
        key=lambda k: len(themes.changed_axes(k)),
    )
    for key in keys:
        # A rule for one axis holds what differs from the default. A rule for several axes
        # sits over the one-axis rules (in any mix of attributes and preferences), so it
        # holds every token that varies at all.
        if len(themes.changed_axes(key)) > 1:
            tokens = [t for t in themes.sets[key] if t.name in themes.varying]
        else:
            tokens = themes.differing(key)
        if not tokens:
            continue
        rules = token_rules(tokens, names, opts, False, (*slot, key))
        out += ["", f"/* {themes.label(key)} */"]
        for selector, media in selectors(themes.changed_axes(key), str(opts["prefix"]), root):
            out += rule_blocks(rules, selector, media)
    return {file: "\n".join(out) + "\n"}
