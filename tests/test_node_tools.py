"""The Node CSS checker must reject broken CSS, not only accept good CSS."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import node_tools
from tests.support.node_tools import check_css, require_node_tools, tools_dir

GOOD_CSS = """\
/* Encore tokens */
@property --encore-color-brand {
  syntax: '<color>';
  inherits: false;
  initial-value: #3366ff;
}
@font-face {
  font-family: "Inter";
  src: url(inter.woff2) format("woff2");
  font-display: swap;
}
:root {
  --encore-color-brand: #3366ff;
  --encore-space-md: 12px;
  --encore-font-body: 400 16px/1.5 Inter, "SF Pro Text", sans-serif;
  --encore-shadow: 0 1px 2px rgba(0, 0, 0, 0.2);
  --encore-alias: var(--encore-color-brand);
  --encore-quoted: "a \\"quoted\\" } brace";
}
.encore-button {
  color: var(--encore-color-brand);
  border: 1px solid #000;
  padding: 4px 8px;
  transition: opacity 200ms cubic-bezier(0.2, 0, 0, 1);
}
@media (prefers-color-scheme: dark) {
  :root { --encore-color-brand: oklch(70% 0.1 250); }
}
"""

GOOD_VALUES: list[tuple[str, str, str]] = [
    ("color-hex", "#3366ff", "<color>"),
    ("color-hex-alpha", "#3366ff80", "<color>"),
    ("color-oklch", "oklch(60% 0.1 250 / 0.5)", "<color>"),
    ("length-px", "12px", "<length>"),
    ("length-rem", "0.75rem", "<length>"),
    ("length-zero", "0", "<length>"),
    ("time", "200ms", "<time>"),
    ("number", "1.5", "<number>"),
    ("easing", "cubic-bezier(0.2, 0, 0, 1)", "<easing-function>"),
    ("font", "bold 16px/1.5 Inter, sans-serif", "font"),
    ("shadow", "0 1px 2px rgba(0, 0, 0, 0.2), inset 0 0 0 1px #fff", "box-shadow"),
    ("border", "1px solid #3366ff", "border"),
    ("transition", "opacity 200ms ease-out", "transition"),
    ("gradient", "linear-gradient(90deg, #fff 0%, #000 100%)", "background-image"),
    ("family", 'Inter, "SF Pro Text", sans-serif', "font-family"),
    ("weight", "450", "font-weight"),
    ("line-height", "1.5", "line-height"),
    ("letter-spacing", "-0.01em", "letter-spacing"),
    ("border-style", "dashed", "border-style"),
]

# (label, value, property or type): each must be rejected.
BAD_VALUES: list[tuple[str, str, str]] = [
    ("color-5-digits", "#3366f", "<color>"),
    ("color-name", "blurple", "<color>"),
    ("length-unit", "12pz", "<length>"),
    ("length-unitless", "12", "<length>"),
    ("time-unitless", "200", "<time>"),
    ("number-with-unit", "1.5px", "<number>"),
    ("easing-3-args", "cubic-bezier(0.2, 0, 0)", "<easing-function>"),
    ("font-no-family", "bold", "font"),
    ("shadow-junk", "0 1px 2px rgba(0, 0, 0, 0.2) oops", "box-shadow"),
    ("border-bad-style", "1px wavy #000", "border"),
    ("transition-bad-time", "opacity fast", "transition"),
    ("gradient-bad", "linear-gradient(90deg)", "background-image"),
    ("family-number", "16px", "font-family"),
    ("weight-word", "heavy", "font-weight"),
    ("line-height-color", "red", "line-height"),
    ("letter-spacing-word", "wide", "letter-spacing"),
    ("border-style-typo", "solidd", "border-style"),
    ("alias", "var(--encore-color-brand)", "<color>"),
    ("unknown-type", "red", "<colour>"),
    ("unknown-property", "red", "colour"),
]

# (name, file content, text expected in one error): each file must be rejected.
BAD_FILES: list[tuple[str, str, str]] = [
    ("missing-close-at-end", ":root {\n  --a: 1px;\n", "never closed"),
    ("missing-close-mid", "a {\n  color: red;\n\nb { width: 10px; ]\n", "lightningcss"),
    ("missing-open", "a color: red; }\n", "lightningcss"),
    ("color-5-digits", ":root { color: #3366f; }\n", "#3366f"),
    ("font-no-family", ".x { font: bold; }\n", "`font`"),
    ("length-unit", ".x { margin: 12pz; }\n", "`margin`"),
    ("unknown-property", ".x { colr: red; }\n", "unknown property"),
    ("bad-descriptor", "@font-face { font-display: swapp; }\n", "`font-display`"),
    ("custom-property-unparsable", ":root { --a: ); }\n", "lightningcss"),
    ("unterminated-string", ':root { --a: "abc', "unterminated string"),
    ("unterminated-comment", ":root { --a: 1px; } /* note", "unterminated comment"),
]


@pytest.fixture(scope="module")
def bad_value_errors() -> list[str]:
    return check_css([], BAD_VALUES)


def test_accepts_good_file_and_values(tmp_path: Path) -> None:
    css = tmp_path / "tokens.css"
    css.write_text(GOOD_CSS, encoding="utf-8")
    assert check_css([css], GOOD_VALUES) == []


@pytest.mark.parametrize(("label", "value", "kind"), BAD_VALUES, ids=[v[0] for v in BAD_VALUES])
def test_rejects_bad_value(bad_value_errors: list[str], label: str, value: str, kind: str) -> None:
    mine = [error for error in bad_value_errors if error.startswith(f"{label} = ")]
    assert len(mine) == 1, f"{label}: {value!r} as {kind} was not rejected: {bad_value_errors}"


def test_every_bad_value_reported_once(bad_value_errors: list[str]) -> None:
    assert len(bad_value_errors) == len(BAD_VALUES)


@pytest.mark.parametrize(("name", "content", "expected"), BAD_FILES, ids=[f[0] for f in BAD_FILES])
def test_rejects_bad_file(tmp_path: Path, name: str, content: str, expected: str) -> None:
    css = tmp_path / f"{name}.css"
    css.write_text(content, encoding="utf-8")
    errors = check_css([css], [])
    assert errors, f"{name} was accepted"
    assert all(error.startswith(f"{css}:") for error in errors), errors
    assert any(expected in error for error in errors), errors


def test_errors_carry_line_and_column(tmp_path: Path) -> None:
    css = tmp_path / "tokens.css"
    css.write_text(":root {\n  --ok: 1px;\n  color: #3366f;\n}\n", encoding="utf-8")
    errors = check_css([css], [])
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{css}:3:10: `color`: Mismatch"), errors


def test_one_run_checks_many_files_and_values(tmp_path: Path) -> None:
    good = tmp_path / "good.css"
    good.write_text(GOOD_CSS, encoding="utf-8")
    bad = tmp_path / "bad.css"
    bad.write_text(".x { font: bold; }\n", encoding="utf-8")
    errors = check_css([good, bad, good], [*GOOD_VALUES, ("c", "#3366f", "<color>")])
    assert [error.split(":")[0] for error in errors] == [str(bad), "c = '#3366f'"], errors


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    errors = check_css([tmp_path / "absent.css"], [])
    assert len(errors) == 1
    assert "cannot read file" in errors[0]


def test_missing_tools_skip_locally_and_fail_in_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (tools_dir() / "check_css.mjs").is_file()
    monkeypatch.setattr(node_tools, "tools_dir", lambda: tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="npm ci --prefix tools"):
        require_node_tools()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="npm ci --prefix tools"):
        require_node_tools()
