"""Swift with themes: dynamic colours that follow the trait collection.

A colour whose expression differs between permutations becomes a `UIColor` with a
dynamic provider, choosing by ``userInterfaceStyle`` (the appearance axis) and
``accessibilityContrast`` (the contrast axis); its SwiftUI `Color` is built on that
`UIColor`. Constants that reference a dynamic colour are dynamic through the reference,
so composites (borders, shadows) follow the theme too. Other values cannot change with
traits: a non-colour token that differs is reported and keeps its default value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress
from typing import Any

from encore.diagnostics import Diagnostic, Severity
from encore.formats.namespaces import build_namespaces
from encore.formats.swift import (
    DEFAULTS,
    NAMING,
    SwiftWriter,
    UIKitWriter,
    render_with,
)
from encore.memo import chunked_columns
from encore.model import Token
from encore.themes import Axis, Key, Themes, stable_view
from encore.values.types import TokenType

TRAITS = {
    ("appearance", "light"): "traits.userInterfaceStyle == .light",
    ("appearance", "dark"): "traits.userInterfaceStyle == .dark",
    ("contrast", "high"): "traits.accessibilityContrast == .high",
}


def trait_condition(axis: Axis, context: str) -> str | None:
    """The trait test that selects a context, if the axis has a platform meaning."""
    return TRAITS.get((axis.role or "", axis.meaning(context) or ""))


def selectable(themes: Themes) -> list[Key]:
    """Permutations traits can select (the other axes at their default), most specific first."""
    keys = [
        key
        for key in themes.permutations()
        if all(trait_condition(a, c) for a, c in themes.changed_axes(key))
    ]
    return sorted(keys, key=lambda k: -len(themes.changed_axes(k)))


def _unsupported(token: Token) -> Diagnostic:
    return Diagnostic(
        "swift/theme-unsupported",
        f'"{token.name}" differs between themes, but a Swift {token.type.value} '
        "cannot follow the trait collection; the default theme's value is used",
        token.origin,
        severity=Severity.WARNING,
        help="let only colours vary by theme, or reference themed colours from it",
    )


def render_themes(
    themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
) -> dict[str, str]:
    """One Swift file whose themed colours are dynamic."""
    opts = {**DEFAULTS, **options}
    prefix, rem_base = str(opts["type_prefix"]), float(opts["rem_base"])
    base = themes.default
    _, refs = build_namespaces(base, str(opts["namespace"]), NAMING, [])
    _, ui_refs = build_namespaces(base, str(opts["uikit_namespace"] or "EncoreUIKit"), NAMING, [])
    keys = selectable(themes)
    stable = {key: stable_view(themes.sets[key], themes.varying, key) for key in keys}
    uikit: dict[str, dict[Key, str]] = {}
    # only a token whose value or aliases differ somewhere can print differently
    differ = {t.name for key in keys if key != themes.default_key for t in themes.differing(key)}
    candidates = (
        list(compress(base.tokens.values(), map(differ.__contains__, base.tokens)))
        if len(keys) > 1
        else []
    )
    with_uikit = opts["uikit_namespace"] is not None

    def themed_run(run: Sequence[Token]) -> list[tuple[str, dict[Key, str] | Diagnostic]]:
        found: list[tuple[str, dict[Key, str] | Diagnostic]] = []
        for token in run:
            texts = {}
            for key in keys:
                variant = themes.sets[key].get(token.name)
                if variant is not None:
                    texts[key] = SwiftWriter(refs, prefix, rem_base).value(variant)
            if len(set(texts.values())) <= 1:
                continue  # the same everywhere: dynamic, if at all, through references
            if token.type is TokenType.COLOR and with_uikit:
                # providers return plain colours: references settle on colours that do not vary
                found.append(
                    (
                        token.name,
                        {key: UIKitWriter(ui_refs).value(stable[key][token.name]) for key in texts},
                    )
                )
                continue
            found.append((token.name, _unsupported(token)))
        return found

    # kept by runs in a warm process while the tokens, in every permutation, stay the same
    columns: list[Sequence[object]] = [
        candidates,
        *([themes.sets[key].get(t.name) for t in candidates] for key in keys),
        *([stable[key].get(t.name) for t in candidates] for key in keys),
    ]
    context = (refs, ui_refs, prefix, rem_base, tuple(keys), with_uikit)
    slot = ("swift.themed", file)
    for run in chunked_columns(slot, columns, lambda a, b: themed_run(candidates[a:b]), context):
        for name, outcome in run:
            if isinstance(outcome, Diagnostic):
                report.append(outcome)
            else:
                uikit[name] = outcome

    def dynamic(token: Token, indent: str, is_uikit: bool) -> str | None:
        texts = uikit.get(token.name)
        if texts is None:
            return None
        if not is_uikit:
            default = SwiftWriter(refs, prefix, rem_base).value(token)
            return (
                f"{{\n{indent}    #if canImport(UIKit)\n"
                f"{indent}    return SwiftUI.Color(uiColor: {ui_refs[token.name]})\n"
                f"{indent}    #else\n{indent}    return {default}\n{indent}    #endif\n"
                f"{indent}}}()"
            )
        lines = ["UIKit.UIColor(dynamicProvider: { traits in"]
        for test, value in branches[token.name]:
            if test is not None:
                lines.append(f"{indent}    if {test} {{ return {value} }}")
            else:
                lines.append(f"{indent}    return {value}")
        lines.append(f"{indent}}})")
        return "\n".join(lines)

    # What `dynamic` prints for each themed colour: its trait tests and values, in order.
    # Kept Swift output is keyed on exactly this, so a reordered or remapped theme counts.
    tests = {
        key: " && ".join(str(trait_condition(a, c)) for a, c in themes.changed_axes(key)) or None
        for key in keys
    }
    branches = {
        name: tuple((tests[key], texts.get(key, texts[themes.default_key])) for key in keys)
        for name, texts in uikit.items()
    }
    return {file: render_with(base, options, report, dynamic, branches)}
