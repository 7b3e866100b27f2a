"""The rule catalogue and the reference docs cannot drift from the code.

(a) every id-looking string literal in ``encore/`` is catalogued, and every place that
builds a rule id at run time is one the catalogue knows; (b) every catalogued id is still
in the code; (c) ``docs/reference/`` is exactly what ``python3 -m encore.reference --write``
generates; (d) the defaults written in the schemas are the code's defaults.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import pytest

from encore import rule_catalog
from encore.config import DEFAULT_COMPONENTS, DEFAULT_THRESHOLDS, schema
from encore.diff.model import DEFAULT_IMPACT, DEFAULT_RENAME_THRESHOLD
from encore.reference import generate
from tests.conftest import REPO

ID = re.compile(r"^[a-z][a-z0-9-]*/[a-zA-Z0-9-]+$")
# Strings that look like ids but are not: paths and component references.
NOT_IDS = {"tokens/components"}
NOT_ID_PREFIXES = {"foundation/"}  # f"foundation/{id}": a component reference
# The functions that pass a rule id they were given (or chose from literals) to Diagnostic.
FORWARDING = {
    "encore/cache.py": {"_diagnostic"},  # replays a cached build's diagnostics
    "encore/components/reader.py": {"_axes"},
    "encore/components/selectors.py": {"unknown", "parse_selector"},
    "encore/config.py": {"schema_diagnostics", "read_config"},
    "encore/diagnostics.py": {"with_severity"},
    "encore/evaluate.py": {"error"},
    "encore/formats/namespaces.py": {"build_namespaces"},
    "encore/formats/naming.py": {"report_collisions"},
    "encore/governance/gates.py": {"failure_diagnostics"},
    "encore/importers/style_dictionary.py": {"warn"},
    "encore/resolver/document.py": {"error"},
    "encore/resolver/inputs.py": {"report"},
    "encore/rules/contrast.py": {"_failure"},
    "encore/rules/deprecated_use.py": {"check"},
    "encore/rules/reference_direction.py": {"check"},
    "encore/rules/semantic_must_alias.py": {"check"},
    "encore/tree.py": {"error"},
}


# Modules that list ids rather than emit them: left out, or (b) would prove nothing.
LISTS = {"encore/rule_catalog.py", "encore/components/__init__.py"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted((REPO / "encore").rglob("*.py")):
        module = path.relative_to(REPO).as_posix()
        if not module.startswith("encore/reference/"):
            yield module, ast.parse(path.read_text(encoding="utf-8"))


def _literals(lists: bool = True) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for module, tree in _modules():
        if module in LISTS and not lists:
            continue
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and ID.match(text) and text not in NOT_IDS:
                found.setdefault(text, set()).add(module)
    return found


def _templates() -> set[tuple[str, str, str]]:
    """(module, prefix, suffix) of every f-string shaped like a rule id."""
    found = set()
    for module, tree in _modules():
        if module in LISTS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
                head = str(node.left.value)  # "type/" + kind builds an id too
                if re.fullmatch(r"[a-z][a-z0-9-]*/", head) and head not in NOT_ID_PREFIXES:
                    found.add((module, head, ""))
            if not isinstance(node, ast.JoinedStr) or not node.values:
                continue
            first, last = node.values[0], node.values[-1]
            head = first.value if isinstance(first, ast.Constant) else ""
            tail = last.value if isinstance(last, ast.Constant) and len(node.values) > 1 else ""
            if re.fullmatch(r"[a-z][a-z0-9-]*/", str(head)) and head not in NOT_ID_PREFIXES:
                found.add((module, str(head), ""))
            elif not head and re.fullmatch(r"/[a-z][a-z0-9-]*", str(tail)):
                found.add((module, "", str(tail)))
    return found


def test_every_id_literal_is_catalogued() -> None:
    missing = sorted(set(_literals()) - set(rule_catalog.catalogue()))
    assert not missing, f"add these ids to encore/rule_catalog.py SUMMARIES: {missing}"


def test_every_id_template_is_a_known_dynamic_pattern() -> None:
    known = {(d.module, d.prefix, d.suffix) for d in rule_catalog.DYNAMIC}
    assert _templates() == known, "update rule_catalog.DYNAMIC for ids built with f-strings"


class _Calls(ast.NodeVisitor):
    """Diagnostic(...) calls whose rule is not a literal, with their innermost function."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.found: list[tuple[str, int]] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    def visit_Call(self, node: ast.Call) -> None:
        if getattr(node.func, "id", "") == "Diagnostic":
            rule = node.args[0] if node.args else None
            if not isinstance(rule, ast.Constant):
                self.found.append((self.stack[-1] if self.stack else "<module>", node.lineno))
        self.generic_visit(node)


def test_every_computed_rule_argument_is_reviewed() -> None:
    """A Diagnostic whose rule is not a literal sits in a function known to forward one."""
    unknown = []
    for module, tree in _modules():
        calls = _Calls()
        calls.visit(tree)
        unknown += [
            f"{module}:{line} in {name}"
            for name, line in calls.found
            if name not in FORWARDING.get(module, ())
        ]
    assert not unknown, f"resolve which ids these emit, then list them in FORWARDING: {unknown}"


def test_every_catalogued_id_is_in_the_code() -> None:
    emitted = set(_literals(lists=False)) | rule_catalog.dynamic_ids()
    stale = sorted(set(rule_catalog.catalogue()) - emitted)
    assert not stale, f"no longer emitted: {stale}"
    assert set(rule_catalog.SUMMARIES).isdisjoint(rule_catalog.dynamic_ids())


def test_catalogue_is_consistent() -> None:
    found = rule_catalog.catalogue()
    assert set(rule_catalog.TYPE_SUMMARIES) == {i.split("/")[1] for i in found if "type/" in i}
    assert {r.family for r in found.values()} == set(rule_catalog.FAMILIES)
    assert all(r.summary and "\n" not in r.summary for r in found.values())
    naming_calls = [
        module
        for module, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Naming"
    ]
    assert len(naming_calls) == 2, "a new Naming: add its language to rule_catalog._LANGUAGES"


def test_reference_docs_are_generated() -> None:
    folder = REPO / "docs" / "reference"
    expected = generate()
    written = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert sorted(written) == sorted(expected), "run: python3 -m encore.reference --write"
    for name, text in expected.items():
        assert written[name] == text, f"{name} is stale: run python3 -m encore.reference --write"


def test_generation_is_deterministic() -> None:
    assert generate() == generate()


@pytest.mark.parametrize(
    "pointer, value",
    [
        (("properties", "output", "default"), "build"),
        (("properties", "components", "default"), list(DEFAULT_COMPONENTS)),
        (("$defs", "pair", "properties", "kind", "default"), "text"),
        (("properties", "diff", "properties", "rename-threshold", "default"), None),
    ],
)
def test_schema_defaults_are_the_codes(pointer: tuple[str, ...], value: object) -> None:
    node: object = schema("project.schema.json")
    for key in pointer:
        assert isinstance(node, dict)
        node = node[key]
    assert node == (DEFAULT_RENAME_THRESHOLD if value is None else value)


def test_schema_default_maps_are_the_codes() -> None:
    project = schema("project.schema.json")["properties"]
    thresholds = project["contrast"]["properties"]["thresholds"]["properties"]
    assert {k: v["default"] for k, v in thresholds.items()} == DEFAULT_THRESHOLDS
    impact = project["diff"]["properties"]["impact"]["properties"]
    assert {k: v["default"] for k, v in impact.items()} == DEFAULT_IMPACT
