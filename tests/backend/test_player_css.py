"""The web player is styled only by the design system: its own CSS holds no colour or
length literal (only tokens, ``0``, percentages and keywords), its HTML and JavaScript
set no inline styles, and every token it names exists in the generated ``encore.css``.
Its JavaScript also type-checks under ``tsc --strict --checkJs``."""

from __future__ import annotations

import re
from functools import cache

import pytest
from coloraide.css.color_names import name2val_map

from backend_stub.routes.player import PLAYER
from encore.build import build
from encore.config import load_project
from tests.conftest import REPO
from tests.support.checkers import check_typescript

COLOUR_FUNCTIONS = r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\("
ALLOWED_COLOUR_WORDS = {"transparent", "currentcolor"}
NUMBER = re.compile(r"(?<![\w.-])[-+]?(\d*\.\d+|\d+)([a-z]+|%)?", re.IGNORECASE)
VAR = re.compile(r"var\(\s*(--[\w-]+)")
INLINE_STYLE = re.compile(
    r"""\bstyle\s*=|<style\b|\.style\b|cssText|setProperty\(|insertRule\(|adoptedStyleSheets""",
    re.IGNORECASE,
)


def declarations(css: str) -> list[tuple[str, str]]:
    """``(property, value)`` for every declaration in ``css`` (comments removed)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    found = []
    for block in re.findall(r"\{([^{}]*)\}", css):
        for part in block.split(";"):
            if ":" in part:
                prop, value = part.split(":", 1)
                found.append((prop.strip().lower(), value.strip()))
    return found


def literals(css: str) -> list[str]:
    """Every colour or length (or other number) literal in ``css``'s declarations."""
    problems = []
    for prop, value in declarations(css):
        if prop.startswith("--encore-"):
            problems.append(f"{prop}: defines a design token (tokens come from encore.css)")
        bare = VAR.sub("var(", value)
        if re.search(r"#[0-9a-f]{3,8}\b", bare, re.IGNORECASE):
            problems.append(f"{prop}: {value} (hex colour)")
        if re.search(COLOUR_FUNCTIONS, bare, re.IGNORECASE):
            problems.append(f"{prop}: {value} (colour function)")
        words = {w.lower() for w in re.findall(r"(?<![\w-])[a-z]+(?![\w-])", bare, re.IGNORECASE)}
        named = sorted((words & set(name2val_map)) - ALLOWED_COLOUR_WORDS)
        if named:
            problems.append(f"{prop}: {value} (named colour {', '.join(named)})")
        for number, unit in NUMBER.findall(bare):
            if unit == "%" or (not unit and float(number) == 0):
                continue
            problems.append(f"{prop}: {value} (literal {number}{unit})")
    return problems


@cache
def generated_properties() -> frozenset[str]:
    """The custom properties the built ``encore.css`` defines."""
    css = build(load_project(REPO / "encore.yaml"), write=False).outputs["web"]["encore.css"]
    text = css.decode() if isinstance(css, bytes) else css
    return frozenset(re.findall(r"(--encore-[\w-]+)\s*:", text))


def player_css() -> str:
    return (PLAYER / "player.css").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "bad",
    [
        "a { color: #fff; }",
        "a { padding: 12px; }",
        "a { margin: 1rem var(--encore-spacing-base); }",
        "a { background: rgb(0 0 0 / 50%); }",
        "a { border-color: White; }",
        "a { transition: opacity 200ms; }",
        "a { line-height: 1.5; }",
        "a { --encore-text-base: red; }",
    ],
)
def test_the_check_finds_literals(bad: str) -> None:
    assert literals(bad)


def test_the_check_allows_tokens_zero_percentages_and_keywords() -> None:
    good = """a { padding: var(--encore-spacing-base) 0; flex-basis: 100%;
    border: var(--encore-border-width-1) solid var(--encore-border-divider);
    background: transparent; color: currentColor; translate: 0 -100%; }"""
    assert literals(good) == []


def test_the_player_css_has_no_colour_or_length_literal() -> None:
    assert literals(player_css()) == []


def test_every_token_the_player_uses_is_generated() -> None:
    used = set(VAR.findall(player_css()))
    assert used, "the player's CSS uses no tokens at all"
    assert {name for name in used if not name.startswith("--encore-")} == set()
    assert sorted(used - generated_properties()) == []


def test_no_inline_styles_in_the_player_html_or_javascript() -> None:
    files = [PLAYER / "index.html", *sorted((PLAYER / "js").glob("*.js"))]
    assert len(files) > 1
    found = {
        f"{path.relative_to(PLAYER)}:{number}": line.strip()
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE_STYLE.search(line)
    }
    assert found == {}


def test_the_page_loads_only_the_design_system_styles() -> None:
    html = (PLAYER / "index.html").read_text(encoding="utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert sheets == [
        "/design/encore.css",
        "/design/components/components.css",
        "/player/player.css",
    ]


def test_a_named_colour_is_found_in_a_real_file() -> None:
    """The check reads the real file: a literal added to a copy of it is caught."""
    broken = player_css().replace("color: var(--encore-text-base);", "color: white;", 1)
    assert broken != player_css()
    assert any("white" in problem for problem in literals(broken))


def test_the_player_javascript_type_checks() -> None:
    assert check_typescript(sorted((PLAYER / "js").glob("*.js"))) == []
