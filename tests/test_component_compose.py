"""The Compose component generator: golden files, one kotlinc run over every generated
component with the Compose token file and the stubs, colours bound to themes or constants,
state precedence as in `resolve`, and hostile spec strings and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from encore.build import BuildResult, build
from encore.components import ComponentSpec, find_specs, load_specs
from encore.components.generators.compose import generate_compose
from encore.config import load_project
from encore.formats import FORMATS
from encore.themes import Themes
from tests.conftest import GOLDEN, REPO
from tests.support.checkers import compile_kotlin

GOLDEN_DIR = GOLDEN / "components" / "compose"
HOSTILE = 'Evil */ /* "quoted" $x ${y} \\ back\u2028line\nnext café ☃'
HOSTILE_SPEC = """\
id: self
name: {h}
owner: foundation
status: deprecated
deprecation: {{reason: {h}, replacement: button, migration: {h}}}
anatomy:
  container: {{role: container, description: {h}}}
  in: {{role: icon, optional: true}}
  fun: {{role: label}}
props:
  fun: {{type: string, required: true}}
  in: {{type: icon}}
  object: {{type: enum, values: [class, when, skip-next, val], default: when}}
  modifier: {{type: string, default: {h}}}
  colors: {{type: number, default: 2}}
  selected: {{type: boolean, default: false}}
  disabled: {{type: boolean, default: false}}
  return: {{type: event}}
variants:
  when: [default, is, this]
sizes: [in, init, for]
defaults: {{size: in}}
states: [default, hover, pressed, focus, selected, disabled]
tokens:
  container:
    background:
      all: button.primary.background.base
      this pressed: button.primary.background.press
      selected: chip.background.selected
    min-height:
      init: button.height.small
    min-target: control.min-target
  fun:
    color: text.base
    text-style: button.text-style.base
accessibility:
  role: button
  name: {{content: [fun]}}
platforms: {{web: encore-self, swiftui: EncoreSelf, compose: EncoreSelf}}
docs:
  summary: {h}
  usage: {h}
  props: {{fun: {h}, modifier: {h}}}
  variants: {{default: {h}, this: {h}}}
  sizes: {{in: {h}}}
"""


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\u2028", "\\L") + '"'


@pytest.fixture(scope="module")
def built() -> BuildResult:
    return build(load_project(REPO), write=False)


@pytest.fixture(scope="module")
def themes(built: BuildResult) -> Themes:
    assert built.themes is not None
    return built.themes


@pytest.fixture(scope="module")
def specs() -> tuple[ComponentSpec, ...]:
    loaded, diagnostics = load_specs(find_specs([REPO / "tokens" / "components"]))
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    return tuple(loaded)


@pytest.fixture(scope="module")
def files(themes: Themes, specs: tuple[ComponentSpec, ...]) -> dict[str, str]:
    return generate_compose(specs, themes, {})


@pytest.fixture(scope="module")
def hostile(
    themes: Themes, specs: tuple[ComponentSpec, ...], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    path = tmp_path_factory.mktemp("specs") / "self.component.yaml"
    path.write_text(HOSTILE_SPEC.format(h=_yaml(HOSTILE)), encoding="utf-8")
    loaded, diagnostics = load_specs([path])
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    assert loaded[0].docs.summary == HOSTILE
    out = generate_compose([*specs, *loaded], themes, {"package": "cases.hostile"})
    return {"EncoreSelf.kt": out["EncoreSelf.kt"]}


@pytest.fixture(scope="module")
def compiled(
    themes: Themes,
    files: dict[str, str],
    hostile: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> list[str]:
    """ONE kotlinc run: the components, the hostile one, the token file and a broken copy."""
    folder = tmp_path_factory.mktemp("compose_components")
    tokens = FORMATS["compose"].render_all(themes, {}, [], "EncoreTokens.kt")
    broken = files["EncoreButton.kt"].replace(
        "package com.spotify.encore.components", "package cases.broken"
    )
    broken = broken.replace("import androidx.compose.foundation.clickable\n", "")
    sources = {**files, **hostile, "EncoreTokens.kt": tokens["EncoreTokens.kt"]}
    sources["Broken.kt"] = broken
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")
    return compile_kotlin(sorted(folder / name for name in sources))


def test_one_file_per_component(files: dict[str, str], specs: tuple[ComponentSpec, ...]) -> None:
    assert sorted(files) == sorted(f"{s.platforms.compose}.kt" for s in specs)
    assert len(files) == 9


def test_golden(files: dict[str, str], update_golden: bool) -> None:
    for file, text in sorted(files.items()):
        path = GOLDEN_DIR / file
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{path} differs: review the change and run pytest --update-golden"
        )
    assert sorted(p.name for p in GOLDEN_DIR.glob("*.kt")) == sorted(files)


def test_everything_compiles(compiled: list[str]) -> None:
    assert [e for e in compiled if "Broken.kt" not in e] == []


def test_a_broken_file_fails(compiled: list[str]) -> None:
    broken = [e for e in compiled if "Broken.kt" in e]
    assert broken and all("clickable" in e for e in broken), compiled


def test_button_api(files: dict[str, str]) -> None:
    text = files["EncoreButton.kt"]
    assert "enum class EncoreButtonVariant {" in text and "enum class EncoreButtonSize {" in text
    assert "@Immutable\nclass EncoreButtonColors(" in text
    assert "object EncoreButtonDefaults {" in text
    assert "fun colors(variant: EncoreButtonVariant = EncoreButtonVariant.Primary)" in text
    signature = text[text.index("fun EncoreButton(") :]
    order = ["onClick: () -> Unit", "label: String", "modifier: Modifier = Modifier"]
    order += ["variant: EncoreButtonVariant", "size: EncoreButtonSize", "enabled: Boolean = true"]
    positions = [signature.index(p) for p in order]
    assert positions == sorted(positions)
    assert "interactionSource.collectIsPressedAsState()" in text
    assert ".minimumInteractiveComponentSize()" in text
    assert "this.role = Role.Button" in text
    assert "@param label The text on the button" in text


def test_button_shape_focus_ring_and_scale(files: dict[str, str]) -> None:
    text = files["EncoreButton.kt"]
    body = text[text.index("fun EncoreButton(") :]
    # radius: one RoundedCornerShape for clip, border and background
    assert "fun containerRadius(): Dp =\n        EncoreTokens.Button.corner" in text
    assert "val containerShape = RoundedCornerShape(EncoreButtonDefaults.containerRadius())" in body
    assert ".clip(containerShape)" in body
    assert "color = colors.containerBorderColor(" in body and "shape = containerShape)" in body
    assert ".background(colors.containerBackground(" in body
    # the focus ring: the focus state's border token, drawn only while focused
    assert "fun containerFocusRing(): EncoreBorder? =" in text
    assert "import com.spotify.encore.compose.EncoreBorder" in text
    ring = (
        ".then(EncoreButtonDefaults.containerFocusRing()?.takeIf { focused }"
        "?.let { Modifier.border(it.width, it.color, shape = containerShape) } ?: Modifier)"
    )
    assert ring in body
    # scale per state, chosen like the colours
    assert "containerScalePressed = EncoreTokens.Button.pressScale" in text
    assert "containerScaleHover = EncoreTokens.Button.hoverScale" in text
    assert "containerScale = 1f" in text
    assert ".scale(colors.containerScale(hovered = hovered, pressed = pressed" in body
    # the order: scale, clip, then the drawing that the shape bounds
    order = [".scale(", ".clip(", "takeIf { focused }", ".border(width", ".background("]
    positions = [body.index(p) for p in order]
    assert positions == sorted(positions)


def test_elevation_first_layer(files: dict[str, str]) -> None:
    text = files["EncoreIconButton.kt"]
    assert "containerElevation = EncoreTokens.PlayButton.elevation" in text
    shadow = (
        "?.layers?.firstOrNull { !it.inset }?.let { Modifier.shadow(elevation = it.blur / 2, "
        "shape = containerShape) } ?: Modifier)"
    )
    assert shadow in text
    assert "Compose draws one platform shadow" in text
    assert "Modifier.shadow(" in files["EncoreSlider.kt"]
    # the card's artwork is a slot: its elevation is not drawn, nor documented
    assert "shadow" not in files["EncoreCard.kt"]


def test_colours_by_theme_or_constant(files: dict[str, str], themes: Themes) -> None:
    text = files["EncoreButton.kt"]
    # secondary's border differs between themes; primary's background is a constant
    assert "containerBorderColorHover = EncoreTheme.colors.buttonSecondaryBorderHover" in text
    assert "containerBackgroundPressed = EncoreTokens.Button.Primary.Background.press" in text
    assert "button.secondary.border.hover" in themes.varying
    assert "button.primary.background.press" not in themes.varying


def test_state_precedence(files: dict[str, str]) -> None:
    chip = files["EncoreChip.kt"]
    function = chip[chip.index("fun containerBackground(") :]
    function = function[: function.index("\n\n")]
    # the most specific state set first; interaction states only while enabled
    assert function.index("pressed && selected && enabled ->") < function.index("!enabled ->")
    assert function.index("!enabled ->") < function.index("        selected ->")
    assert function.index("        selected ->") < function.index("pressed && enabled ->")
    assert function.rstrip().endswith("else -> containerBackground\n        }".rstrip())


def test_roles_and_interaction(files: dict[str, str]) -> None:
    assert ".toggleable(value = checked" in files["EncoreToggle.kt"]
    assert "role = Role.Switch" in files["EncoreToggle.kt"]
    slider = files["EncoreSlider.kt"]
    assert "setProgress { target -> onChange(target); true }" in slider
    assert "this.contentDescription = label" in slider
    assert "BasicTextField(" in files["EncoreSearchField.kt"]
    banner = files["EncoreBanner.kt"]
    assert "EncoreBannerVariant.Error -> this.liveRegion = LiveRegionMode.Assertive" in banner
    assert "minimumInteractiveComponentSize" not in banner  # a status is not a target


def test_hostile_spec(hostile: dict[str, str], compiled: list[str]) -> None:
    text = hostile["EncoreSelf.kt"]
    assert not [e for e in compiled if "EncoreSelf.kt" in e]
    assert "\u2028" not in text
    assert '@Deprecated(message = "Evil */ /* \\"quoted\\" \\$x \\${y}' in text
    assert 'replaceWith = ReplaceWith("EncoreButton")' in text
    assert "    `fun`: String," in text and "    `in`: (@Composable () -> Unit)? = null," in text
    assert "`object`: EncoreSelfObject = EncoreSelfObject.When" in text
    assert "modifier2: String" in text and "colors2: Float = 2f" in text
    assert "`when`: EncoreSelfWhen = EncoreSelfWhen.Default" in text
    assert "size: EncoreSelfSize = EncoreSelfSize.In" in text
    for line in text.splitlines():
        stripped = line.lstrip()
        if "Evil" in line and stripped.startswith(("/**", "*")):
            assert "*/" not in stripped.removesuffix("*/")


def test_options(themes: Themes, specs: tuple[ComponentSpec, ...], tmp_path: Path) -> None:
    out = generate_compose(specs[:1], themes, {"package": "org.example.ui"})
    assert next(iter(out.values())).count("package org.example.ui\n") == 1
