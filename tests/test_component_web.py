"""The web component generator: golden files, CSS and TypeScript checks, the custom
property contract (every bound property falls back to its token's variable), escaping of
hostile spec strings, and the components in a real browser across themes."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from encore.build import BuildResult, build
from encore.components import ComponentSpec, find_specs, load_specs, resolve
from encore.components.generators.web import generate_web
from encore.components.generators.web_css import CSS_PROPERTIES, custom_property
from encore.config import load_project
from encore.formats.css import property_names
from encore.themes import Themes
from encore.values.color import srgb_hex
from encore.values.types import Color
from tests.conftest import GOLDEN, REPO
from tests.support.browser import chromium_page
from tests.support.checkers import check_typescript
from tests.support.node_tools import check_css

WEB_GOLDEN = GOLDEN / "components" / "web"
ENABLED = ':where(:not(:disabled, [aria-disabled="true"], :has(> :disabled)))'
SPECS = REPO / "tokens" / "components"


@pytest.fixture(scope="module")
def built() -> BuildResult:
    return build(load_project(REPO), write=False)


@pytest.fixture(scope="module")
def themes(built: BuildResult) -> Themes:
    assert built.themes is not None
    return built.themes


@pytest.fixture(scope="module")
def specs() -> tuple[ComponentSpec, ...]:
    loaded, diagnostics = load_specs(find_specs([SPECS]))
    assert not [d for d in diagnostics if d.severity == "error"]
    return tuple(loaded)


@pytest.fixture(scope="module")
def files(themes: Themes, specs: tuple[ComponentSpec, ...]) -> dict[str, str]:
    return generate_web(specs, themes, {})


@pytest.fixture(scope="module")
def folder(files: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("web_components")
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def test_files(files: dict[str, str], specs: tuple[ComponentSpec, ...]) -> None:
    expected = {f"{spec.platforms.web}.js" for spec in specs}
    assert set(files) == expected | {"components.css", "index.js", "encore-base.js"}
    for spec in specs:
        assert f'import "./{spec.platforms.web}.js";' in files["index.js"]
        assert f'"tag": "{spec.platforms.web}"' in files[f"{spec.platforms.web}.js"]


def test_golden(files: dict[str, str], update_golden: bool) -> None:
    for name, text in sorted(files.items()):
        path = WEB_GOLDEN / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{path} differs: review the change and run pytest --update-golden"
        )


def test_css_is_valid(folder: Path) -> None:
    assert check_css([folder / "components.css"], []) == []


def test_javascript_type_checks(folder: Path) -> None:
    assert check_typescript(sorted(folder.glob("*.js"))) == []


def test_primary_button_background(files: dict[str, str]) -> None:
    css = files["components.css"]
    default = ".encore-button:is(.encore-button--primary, :not(.encore-button--secondary, "
    default += ".encore-button--tertiary))"
    assert (
        f"{default} {{\n  background: var(--encore-button-container-background, "
        "var(--encore-button-primary-background-base));\n}"
    ) in css
    assert (
        f"{default}:hover{ENABLED} {{\n"
        "  background: var(--encore-button-container-background-hover, "
        "var(--encore-button-primary-background-hover));\n}"
    ) in css
    assert (
        ".encore-button:is(:focus-visible, :has(:focus-visible)) {\n  outline: "
        "var(--encore-button-container-focus-ring-focus, var(--encore-button-focus-ring));\n}"
    ) in css
    assert ".encore-button.encore-button--small .encore-button__label {\n  font: " in css
    assert "var(--encore-button-text-style-small-letter-spacing)" in css
    assert '.encore-track-row[data-state~="playing"]' in css


def test_every_binding_is_a_custom_property(
    files: dict[str, str], specs: tuple[ComponentSpec, ...], themes: Themes
) -> None:
    names = property_names(themes.default, "encore", [])
    css = files["components.css"]
    for spec in specs:
        resolved = resolve(spec)
        for part, prop in resolved.properties:
            assert prop in CSS_PROPERTIES or prop == "text-style", prop
            for cell in resolved.cells:
                token = resolved.token(part, prop, cell)
                if token is None:
                    continue
                # the cell's own states name the property, or a subset of them whose rule it shares
                subsets = [
                    combo
                    for count in range(len(cell.states), -1, -1)
                    for combo in itertools.combinations(cell.states, count)
                ]
                assert any(
                    f"var({custom_property(spec, part, prop, s)}, var({names[token]}))" in css
                    for s in subsets
                ), (spec.id, part, prop, cell)
        module = files[f"{spec.platforms.web}.js"]
        for part, prop in resolved.properties:
            assert custom_property(spec, part, prop) in module  # the shadow sheet, too


HOSTILE = 'Evil */ </script> "quoted" \\ back\u2028line\nnext `${x}`'


def test_hostile_strings(themes: Themes, tmp_path: Path) -> None:
    text = (SPECS / "button.component.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Button", f"name: {_yaml(HOSTILE)}")
    text = re.sub(r'summary: ".*"', lambda _: f"summary: {_yaml(HOSTILE)}", text)
    text = text.replace('action: "Activates the button."', f"action: {_yaml(HOSTILE)}")
    path = tmp_path / "button.component.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, diagnostics = load_specs([path])
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    assert loaded[0].docs.summary == HOSTILE
    out = generate_web(loaded, themes, {})
    for name, content in out.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert check_typescript(sorted(tmp_path.glob("*.js"))) == []
    assert check_css([tmp_path / "components.css"], []) == []
    module = out["encore-button.js"]
    assert "\u2028" not in module
    head = module.split("\nimport ")[0].splitlines()
    assert all(line.startswith("//") for line in head)  # the strings stay in comments
    assert "".join(head).count("Evil */ </script>") == 3  # name, summary, keyboard


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\u2028", "\\L") + '"'


def _rgb(color: Any) -> tuple[int, ...]:
    assert isinstance(color, Color)
    digits = srgb_hex(color).lstrip("#")
    return tuple(int(digits[i : i + 2], 16) for i in range(0, 6, 2))


def _computed(text: str) -> tuple[int, ...]:
    return tuple(int(float(n)) for n in re.findall(r"[\d.]+", text)[:3])


PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="encore.css"><link rel="stylesheet" href="components.css">
<style>:root { --encore-button-container-transition: none; }</style>
<script type="module" src="index.js"></script></head><body>
<button class="encore-button encore-button--secondary" id="plain">
<span class="encore-button__label">Follow</span></button>
<encore-button variant="primary" id="primary">Play</encore-button>
<encore-button variant="tertiary" id="tertiary">See all</encore-button>
<encore-banner variant="error" id="banner" message="Playback failed"></encore-banner>
</body></html>"""


def test_in_the_browser(folder: Path, built: BuildResult, themes: Themes) -> None:
    (folder / "encore.css").write_bytes(built.outputs["web"]["encore.css"])
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    kinds = {"js": "text/javascript", "css": "text/css", "html": "text/html"}

    def serve(route: Any) -> None:
        name = route.request.url.rsplit("/", 1)[-1]
        body = (folder / name).read_text(encoding="utf-8")
        route.fulfill(body=body, content_type=kinds[name.rsplit(".", 1)[-1]])

    def token(name: str, theme: str) -> tuple[int, ...]:
        return _rgb(themes.sets[themes.key(theme=theme)].get(name).value)  # type: ignore[union-attr]

    inner = "document.querySelector('{0}').shadowRoot.querySelector('{1}')"
    with chromium_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route("http://encore.test/**", serve)
        page.goto("http://encore.test/page.html")
        page.wait_for_function("customElements.get('encore-button') !== undefined")

        def style(expression: str, prop: str) -> tuple[int, ...]:
            return _computed(page.evaluate(f"getComputedStyle({expression}).{prop}"))

        for theme in ("dark", "light"):
            page.evaluate(f"document.documentElement.dataset.encoreTheme = {theme!r}")
            primary = inner.format("#primary", "button")
            assert style(primary, "backgroundColor") == token(
                "button.primary.background.base", theme
            )
            label = inner.format("#tertiary", ".encore-button__label")
            assert style(label, "color") == token("button.tertiary.label.base", theme)
            # The native control shows no browser look of its own: no grey button face.
            bare = "getComputedStyle({}).backgroundColor".format(
                inner.format("#tertiary", "button")
            )
            assert page.evaluate(bare) == "rgba(0, 0, 0, 0)"
            plain = "document.querySelector('#plain')"
            assert style(plain, "borderTopColor") == token("button.secondary.border.base", theme)
            page.hover("#plain")
            assert style(plain, "borderTopColor") == token("button.secondary.border.hover", theme)
            page.mouse.move(0, 0)
        page.focus("#plain")
        page.keyboard.press("Tab")
        focused = inner.format("#primary", "button")
        assert page.evaluate(f"getComputedStyle({focused}).outlineStyle") == "solid"
        banner = inner.format("#banner", "[part=container]")
        assert page.evaluate(f"{banner}.getAttribute('role')") == "alert"  # follows the variant
        page.evaluate("document.querySelector('#banner').setAttribute('variant', 'info')")
        assert page.evaluate(f"{banner}.getAttribute('role')") == "status"
        assert errors == []
