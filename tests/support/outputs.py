"""Render a token set in every output format, into files the checkers can read.

`render_case` gives each case its own Kotlin packages so that the Kotlin of many cases
compiles together in one kotlinc run (the JVM start dominates its cost).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic
from encore.formats import FORMATS
from encore.model import TokenSet
from encore.themes import Themes, single

FILES = {
    "css": "encore.css",
    "scss": "_encore.scss",
    "es-module": "encore.js",
    "typescript-declarations": "encore.d.ts",
    "swift": "EncoreTokens.swift",
    "kotlin": "kotlin/EncoreTokens.kt",
    "compose": "compose/EncoreTokens.kt",
    "android-xml": "res/values/encore_tokens.xml",
}


@dataclass
class Rendered:
    """One case rendered in every format: file paths by format, and any diagnostics."""

    folder: Path
    paths: dict[str, Path] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extra: dict[str, list[Path]] = field(default_factory=dict)  # more files of a format

    def files(self, fmt: str) -> list[Path]:
        """Every file a format wrote (Android: values/ and values-night/)."""
        return [self.paths[fmt], *self.extra.get(fmt, [])]

    def text(self, fmt: str) -> str:
        return self.paths[fmt].read_text(encoding="utf-8")


def case_options(case: str) -> dict[str, dict[str, Any]]:
    """Options per format: a Kotlin package of the case's own."""
    package = "cases." + "".join(c if c.isalnum() else "_" for c in case.lower())
    return {
        "kotlin": {"package": f"{package}.tokens"},
        "compose": {"package": f"{package}.compose"},
    }


def render_case(
    tokens: TokenSet | Themes,
    folder: Path,
    case: str,
    options: dict[str, dict[str, Any]] | None = None,
) -> Rendered:
    """Write every format of ``tokens`` under ``folder``."""
    chosen = case_options(case)
    for fmt, extra in (options or {}).items():
        chosen[fmt] = {**chosen.get(fmt, {}), **extra}
    themes = tokens if isinstance(tokens, Themes) else single(tokens)
    rendered = Rendered(folder)
    for fmt, file in FILES.items():
        outputs = FORMATS[fmt].render_all(themes, chosen.get(fmt, {}), rendered.diagnostics, file)
        for name, text in outputs.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if name == file:
                rendered.paths[fmt] = path
            else:
                rendered.extra.setdefault(fmt, []).append(path)
    return rendered
