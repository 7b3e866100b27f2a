"""Themed CSS in a real browser: computed styles follow the theme attributes and the
user's colour-scheme and contrast preferences."""

from __future__ import annotations

from pathlib import Path

from encore.formats import FORMATS
from tests.support.browser import chromium_page
from tests.support.themes import fixture_themes

PAGE = """<!doctype html>
<html><head><link rel="stylesheet" href="encore.css"></head>
<body>
  <p id="text" style="color: var(--encore-surface-subdued);
     background: var(--encore-surface-base)">hello</p>
  <section id="scope" data-encore-theme="light">
    <button id="button" style="color: var(--encore-button-label)">play</button>
  </section>
</body></html>
"""


def _colors(page: object, *ids: str) -> list[str]:
    script = "ids => ids.map(id => getComputedStyle(document.getElementById(id)).color)"
    return list(page.evaluate(script, list(ids)))  # type: ignore[attr-defined]


def _background(page: object) -> str:
    script = "() => getComputedStyle(document.getElementById('text')).backgroundColor"
    return str(page.evaluate(script))  # type: ignore[attr-defined]


def test_theme_attributes_and_preferences_switch_semantic_colours(tmp_path: Path) -> None:
    css = FORMATS["css"].render_all(fixture_themes(), {}, [], "encore.css")["encore.css"]
    (tmp_path / "encore.css").write_text(css)
    (tmp_path / "index.html").write_text(PAGE)
    url = (tmp_path / "index.html").as_uri()
    with chromium_page() as page:
        page.emulate_media(color_scheme="dark", contrast="no-preference")
        page.goto(url)
        assert _background(page) == "rgb(18, 18, 18)"  # dark by default
        assert _colors(page, "text") == ["rgb(179, 179, 179)"]
        # A nested scope: the component token follows the light theme's semantic colour.
        assert _colors(page, "button") == ["rgb(18, 18, 18)"]

        page.evaluate("document.documentElement.dataset.encoreTheme = 'light'")
        assert _background(page) == "rgb(255, 255, 255)"
        assert _colors(page, "text") == ["rgb(106, 106, 106)"]

        page.evaluate("document.documentElement.dataset.encoreContrast = 'high'")
        assert _colors(page, "text") == ["rgb(18, 18, 18)"]  # subdued becomes the text colour

        page.evaluate("delete document.documentElement.dataset.encoreTheme")
        assert _background(page) == "rgb(18, 18, 18)"
        assert _colors(page, "text") == ["rgb(255, 255, 255)"]

        page.evaluate("delete document.documentElement.dataset.encoreContrast")
        page.emulate_media(color_scheme="light", contrast="more")
        assert _background(page) == "rgb(255, 255, 255)"  # no attribute: the preference
        assert _colors(page, "text") == ["rgb(18, 18, 18)"]


def test_the_foundation_switches_to_the_light_theme(tmp_path: Path) -> None:
    """On a page using the built encore.css, the theme attribute changes a semantic colour
    to the light theme's value."""
    from encore.build import build
    from encore.config import load_project
    from tests.conftest import REPO

    result = build(load_project(REPO), write=False)
    (tmp_path / "encore.css").write_bytes(result.outputs["web"]["encore.css"])
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><link rel="stylesheet" href="encore.css"></head><body>'
        '<p id="text" style="color: var(--encore-text-base);'
        ' background: var(--encore-background-base)">x</p></body></html>'
    )
    with chromium_page() as page:
        page.emulate_media(color_scheme="dark", contrast="no-preference")
        page.goto((tmp_path / "index.html").as_uri())
        assert _background(page) == "rgb(18, 18, 18)"
        assert _colors(page, "text") == ["rgb(255, 255, 255)"]
        page.evaluate("document.documentElement.dataset.encoreTheme = 'light'")
        assert _background(page) == "rgb(255, 255, 255)"
        assert _colors(page, "text") == ["rgb(18, 18, 18)"]
