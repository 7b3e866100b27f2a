"""The Compose component generator: golden files, one kotlinc run over every generated
component with the Compose token file and the stubs, colours bound to themes or constants,
state precedence as in `resolve` and the web, transitions, the slider's drawing and input,
and hostile spec strings and names."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from encore.build import BuildResult, build
from encore.components import ComponentSpec, find_specs, load_specs
from encore.components.generators.compose import generate_compose
from encore.components.generators.compose_model import build_model
from encore.components.resolve import ResolvedSpec
from encore.components.spec import INTERACTION_STATES
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


# A slider whose props take the names of the body's locals, and a bare one (no max, step,
# thumb, hover or disabled; no transition).
SLIDER_TOKENS = """\
tokens:
  container:
    min-target: slider.min-target
    opacity: {disabled: state.disabled-opacity}
    transition: slider.transition
    focus-ring: {focus: slider.focus-ring}
  track: {background: slider.track.color, height: slider.track.height, radius: slider.track.corner}
  fill: {background: slider.fill.base, radius: slider.track.corner}
  thumb:
    background: slider.thumb.color
    size: slider.thumb.size
    radius: corner.circle
    elevation: slider.thumb.elevation
"""
CLAIMED = [
    "fraction",
    "rtl",
    "transition",
    "target",
    "position",
    "update",
    "drag",
    "snapped",
    "drag-state",
    "drag-position",
    "container-width",
    "thumb-width",
    "is-pressed",
    "is-dragged",
    "track-shape",
    "track-background",
    "container-opacity",
    "round",
    "key",
]
HOSTILE_SLIDER = (
    """\
id: hostile-slider
name: Hostile slider
owner: foundation
anatomy:
  container: {role: container}
  track: {role: track}
  fill: {role: fill, in: track}
  thumb: {role: thumb, in: track}
props:
  value: {type: number, required: true}
  max: {type: number, default: 1}
  step: {type: number, default: 0.01}
  label: {type: string, required: true}
  disabled: {type: boolean, default: false}
  change: {type: event}
"""
    + "".join(f"  {name}: {{type: string}}\n" for name in CLAIMED)
    + """\
states: [default, hover, pressed, focus, disabled]
"""
    + SLIDER_TOKENS
    + """\
accessibility:
  role: slider
  name: {prop: label}
  keyboard:
    - {keys: [ArrowRight, ArrowUp, ArrowLeft, ArrowDown, PageUp, PageDown, Home, End], action: x}
platforms: {web: encore-hostile-slider, swiftui: EncoreHostileSlider, compose: EncoreHostileSlider}
docs: {summary: A slider with hostile prop names.}
"""
)
BARE_SLIDER = """\
id: bare-slider
name: Bare slider
owner: foundation
anatomy:
  container: {role: container}
  track: {role: track}
  fill: {role: fill, in: track}
props:
  value: {type: number, required: true}
  label: {type: string, required: true}
  change: {type: event}
states: [default, pressed]
tokens:
  container: {min-target: slider.min-target}
  track: {background: slider.track.color, height: slider.track.height}
  fill: {background: slider.fill.base}
accessibility:
  role: slider
  name: {prop: label}
  keyboard:
    - {keys: [ArrowRight, Home], action: x}
platforms: {web: encore-bare-slider, swiftui: EncoreBareSlider, compose: EncoreBareSlider}
docs: {summary: A slider with only a value.}
"""
PARTIAL_MOTION = """\
id: partial-motion
name: Partial motion
owner: foundation
anatomy:
  container: {role: container}
  label: {role: label}
props:
  label: {type: string, required: true}
  click: {type: event}
variants:
  tone: [loud, quiet]
states: [default, hover, pressed]
tokens:
  container:
    background: {all: button.primary.background.base, hover: button.primary.background.hover}
    transition: {loud: button.transition}
    min-target: button.min-target
  label: {color: button.primary.label}
accessibility:
  role: button
  name: {content: [label]}
platforms: {web: encore-partial-motion, swiftui: EncorePartialMotion, compose: EncorePartialMotion}
docs: {summary: A transition bound for one variant only.}
"""
EXTRAS = {
    "hostile-slider": HOSTILE_SLIDER,
    "bare-slider": BARE_SLIDER,
    "partial-motion": PARTIAL_MOTION,
}


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
def extras(
    themes: Themes, specs: tuple[ComponentSpec, ...], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The specs of `EXTRAS`, generated beside the foundation's into package cases.extras."""
    folder = tmp_path_factory.mktemp("extra_specs")
    paths = []
    for name, text in EXTRAS.items():
        paths.append(folder / f"{name}.component.yaml")
        paths[-1].write_text(text, encoding="utf-8")
    loaded, diagnostics = load_specs(paths)
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    out = generate_compose([*specs, *loaded], themes, {"package": "cases.extras"})
    return {f"{spec.platforms.compose}.kt": out[f"{spec.platforms.compose}.kt"] for spec in loaded}


@pytest.fixture(scope="module")
def compiled(
    themes: Themes,
    files: dict[str, str],
    hostile: dict[str, str],
    extras: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> list[str]:
    """ONE kotlinc run: the components, the hostile ones, the token file and a broken copy."""
    folder = tmp_path_factory.mktemp("compose_components")
    tokens = FORMATS["compose"].render_all(themes, {}, [], "EncoreTokens.kt")
    broken = files["EncoreButton.kt"].replace(
        "package com.spotify.encore.components", "package cases.broken"
    )
    broken = broken.replace("import androidx.compose.foundation.clickable\n", "")
    sources = {**files, **hostile, **extras, "EncoreTokens.kt": tokens["EncoreTokens.kt"]}
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
    assert "color = containerBorderColor, shape = containerShape)" in body
    assert ".background(containerBackground, shape = containerShape)" in body
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
    assert "targetValue = colors.containerScale(hovered = hovered, pressed = pressed" in body
    assert ".scale(containerScale)" in body
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


def _when(text: str, function: str) -> list[tuple[str, str]]:
    """The (condition, field) branches of a colours function; ``else`` as the condition."""
    body = text[text.index(f"    fun {function}(") :]
    body = body[: min(body.index("\n\n"), body.index("\n}"))]
    if "when {\n" not in body:  # the same in every state
        return [("else", body.rsplit("\n", 1)[-1].strip())]
    body = body[body.index("when {\n") + 7 : body.index("\n        }")]
    return [tuple(line.strip().split(" -> ")) for line in body.splitlines()]  # type: ignore[misc]


def test_state_precedence(files: dict[str, str]) -> None:
    # pressed wins over focus, as on the web: focus binds no background or scale, so a
    # focused, pressed button is pressed (it used to show its focus-state default)
    button = files["EncoreButton.kt"]
    for function in ("containerScale", "containerBackground"):
        conditions = [c for c, _ in _when(button, function)]
        assert conditions == ["pressed && enabled", "hovered && enabled", "else"], function
    assert "containerScaleFocus" not in button and "containerBackgroundFocus" not in button
    assert _when(button, "containerOpacity") == [
        ("!enabled", "containerOpacityDisabled"),
        ("else", "containerOpacity"),
    ]
    # the chip: selected hover (two states) first, then the later-listed state
    chip = _when(files["EncoreChip.kt"], "containerBackground")
    assert [c for c, _ in chip] == [
        "hovered && selected && enabled",
        "selected",
        "pressed && enabled",
        "hovered && enabled",
        "else",
    ]


def test_web_lists_pressed_after_hover_and_focus(built: BuildResult) -> None:
    """The web's cascade the Compose order follows: one pseudo-class each, so the rule
    written later wins, in the order of ``states:``."""
    css = built.outputs["web"]["components/components.css"].decode()
    enabled = ':where(:not(:disabled, [aria-disabled="true"], :has(> :disabled)))'
    hover = css.index(f".encore-button:hover{enabled} {{\n  scale:")
    pressed = css.index(f".encore-button:active{enabled} {{\n  scale:")
    focus = css.index(".encore-button:is(:focus-visible, :has(:focus-visible)) {")
    assert hover < pressed < focus
    assert "scale" not in css[focus : css.index("}", focus)]


def test_every_state_combination_picks_what_resolve_picks(
    files: dict[str, str], specs: tuple[ComponentSpec, ...]
) -> None:
    """Evaluate each generated ``when`` for every combination of active states; the field
    it returns holds, in every variant and size, the token `resolve` gives the combination
    (interaction states count only while no inactive state is active)."""
    checked = 0
    for spec in specs:
        model = build_model(spec)
        resolved = ResolvedSpec(spec)
        text = files[f"{spec.platforms.compose}.kt"]
        owner = {field: key for key, field in model.fields.items()}
        others = spec.states[1:]
        for active in itertools.chain.from_iterable(
            itertools.combinations(others, n) for n in range(len(others) + 1)
        ):
            values = {param: state in active for state, param in model.states}
            values["enabled"] = "disabled" not in active
            effective = active
            if set(active) & set(spec.accessibility.inactive_states):
                effective = tuple(s for s in active if s not in INTERACTION_STATES)
            for part, prop, function in model.stateful:
                field = next(
                    f
                    for condition, f in _when(text, function)
                    if condition == "else"
                    or all(
                        not values[t[1:]] if t.startswith("!") else values[t]
                        for t in condition.split(" && ")
                    )
                )
                _, _, states = owner[field]
                for combo in model.combos():
                    chosen = resolved.token(part, prop, model.cell(combo, states))
                    wanted = resolved.token(part, prop, model.cell(combo, effective))
                    assert chosen == wanted, (spec.id, part, prop, active, combo, field)
                    checked += 1
    assert checked > 1000


def test_transitions_animate_what_is_drawn(files: dict[str, str]) -> None:
    button = files["EncoreButton.kt"]
    body = button[button.index("fun EncoreButton(") :]
    assert "val transition = EncoreButtonDefaults.containerTransition()" in body
    transition = (
        "fun containerTransition(): EncoreTransition =\n        EncoreTokens.Button.transition"
    )
    assert transition in button
    assert "import com.spotify.encore.compose.EncoreTransition" in button
    spec = "tween(transition.durationMillis, transition.delayMillis, transition.easing)"
    colour = (
        "    val containerBackground by animateColorAsState(\n"
        "        targetValue = colors.containerBackground(hovered = hovered, pressed = pressed, "
        "focused = focused, enabled = enabled),\n"
        f"        animationSpec = {spec},\n"
        '        label = "containerBackground",\n'
        "    )"
    )
    assert colour in body
    assert "val containerScale by animateFloatAsState(" in body
    assert "val containerOpacity by animateFloatAsState(" in body
    assert "val labelColor by animateColorAsState(" in body
    assert ".copy(color = labelColor)" in body
    # composable calls sit at the top of the body, before the tree and outside lambdas
    tree = body.index("    Row(")
    assert all(m.start() < tree for m in re.finditer(r"animate\w+AsState\(", body))
    assert "colors.containerBackground(" not in body[tree:]
    # the icon is a slot (its colour is not drawn) and elevation is not animated
    assert "iconColor by" not in body
    icon_button = files["EncoreIconButton.kt"]
    assert "val containerBackground by animateColorAsState(" in icon_button
    assert "Elevation by" not in icon_button
    # one transition for the whole component: the root's
    slider = files["EncoreSlider.kt"]
    assert slider.count("val transition = ") == 1 and "val thumbBackground by animate" in slider
    # no transition, no animation
    assert "animate" not in files["EncoreBanner.kt"] and "tween" not in files["EncoreBanner.kt"]


def test_roles_and_interaction(files: dict[str, str]) -> None:
    assert ".toggleable(value = checked" in files["EncoreToggle.kt"]
    assert "role = Role.Switch" in files["EncoreToggle.kt"]
    slider = files["EncoreSlider.kt"]
    assert "if (enabled) setProgress { target -> update(target); true }" in slider
    assert "this.progressBarRangeInfo = ProgressBarRangeInfo(value, 0f..max)" in slider
    assert "if (valueText != null) this.stateDescription = valueText" in slider
    assert "if (!enabled) disabled()" in slider
    assert "this.contentDescription = label" in slider
    assert "BasicTextField(" in files["EncoreSearchField.kt"]
    banner = files["EncoreBanner.kt"]
    assert "EncoreBannerVariant.Error -> this.liveRegion = LiveRegionMode.Assertive" in banner
    assert "minimumInteractiveComponentSize" not in banner  # a status is not a target


def test_slider_layout(files: dict[str, str]) -> None:
    text = files["EncoreSlider.kt"]
    body = text[text.index("fun EncoreSlider(") :]
    # the outer box: full width, the minimum target, content centred at the start
    root = body[body.index("    Box(\n") : body.index("    ) {\n", body.index("    Box(\n"))]
    assert root.index(".fillMaxWidth()") < root.index(".minimumInteractiveComponentSize()")
    assert "contentAlignment = Alignment.CenterStart," in root
    # the track: full width, its height, shape and colour, clipped; the fill inside it
    track = (
        "        Box(\n"
        "            modifier = Modifier\n"
        "                .fillMaxWidth()\n"
        "                .clip(trackShape)\n"
        "                .background(trackBackground, shape = trackShape)\n"
        "                .height(EncoreSliderDefaults.trackHeight()),\n"
        "        ) {\n"
        "            Box(\n"
        "                modifier = Modifier\n"
        "                    .fillMaxWidth(fraction)\n"
        "                    .fillMaxHeight()\n"
        "                    .clip(fillShape)\n"
        "                    .background(fillBackground, shape = fillShape),\n"
        "            ) {}\n"
        "        }\n"
    )
    assert track in body
    assert "val fraction = if (max > 0f) (value / max).coerceIn(0f, 1f) else 0f" in body
    # the thumb: after the track and beside it (outside its clip), placed by the fraction
    thumb = body[body.index(track) + len(track) :]
    assert thumb.startswith("        Box(\n            modifier = Modifier\n")
    assert ".align(BiasAlignment(fraction * 2f - 1f, 0f))" in thumb
    assert ".onSizeChanged { thumbWidth = it.width.toFloat() }" in thumb
    assert "Modifier.shadow(elevation = it.blur / 2, shape = thumbShape)" in thumb
    assert ".background(thumbBackground, shape = thumbShape)" in thumb
    assert ".size(EncoreSliderDefaults.thumbSize())" in thumb
    assert thumb.rstrip().endswith(") {}\n    }\n}")


def test_slider_input(files: dict[str, str]) -> None:
    text = files["EncoreSlider.kt"]
    body = text[text.index("fun EncoreSlider(") :]
    # a tap or a drag sets the value at the pointer: the thumb's centre follows it
    assert ".onSizeChanged { containerWidth = it.width.toFloat() }" in body
    assert "var containerWidth by remember { mutableFloatStateOf(0f) }" in body
    draggable = (
        ".draggable(\n"
        "                state = dragState,\n"
        "                orientation = Orientation.Horizontal,\n"
        "                enabled = enabled,\n"
        "                interactionSource = interactionSource,\n"
        "                startDragImmediately = true,\n"
        "                onDragStarted = { drag(if (rtl) containerWidth - it.x else it.x) },\n"
        "                reverseDirection = rtl,\n"
        "            ),"
    )
    assert draggable in body
    assert "val dragState = rememberDraggableState { drag(dragPosition + it) }" in body
    assert "update((position - thumbWidth / 2f) / (containerWidth - thumbWidth)" in body
    # snapped to the step, clamped to 0..max; the end stays reachable
    assert (
        "(if (step > 0f && target < max) round(target / step) * step else target)"
        ".coerceIn(0f, max.coerceAtLeast(0f))"
    ) in body
    assert "if (enabled && snapped(target) != value) onChange(snapped(target))" in body
    # keys, as the spec's keyboard lists them; arrows toward the end follow the layout
    for line in [
        "Key.DirectionRight -> update(if (rtl) value - step else value + step)",
        "Key.DirectionLeft -> update(if (rtl) value + step else value - step)",
        "Key.DirectionUp -> update(value + step)",
        "Key.DirectionDown -> update(value - step)",
        "Key.PageUp -> update(value + step * 10)",
        "Key.PageDown -> update(value - step * 10)",
        "Key.MoveHome -> update(0f)",
        "Key.MoveEnd -> update(max)",
    ]:
        assert line in body, line
    assert "if (it.type != KeyEventType.KeyDown) return@onKeyEvent false" in body
    keys, focus = body.index(".onKeyEvent {"), body.index(".focusable(enabled = enabled, ")
    assert keys < focus < body.index(".draggable(")  # keys reach it from the focused node
    assert ".hoverable(interactionSource = interactionSource, enabled = enabled)" in body
    # dragging (a tap starts a drag) counts as pressed
    assert "val isDragged by interactionSource.collectIsDraggedAsState()" in body
    assert "val pressed = isPressed || isDragged" in body
    assert "val rtl = LocalLayoutDirection.current == LayoutDirection.Rtl" in body


def test_unbound_transition_is_immediate(
    files: dict[str, str], extras: dict[str, str], compiled: list[str]
) -> None:
    assert not any("CubicBezierEasing" in text for text in files.values())  # all bound
    text = extras["EncorePartialMotion.kt"]
    assert not [e for e in compiled if "EncorePartialMotion.kt" in e]
    assert "import androidx.compose.animation.core.CubicBezierEasing" in text
    choice = (
        "when (tone) {\n"
        "            EncorePartialMotionTone.Loud -> EncoreTokens.Button.transition\n"
        "            EncorePartialMotionTone.Quiet -> EncoreTransition(durationMillis = 0, "
        "delayMillis = 0, easing = CubicBezierEasing(0f, 0f, 1f, 1f))"
    )
    assert choice in text
    assert "val transition = EncorePartialMotionDefaults.containerTransition(tone = tone)" in text
    assert text.count("CubicBezierEasing") == 2  # the import and the 0 ms fallback


def test_bare_slider(extras: dict[str, str], compiled: list[str]) -> None:
    text = extras["EncoreBareSlider.kt"]
    assert not [e for e in compiled if "EncoreBareSlider.kt" in e]
    assert "fun snapped(target: Float): Float =\n        target.coerceIn(0f, 1f)" in text
    assert "val fraction = value.coerceIn(0f, 1f)\n" in text
    assert "update(position / containerWidth.coerceAtLeast(1f))" in text
    assert "Key.DirectionRight -> update(if (rtl) value - 1f / 100f else value + 1f / 100f)" in text
    assert "Key.MoveHome -> update(0f)" in text and "Key.PageUp" not in text
    assert "enabled = true, interactionSource = interactionSource" in text
    assert "hoverable" not in text and "animate" not in text and "BiasAlignment" not in text


def _scopes(text: str, function: str) -> tuple[set[str], list[str], list[str]]:
    """A composable's parameters, its body's own locals, and the names declared inside
    nested scopes (local functions' parameters and locals, named lambda parameters)."""
    start = text.index(f"\nfun {function}(")
    head, body = text[start:].split(") {\n", 1)
    params = set(re.findall(r"^    (`?\w+`?): ", head, re.M))
    top = re.findall(r"^    (?:val|var|fun) (`?\w+`?)", body, re.M)
    nested = re.findall(r"^\s{5,}(?:val|var) (`?\w+`?)", body, re.M)
    nested += re.findall(r"\bfun `?\w+`?\((`?\w+`?): ", body)
    nested += re.findall(r"\{ (`?\w+`?) ->", body)
    return params, top, nested


def test_locals_never_shadow_parameters(
    files: dict[str, str], hostile: dict[str, str], extras: dict[str, str], compiled: list[str]
) -> None:
    """Kotlin lets a local shadow a parameter (a warning, and -nowarn hides it), so check
    the names: the hostile slider's props take the names of every local the body uses."""
    assert not [e for e in compiled if "EncoreHostileSlider.kt" in e]
    for name, text in {**files, **hostile, **extras}.items():
        function = name.removesuffix(".kt")
        params, top, nested = _scopes(text, function)
        top = [n for n in top if n != "interactionSource"]  # the one meant to shadow
        assert len(top) == len(set(top)), (name, top)
        assert not (set(top) & params), (name, set(top) & params)
        assert not (set(nested) & (params | set(top))), (name, set(nested) & (params | set(top)))
    text = extras["EncoreHostileSlider.kt"]
    for claimed in ("fraction2", "rtl2", "transition2", "dragState2"):
        assert f"    val {claimed} = " in text, claimed
    for claimed in ("dragPosition2", "containerWidth2", "thumbWidth2"):
        assert f"    var {claimed} by remember" in text, claimed
    assert "fun update2(target2: Float) {" in text
    assert "val isPressed2 by" in text and "val pressed = isPressed2 || isDragged2" in text
    assert "val trackShape2 = RoundedCornerShape(" in text
    assert "val trackBackground2 by animateColorAsState(" in text
    assert "fun drag2(position2: Float) {" in text and "fun snapped2(target2: Float)" in text


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
