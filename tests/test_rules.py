"""Tier rules and severities."""

from __future__ import annotations

from encore.diagnostics import Severity
from encore.rules import RULES, run_rules
from tests.conftest import compile_text, errors_of

PRIMITIVE = """
color:
  $type: color
  green: {$value: {colorSpace: srgb, components: [0.1176, 0.8431, 0.3765]}}
  old: {$value: {colorSpace: srgb, components: [0, 0.5, 0]}, $deprecated: "Use {color.green}"}
space:
  $type: dimension
  sm: {$value: {value: 4, unit: px}}
"""


def _run(
    semantic: str,
    component: str = "",
    primitive: str = PRIMITIVE,
    severities: dict[str, Severity] | None = None,
) -> list[tuple[str, str, str]]:
    files = {"p.yaml": primitive, "s.yaml": semantic}
    tiers = {"p.yaml": "primitive", "s.yaml": "semantic"}
    if component:
        files["c.yaml"] = component
        tiers["c.yaml"] = "component"
    tokens, diagnostics = compile_text(files, tiers)
    assert errors_of(diagnostics) == []
    found = run_rules(tokens, severities or {})
    return [(d.rule, d.severity.value, str(d.location)) for d in found]


def test_aliases_pass() -> None:
    assert _run('brand:\n  $type: color\n  base: {$value: "{color.green}"}\n') == []


def test_semantic_raw_value_is_an_error() -> None:
    found = _run("brand:\n  $type: dimension\n  gap: {$value: {value: 8, unit: px}}\n")
    assert found == [("tier/semantic-must-alias", "error", "s.yaml:3:17")]


def test_composite_with_every_part_aliased_passes_and_one_raw_part_fails() -> None:
    primitive = PRIMITIVE + "stroke:\n  solid: {$type: strokeStyle, $value: solid}\n"
    semantic = (
        "edge:\n"
        "  $type: border\n"
        '  ok: {$value: {color: "{color.green}", width: "{space.sm}", style: "{stroke.solid}"}}\n'
        '  raw: {$value: {color: "{color.green}", width: "{space.sm}", style: solid}}\n'
    )
    found = _run(semantic, primitive=primitive)
    assert found == [("tier/semantic-must-alias", "error", "s.yaml:4:17")]


def test_primitive_referencing_semantic_is_an_error() -> None:
    primitive = PRIMITIVE + 'bad:\n  $type: color\n  x: {$value: "{brand.base}"}\n'
    found = _run('brand:\n  $type: color\n  base: {$value: "{color.green}"}\n', primitive=primitive)
    assert found == [("tier/reference-direction", "error", "p.yaml:11:15")]


def test_component_must_go_through_semantic() -> None:
    semantic = 'brand:\n  $type: color\n  base: {$value: "{color.green}"}\n'
    component = (
        'button:\n  $type: color\n  ok: {$value: "{brand.base}"}\n'
        '  skip: {$value: "{color.green}"}\n'
    )
    found = _run(semantic, component)
    assert found == [("tier/reference-direction", "error", "c.yaml:4:18")]


def test_deprecated_use_warns_and_severity_is_configurable() -> None:
    semantic = 'brand:\n  $type: color\n  base: {$value: "{color.old}"}\n'
    assert _run(semantic) == [("deprecated/used", "warning", "s.yaml:3:18")]
    assert _run(semantic, severities={"deprecated/used": Severity.ERROR}) == [
        ("deprecated/used", "error", "s.yaml:3:18")
    ]
    assert _run(semantic, severities={"deprecated/used": Severity.OFF}) == []


def test_every_rule_has_an_id_and_summary() -> None:
    assert set(RULES) == {
        "tier/semantic-must-alias",
        "tier/reference-direction",
        "deprecated/used",
        "contrast/insufficient",
    }
    assert all(rule.summary for rule in RULES.values())
