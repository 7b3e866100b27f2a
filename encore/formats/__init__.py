"""Output formats, one module each, registered by name in `FORMATS`.

A format turns a resolved `TokenSet` into the text of one file (``render``), and every
permutation of a themed build into the files that hold the themes natively
(``render_themes``: paths relative to the platform folder, from the configured file's
path). To add one: write its module (``render``, ``render_themes``, ``OPTIONS``), its
golden test folder, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats import (
    android_xml,
    compose,
    compose_themes,
    css,
    css_themes,
    javascript,
    kotlin,
    scss,
    swift,
    swift_themes,
)
from encore.model import TokenSet
from encore.plugins import Registry
from encore.themes import Themes

Render = Callable[[TokenSet, Mapping[str, Any], list[Diagnostic]], str]
RenderThemes = Callable[[Themes, Mapping[str, Any], list[Diagnostic], str], dict[str, str]]


@dataclass(frozen=True, slots=True)
class Format:
    """A named output format, its options schema and its renderer."""

    name: str
    summary: str
    options: dict[str, Any]
    render: Render
    render_themes: RenderThemes | None = None

    def render_all(
        self, themes: Themes, options: Mapping[str, Any], report: list[Diagnostic], file: str
    ) -> dict[str, str]:
        """Every file of this format for a themed or a plain build."""
        if self.render_themes is None or not themes.axes:
            return {file: self.render(themes.default, options, report)}
        return self.render_themes(themes, options, report, file)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("css", "CSS custom properties", css.OPTIONS, css.render, css_themes.render_themes),
        Format(
            "android-xml",
            "Android resources",
            android_xml.OPTIONS,
            android_xml.render,
            android_xml.render_themes,
        ),
        Format(
            "compose",
            "Jetpack Compose values",
            compose.OPTIONS,
            compose.render,
            compose_themes.render_themes,
        ),
        Format("kotlin", "Kotlin: an object of constants", kotlin.OPTIONS, kotlin.render),
        Format("scss", "SCSS variables and a map", scss.OPTIONS, scss.render, scss.render_themes),
        Format(
            "es-module",
            "JavaScript ES module",
            javascript.OPTIONS,
            javascript.render_module,
            javascript.render_module_themes,
        ),
        Format(
            "typescript-declarations",
            "TypeScript declarations with literal types",
            javascript.OPTIONS,
            javascript.render_declarations,
            javascript.render_declarations_themes,
        ),
        Format(
            "swift",
            "Swift: SwiftUI and UIKit constants",
            swift.OPTIONS,
            swift.render,
            swift_themes.render_themes,
        ),
    )
}

# Built-in formats, then plugins' (entry-point group "encore.formats"; see encore.plugins).
FORMAT_REGISTRY: Registry[Format] = Registry("encore.formats", Format, lambda: FORMATS)
