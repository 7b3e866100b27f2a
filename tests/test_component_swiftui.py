"""The SwiftUI component generator: golden files, tree-sitter parsing together with the
token file, every referenced constant present in that file, the token switches agreeing
with `resolve` cell by cell, valid identifiers, and hostile spec strings and names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from encore.build import BuildResult, build
from encore.components import ComponentSpec, find_specs, load_specs, resolve
from encore.components.generators.swiftui import build_model, generate_swiftui
from encore.config import load_project
from encore.formats import FORMATS
from encore.formats.namespaces import build_namespaces
from encore.formats.naming import SWIFT_KEYWORDS
from encore.formats.swift import NAMING
from encore.themes import Themes
from tests.conftest import GOLDEN, REPO
from tests.support.checkers import parse_swift

SWIFTUI_GOLDEN = GOLDEN / "components" / "swiftui"
SPECS = REPO / "tokens" / "components"
TOKEN_FILE = "EncoreTokens.swift"


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
    return generate_swiftui(specs, themes, {})


@pytest.fixture(scope="module")
def token_file(themes: Themes) -> str:
    return FORMATS["swift"].render_all(themes, {}, [], TOKEN_FILE)[TOKEN_FILE]


def _write(folder: Path, files: dict[str, str], token_file: str) -> list[Path]:
    (folder / TOKEN_FILE).write_text(token_file, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / TOKEN_FILE, *(folder / name for name in sorted(files))]


def test_one_file_per_component(files: dict[str, str], specs: tuple[ComponentSpec, ...]) -> None:
    assert set(files) == {f"{s.platforms.swiftui}.swift" for s in specs} | {
        "EncoreComponentSupport.swift"
    }
    button = files["EncoreButton.swift"]
    assert "public struct EncoreButton: SwiftUI.View {" in button
    assert "public enum Variant: Swift.String, Swift.CaseIterable" in button
    assert "case primary" in button and "public enum Size:" in button
    assert "struct Style: SwiftUI.ButtonStyle" in button
    assert "configuration.isPressed" in button and "@SwiftUI.Environment(\\.isEnabled)" in button
    assert ".frame(minWidth: Swift.max(Encore.Button.minTarget, 44)" in button
    assert ".accessibilityLabel(SwiftUI.Text(label))" in button
    assert ".accessibilityAddTraits(.isButton)" in button
    slider = files["EncoreSlider.swift"]  # drawn from its tokens, not a tinted SwiftUI.Slider
    assert "SwiftUI.DragGesture(minimumDistance: 0)" in slider
    assert "Interaction(pressed: isDragging," in slider
    for token in ("trackBackground", "trackHeight", "fillBackground", "thumbSize"):
        assert f"tokens.{token}" in slider
    assert ".encoreShadow(tokens.thumbElevation)" in slider
    assert ".accessibilityAdjustableAction" in slider
    assert "SwiftUI.ToggleStyle" in files["EncoreToggle.swift"]
    assert "SwiftUI.TextField(" in files["EncoreSearchField.swift"]
    assert ".isSelected" in files["EncoreChip.swift"]


def test_golden(files: dict[str, str], update_golden: bool) -> None:
    for name, text in files.items():
        path = SWIFTUI_GOLDEN / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"missing golden file {path}: run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{path} differs: review the change and run pytest --update-golden"
        )


def test_parses_with_the_token_file(files: dict[str, str], token_file: str, tmp_path: Path) -> None:
    assert parse_swift(_write(tmp_path, files, token_file)) == []


def _qualified_names(swift: str) -> set[str]:
    """Every ``static let`` of the token file by its qualified name, read from the text."""
    names: set[str] = set()
    stack: list[str] = []
    for line in swift.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 4
        if match := re.match(r"\s*public enum (\w+) \{", line):
            stack = [*stack[:depth], match.group(1)]
        elif match := re.match(r"\s*public static let (`?\w+`?):", line):
            names.add(".".join([*stack[:depth], match.group(1)]))
    return names


def test_every_constant_exists(files: dict[str, str], token_file: str) -> None:
    defined = _qualified_names(token_file)
    assert "Encore.Button.Primary.Background.base" in defined
    used = {
        name
        for text in files.values()
        for name in re.findall(r"\bEncore(?:\.`?[A-Za-z_][A-Za-z0-9_]*`?)+", text)
    }
    assert used, "no token constant referenced"
    assert sorted(used - defined) == []


def test_switches_agree_with_resolve(themes: Themes, specs: tuple[ComponentSpec, ...]) -> None:
    _, refs = build_namespaces(themes.default, "Encore", NAMING, [])
    checked = 0
    for spec in specs:
        model = build_model(spec, refs, themes, "Encore")
        resolved = resolve(spec)
        for (part, prop), resolver in model.resolvers.items():
            for cell in resolved.cells:
                if not set(cell.states) <= set(model.states):
                    continue  # hover: SwiftUI has no such state
                token = resolved.token(part, prop, cell)
                expected = refs[token] if token is not None else None
                got = resolver.first(cell.variants, cell.size, set(cell.states))
                assert got == expected, (spec.id, part, prop, cell.label())
                checked += 1
    assert checked > 500


_DECLARED = re.compile(r"\b(?:case|let|var|struct|enum|func)\s+(`?[A-Za-z_][A-Za-z0-9_]*`?)")


def _identifiers_ok(text: str) -> None:
    for name in _DECLARED.findall(text):
        if not name.startswith("`"):
            assert name not in SWIFT_KEYWORDS, name


def test_identifiers_are_valid(files: dict[str, str]) -> None:
    for text in files.values():
        _identifiers_ok(text)


HOSTILE = 'Evil */ /* "quoted" \\ back\u2028line\nnext \\(x) café ☃'
HOSTILE_SPEC = """\
id: self
name: {h}
owner: foundation
status: deprecated
deprecation: {{reason: {h}, replacement: button, migration: {h}}}
anatomy:
  container: {{role: container, description: {h}}}
  in: {{role: icon, optional: true}}
  default: {{role: label}}
props:
  default: {{type: string, required: true}}
  in: {{type: icon}}
  self: {{type: enum, values: [class, default, skip-next, protocol], default: class}}
  body: {{type: string, default: {h}}}
  selected: {{type: boolean, default: false}}
  disabled: {{type: boolean, default: false}}
  return: {{type: event}}
variants:
  switch: [default, case, self]
sizes: [in, init, for]
defaults: {{size: in}}
states: [default, hover, pressed, focus, selected, disabled]
tokens:
  container:
    background:
      all: button.primary.background.base
      self pressed: button.primary.background.press
      selected: chip.background.selected
    min-height:
      init: button.height.small
    min-target: control.min-target
  default:
    color: text.base
    text-style: button.text-style.base
accessibility:
  role: button
  name: {{content: [default]}}
platforms: {{web: encore-self, swiftui: EncoreSelf, compose: EncoreSelf}}
docs:
  summary: {h}
  usage: {h}
  props: {{default: {h}, body: {h}}}
  variants: {{default: {h}, self: {h}}}
  sizes: {{in: {h}}}
"""


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\u2028", "\\L") + '"'


def test_hostile_spec(
    themes: Themes, specs: tuple[ComponentSpec, ...], token_file: str, tmp_path: Path
) -> None:
    path = tmp_path / "specs" / "self.component.yaml"
    path.parent.mkdir()
    path.write_text(HOSTILE_SPEC.format(h=_yaml(HOSTILE)), encoding="utf-8")
    loaded, diagnostics = load_specs([path])
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    assert loaded[0].docs.summary == HOSTILE
    out = generate_swiftui([*specs, *loaded], themes, {})
    text = out["EncoreSelf.swift"]
    assert parse_swift(_write(tmp_path, out, token_file)) == []
    _identifiers_ok(text)
    assert "\u2028" not in text
    assert '@available(*, deprecated, message: "Evil' in text
    assert 'renamed: "EncoreButton"' in text
    assert "case `class`" in text and "case `default`" in text and "case selfValue" in text
    assert "public let `default`: Swift.String" in text
    assert "body2" in text  # a prop named body does not hide the view's body
    for line in text.splitlines():
        if "Evil" in line and not line.lstrip().startswith("///"):
            assert '"Evil */' not in line  # in strings, */ is written \u{2a}/
