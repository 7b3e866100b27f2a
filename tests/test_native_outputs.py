"""Every output format for the bundled foundation and the all-types fixture: golden files,
and the real compilers and parsers (kotlinc, aapt2, dart-sass, tsc, tree-sitter-swift)."""

from __future__ import annotations

from pathlib import Path

import pytest

from encore.build import build
from encore.config import load_project
from encore.formats import FORMATS
from encore.model import TokenSet
from encore.theme_build import compile_themes
from encore.themes import Themes
from tests.conftest import FIXTURES, GOLDEN, REPO, compile_text, errors_of
from tests.support.checkers import (
    check_android_xml,
    check_scss,
    check_typescript,
    compile_kotlin,
    parse_swift,
)
from tests.support.outputs import FILES, Rendered, render_case
from tests.support.themes import themed_axes

CASES = ("foundation", "themes", "all-types", "hostile")
NATIVE = [fmt for fmt in FILES if fmt != "css"]  # CSS goldens live in test_css.py


def case_tokens(case: str) -> TokenSet | Themes:
    """The token set, or every theme permutation, of a case."""
    if case == "foundation":
        result = build(load_project(REPO), write=False)
        assert errors_of(result.diagnostics) == []
        assert result.themes is not None
        return result.themes
    if case == "themes":
        themes, problems = compile_themes(FIXTURES / "themes" / "themes.resolver.yaml", None, {})
        assert errors_of(problems) == [] and themes is not None
        return themed_axes(themes)
    path = next(FIXTURES.glob(f"{case}.tokens.*"))
    tokens, diagnostics = compile_text({path.name: path.read_text(encoding="utf-8")})
    assert errors_of(diagnostics) == []
    return tokens


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    root = tmp_path_factory.mktemp("native")
    out = {}
    for case in CASES:
        out[case] = render_case(case_tokens(case), root / case, case)
        assert out[case].diagnostics == [], out[case].diagnostics
    return out


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", NATIVE)
def test_golden(rendered: dict[str, Rendered], case: str, fmt: str, update_golden: bool) -> None:
    for produced in rendered[case].files(fmt):
        text = produced.read_text(encoding="utf-8")
        relative = produced.relative_to(rendered[case].folder)
        name = relative.name if len(relative.parts) < 3 else "/".join(relative.parts[-2:])
        path = GOLDEN / fmt / case / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{path} differs: review the change and run pytest --update-golden"
        )


def test_kotlin_and_compose_compile(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    files = [r.paths[fmt] for r in rendered.values() for fmt in ("kotlin", "compose")]
    internal = FORMATS["compose"].render_all(  # internal visibility throughout, themes too
        case_tokens("themes"),  # type: ignore[arg-type]
        {"visibility": "internal", "package": "cases.internal.compose"},
        [],
        "Internal.kt",
    )
    (tmp_path / "Internal.kt").write_text(internal["Internal.kt"])
    assert compile_kotlin([*files, tmp_path / "Internal.kt"]) == []


@pytest.mark.parametrize("case", CASES)
def test_android_resources_compile(rendered: dict[str, Rendered], case: str) -> None:
    assert check_android_xml(rendered[case].files("android-xml")) == []


def test_scss_compiles(rendered: dict[str, Rendered]) -> None:
    assert check_scss([r.paths["scss"] for r in rendered.values()]) == []


def test_swift_parses(rendered: dict[str, Rendered]) -> None:
    assert parse_swift([r.paths["swift"] for r in rendered.values()]) == []


def test_typescript_checks_module_and_literal_types(rendered: dict[str, Rendered]) -> None:
    files: list[Path] = []
    for case, result in rendered.items():
        consumer = result.folder / "consumer.ts"
        if case == "foundation":
            consumer.write_text(
                'import { colorGreen500, textStyleBodyMedium, durationFast } from "./encore.js";\n'
                'const green: "#1ed760" = colorGreen500;\n'
                'const size: "16px" = textStyleBodyMedium.fontSize;\n'
                'const fast: "150ms" = durationFast;\n'
                "export { green, size, fast };\n"
            )
        elif case == "themes":
            consumer.write_text(
                'import { themes, surfaceBase } from "./encore.js";\n'
                'const dark: "#121212" = surfaceBase;\n'
                'const light: "#ffffff" = themes["light-standard"].surfaceBase;\n'
                "export { dark, light };\n"
            )
        elif case == "all-types":
            consumer.write_text(
                'import { baseFontTall, compositeShadows, baseEase } from "./encore.js";\n'
                "const tall: 1.5 = baseFontTall;\n"
                "const inset: true = compositeShadows[1].inset;\n"
                "const ease: readonly [0.3, 0, 0, 1] = baseEase;\n"
                "export { tall, inset, ease };\n"
            )
        else:
            consumer.write_text(
                'import { stringsS0 } from "./encore.js";\n'
                'const family: readonly [\'say "hi"\', "sans-serif"] = stringsS0;\n'
                "export { family };\n"
            )
        files += [result.paths["es-module"], result.paths["typescript-declarations"], consumer]
    assert check_typescript(files) == []


def test_typescript_rejects_a_wrong_literal(rendered: dict[str, Rendered]) -> None:
    result = rendered["foundation"]
    consumer = result.folder / "wrong.ts"
    consumer.write_text(
        'import { colorGreen500 } from "./encore.js";\n'
        'const green: "#000000" = colorGreen500;\nexport { green };\n'
    )
    errors = check_typescript(
        [result.paths["es-module"], result.paths["typescript-declarations"], consumer]
    )
    assert any("wrong.ts:2" in e for e in errors), errors


def test_references_stay_references(rendered: dict[str, Rendered]) -> None:
    found = rendered["foundation"]
    swift = found.text("swift")
    assert "public static let onBrightAccent: SwiftUI.Color = Encore.Color.Neutral._1000" in swift
    compose = found.text("compose")
    assert "val bodyMedium: ComposeTextStyle = EncoreTokens.Typography.Body.md" in compose
    kotlin = found.text("kotlin")
    assert "const val onBrightAccent: Long = EncoreTokens.Color.Neutral._1000" in kotlin
    xml = found.text("android-xml")
    assert (
        '<color name="encore_text_on_bright_accent">@color/encore_color_neutral_1000</color>' in xml
    )
    scss = found.text("scss")
    assert "$encore-text-on-bright-accent: $encore-color-neutral-1000 !default;" in scss
    js = found.text("es-module")
    assert "export const textOnBrightAccent = colorNeutral1000;" in js


def test_themes_are_native_on_every_platform(rendered: dict[str, Rendered]) -> None:
    found = rendered["foundation"]
    css = found.text("css")
    assert '[data-encore-theme="light"] {' in css
    assert '[data-encore-theme="light"][data-encore-contrast="high"] {' in css
    assert "@media (prefers-color-scheme: light) {" in css
    assert "@media (prefers-contrast: more) {" in css
    swift = found.text("swift")
    assert "public static let base: UIKit.UIColor = UIKit.UIColor(dynamicProvider:" in swift
    assert "traits.accessibilityContrast == .high" in swift
    assert "return SwiftUI.Color(uiColor: EncoreUIKit.Background.base)" in swift
    compose = found.text("compose")
    assert "fun EncoreTheme(\n    darkTheme: Boolean = isSystemInDarkTheme()," in compose
    assert (
        "val LocalEncoreColors = staticCompositionLocalOf { EncoreColorsDarkStandard }" in compose
    )
    night = found.extra["android-xml"][0]
    assert night.parent.name == "values-night"
    assert '<color name="encore_background_base">@color/encore_color_neutral_900</color>' in (
        night.read_text()
    )
    day = found.text("android-xml")
    assert '<color name="encore_background_base">@color/encore_color_neutral_0</color>' in day
    assert "$encore-light-high: (" in found.text("scss")
    assert "export const lightHighTheme = {" in found.text("es-module")


def test_deprecation_names_the_replacement(rendered: dict[str, Rendered]) -> None:
    found = rendered["foundation"]
    assert 'renamed: "Encore.Color.Green._500")' in found.text("swift")
    assert 'replaceWith = ReplaceWith("EncoreTokens.Color.Green._500"))' in found.text("compose")
    assert "@deprecated Use {color.green.500}" in found.text("typescript-declarations")
