"""Same value everywhere: every platform holds every token's source value.

For the bundled foundation and for each positive case of the DTCG conformance suite,
every format is rendered in memory with default options (rem_base 16) and its text is
read back independently of the generators: Sass and Node evaluate the SCSS and the ES
module, tree-sitter parses Swift, the Kotlin and declaration files are parsed, Android
resources go through ElementTree, and references (``var()``, ``$x``, qualified names,
``@color/x``) are followed. Each token's value is then compared with the source value
after the documented conversion (`tests.support.readback`): colours exact in their space
or within half a unit of 8-bit sRGB, lengths exact (px = rem * 16), durations exact
(seconds on Swift, integer milliseconds on Compose and Android), and so on.

What a platform does not hold, by design, and so is not compared:

* UIKit (``EncoreUIKit``) holds colours only; every other type is in the SwiftUI
  namespace, which is compared in full.
* CSS and SCSS write a dash-pattern stroke style as the keyword ``dashed``
  (``border-style`` has no dash arrays); the other platforms hold the pattern.
* The CSS ``font`` shorthand cannot hold letter spacing; the expanded
  ``-letter-spacing`` property does and is compared.
* A Compose ``TextStyle`` holds a Compose ``FontFamily`` (the stack's generic family),
  not names; the font family token's ``EncoreFontFamily`` holds the names.
* An Android text style's ``android:fontFamily`` names one family: the stack's first.
* The CSS main rule holds sRGB only; colours outside sRGB are compared exactly in the
  ``@supports`` view (the "css-wide" platform).

Names are looked up with the generators' naming helpers: names are not values.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from encore.build import build
from encore.config import load_project
from encore.diagnostics import Severity
from encore.formats import FORMATS, kotlin_common, swift
from encore.formats._common import kebab
from encore.formats.javascript import export_name
from encore.formats.namespaces import Naming, build_namespaces
from encore.formats.naming import path_words, snake
from encore.model import Token, TokenSet
from encore.values.types import TokenType, Typography
from tests.conftest import REPO, compile_text
from tests.support.checkers import NODE_HINT, NPM_HINT, PIP_HINT, require_tool
from tests.support.node_tools import tools_dir
from tests.support.readback import ALL_SPACES, FLOAT, Decoder, Policy, ReadError, compare
from tests.support.readback_android import AndroidDecoder, AndroidResources, Res
from tests.support.readback_code import Interpreter
from tests.support.readback_css import CSSDecoder, css_views, resolve_vars
from tests.support.readback_kotlin import ComposeDecoder, KotlinDecoder, compose_family, read_kotlin
from tests.support.readback_swift import SwiftDecoder, UIKitDecoder, read_swift
from tests.support.readback_web import (
    JSDecoder,
    SCSSDecoder,
    read_declarations,
    run_node,
    run_sass,
    sass_name,
)

PX = frozenset({"dp", "sp"})
POLICIES = {
    "css": Policy("CSS", frozenset({"srgb"}), False, "keep", "keep", keyword_strokes=True),
    "css-wide": Policy("CSS @supports", ALL_SPACES, True, "keep", "keep", keyword_strokes=True),
    "scss": Policy("SCSS", ALL_SPACES, True, "keep", "keep", keyword_strokes=True),
    "es-module": Policy("the ES module", ALL_SPACES, True, "keep", "keep"),
    "typescript-declarations": Policy("TypeScript", ALL_SPACES, True, "keep", "keep"),
    "swift": Policy(
        "SwiftUI",
        frozenset({"srgb", "srgb-linear", "display-p3"}),
        True,
        "px",
        "s",
        px_units=frozenset({"pt"}),
    ),
    "swift-uikit": Policy(
        "UIKit",
        frozenset({"srgb", "display-p3"}),
        True,
        "px",
        "s",
        px_units=frozenset({"pt"}),
        types=frozenset({TokenType.COLOR}),
    ),
    "kotlin": Policy("Kotlin", frozenset({"srgb"}), False, "px", "ms", px_units=PX),
    "compose": Policy(
        "Compose",
        frozenset({"srgb", "display-p3", "srgb-linear", "a98-rgb", "prophoto-rgb", "rec2020"}),
        True,
        "px",
        "ms-int",
        precision=FLOAT,
        px_units=PX,
        integer_weights=True,
        style_family=compose_family,
    ),
    "android-xml": Policy(
        "Android",
        frozenset({"srgb"}),
        False,
        "px",
        "ms-int",
        precision=FLOAT,
        px_units=PX,
        integer_weights=True,
        style_family=lambda names: names[:1],
    ),
}
TYPOGRAPHY_SUFFIXES = (
    ("fontFamily", "font-family"),
    ("fontSize", "font-size"),
    ("fontWeight", "font-weight"),
    ("letterSpacing", "letter-spacing"),
    ("lineHeight", "line-height"),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One token set and the text of every format rendered from it."""

    label: str
    tokens: TokenSet
    files: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Broken:
    """A token whose generated code could not be read."""

    problem: str


Raws = dict[str, Any]  # token name → raw value (or Broken)


def render(label: str, tokens: TokenSet) -> Case:
    """Every format in memory with default options (and rem_base 16)."""
    files = {}
    for name, spec in FORMATS.items():
        options = {"rem_base": 16} if "rem_base" in spec.options["properties"] else {}
        report: list[Any] = []
        files[name] = spec.render(tokens, options, report)
        errors = [d.message for d in report if d.severity is Severity.ERROR]
        assert not errors, f"{label}: {name} reported {errors}"
    return Case(label, tokens, files)


@cache
def cases(source: str, conformance: Path | None) -> list[Case]:
    """The foundation, or every positive conformance case, rendered."""
    if source == "foundation":
        result = build(load_project(REPO), write=False)
        assert result.tokens is not None and not result.failed(), result.diagnostics
        return [render("foundation", result.tokens)]
    assert conformance is not None
    root = conformance / "dtcg-test-suite" / "format"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for entry in manifest["tests"]:
        if entry["type"] != "PositiveEvaluationTest":
            continue
        path = root / entry["input"]
        tokens, diagnostics = compile_text({path.name: path.read_text(encoding="utf-8")})
        errors = [d.message for d in diagnostics if d.severity is Severity.ERROR]
        assert not errors, f"{entry['id']}: {errors}"
        out.append(render(entry["id"], tokens))
    return out


Lookup = Callable[[Token], Any]  # a token → its raw value on one platform


def _each(case: Case, lookup: Lookup) -> Raws:
    raws: Raws = {}
    for token in case.tokens:
        try:
            raws[token.name] = lookup(token)
        except (ReadError, KeyError) as error:
            raws[token.name] = Broken(f"not found or unreadable: {error}")
    return raws


def _by(values: Mapping[str, Any], name: Callable[[Token], str]) -> Lookup:
    def lookup(token: Token) -> Any:
        return values[name(token)]

    return lookup


def _css_lookup(props: Mapping[str, str]) -> Lookup:
    def lookup(token: Token) -> Any:
        name = f"--encore-{kebab(token.output_path)}"
        if not isinstance(token.value, Typography):
            return resolve_vars(props[name], props)
        parts = {k: resolve_vars(props[f"{name}-{s}"], props) for k, s in TYPOGRAPHY_SUFFIXES}
        return {**parts, "font": resolve_vars(props[name], props)}

    return lookup


def _css(all_cases: list[Case], wide: bool) -> list[tuple[Lookup, Decoder]]:
    views = [css_views(case.files["css"]) for case in all_cases]
    return [(_css_lookup(supported if wide else main), CSSDecoder()) for main, supported in views]


def _scss_lookup(variables: Mapping[str, Any], entries: Mapping[str, Any]) -> Lookup:
    def lookup(token: Token) -> Any:
        key = kebab(token.output_path or ("root",))
        value = variables[sass_name(f"encore-{key}")]
        if entries.get(key) != value:
            return Broken(f"$encore-tokens holds {entries.get(key)!r}, the variable {value!r}")
        return value

    return lookup


SASS = tools_dir() / "node_modules" / "sass" / "sass.js"


def _scss(all_cases: list[Case]) -> list[tuple[Lookup, Decoder]]:
    files = {str(i): case.files["scss"] for i, case in enumerate(all_cases)}
    values = run_sass(SASS, files, "encore-tokens")
    return [(_scss_lookup(*values[str(i)]), SCSSDecoder()) for i in range(len(all_cases))]


def _module(all_cases: list[Case]) -> list[tuple[Lookup, Decoder]]:
    exports = run_node({str(i): case.files["es-module"] for i, case in enumerate(all_cases)})
    return [(_by(exports[str(i)], export_name), JSDecoder()) for i in range(len(all_cases))]


def _declarations(all_cases: list[Case]) -> list[tuple[Lookup, Decoder]]:
    texts = [case.files["typescript-declarations"] for case in all_cases]
    return [(_by(read_declarations(text), export_name), JSDecoder()) for text in texts]


def _code(code: Interpreter, case: Case, root: str, naming: Naming) -> Lookup:
    _, refs = build_namespaces(case.tokens, root, naming, [])

    def lookup(token: Token) -> Any:
        return code.value_of(refs[token.name].replace("`", ""))

    return lookup


def _swift(all_cases: list[Case], root: str) -> list[tuple[Lookup, Decoder]]:
    decoder = SwiftDecoder() if root == "Encore" else UIKitDecoder()
    return [
        (_code(read_swift(case.files["swift"].encode()), case, root, swift.NAMING), decoder)
        for case in all_cases
    ]


def _kotlin(all_cases: list[Case], fmt: str) -> list[tuple[Lookup, Decoder]]:
    decoder = KotlinDecoder() if fmt == "kotlin" else ComposeDecoder()
    naming = kotlin_common.NAMING
    return [
        (_code(read_kotlin(case.files[fmt]), case, "EncoreTokens", naming), decoder)
        for case in all_cases
    ]


def _resource(token: Token) -> Res:
    words = path_words(token.output_path or ("root",), ascii_only=True)
    return Res("", snake(["encore", *words]))


def _android(all_cases: list[Case]) -> list[tuple[Lookup, Decoder]]:
    return [
        (_resource, AndroidDecoder(AndroidResources(case.files["android-xml"])))
        for case in all_cases
    ]


READERS: dict[str, Callable[[list[Case]], list[tuple[Lookup, Decoder]]]] = {
    "css": lambda c: _css(c, wide=False),
    "css-wide": lambda c: _css(c, wide=True),
    "scss": _scss,
    "es-module": _module,
    "typescript-declarations": _declarations,
    "swift": lambda c: _swift(c, "Encore"),
    "swift-uikit": lambda c: _swift(c, "EncoreUIKit"),
    "kotlin": lambda c: _kotlin(c, "kotlin"),
    "compose": lambda c: _kotlin(c, "compose"),
    "android-xml": _android,
}


@cache
def _readback(source: str, conformance: Path | None, platform: str) -> list[tuple[Raws, Decoder]]:
    """Every case's raw values on one platform (one Sass or Node run for all cases)."""
    all_cases = cases(source, conformance)
    readers = READERS[platform](all_cases)
    return [
        (_each(case, lookup), decoder)
        for case, (lookup, decoder) in zip(all_cases, readers, strict=True)
    ]


def require_tools(platform: str) -> None:
    """Skip (fail under CI=true) when the tools a platform's reader runs are missing."""
    if platform in ("scss", "es-module"):
        require_tool("node", shutil.which("node") is not None, NODE_HINT)
    if platform == "scss":
        require_tool(str(SASS), SASS.is_file(), NPM_HINT)
    if platform in ("swift", "swift-uikit"):
        modules = ("tree_sitter", "tree_sitter_swift")
        available = all(importlib.util.find_spec(m) is not None for m in modules)
        require_tool("tree-sitter and tree-sitter-swift", available, PIP_HINT)


@pytest.mark.parametrize("platform", list(POLICIES))
@pytest.mark.parametrize("source", ["foundation", "conformance"])
def test_same_value(source: str, platform: str, request: pytest.FixtureRequest) -> None:
    conformance = request.getfixturevalue("conformance") if source == "conformance" else None
    require_tools(platform)
    policy = POLICIES[platform]
    read = _readback(source, conformance, platform)
    checked, failed, first = 0, 0, None
    for case, (raws, decoder) in zip(cases(source, conformance), read, strict=True):
        for token in case.tokens:
            if policy.types is not None and token.type not in policy.types:
                continue
            raw = raws[token.name]
            if isinstance(raw, Broken):
                problem: str | None = raw.problem
            else:
                problem = compare(token.value, raw, decoder, policy)
            checked += 1
            if problem is not None:
                failed += 1
                first = first or f"{case.label}: {token.name} ({token.type.value}): {problem}"
    print(f"{source} on {platform}: {checked - failed}/{checked} tokens hold the source value")
    assert checked > 0
    assert first is None, f"{failed} of {checked} tokens differ on {platform}; the first: {first}"
