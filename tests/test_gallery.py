"""The gallery (``build/web/gallery/``): structure (every spec cell and every token is on
the page, hostile strings are escaped) and the page in Chromium: computed colours against
the resolved tokens for every component in two states and every theme permutation (set
through the page's own switcher), visible keyboard focus, and a screenshot per theme."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from coloraide import Color as Parsed

from encore.build import BuildResult, build
from encore.components import Cell, ComponentSpec, find_specs, load_specs, resolve
from encore.components.gallery import generate_gallery
from encore.components.generators.web_css import part_class
from encore.components.spec import INTERACTION_STATES
from encore.config import load_project
from encore.themes import Key, Themes
from encore.values.color import srgb_components
from encore.values.types import Color
from tests.conftest import REPO
from tests.support.browser import chromium_page

SPECS = REPO / "tokens" / "components"
KINDS = {"js": "text/javascript", "css": "text/css", "html": "text/html"}
COLOUR_PROPERTIES = {"background": "backgroundColor", "color": "color"}


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
def gallery(specs: tuple[ComponentSpec, ...], themes: Themes) -> dict[str, str]:
    return generate_gallery(specs, themes, {})


class _Elements(HTMLParser):
    """Every start tag's attributes, and a check that non-void tags close in order."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    assert parser.errors == [] and parser.stack == [], (parser.errors, parser.stack)
    return parser


def test_every_spec_cell_and_token_is_on_the_page(
    gallery: dict[str, str], specs: tuple[ComponentSpec, ...], themes: Themes
) -> None:
    assert set(gallery) == {"index.html", "gallery.css"}
    page = gallery["index.html"]
    for href in ("../encore.css", "../components/components.css", "gallery.css"):
        assert f'<link rel="stylesheet" href="{href}">' in page
    assert '<script type="module" src="../components/index.js"></script>' in page
    parsed = _parse(page)
    shown = {
        (a["data-component"], a["data-variant"], a["data-size"], a["data-state"])
        for _, a in parsed.elements
        if "data-component" in a
    }
    for spec in specs:
        assert any(a.get("data-spec") == spec.id for _, a in parsed.elements), spec.id
        combos = itertools.product(*[axis.values for axis in spec.variants])
        for combo, size, state in itertools.product(combos, spec.sizes or ("",), spec.states):
            assert (spec.id, " ".join(combo), size, state) in shown, (spec.id, combo, size, state)
    tokens = {a["data-token"] for _, a in parsed.elements if "data-token" in a}
    assert tokens == {token.name for token in themes.default}
    groups = [a["data-group"] for _, a in parsed.elements if "data-group" in a]
    assert len(groups) == len(set(groups))
    selects = [a for tag, a in parsed.elements if tag == "select"]
    assert [a["data-axis"] for a in selects] == [axis.name for axis in themes.axes]


HOSTILE = 'Evil */ </script> "quoted" <b>&amp;</b> back\u2028line\nnext `${x}`'


def test_hostile_strings_are_escaped(themes: Themes, tmp_path: Path) -> None:
    text = (SPECS / "button.component.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Button", f"name: {_yaml(HOSTILE)}")
    text = re.sub(r'summary: ".*"', lambda _: f"summary: {_yaml(HOSTILE)}", text)
    path = tmp_path / "button.component.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, diagnostics = load_specs([path])
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    page = generate_gallery(loaded, themes, {})["index.html"]
    assert HOSTILE not in page and "<b>" not in page
    assert page.count("</script>") == 2  # the module and the switcher, nothing else
    assert html.escape(HOSTILE, quote=True) in page
    _parse(page)


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\u2028", "\\L") + '"'


def _site(tmp_path: Path, built: BuildResult, gallery: dict[str, str]) -> Path:
    web = tmp_path / "web"
    for name, data in built.outputs["web"].items():
        target = web / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for name, text in gallery.items():
        target = web / "gallery" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return web


def _expected(themes: Themes, key: Key, token: str) -> tuple[float, ...] | None:
    found = themes.sets[key].get(token)
    if found is None or not isinstance(found.value, Color):
        return None
    return srgb_components(found.value)


def _computed(text: str) -> tuple[float, ...]:
    colour = Parsed(text).convert("srgb")
    if not colour.in_gamut(tolerance=0):
        colour = colour.fit(method="oklch-chroma")
    r, g, b = (min(max(0.0 if v != v else v, 0.0), 1.0) for v in colour[:3])
    return r, g, b, colour.alpha()


def _close(got: tuple[float, ...], want: tuple[float, ...]) -> bool:
    return all(abs(a - b) <= 1.5 / 255 for a, b in zip(got[:3], want[:3], strict=True)) and (
        abs(got[3] - want[3]) <= 0.01
    )


def _checked_states(spec: ComponentSpec) -> list[str]:
    """Default and a state CSS can be forced into: the first that rebinds a colour (chip
    selected, toggle checked, track row playing), else disabled or the first one; without
    any, hover (by the mouse)."""
    resolved = resolve(spec)
    default = resolved.default_cell()

    def colours(states: tuple[str, ...]) -> list[str | None]:
        cell = Cell(default.variants, default.size, states)
        return [
            resolved.token(part, prop, cell)
            for part, prop in resolved.properties
            if prop in COLOUR_PROPERTIES
        ]

    forced = [s for s in spec.states[1:] if s not in INTERACTION_STATES]
    rebinding = [s for s in forced if colours((s,)) != colours(())]
    fallback = [s for s in forced if s == "disabled"] + forced
    return ["default", (rebinding or fallback or ["hover"])[0]]


def test_in_the_browser(
    tmp_path: Path,
    built: BuildResult,
    themes: Themes,
    specs: tuple[ComponentSpec, ...],
    gallery: dict[str, str],
) -> None:
    web = _site(tmp_path, built, gallery)

    def serve(route: Any) -> None:
        path = urlparse(route.request.url).path.lstrip("/")
        target = web / path
        if not target.is_file():
            route.fulfill(status=404, body="")
            return
        kind = KINDS.get(path.rsplit(".", 1)[-1], "application/octet-stream")
        route.fulfill(body=target.read_bytes(), content_type=kind)

    shots: list[Path] = []
    with chromium_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.route("http://encore.test/**", serve)
        page.set_viewport_size({"width": 1400, "height": 900})
        page.goto("http://encore.test/gallery/index.html")
        for spec in specs:
            page.wait_for_function(f"customElements.get({spec.platforms.web!r}) !== undefined")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        seen: dict[Key, list[tuple[float, ...]]] = {}
        for key in themes.permutations():
            for axis, context in zip(themes.axes, key, strict=True):
                page.select_option(f'select[data-axis="{axis.name}"]', context)
            attributes = page.evaluate(
                "Object.fromEntries([...document.documentElement.attributes]"
                ".map((a) => [a.name, a.value]))"
            )
            for axis, context in zip(themes.axes, key, strict=True):
                assert attributes.get(f"data-encore-{axis.name}") == context
            seen[key] = []
            for spec in specs:
                for state in _checked_states(spec):
                    seen[key] += _check_component(page, spec, themes, key, state)
            shot = tmp_path / "screenshots" / f"gallery-{'-'.join(key)}.png"
            page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)
        assert all(len(found) >= len(specs) * 2 for found in seen.values())
        assert seen[themes.default_key] != seen[themes.key(theme="light")]  # it did switch

        page.select_option('select[data-axis="theme"]', "dark")
        page.click('section[data-spec="button"] h3')
        page.keyboard.press("Tab")
        focus = page.evaluate(
            "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return { cls: e.className, visible: e.matches(':focus-visible'),"
            " style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; })()"
        )
        assert "encore-button" in focus["cls"] and focus["visible"], focus
        assert focus["style"] != "none" and focus["width"] > 0, focus
        shot = tmp_path / "screenshots" / "gallery-focus.png"
        page.locator("button.encore-button").first.screenshot(path=str(shot))
        shots.append(shot)
        _check_state_override(page)
        assert errors == []
    for shot in shots:
        assert shot.is_file() and shot.stat().st_size > 0
        print(f"gallery screenshot: {shot}")


def _check_state_override(page: Any) -> None:
    """A page restyles one state through its own custom property and leaves the rest."""
    root = '[data-component="button"][data-state="default"]:not([data-live])'
    read = f"getComputedStyle(document.querySelector('{root}')).backgroundColor"
    page.mouse.move(0, 0)
    before = page.evaluate(read)
    page.evaluate(
        f"document.querySelector('{root}').style"
        ".setProperty('--encore-button-container-background-hover', 'rgb(1, 2, 3)')"
    )
    assert page.evaluate(read) == before  # the default state keeps its token
    page.hover(root)
    assert page.evaluate(read) == "rgb(1, 2, 3)"
    page.mouse.move(0, 0)
    disabled = '[data-component="button"][data-state="disabled"]:not([data-live])'
    read = f"getComputedStyle(document.querySelector('{disabled}')).backgroundColor"
    resting = page.evaluate(read)
    page.hover(disabled, force=True)
    assert page.evaluate(read) == resting  # a disabled button does not react to hover
    page.mouse.move(0, 0)


def _check_component(
    page: Any, spec: ComponentSpec, themes: Themes, key: Key, state: str
) -> list[tuple[float, ...]]:
    """Compare every colour bound in the cell; returns the colours compared (at least one)."""
    resolved = resolve(spec)
    default = resolved.default_cell()
    variants = " ".join(value for _, value in default.variants)
    forced = state if state not in INTERACTION_STATES else "default"
    root = (
        f'[data-component="{spec.id}"][data-variant="{variants}"]'
        f'[data-size="{default.size or ""}"][data-state="{forced}"]:not([data-live])'
    )
    if state in INTERACTION_STATES:
        page.hover(root)
    cell = Cell(default.variants, default.size, () if state == "default" else (state,))
    compared: list[tuple[float, ...]] = []
    for part, prop in resolved.properties:
        if prop not in COLOUR_PROPERTIES:
            continue
        token = resolved.token(part, prop, cell)
        want = _expected(themes, key, token) if token is not None else None
        if want is None:
            continue
        inner = "" if part == spec.root.name else f".{part_class(spec, part)}"
        text = page.evaluate(
            "([root, inner, prop]) => { const r = document.querySelector(root);"
            " const e = inner ? r.querySelector(inner) : r;"
            " return e ? getComputedStyle(e)[prop] : null; }",
            [root, inner, COLOUR_PROPERTIES[prop]],
        )
        if text is None:
            continue
        got = _computed(text)
        assert _close(got, want), (
            spec.id,
            part,
            prop,
            cell.label(),
            themes.label(key),
            token,
            text,
        )
        compared.append(got)
    if state in INTERACTION_STATES:
        page.mouse.move(0, 0)
    assert compared, (spec.id, state, themes.label(key))
    return compared
