"""Output formats, one module each, registered by name in `FORMATS`.

A format turns a resolved `TokenSet` into the text of one file. To add one: write its
module (``render`` and ``OPTIONS``), its golden test folder, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats import android_xml, compose, css, javascript, kotlin, scss, swift
from encore.model import TokenSet

Render = Callable[[TokenSet, Mapping[str, Any], list[Diagnostic]], str]


@dataclass(frozen=True, slots=True)
class Format:
    """A named output format, its options schema and its renderer."""

    name: str
    summary: str
    options: dict[str, Any]
    render: Render


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("css", "CSS custom properties", css.OPTIONS, css.render),
        Format("android-xml", "Android resources", android_xml.OPTIONS, android_xml.render),
        Format("compose", "Jetpack Compose values", compose.OPTIONS, compose.render),
        Format("kotlin", "Kotlin: an object of constants", kotlin.OPTIONS, kotlin.render),
        Format("scss", "SCSS variables and a map", scss.OPTIONS, scss.render),
        Format("es-module", "JavaScript ES module", javascript.OPTIONS, javascript.render_module),
        Format(
            "typescript-declarations",
            "TypeScript declarations with literal types",
            javascript.OPTIONS,
            javascript.render_declarations,
        ),
        Format("swift", "Swift: SwiftUI and UIKit constants", swift.OPTIONS, swift.render),
    )
}
