"""Each checker of generated code must accept good code and reject broken code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import checkers
from tests.support.checkers import (
    check_android_xml,
    check_scss,
    check_typescript,
    compile_kotlin,
    compose_stub_files,
    parse_swift,
    require_tool,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Kotlin: one kotlinc run for all the good files, one for the bad file.

KOTLIN_TOKENS = """\
package dev.encore.tokens

import androidx.compose.animation.core.CubicBezierEasing
import androidx.compose.animation.core.Easing
import androidx.compose.animation.core.FastOutSlowInEasing
import androidx.compose.animation.core.LinearEasing
import androidx.compose.foundation.BorderStroke
import androidx.compose.runtime.Immutable
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Brush
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.colorspace.ColorSpaces
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.TextUnit
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.em
import androidx.compose.ui.unit.sp

object EncoreTokens {
    val brand: Color = Color(0xFF112233)
    val brandP3: Color = Color(0.1f, 0.2f, 0.3f, 1f, ColorSpaces.DisplayP3)
    val clear: Color = Color.Transparent
    val spaceMd: Dp = 16.dp
    val spaceHalf: Dp = 0.5.dp
    val letter: TextUnit = (-0.01).em
    val body = TextStyle(fontSize = 14.sp, lineHeight = 1.5.em, fontWeight = FontWeight(700))
    val heading: TextStyle = TextStyle(
        color = brand,
        fontSize = 24.sp,
        fontWeight = FontWeight.SemiBold,
        fontFamily = FontFamily.SansSerif,
        letterSpacing = letter,
        lineHeight = 32.sp,
    )
    val emphasized: Easing = CubicBezierEasing(0.2f, 0f, 0f, 1f)
    val standard: Easing = FastOutSlowInEasing
    val linear: Easing = LinearEasing
    val gradient: Brush = Brush.linearGradient(
        0f to brand,
        1f to Color.White,
        start = Offset.Zero,
        end = Offset(100f, 0f),
    )
    val border: BorderStroke = BorderStroke(1.dp, brand)
    val dashed: PathEffect = PathEffect.dashPathEffect(floatArrayOf(4f, 2f))
    val cap: StrokeCap = StrokeCap.Round

    @Deprecated("renamed to spaceMd")
    val oldSpace: Dp = spaceMd
}

@Immutable
data class EncoreSpacing(val md: Dp = EncoreTokens.spaceMd)
"""

KOTLIN_THEME = """\
package dev.encore.tokens

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color

val LocalEncoreSpacing = staticCompositionLocalOf { EncoreSpacing() }

object EncoreTheme {
    val spacing: EncoreSpacing
        @Composable @ReadOnlyComposable get() = LocalEncoreSpacing.current

    @Suppress("DEPRECATION")
    val legacy = EncoreTokens.oldSpace
}

@Composable
fun EncoreTheme(darkTheme: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    val background = if (darkTheme) Color.Black else Color.White
    val unused = background
    CompositionLocalProvider(LocalEncoreSpacing provides EncoreSpacing(), content = content)
}
"""

# (line, expected text): each line of KOTLIN_BAD must be reported.
KOTLIN_BAD = """\
package dev.encore.bad

import androidx.compose.ui.graphics.Color
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.TextUnit
import androidx.compose.ui.unit.sp

val space: Dp = 16
val style = TextStyle(size = 14.sp)
val hidden = TextUnit(0L)
val named = Color("#112233")
val fine = Color(0xFF112233)
"""
KOTLIN_BAD_LINES = [9, 10, 11, 12]


@pytest.fixture(scope="module")
def kotlin_good(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("kotlin_good")
    files = [write(folder / "Tokens.kt", KOTLIN_TOKENS), write(folder / "Theme.kt", KOTLIN_THEME)]
    return compile_kotlin(files)


@pytest.fixture(scope="module")
def kotlin_bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = write(tmp_path_factory.mktemp("kotlin_bad") / "Bad.kt", KOTLIN_BAD)
    return path, compile_kotlin([path])


def test_kotlin_accepts_good_files(kotlin_good: list[str]) -> None:
    assert kotlin_good == []


def test_kotlin_rejects_type_errors_naming_file_and_line(
    kotlin_bad: tuple[Path, list[str]],
) -> None:
    path, errors = kotlin_bad
    assert all(error.startswith(f"{path}:") for error in errors), errors
    lines = sorted({int(error.split(":")[1]) for error in errors})
    assert lines == KOTLIN_BAD_LINES, errors
    assert any(error.startswith(f"{path}:9:") and "'Dp'" in error for error in errors), errors


def test_kotlin_stubs_are_marked_compile_only() -> None:
    stubs = compose_stub_files()
    assert len(stubs) >= 8
    for stub in stubs:
        first = stub.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("// README: compile-only stub"), stub


def test_kotlin_missing_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "Absent.kt"
    assert compile_kotlin([missing]) == [f"{missing}: cannot read file"]


# Android XML

GOOD_XML = """\
<?xml version="1.0" encoding="utf-8"?>
<resources>
    <color name="a_b">#FF112233</color>
    <dimen name="s">16dp</dimen>
    <color name="alias">@color/a_b</color>
</resources>
"""


def test_android_xml_accepts_good_files(tmp_path: Path) -> None:
    day = write(tmp_path / "res" / "values" / "colors.xml", GOOD_XML)
    night = write(tmp_path / "res" / "values-night" / "colors.xml", GOOD_XML)
    loose = write(
        tmp_path / "other" / "extra.xml", '<resources><dimen name="t">1sp</dimen></resources>'
    )
    theme = write(
        tmp_path / "res" / "values" / "themes.xml",
        '<resources>\n  <style name="Theme.Encore" parent="android:Theme.Material">\n'
        '    <item name="android:colorPrimary">@color/a_b</item>\n  </style>\n</resources>\n',
    )
    assert check_android_xml([day, night, loose, theme]) == []


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ('<resources>\n  <color name="c">#12345</color>\n</resources>\n', 2, "invalid color"),
        ('<resources>\n\n  <dimen name="d">16 dp</dimen>\n</resources>\n', 3, "invalid dimen"),
        ('<resources>\n  <color name="a-b">#FF112233</color>\n</resources>\n', 2, "'a-b'"),
        ('<resources>\n  <dimen name="space.md">1dp</dimen>\n</resources>\n', 2, "'space.md'"),
        ('<resources>\n  <color name="c">#FF112233</color>\n', 3, "xmllint"),
        ('<resources>\n  <color name="c">@color/nope</color>\n</resources>\n', 2, "not found"),
    ],
    ids=["bad-colour", "bad-dimen", "dash-name", "dot-name", "unclosed", "dangling-ref"],
)
def test_android_xml_rejects_bad_file(
    tmp_path: Path, content: str, line: int, expected: str
) -> None:
    path = write(tmp_path / "values" / "tokens.xml", content)
    errors = check_android_xml([path])
    assert any(error.startswith(f"{path}:{line}: ") and expected in error for error in errors), (
        errors
    )


def test_android_xml_rejects_a_duplicate_across_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "colors.xml", GOOD_XML)
    second = write(tmp_path / "b" / "colors.xml", GOOD_XML)
    errors = check_android_xml([first, second])
    assert any(error.startswith(f"{second}:3: ") and "color/a_b" in error for error in errors)


# SCSS

GOOD_SCSS = """\
@use "sass:math";
@use "palette" as p;

$space-md: 16px;

.encore-button {
  color: p.$brand;
  padding: math.div($space-md, 2) $space-md;
  &:hover { color: darken(p.$brand, 10%); }
}
"""


def test_scss_accepts_good_file_with_load_path(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "_palette.scss", "$brand: #112233;\n")
    good = write(tmp_path / "tokens.scss", GOOD_SCSS)
    assert check_scss([good], load_paths=[tmp_path / "lib"]) == []


def test_scss_rejects_bad_files_in_one_run(tmp_path: Path) -> None:
    good = write(tmp_path / "good.scss", "$a: 1px;\n.x { margin: $a; }\n")
    unclosed = write(tmp_path / "unclosed.scss", ".x {\n  margin: 1px;\n\n.y { margin: 2px;\n")
    undefined = write(tmp_path / "undefined.scss", ".x {\n  margin: $nope;\n}\n")
    errors = check_scss([good, unclosed, undefined])
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"{unclosed}:"), errors
    assert errors[1].startswith(f"{undefined}:2:11: Undefined variable"), errors


def test_scss_unresolved_use_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "tokens.scss", '@use "palette";\n')
    assert check_scss([path]) == [f"{path}:1:1: Can't find stylesheet to import."]


# TypeScript

TOKENS_JS = 'export const x = "#112233";\n'
TOKENS_DTS = 'export declare const x: "#112233";\n'


def typescript_files(folder: Path, consumer: str) -> list[Path]:
    return [
        write(folder / "tokens.js", TOKENS_JS),
        write(folder / "tokens.d.ts", TOKENS_DTS),
        write(folder / "consumer.ts", f'import {{ x }} from "./tokens.js";\n{consumer}\n'),
    ]


def test_typescript_accepts_js_with_declarations(tmp_path: Path) -> None:
    files = typescript_files(tmp_path, 'const y: "#112233" = x;\nexport { y };')
    write(tmp_path / "tsconfig.json", '{"compilerOptions": {"strict": false}}\n')
    assert check_typescript(files) == []


def test_typescript_rejects_wrong_literal_type(tmp_path: Path) -> None:
    files = typescript_files(tmp_path, 'const y: "#000000" = x;\nexport { y };')
    errors = check_typescript(files)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{files[2]}:2:7: error TS2322: "), errors


def test_typescript_checks_given_declaration_and_js_files(tmp_path: Path) -> None:
    dts = write(tmp_path / "broken.d.ts", "export declare const a: Strin;\n")
    js = write(tmp_path / "broken.js", "const n = 1;\nexport const b = n.toUpperCase();\n")
    errors = check_typescript([dts, js])
    assert [error.split(": error ")[0] for error in errors] == [f"{dts}:1:25", f"{js}:2:20"], errors


# Swift

GOOD_SWIFT = """\
import SwiftUI

public enum Encore {
    public enum Color {
        public static let _500 = SwiftUI.Color(.sRGB, red: 0.1, green: 0.2, blue: 0.3, opacity: 1)
    }
}

public struct EncoreTypography: Sendable {
    public let size: CGFloat
    public let weight: Font.Weight

    public static let body = EncoreTypography(size: 16, weight: .regular)
}
"""


def test_swift_accepts_good_file(tmp_path: Path) -> None:
    assert parse_swift([write(tmp_path / "Tokens.swift", GOOD_SWIFT)]) == []


def test_swift_rejects_unbalanced_brace(tmp_path: Path) -> None:
    good = write(tmp_path / "Good.swift", GOOD_SWIFT)
    bad = write(tmp_path / "Bad.swift", "public enum Encore {\n    public static let a = 1\n\n")
    errors = parse_swift([good, bad])
    assert errors, "unbalanced brace was accepted"
    assert all(error.startswith(f"{bad}:") and "syntax error" in error for error in errors), errors


def test_swift_error_names_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "Bad.swift", "public enum Encore {\n    public static let a = (1, \n}\n")
    errors = parse_swift([bad])
    assert errors, "broken tuple was accepted"
    assert all(error.startswith(f"{bad}:2:") for error in errors), errors


# The missing-tool convention


def test_missing_tool_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    require_tool("present", True, "nothing")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="npm ci --prefix tools"):
        require_tool("sass", False, "npm ci --prefix tools")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="npm ci --prefix tools"):
        require_tool("sass", False, "npm ci --prefix tools")


@pytest.mark.parametrize("check", [compile_kotlin, check_scss, check_typescript])
def test_checkers_require_the_npm_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: Callable[[list[Path]], list[str]]
) -> None:
    monkeypatch.setattr(checkers, "tools_dir", lambda: tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="npm ci --prefix tools"):
        check([tmp_path / "absent"])
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="npm ci --prefix tools"):
        check([tmp_path / "absent"])
