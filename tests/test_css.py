"""CSS output: golden files, a strict parse with lightningcss, and every value checked
against the CSS grammar of its token type with css-tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from encore.build import build
from encore.config import load_project
from encore.diagnostics import Diagnostic
from encore.formats import css
from encore.model import TokenSet
from encore.values.types import TokenType
from tests.conftest import FIXTURES, GOLDEN, REPO, compile_text, errors_of
from tests.support.node_tools import check_css, require_node_tools

GRAMMAR = {
    TokenType.COLOR: "<color>",
    TokenType.DIMENSION: "<length>",
    TokenType.DURATION: "<time>",
    TokenType.NUMBER: "<number>",
    TokenType.FONT_WEIGHT: "font-weight",
    TokenType.FONT_FAMILY: "font-family",
    TokenType.CUBIC_BEZIER: "<easing-function>",
    TokenType.STROKE_STYLE: "border-style",
    TokenType.BORDER: "border",
    TokenType.TRANSITION: "transition",
    TokenType.SHADOW: "box-shadow",
    TokenType.GRADIENT: "background-image",
    TokenType.TYPOGRAPHY: "font",
}
TYPOGRAPHY_GRAMMAR = {
    "font-family": "font-family",
    "font-size": "font-size",
    "font-weight": "font-weight",
    "letter-spacing": "letter-spacing",
    "line-height": "line-height",
}
DECLARATION = re.compile(r"^\s*(--[a-z0-9-]+): (.*);$", re.M)


def all_types() -> TokenSet:
    text = (FIXTURES / "all-types.tokens.yaml").read_text()
    tokens, diagnostics = compile_text({"all-types.tokens.yaml": text})
    assert errors_of(diagnostics) == []
    return tokens


def golden(case: str, text: str, update: bool) -> None:
    path = GOLDEN / "css" / case / "encore.css"
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
    assert text == path.read_text(), f"{path} differs: review and run pytest --update-golden"


def grammar_checks(tokens: TokenSet, text: str) -> list[tuple[str, str, str]]:
    """(property, value, grammar) for every declaration of an inlined CSS file."""
    report: list[Diagnostic] = []
    by_name = {
        name: tokens[token] for token, name in css.property_names(tokens, "encore", report).items()
    }
    checks = []
    for prop, value in DECLARATION.findall(text):
        token = by_name.get(prop)
        if token is not None:
            checks.append((prop, value, GRAMMAR[token.type]))
            continue
        for suffix, grammar in TYPOGRAPHY_GRAMMAR.items():
            if prop.endswith("-" + suffix) and prop[: -len(suffix) - 1] in by_name:
                checks.append((prop, value, grammar))
                break
        else:
            raise AssertionError(f"{prop} belongs to no token")
    return checks


@pytest.mark.parametrize("references", ["keep", "inline"])
def test_all_types_golden(references: str, update_golden: bool) -> None:
    text = css.render(all_types(), {"references": references}, [])
    golden(f"all-types-{references}", text, update_golden)


def test_inlined_values_match_the_css_grammar_of_their_type(tmp_path: Path) -> None:
    require_node_tools()
    tokens = all_types()
    text = css.render(tokens, {"references": "inline"}, [])
    checks = grammar_checks(tokens, text)
    assert len(checks) >= len(tokens)
    path = tmp_path / "encore.css"
    path.write_text(text)
    assert check_css([path], checks) == []


def test_checker_would_catch_a_broken_value(tmp_path: Path) -> None:
    require_node_tools()
    tokens = all_types()
    text = css.render(tokens, {"references": "inline"}, []).replace("#121212;", "#12121;", 1)
    errors = check_css([], grammar_checks(tokens, text))
    assert any("#12121" in e for e in errors)


def test_references_are_kept_as_var(update_golden: bool) -> None:
    text = css.render(all_types(), {}, [])
    assert (
        "--encore-composite-border: var(--encore-base-size-sm) var(--encore-base-stroke-solid) "
        "var(--encore-base-color-ink);" in text
    )
    assert (
        "--encore-composite-type-alias-font-size: var(--encore-composite-type-body-font-size);"
        in text
    )
    assert "clamp(0%, calc(var(--encore-base-font-tall) * 100%), 100%)" in text


def test_wide_gamut_colours_have_a_hex_fallback_and_an_upgrade() -> None:
    text = css.render(all_types(), {}, [])
    main, _, upgrades = text.partition("@supports")
    assert "--encore-base-color-p3-green: #00f83a;" in main
    assert "--encore-base-color-p3-green: color(display-p3 0 1 0);" in upgrades
    assert "--encore-base-color-oklch-pink: oklch(0.7 0.3 350);" in upgrades
    oklch = css.render(all_types(), {"wide_gamut": "oklch"}, [])
    assert "--encore-base-color-p3-green: oklch(" in oklch
    assert "@supports" not in css.render(all_types(), {"wide_gamut": "none"}, [])


def test_name_collisions_are_errors() -> None:
    tokens, _ = compile_text(
        {"t.yaml": "a:\n  $type: number\n  b-c: {$value: 1}\n  b:\n    c: {$value: 2}\n"}
    )
    report: list[Diagnostic] = []
    css.render(tokens, {}, report)
    assert [d.rule for d in report] == ["css/name-collision"]
    assert "--encore-a-b-c" in report[0].message


def test_bundled_foundation_builds_valid_css(tmp_path: Path, update_golden: bool) -> None:
    result = build(load_project(REPO), write=False)
    assert errors_of(result.diagnostics) == []
    assert result.tokens is not None and len(result.tokens) >= 300
    text = result.outputs["web"]["encore.css"].decode()
    golden("foundation", text, update_golden)
    require_node_tools()
    path = tmp_path / "encore.css"
    path.write_text(text)
    inline = css.render(result.tokens, {"references": "inline"}, [])
    assert check_css([path], grammar_checks(result.tokens, inline)) == []
