"""Compose with themes: a colours class, one instance per permutation, a
``CompositionLocal`` and an ``EncoreTheme { }`` composable.

``EncoreColors`` holds every colour-bearing token (colours, borders, shadows, gradients)
whose value differs between permutations; each instance names the constants of
``EncoreTokens`` that do not vary. ``EncoreTheme(darkTheme = isSystemInDarkTheme(),
highContrast = false) { ... }`` provides the instance for the appearance and contrast
axes; ``EncoreTheme.colors.backgroundBase`` reads it. ``EncoreTokens`` keeps the default
permutation's values. Other varying types are reported and keep their default value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from encore.diagnostics import Diagnostic, Severity
from encore.formats.compose import DEFAULTS, ComposeWriter, declared_type, render_with
from encore.formats.kotlin_common import Effects, Imports, kdoc, replay, with_effects
from encore.formats.naming import Claim, camel, pascal, path_words, report_collisions
from encore.memo import chunked_columns
from encore.model import Token
from encore.themes import Axis, Key, Themes, stable_view
from encore.values.types import TokenType

THEMED_TYPES = frozenset({TokenType.COLOR, TokenType.BORDER, TokenType.SHADOW, TokenType.GRADIENT})
RUNTIME = "androidx.compose.runtime"


def render_themes(
    themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
) -> dict[str, str]:
    """One Compose file with the colours class and the theme composable."""
    opts = {**DEFAULTS, **options}
    prefix = str(opts["type_prefix"])
    base = themes.default
    themed = [t for t in themes.varying_tokens if t.type in THEMED_TYPES]
    for token in themes.varying_tokens:
        if token.type not in THEMED_TYPES:
            report.append(
                Diagnostic(
                    "compose/theme-unsupported",
                    f'"{token.name}" differs between themes, but only colours, borders, '
                    f"shadows and gradients are themed in Compose; {prefix}Tokens keeps the "
                    "default theme's value",
                    token.origin,
                    severity=Severity.WARNING,
                    help="let only colour-bearing tokens vary by theme",
                )
            )
    members = {t.name: camel(path_words(t.output_path or ("root",))) for t in themed}
    report_collisions(
        [
            Claim("", m, t, f"the {prefix}Colors property {m}")
            for t in themed
            for m in [members[t.name]]
        ],
        "compose/name-collision",
        report,
        "properties are the token path in camelCase",
    )
    appearance, contrast = themes.axis("appearance"), themes.axis("contrast")
    keys = list(themes.permutations())

    def instance(key: Key) -> str:
        return f"{prefix}Colors" + "".join(pascal(path_words((c,))) for c in key)

    vis = "" if opts["visibility"] == "public" else "internal "

    def extra(writer: ComposeWriter, names: Imports, refs: Mapping[str, str]) -> list[str]:
        if not themed:
            return []
        cls = f"{prefix}Colors"
        immutable = names("androidx.compose.runtime.Immutable")
        lines = kdoc(
            "Colours that change with the theme, one instance per permutation. "
            f"Read them with {prefix}Theme.colors inside {prefix}Theme.",
            "",
        )
        lines += [f"@{immutable}", f"{vis}class {cls}("]
        lines += [f"    val {members[t.name]}: {declared_type(t, prefix, names)}," for t in themed]
        lines += [")", ""]
        context = (
            *(refs, prefix, writer.rem_base, writer.font_families),
            *(names.hidden, names.alias_prefix, tuple(members.items())),
        )
        for key in keys:
            view = stable_view(themes.sets[key], themes.varying, key)
            shown = [view.get(t.name) for t in themed]

            def entries(start: int, end: int, shown: list[Token | None] = shown) -> Effects:
                themed_writer = ComposeWriter(
                    refs, prefix, writer.rem_base, names, writer.font_families, report
                )
                return with_effects(
                    lambda: [
                        f"    {members[t.name]} = {themed_writer.value(token)},"
                        for t, token in zip(themed[start:end], shown[start:end], strict=True)
                        if token is not None
                    ],
                    report,
                    names,
                )

            lines += kdoc(themes.label(key), "")
            lines.append(f"{vis}val {instance(key)}: {cls} = {cls}(")
            # kept by runs in a warm process while the themed tokens' values stay the same
            slot = ("compose.theme", file, key, repr(sorted(opts.items())))
            for made in chunked_columns(slot, [themed, shown], entries, context):
                lines += replay(made, report, names)
            lines += [")", ""]
        local = f"Local{cls}"
        composable = names(f"{RUNTIME}.Composable")
        lines += [
            f"/** The {cls} in effect; {prefix}Theme provides it. */",
            f"{vis}val {local} = {names(f'{RUNTIME}.staticCompositionLocalOf')} "
            f"{{ {instance(themes.default_key)} }}",
            "",
        ]
        params, picks = _selection(themes, appearance, contrast, instance, names)
        lines += kdoc(
            f"Provides the {prefix}Colors for the system's dark mode and the contrast asked for.",
            "",
        )
        lines += [f"@{composable}", f"{vis}fun {prefix}Theme("]
        lines += [f"    {p}," for p in params]
        lines += [f"    content: @{composable} () -> Unit,", ") {"]
        lines += ["    val colors = when {", *(f"        {p}" for p in picks), "    }"]
        provider = names(f"{RUNTIME}.CompositionLocalProvider")
        lines += [f"    {provider}({local} provides colors, content = content)", "}", ""]
        readonly = names(f"{RUNTIME}.ReadOnlyComposable")
        lines += [
            f"/** The theme in effect: `{prefix}Theme.colors.{members[themed[0].name]}`. */",
            f"{vis}object {prefix}Theme {{",
            f"    val colors: {cls}",
            f"        @{composable} @{readonly} get() = {local}.current",
            "}",
        ]
        return lines

    return {file: render_with(base, options, report, extra)}


def _selection(
    themes: Themes,
    appearance: Axis | None,
    contrast: Axis | None,
    instance: Callable[[Key], str],
    names: Imports,
) -> tuple[list[str], list[str]]:
    """The composable's parameters and its ``when`` branches, most specific first."""
    params: list[str] = []
    tests: dict[str, dict[str, str]] = {}
    if (
        appearance is not None
        and appearance.context_for("dark")
        and appearance.context_for("light")
    ):
        system = names("androidx.compose.foundation.isSystemInDarkTheme")
        params.append(f"darkTheme: Boolean = {system}()")
        tests[appearance.name] = {
            str(appearance.context_for("dark")): "darkTheme",
            str(appearance.context_for("light")): "!darkTheme",
        }
    if contrast is not None and contrast.context_for("high"):
        params.append("highContrast: Boolean = false")
        others = [c for c in contrast.contexts if c != contrast.context_for("high")]
        tests[contrast.name] = {str(contrast.context_for("high")): "highContrast"}
        tests[contrast.name].update({c: "!highContrast" for c in others[:1]})
    picks = []
    keys = [
        k
        for k in themes.permutations()
        if all(
            a.name in tests and c in tests[a.name]
            for a, c in zip(themes.axes, k, strict=True)
            if a.name in tests or c != a.default
        )
    ]
    for key in keys:
        conditions = [
            tests[a.name][c] for a, c in zip(themes.axes, key, strict=True) if a.name in tests
        ]
        picks.append(f"{' && '.join(conditions) or 'else'} -> {instance(key)}")
    if picks and not picks[-1].startswith("else"):
        picks[-1] = "else -> " + picks[-1].split(" -> ", 1)[1]
    return params, picks
