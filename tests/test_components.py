"""Component specs: the schema, consistency, bindings, targets, contrast, the resolved view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from encore.build import build
from encore.components import (
    RULES,
    Cell,
    ComponentSpec,
    find_specs,
    load_specs,
    lookup,
    resolve,
    validate,
)
from encore.config import load_project
from encore.diagnostics import Diagnostic, Severity
from encore.load import is_component_file, is_token_file
from encore.themes import Themes, single
from tests.conftest import FIXTURES, REPO, compile_text

SPECS = REPO / "tokens" / "components"
FIX = FIXTURES / "components"
FOUNDATION = (
    "banner",
    "button",
    "card",
    "chip",
    "icon-button",
    "search-field",
    "slider",
    "toggle",
    "track-row",
)


@pytest.fixture(scope="module")
def themes() -> Themes:
    result = build(load_project(REPO), write=False)
    assert result.themes is not None
    return result.themes


def _position(path: Path, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of a needle in a fixture."""
    text = path.read_text(encoding="utf-8")
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _find(diagnostics: list[Diagnostic], rule: str, text: str = "") -> Diagnostic:
    found = [d for d in diagnostics if d.rule == rule and text in d.message]
    assert found, f"no {rule} with {text!r} in {[(d.rule, d.message) for d in diagnostics]}"
    return found[0]


def _at(diagnostic: Diagnostic) -> tuple[int, int]:
    location = diagnostic.location
    assert location is not None
    return location.line, location.column


def _check(name: str, themes: Themes) -> tuple[Path, list[ComponentSpec], list[Diagnostic]]:
    path = FIX / f"{name}.component.yaml"
    specs, diagnostics = load_specs([path])
    return path, specs, diagnostics + validate(specs, themes)


# The foundation


def test_foundation_specs_validate_cleanly(themes: Themes) -> None:
    paths = find_specs([SPECS])
    assert [p.name.removesuffix(".component.yaml") for p in paths] == list(FOUNDATION)
    specs, diagnostics = load_specs(paths)
    diagnostics += validate(specs, themes)
    assert [(d.rule, str(d.location), d.message) for d in diagnostics] == []
    assert all(spec.complete for spec in specs) and len(specs) == len(FOUNDATION)
    assert len(list(themes.permutations())) == 4


def test_foundation_button_shape() -> None:
    (button,), _ = load_specs([SPECS / "button.component.yaml"])
    assert button.id == "button" and button.owner == "foundation" and button.status is None
    assert [a.name for a in button.variants] == ["variant"]
    assert button.variants[0].values == ("primary", "secondary", "tertiary")
    assert button.sizes == ("small", "medium", "large") and button.default_size == "medium"
    assert button.states[0] == "default" and "disabled" in button.states
    assert button.root.name == "container"
    assert button.platforms.web == "encore-button" and button.platforms.compose == "EncoreButton"
    assert button.accessibility.role == "button" and button.accessibility.interactive
    assert button.accessibility.inactive_states == ("disabled",)
    assert button.docs.of("variants", "primary")


def test_component_specs_are_not_token_files() -> None:
    for name in ("a.component.yaml", "a.component.yml", "A.Component.JSON"):
        assert is_component_file(Path(name)) and not is_token_file(Path(name))
    assert is_token_file(Path("button.yaml")) and not is_component_file(Path("button.yaml"))


# The resolved view


def test_precedence_states_then_variants_then_sizes() -> None:
    (chip, icon), _ = load_specs(
        [SPECS / "chip.component.yaml", SPECS / "icon-button.component.yaml"]
    )
    view = resolve(chip)
    assert view.token("container", "background", Cell((), None, ())) == "chip.background.base"
    # a state without its own binding falls back to the binding for every state
    assert view.token("container", "background", Cell((), None, ("focus",))) == (
        "chip.background.base"
    )
    # two states: the selector naming both wins; else the later-listed state
    both = Cell((), None, ("hover", "selected"))
    assert view.token("container", "background", both) == "chip.background.selected-hover"
    pressed = Cell((), None, ("pressed", "selected"))
    assert view.token("container", "background", pressed) == "chip.background.selected"
    assert view.token("label", "color", pressed) == "chip.label.selected"
    tertiary = (("variant", "tertiary"),)
    liked_hover = Cell(tertiary, "small", ("hover", "selected"))
    assert lookup(icon, "icon", "color", liked_hover) is not None
    assert resolve(icon).token("icon", "color", liked_hover) == "essential.bright-accent"
    assert resolve(icon).token("container", "size", Cell(tertiary, "large", ())) == (
        "play-button.size.large"
    )
    assert resolve(icon).token("container", "background", Cell(tertiary, "small", ())) is None
    assert ("hover", "selected") in {c.states for c in resolve(icon).cells}
    assert resolve(icon).default_cell() == Cell((("variant", "primary"),), "medium", ())


# Schema


def test_schema_errors_are_located_with_did_you_mean(themes: Themes) -> None:
    path, specs, found = _check("schema-errors", themes)
    assert specs == []
    unknown = _find(found, "component/schema", 'unknown key "varients"')
    assert _at(unknown) == _position(path, "varients") and unknown.help == (
        "did you mean 'variants'?"
    )
    status = _find(found, "component/schema", "'stabel'")
    assert _at(status) == _position(path, "stabel") and status.help == "did you mean 'stable'?"
    role = _find(found, "component/schema", "'labl'")
    assert _at(role) == _position(path, "labl") and role.help == "did you mean 'label'?"
    assert _at(_find(found, "component/schema", "encorebutton")) == _position(path, "encorebutton")


def test_braces_without_quotes_are_explained(themes: Themes) -> None:
    path, _, found = _check("spec-errors", themes)
    braces = _find(found, "component/schema", "{text.base}")
    assert _at(braces) == _position(path, "{text.base}")
    assert braces.help == "write the token name without braces: text.base"


# Consistency


def test_spec_consistency_errors(themes: Themes) -> None:
    path, specs, found = _check("spec-errors", themes)
    assert len(specs) == 1 and not specs[0].complete
    assert _at(_find(found, "component/id")) == _position(path, "spec-errrors")
    part = _find(found, "component/unknown-part", "containr")
    assert _at(part) == _position(path, "containr") and part.help == "did you mean 'container'?"
    assert _at(_find(found, "component/prop", "has a default")) == _position(path, "default: Play")
    enum = _find(found, "component/prop", "'c'")
    assert _at(enum) == _position(path, "c}")
    assert _find(found, "component/name-clash", '"small" is both')
    assert _find(found, "component/name-clash", 'prop named "size"')
    state = _find(found, "component/state", '"playing"')
    assert _at(state) == _position(path, "playing")
    prop = _find(found, "component/unknown-prop", '"lable"')
    assert _at(prop) == _position(path, "lable") and prop.help == "did you mean 'label'?"
    docs = _find(found, "component/unknown-state", '"hovered"')
    assert _at(docs) == _position(path, "hovered") and docs.help == "did you mean 'hover'?"
    warning = _find(found, "component/docs", "states hover, playing")
    assert warning.severity is Severity.WARNING


# Bindings


def test_selector_names_are_checked_word_by_word(themes: Themes) -> None:
    path, _, found = _check("binding-errors", themes)
    state = _find(found, "component/unknown-state", '"hovr"')
    assert _at(state) == _position(path, "hovr") and state.help == "did you mean 'hover'?"
    variant = _find(found, "component/unknown-variant", '"primry"')
    assert _at(variant) == _position(path, "primry") and variant.help == "did you mean 'primary'?"
    pressed = _find(found, "component/unknown-state", '"pressed"')
    assert _at(pressed) == _position(path, "pressed:")
    size = _find(found, "component/unknown-size", '"smal"')
    assert _at(size) == _position(path, "smal:") and size.help == "did you mean 'small'?"
    two = _find(found, "component/selector", "both values of variant")
    assert _at(two) == _position(path, "secondary: background.base")
    same = _find(found, "component/selector", "same cells")
    assert _at(same) == _position(path, "default: text.subdued")
    assert _at(_find(found, "component/unknown-part", '"lable"')) == _position(path, "lable")
    prop = _find(found, "component/unknown-property", '"paddin"')
    assert _at(prop) == _position(path, "paddin:") and prop.help == "did you mean 'padding'?"


def test_bindings_name_tokens_of_the_right_tier_and_type(themes: Themes) -> None:
    path, _, found = _check("binding-errors", themes)
    missing = _find(found, "component/binding", '"text.bse"')
    assert _at(missing) == _position(path, "text.bse") and missing.help == (
        "did you mean 'text.base'?"
    )
    primitive = _find(found, "component/tier", '"color.neutral.900" is a primitive')
    assert _at(primitive) == _position(path, "color.neutral.900")
    assert primitive.help is not None and "background.base" in primitive.help
    raw = _find(found, "component/tier", '"#ff0000"')
    assert _at(raw) == _position(path, '"#ff0000"')
    assert _at(_find(found, "component/tier", 'raw value "16"')) == _position(path, "16")
    kind = _find(found, "component/type", '"text.base" is a color token')
    assert _at(kind) == (_position(path, "radius: text.base")[0], 13)
    assert "radius takes dimension" in kind.message


def test_deprecated_tokens_warn() -> None:
    tokens, problems = compile_text(
        {
            "p.yaml": "c:\n  $type: color\n"
            "  w: {$value: {colorSpace: srgb, components: [1, 1, 1]}}\n"
            "  b: {$value: {colorSpace: srgb, components: [0, 0, 0]}}\n"
            "s:\n  $type: dimension\n  m: {$value: {value: 48, unit: px}}\n",
            "s.yaml": "text:\n  $type: color\n  base: {$value: '{c.w}', $deprecated: Use ink.}\n"
            "background:\n  $type: color\n  base: {$value: '{c.b}'}\n"
            "control:\n  $type: dimension\n  min-target: {$value: '{s.m}'}\n",
        },
        {"p.yaml": "primitive", "s.yaml": "semantic"},
    )
    assert problems == []
    specs, _ = load_specs([FIX / "target-errors.component.yaml"])
    found = validate(specs, single(tokens))
    deprecated = _find(found, "component/deprecated-token", '"text.base"')
    assert deprecated.severity is Severity.WARNING and deprecated.help == "Use ink."
    assert _find(found, "component/binding", '"control.height.small"')


# Minimum targets


def test_target_size_below_every_platform(themes: Themes) -> None:
    path, _, found = _check("target-errors", themes)
    small = _find(found, "component/target-size")
    assert _at(small) == _position(path, "control.height.small")
    assert "32 px" in small.message
    for platform in ("44 pt on iOS", "48 dp on Android", "44 px on the web"):
        assert platform in small.message


def test_target_size_per_platform(themes: Themes) -> None:
    path, _, found = _check("target-per-platform", themes)
    targets = [d for d in found if d.rule == "component/target-size"]
    assert len(targets) == 1
    assert _at(targets[0]) == _position(path, "control.min-target-pointer", 1)
    assert "48 dp on Android" in targets[0].message and "iOS" not in targets[0].message


def test_interactive_components_need_a_target(themes: Themes, tmp_path: Path) -> None:
    text = (FIX / "target-errors.component.yaml").read_text(encoding="utf-8")
    path = tmp_path / "target-errors.component.yaml"
    path.write_text(text.replace("min-target: control.height.small", "padding: spacing.base"))
    specs, _ = load_specs([path])
    missing = _find(validate(specs, themes), "component/target-size", "no minimum target")
    assert _at(missing) == _position(path, "accessibility")


# Contrast


def test_contrast_in_every_state_and_theme(themes: Themes) -> None:
    path, _, found = _check("contrast-errors", themes)
    contrast = [d for d in found if d.rule == "component/contrast"]
    label = _find(contrast, "component/contrast", "label color")
    assert _at(label) == _position(path, "essential.subdued")
    assert "state=hover" in label.message and "text needs 4.5:1" in label.message
    assert "theme=" in label.message
    title = _find(contrast, "component/contrast", "title color")
    assert "large-text needs 3:1" in title.message and "theme=light" in title.message
    # the icon on the translucent wash, composited over the page, in two backdrops
    icons = [d for d in contrast if d.message.startswith("icon color")]
    assert len(icons) == 2 and all(_at(d) == _position(path, "decorative.subdued") for d in icons)
    assert "non-text needs 3:1" in icons[0].message
    # the disabled label (decorative.subdued) is exempt: inactive controls
    assert not any("state=disabled" in d.message for d in contrast)
    unbound = _find(found, "component/unbound", "hint")
    assert _at(unbound) == _position(path, "hint")


def test_contrast_catches_the_bindings_the_foundation_avoids(
    themes: Themes, tmp_path: Path
) -> None:
    text = (SPECS / "track-row.component.yaml").read_text(encoding="utf-8")
    for line in ("      playing hover: text.base\n", "      playing pressed: text.base\n"):
        text = text.replace(line, "")
    path = tmp_path / "track-row.component.yaml"
    path.write_text(text, encoding="utf-8")
    specs, _ = load_specs([path])
    found = [d for d in validate(specs, themes) if d.rule == "component/contrast"]
    assert {d.message.split(" is ")[1].split(":")[0] for d in found} == {"4.40", "3.09"}
    assert all("hover+playing" in d.message or "pressed+playing" in d.message for d in found)


# Across specs and hostile strings


def test_duplicates_and_deprecation(themes: Themes, tmp_path: Path) -> None:
    button = SPECS / "button.component.yaml"
    copy = tmp_path / "button.component.yaml"
    copy.write_text(
        button.read_text(encoding="utf-8")
        + "status: deprecated\ndeprecation: {reason: Old., replacement: chipp}\n",
        encoding="utf-8",
    )
    specs, problems = load_specs([button, copy, SPECS / "chip.component.yaml"])
    assert problems == []
    found = validate(specs, themes)
    assert len([d for d in found if d.rule == "component/duplicate"]) == 4
    replacement = _find(found, "component/deprecation", '"chipp"')
    assert replacement.help == "did you mean 'chip'?"
    copy.write_text(button.read_text(encoding="utf-8") + "status: removed\n", encoding="utf-8")
    _, problems = load_specs([copy])
    assert _find(problems, "component/deprecation", "removed")


def test_hostile_strings_load_as_text(themes: Themes) -> None:
    _, specs, found = _check("hostile", themes)
    assert [d for d in found if d.severity is Severity.ERROR] == []
    (spec,) = specs
    assert "</script>" in spec.name and "\x00" in spec.name and "\u202e" in spec.name
    assert spec.docs.summary.startswith('"""') and "\u2028" in spec.docs.summary
    assert spec.prop("text") is not None and spec.prop("text").default == '" + alert(1) + "\t\r\n'
    assert spec.accessibility.keyboard[0].action.startswith("</kbd>")


def test_every_rule_is_registered(themes: Themes) -> None:
    found: list[Diagnostic] = []
    for path in sorted(FIX.glob("*.component.yaml")):
        specs, problems = load_specs([path])
        found += problems + validate(specs, themes)
    assert {d.rule for d in found} <= set(RULES)


def test_json_specs_load_and_locate(themes: Themes, tmp_path: Path) -> None:
    data = yaml.safe_load((SPECS / "chip.component.yaml").read_text(encoding="utf-8"))
    data["tokens"]["label"]["text-style"] = "text-style.body-smal"
    path = tmp_path / "chip.component.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    specs, problems = load_specs([path])
    assert problems == [] and len(specs[0].bindings) > 10
    (missing,) = validate(specs, themes)
    assert missing.rule == "component/binding" and missing.help == (
        "did you mean 'text-style.body-small'?"
    )
    assert _at(missing) == _position(path, '"text-style.body-smal"')


def test_the_build_validates_component_specs(project_copy: Path) -> None:
    """`encore build` checks every spec against every theme permutation."""
    from tests.test_cli import encore

    spec = project_copy / "tokens" / "components" / "button.component.yaml"
    text = spec.read_text()
    assert "button.primary.background.base" in text
    spec.write_text(
        text.replace("button.primary.background.base", "button.primary.backgrund.base", 1)
    )
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "tokens/components/button.component.yaml:" in run.stderr
    assert "button.primary.background.base" in run.stderr  # the did-you-mean
    assert not (project_copy / "build").exists()
