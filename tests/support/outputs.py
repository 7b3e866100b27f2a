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
    tokens: TokenSet,
    folder: Path,
    case: str,
    options: dict[str, dict[str, Any]] | None = None,
) -> Rendered:
    """Write every format of ``tokens`` under ``folder``."""
    chosen = case_options(case)
    for fmt, extra in (options or {}).items():
        chosen[fmt] = {**chosen.get(fmt, {}), **extra}
    rendered = Rendered(folder)
    for fmt, file in FILES.items():
        text = FORMATS[fmt].render(tokens, chosen.get(fmt, {}), rendered.diagnostics)
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        rendered.paths[fmt] = path
    return rendered
