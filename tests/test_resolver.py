"""The DTCG resolver module: the conformance suite, then one test per behaviour and error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from encore import resolver as resolver_module
from encore.diagnostics import Diagnostic, Origin, Severity, has_errors, render_text
from encore.evaluate import evaluate
from encore.load import LoadedFile, is_resolver_file, is_token_file, parse_text
from encore.model import TokenSet
from encore.resolver import (
    Resolver,
    check_inputs,
    load_resolver,
    permutations,
    referenced_files,
    sources_for,
)
from encore.tree import RawGroup, collect

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "resolver"
THEMES = FIXTURES / "themes.resolver.yaml"
RED = {"colorSpace": "srgb", "components": [1, 0, 0]}
BLUE = {"colorSpace": "srgb", "components": [0, 0, 1]}


def compile_files(files: list[LoadedFile]) -> tuple[TokenSet, list[Diagnostic]]:
    """What ``compile_tokens(files, override=True)`` does: collect in order, then evaluate."""
    tree = collect([(f, None) for f in files], override=True)
    tokens, problems = evaluate(tree)
    return tokens, [*tree.diagnostics, *problems]


def resolve(resolver: Resolver, **inputs: str) -> tuple[TokenSet, list[Diagnostic]]:
    files, problems = sources_for(resolver, inputs)
    tokens, more = compile_files(files)
    return tokens, problems + more


def write(folder: Path, files: dict[str, Any]) -> Path:
    """Write files (name -> text, or JSON data); the first is the resolver document."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content, indent=2))
    return folder / next(iter(files))


def document(*order: Any, **parts: Any) -> dict[str, Any]:
    return {"version": "2025.10", **parts, "resolutionOrder": list(order)}


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def only_error(diagnostics: list[Diagnostic], rule: str) -> Diagnostic:
    found = errors(diagnostics)
    assert [d.rule for d in found] == [rule], render_text(diagnostics)
    return found[0]


def where(diagnostic: Diagnostic) -> str:
    location = diagnostic.location
    assert location is not None
    return f"{location.line}:{location.column}"


def color(tokens: TokenSet, name: str) -> Any:
    token = tokens.get(name)
    assert token is not None, name
    return token.value.to_json()


# -- the conformance suite -------------------------------------------------------------


def _case_agrees(path: Path, positive: bool) -> tuple[bool, str]:
    resolver, diagnostics = load_resolver(path)
    if not positive:
        found = errors(diagnostics)
        if resolver is not None or not found:
            return False, "accepted"
        for d in found:
            location = d.location
            assert d.origin is not None and location is not None
            inside = location.line >= 1 and location.column >= 1
            whole = d.origin.path == ()  # only a whole-document problem may sit at 1:1
            if not inside or ((location.line, location.column) == (1, 1) and not whole):
                return False, f"badly located: {location}"
            if not d.help:
                return False, f"no help: {d.message}"
        return True, ""
    if resolver is None or has_errors(diagnostics):
        return False, render_text(diagnostics)
    for inputs in permutations(resolver):
        files, problems = sources_for(resolver, inputs)
        _, more = compile_files(files)
        if has_errors(problems + more):
            return False, f"{inputs}: " + render_text(problems + more)
    return True, ""


def test_resolver_conformance_suite(conformance: Path) -> None:
    root = conformance / "dtcg-test-suite" / "resolver"
    cases = json.loads((root / "manifest.json").read_text())["tests"]
    wrong = []
    for case in cases:
        agrees, why = _case_agrees(root / case["input"], case["type"] == "PositiveEvaluationTest")
        if not agrees:
            wrong.append(f"{case['id']}: {why}")
    print(f"resolver conformance: {len(cases) - len(wrong)} of {len(cases)} cases agree")
    assert len(cases) == 30
    assert wrong == []


# -- a YAML resolver with files, a pointer fragment, $defs and two modifiers ----------------


def test_yaml_resolver_document() -> None:
    resolver, diagnostics = load_resolver(THEMES)
    assert resolver is not None, render_text(diagnostics)
    assert diagnostics == []
    assert resolver.name == "Encore resolver fixture"
    assert [(m.name, m.contexts, m.default) for m in resolver.modifiers] == [
        ("theme", ("light", "dark"), "light"),
        ("contrast", ("standard", "high"), None),
    ]
    theme = resolver.modifiers[0]
    assert (theme.origin.location().line, theme.description) == (21, "Colour theme")


def test_permutations_defaults_first(tmp_path: Path) -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    assert permutations(resolver) == [
        {"theme": "light", "contrast": "standard"},
        {"theme": "light", "contrast": "high"},
        {"theme": "dark", "contrast": "standard"},
        {"theme": "dark", "contrast": "high"},
    ]
    modifier = {"contexts": {"light": [], "dark": []}, "default": "dark"}
    path = write(
        tmp_path,
        {"r.resolver.json": document({"$ref": "#/modifiers/m"}, modifiers={"m": modifier})},
    )
    later_default, _ = load_resolver(path)
    assert later_default is not None
    assert permutations(later_default) == [{"m": "dark"}, {"m": "light"}]


def test_every_permutation_resolves_with_overrides() -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    white, gray, black = [1, 1, 1], [0.07, 0.07, 0.07], [0, 0, 0]
    expected = {
        ("light", "standard"): (white, gray),
        ("light", "high"): (white, black),
        ("dark", "standard"): (gray, white),
        ("dark", "high"): (gray, black),
    }
    for inputs in permutations(resolver):
        tokens, problems = resolve(resolver, **inputs)
        assert not has_errors(problems), render_text(problems)
        bg, text = expected[(inputs["theme"], inputs["contrast"])]
        assert color(tokens, "color.bg")["components"] == bg
        assert color(tokens, "color.text")["components"] == text
        # from the file part, the $defs entry and the inline source of "semantic"
        assert tokens.get("color.brand.green") is not None
        assert tokens.get("space.md") is not None
        assert tokens.get("color.focus") is not None
        assert tokens.get("legacy.not-selected") is None


def test_file_ref_with_pointer_fragment_keeps_locations() -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    tokens, _ = resolve(resolver, contrast="standard")
    green = tokens.get("color.brand.green")
    assert green is not None
    location = green.origin.location("key")
    assert (Path(location.path).name, location.line, location.column) == ("bundle.json", 5, 9)


def test_defs_reference_and_inline_locations() -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    tokens, _ = resolve(resolver, contrast="standard")
    for name, line in (("space.md", 43), ("color.focus", 18)):
        token = tokens.get(name)
        assert token is not None
        location = token.origin.location("key")
        assert (Path(location.path).name, location.line) == ("themes.resolver.yaml", line)


def test_referenced_files() -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    names = [p.relative_to(FIXTURES).as_posix() for p in referenced_files(resolver)]
    assert names == [
        "tokens/base.json",
        "tokens/bundle.json",
        "tokens/light.yaml",
        "tokens/dark.yaml",
        "tokens/high-contrast.yaml",
    ]


def test_a_file_is_parsed_once_for_all_permutations(monkeypatch: pytest.MonkeyPatch) -> None:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    calls: list[Path] = []
    real = resolver_module.sources.load_file

    def counting(path: Path, shared: bool = False) -> Any:
        calls.append(path)
        return real(path, shared=shared)

    monkeypatch.setattr(resolver_module.sources, "load_file", counting)
    for inputs in permutations(resolver):
        files, problems = sources_for(resolver, inputs)
        assert files and not problems
    assert sorted(calls) == sorted(referenced_files(resolver))


# -- merging: later sources replace earlier ones ---------------------------------------------


def test_merge_order_later_sources_win(tmp_path: Path) -> None:
    first = {"color": {"$type": "color", "a": {"$value": RED}, "b": {"$value": RED}}}
    second = {"color": {"a": {"$value": BLUE}, "c": {"$value": "{color.a}"}}}
    path = write(
        tmp_path,
        {
            "r.resolver.json": document(
                {"$ref": "#/sets/base"},
                {"type": "set", "name": "late", "sources": [{"color": {"b": {"$value": BLUE}}}]},
                sets={"base": {"sources": [{"$ref": "first.json"}, {"$ref": "second.json"}]}},
            ),
            "first.json": first,
            "second.json": second,
        },
    )
    resolver, diagnostics = load_resolver(path)
    assert resolver is not None, render_text(diagnostics)
    tokens, problems = resolve(resolver)
    assert problems == []
    assert color(tokens, "color.a") == BLUE  # the second source of the set replaced it
    assert color(tokens, "color.b") == BLUE  # the later set replaced it
    assert color(tokens, "color.c") == BLUE  # aliases resolve after merging
    assert [t.name for t in tokens] == ["color.a", "color.b", "color.c"]


def test_collect_override_rules() -> None:
    def doc(name: str, data: Any) -> LoadedFile:
        loaded, _ = parse_text(name, json.dumps(data))
        assert loaded is not None
        return loaded

    one = doc("one.json", {"g": {"$type": "color", "t": {"$value": RED}, "x": {"$value": RED}}})
    two = doc(
        "two.json",
        {
            "g": {
                "$description": "later",
                "t": {"inner": {"$value": RED}},  # a group replaces the token
                "x": {"$value": BLUE},
            },
            "h": {"$value": {"value": 1, "unit": "px"}, "$type": "dimension"},
        },
    )
    three = doc("three.json", {"h": {"$type": "color", "deep": {"$value": BLUE}}})
    four = doc("four.json", {"g": {"t": {"$value": BLUE}}})  # the token is back
    tree = collect([(one, None), (two, None), (three, None)], override=True)
    assert tree.diagnostics == []
    assert [t.name for t in tree.tokens] == ["g.t.inner", "g.x", "h.deep"]
    group = tree.find(("g",))
    assert isinstance(group, RawGroup) and group.props["$description"] == "later"
    tree = collect([(one, None), (two, None), (four, None)], override=True)
    assert [t.name for t in tree.tokens] == ["g.t", "g.x", "h"]
    plain = collect([(one, None), (two, None)])
    assert {d.rule for d in plain.diagnostics} == {"token/duplicate"}


def test_top_level_type_applies_to_its_own_inline_source(tmp_path: Path) -> None:
    sources = [
        {"$type": "color", "a": {"$value": RED}},
        {"$type": "dimension", "b": {"$value": {"value": 4, "unit": "px"}}},
    ]
    path = write(
        tmp_path, {"r.resolver.json": document({"type": "set", "name": "s", "sources": sources})}
    )
    resolver, _ = load_resolver(path)
    assert resolver is not None
    tokens, problems = resolve(resolver)
    assert problems == []
    assert [(t.name, t.type.value) for t in tokens] == [("a", "color"), ("b", "dimension")]


def test_ref_siblings_override_shallowly(tmp_path: Path) -> None:
    base = {
        "color": {"$type": "color", "a": {"$value": RED}, "b": {"$value": RED}},
        "size": {"$type": "dimension", "s": {"$value": {"value": 1, "unit": "px"}}},
    }
    override = {"$ref": "base.json", "color": {"$type": "color", "a": {"$value": BLUE}}}
    path = write(
        tmp_path,
        {
            "r.resolver.json": document({"type": "set", "name": "s", "sources": [override]}),
            "base.json": base,
        },
    )
    resolver, diagnostics = load_resolver(path)
    assert resolver is not None, render_text(diagnostics)
    tokens, problems = resolve(resolver)
    assert problems == []
    assert color(tokens, "color.a") == BLUE
    assert tokens.get("color.b") is None  # objects beside $ref replace, they do not merge
    assert tokens.get("size.s") is not None


# -- inputs ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def themes() -> Resolver:
    resolver, _ = load_resolver(THEMES)
    assert resolver is not None
    return resolver


def test_inputs_completed_with_defaults(themes: Resolver) -> None:
    assert check_inputs(themes, {"contrast": "high"}) == (
        {"theme": "light", "contrast": "high"},
        [],
    )
    # the spec: inputs SHOULD be case-insensitive
    assert check_inputs(themes, {"Theme": "DARK", "contrast": "Standard"}) == (
        {"theme": "dark", "contrast": "standard"},
        [],
    )


def test_unknown_modifier(themes: Resolver) -> None:
    _, diagnostics = check_inputs(themes, {"them": "dark", "contrast": "high"})
    error = only_error(diagnostics, "resolver/input")
    assert error.message == 'unknown modifier "them"'
    assert error.help == "did you mean 'theme'?"


def test_invalid_context(themes: Resolver) -> None:
    _, diagnostics = check_inputs(themes, {"theme": "drak", "contrast": "high"})
    error = only_error(diagnostics, "resolver/input")
    assert error.message == 'invalid context "drak" for modifier "theme"'
    assert error.help == "did you mean 'dark'?"
    assert where(error) == "20:3"  # at the modifier, when the inputs have no location
    _, diagnostics = check_inputs(themes, {"theme": "blue", "contrast": "high"})
    assert only_error(diagnostics, "resolver/input").help == "its contexts: light, dark"


def test_missing_input_for_a_modifier_without_default(themes: Resolver) -> None:
    chosen, diagnostics = check_inputs(themes, {})
    error = only_error(diagnostics, "resolver/input")
    assert error.message == 'missing input for modifier "contrast", which has no default'
    assert "standard, high" in (error.help or "")
    assert chosen == {"theme": "light"}
    files, problems = sources_for(themes, {})
    assert files == [] and problems == diagnostics


def test_input_values_must_be_strings(themes: Resolver) -> None:
    _, diagnostics = check_inputs(themes, {"contrast": True})  # type: ignore[dict-item]
    error = only_error(diagnostics, "resolver/input")
    assert "must be a context name (a string), not true" in error.message


def test_input_errors_located_where_the_inputs_are(themes: Resolver) -> None:
    config, _ = parse_text("encore.yaml", "themes:\n  them: dark\n  contrast: hihg\n")
    assert config is not None
    origin = Origin(config.source, ("themes",))
    _, diagnostics = check_inputs(themes, config.data["themes"], origin)
    assert [(d.message, where(d), d.help) for d in diagnostics] == [
        ('unknown modifier "them"', "2:3", "did you mean 'theme'?"),
        ('invalid context "hihg" for modifier "contrast"', "3:13", "did you mean 'high'?"),
    ]


# -- errors in resolver documents -----------------------------------------------------------


def test_missing_referenced_file_is_located_at_its_ref() -> None:
    resolver, diagnostics = load_resolver(FIXTURES / "missing-file.resolver.json")
    assert resolver is None
    error = only_error(diagnostics, "resolver/ref")
    assert where(error) == "5:61"
    assert "tokens/colour.json" in error.message and "does not exist" in error.message
    assert error.help and "relative to the resolver document's folder" in error.help


BROKEN: list[tuple[str, dict[str, Any], str, str, str]] = [
    # (case, document, rule, message fragment, help fragment)
    (
        "unknown set",
        document({"$ref": "#/sets/colour"}, sets={"color": {"sources": []}}),
        "resolver/ref",
        'there is no set "colour"',
        "did you mean 'color'?",
    ),
    (
        "default not a context",
        document(
            {"$ref": "#/modifiers/m"},
            modifiers={"m": {"contexts": {"light": [], "dark": []}, "default": "drak"}},
        ),
        "resolver/default",
        'default "drak" is not a context of modifier "m"',
        "did you mean 'dark'?",
    ),
    (
        "remote reference",
        document({"type": "set", "name": "s", "sources": [{"$ref": "https://x.org/t.json"}]}),
        "resolver/ref",
        "remote reference",
        "download the file",
    ),
    (
        "reference to its own set",
        document({"$ref": "#/sets/a"}, sets={"a": {"sources": [{"$ref": "#/sets/a"}]}}),
        "resolver/cycle",
        "a → a",
        "never itself",
    ),
    (
        "pointer to its parent",
        document({"$ref": "#/sets/a"}, sets={"a": {"sources": [{"$ref": "#/sets/a/sources"}]}}),
        "resolver/cycle",
        "points at itself or at a definition that contains this reference",
        "$defs",
    ),
    (
        "pointers in a loop",
        document(
            {"type": "set", "name": "s", "sources": [{"$ref": "#/$defs/a"}]},
            **{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}},
        ),
        "resolver/cycle",
        "points at itself",
        "$defs",
    ),
    (
        "missing $defs entry",
        document(
            {"type": "set", "name": "s", "sources": [{"$ref": "#/$defs/colours"}]},
            **{"$defs": {"colors": {}}},
        ),
        "resolver/ref",
        '#/$defs has no "colours"',
        "did you mean 'colors'?",
    ),
    (
        "a file in resolutionOrder",
        document({"$ref": "tokens.json"}),
        "resolver/ref",
        "it may only reference the sets and modifiers",
        'list token files in a set\'s "sources"',
    ),
    (
        "a modifier referenced by a set through $defs",
        document(
            {"type": "set", "name": "s", "sources": [{"$ref": "#/$defs/m"}]},
            modifiers={"m": {"contexts": {"a": [], "b": []}}},
            **{"$defs": {"m": {"$ref": "#/modifiers/m"}}},
        ),
        "resolver/ref",
        "a set cannot reference a modifier",
        "only resolutionOrder references modifiers",
    ),
    (
        "override a set with tokens",
        document(
            {"type": "set", "name": "s", "sources": [{"$ref": "#/sets/b", "x": {}}]},
            sets={"b": {"sources": []}},
        ),
        "resolver/ref",
        'a reference to a set cannot add "x"',
        "a source of their own",
    ),
    (
        "the same set twice",
        document({"$ref": "#/sets/a"}, {"$ref": "#/sets/a"}, sets={"a": {"sources": []}}),
        "resolver/duplicate-name",
        '"a" appears twice in resolutionOrder',
        "must be unique",
    ),
    (
        "type misspelt",
        document({"type": "sett", "name": "s", "sources": []}),
        "resolver/schema",
        "'sett' is not one of 'set', 'modifier'",
        "did you mean 'set'?",
    ),
    (
        "version as a number",
        {**document({"type": "set", "name": "s", "sources": []}), "version": 2025.1},
        "resolver/schema",
        'version must be "2025.10", not the number 2025.1',
        "in quotes",
    ),
    (
        "a source that is not an object",
        document({"type": "set", "name": "s", "sources": ["tokens.json"]}),
        "resolver/schema",
        "a token source must be an object",
        '{"$ref": "tokens/base.json"}',
    ),
    (
        "pointer to an inline set",
        document({"type": "set", "name": "s", "sources": [{"$ref": "#/sets/s/sources/0"}]}),
        "resolver/ref",
        'the document has no "sets"',
        "point at an existing definition",
    ),
]


@pytest.mark.parametrize(
    ("data", "rule", "message", "hint"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_resolver_errors(tmp_path: Path, data: Any, rule: str, message: str, hint: str) -> None:
    path = write(tmp_path, {"r.resolver.json": data, "tokens.json": {}})
    resolver, diagnostics = load_resolver(path)
    assert resolver is None
    error = only_error(diagnostics, rule)
    assert message in error.message
    assert error.help is not None and hint in error.help
    location = error.location
    assert location is not None and (location.line, location.column) != (1, 1)


def test_missing_pointer_fragment_is_located_at_its_ref(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "r.resolver.json": document(
                {"type": "set", "name": "s", "sources": [{"$ref": "t.json#/colr"}]}
            ),
            "t.json": {"color": {}},
        },
    )
    resolver, diagnostics = load_resolver(path)
    assert resolver is not None and diagnostics == []
    files, problems = sources_for(resolver, {})
    error = only_error(problems, "resolver/ref")
    assert files == []
    assert 'has no "colr"' in error.message and error.help == "did you mean 'color'?"
    assert where(error) == "9:19"


def test_yaml_comment_instead_of_pointer(tmp_path: Path) -> None:
    text = 'version: "2025.10"\nresolutionOrder:\n  - $ref: #/sets/base\n'
    path = write(tmp_path, {"r.resolver.yaml": text})
    _, diagnostics = load_resolver(path)
    error = only_error(diagnostics, "resolver/schema")
    assert error.message == "$ref is empty (null)"
    assert "'#' starts a comment" in (error.help or "")
    assert where(error) == "3:10"


def test_token_errors_in_inline_sources_point_into_the_resolver(tmp_path: Path) -> None:
    text = (
        'version: "2025.10"\n'
        "resolutionOrder:\n"
        "  - type: set\n"
        "    name: s\n"
        "    sources:\n"
        "      - color:\n"
        "          $type: color\n"
        '          bad: {$value: "#12"}\n'
    )
    resolver, diagnostics = load_resolver(write(tmp_path, {"r.resolver.yaml": text}))
    assert resolver is not None, render_text(diagnostics)
    _, problems = resolve(resolver)
    error = errors(problems)[0]
    assert error.rule == "type/color"
    assert where(error) == "8:25"


HOSTILE: list[Any] = [
    [],
    "text",
    {"version": "2025.10", "resolutionOrder": ["a", 1, None, {"$ref": 5}, {"type": 3}]},
    {"version": "2025.10", "sets": [], "modifiers": "x", "resolutionOrder": [{"$ref": "#/"}]},
    {
        "version": "2025.10",
        "sets": {"a": {"sources": {"$ref": "x"}}, "b": 4},
        "modifiers": {"m": {"contexts": {"x": {}, "y": 3}, "default": 7}},
        "resolutionOrder": [{"$ref": "#/modifiers/m", "sources": []}, {"$ref": "#"}],
    },
]


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_malformed_documents_give_located_errors_with_help(tmp_path: Path, data: Any) -> None:
    resolver, diagnostics = load_resolver(write(tmp_path, {"r.resolver.json": data}))
    assert resolver is None and errors(diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.help, diagnostic.message
        assert diagnostic.location is not None and diagnostic.location.line >= 1


def test_every_conformance_error_says_how_to_fix_it(conformance: Path) -> None:
    root = conformance / "dtcg-test-suite" / "resolver" / "negative"
    for path in sorted(root.glob("*.json")):
        _, diagnostics = load_resolver(path)
        assert errors(diagnostics), path.name
        assert all(d.help for d in diagnostics), render_text(diagnostics)


def test_duplicate_keys_are_warnings_in_resolver_documents(tmp_path: Path) -> None:
    inline = '{"type": "set", "name": "s", "sources": []}'
    text = f'{{"version": "2025.10", "name": "a", "name": "b", "resolutionOrder": [{inline}]}}'
    resolver, diagnostics = load_resolver(write(tmp_path, {"r.resolver.json": text}))
    assert resolver is not None
    assert [(d.rule, d.severity) for d in diagnostics] == [
        ("syntax/duplicate-key", Severity.WARNING)
    ]


def test_resolver_documents_are_not_token_files() -> None:
    for name in ("a.resolver.json", "a.resolver.yaml", "A.Resolver.YML"):
        assert not is_token_file(Path(name)) and is_resolver_file(Path(name))
    assert is_token_file(Path("a.tokens.json")) and not is_resolver_file(Path("a.yaml"))
