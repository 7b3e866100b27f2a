"""The DTCG 2025.10 conformance suite (format part) and every whole-file spec example."""

from __future__ import annotations

import json
from pathlib import Path

from encore.build import check_files
from encore.diagnostics import has_errors

# Spec examples that parse as JSON but are not valid whole files, with the reason.
# The test fails if any other example is rejected, or if one of these starts passing.
SPEC_FRAGMENTS = {
    "color/token-naming/example-03": "references tokens the example does not define",
    "color/token-naming/example-09": "references tokens the example does not define",
    "color/token-naming/example-11": "references tokens the example does not define",
    "format/aliases/example-07": "typography without letterSpacing, which the suite's "
    "typography-missing-letterSpacing case requires",
    "format/aliases/example-08": "a generic JSON document used to explain JSON Pointer, "
    "not a token file",
    "format/composite-types/example-01": "references tokens the example does not define",
    "format/composite-types/example-07": "references tokens the example does not define",
    "format/composite-types/example-09": "references tokens the example does not define",
    "format/composite-types/example-12": "references {brand.secondary}, which it does not define",
    "format/composite-types/example-13": "references tokens the example does not define",
    "format/groups/example-03": 'uses $type "string", which 2025.10 does not define',
    "format/groups/example-05": "extends a group defined in a previous example",
    "format/groups/example-06": "a group with $ref and children: the alternative the spec "
    "rejects in favour of $extends",
    "format/groups/example-13": "tokens without $type, which the suite's token-missing-type "
    "case rejects",
    "format/groups/example-14": "tokens without $type, which the suite's token-missing-type "
    "case rejects",
    "format/groups/example-18": 'uses a "%" dimension unit; 2025.10 allows px and rem',
    "format/terminology/example-01": "nests a token inside a value to explain terminology",
}


def _accepted(path: Path) -> tuple[bool, list[str]]:
    result = check_files([path])
    located = [str(d.location) for d in result.diagnostics]
    return not has_errors(result.diagnostics), located


def test_format_suite(conformance: Path) -> None:
    root = conformance / "dtcg-test-suite" / "format"
    cases = json.loads((root / "manifest.json").read_text())["tests"]
    wrong: list[str] = []
    for case in cases:
        accepted, locations = _accepted(root / case["input"])
        positive = case["type"] == "PositiveEvaluationTest"
        if positive != accepted:
            wrong.append(f"{case['id']} ({case['type']}): accepted={accepted}")
        if not positive:
            # every rejection points at a real line and column
            assert all(":" in loc and not loc.endswith(":0:0") for loc in locations), case["id"]
    print(f"DTCG format suite: {len(cases) - len(wrong)}/{len(cases)} cases agree")
    assert len(cases) == 213
    assert wrong == []


def test_spec_examples(conformance: Path) -> None:
    base = conformance / "dtcg-spec-examples" / "examples"
    invalid = {
        line.split("\t")[0].removeprefix("examples/")
        for line in (conformance / "dtcg-spec-examples" / "index.tsv").read_text().splitlines()
        if "INVALID" in line
    }
    rejected: set[str] = set()
    whole = 0
    for path in sorted([*base.glob("format/*/*.json"), *base.glob("color/*/*.json")]):
        key = str(path.relative_to(base)).removesuffix(".json")
        try:
            json.loads(path.read_text())
        except ValueError:
            continue  # a fragment with comments or ellipses, not a whole file
        if key in invalid:
            continue
        whole += 1
        if not _accepted(path)[0]:
            rejected.add(key)
    print(
        f"DTCG spec examples: {whole - len(rejected)}/{whole} whole-file examples accepted, "
        f"{len(rejected)} listed as fragments"
    )
    assert rejected == set(SPEC_FRAGMENTS)
