"""Property tests: generated token names and strings (font families, descriptions,
deprecation messages) full of quotes, backslashes, line breaks, comment closers,
interpolation markers, markup and non-ASCII text give code that still compiles or
parses, and string literals that decode back to exactly the source string.

The decoders here are written from each language's specification, independently of the
generators' escaping.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import tree_sitter
import tree_sitter_swift
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from encore.model import TokenSet
from tests.conftest import compile_text, errors_of
from tests.support.checkers import (
    check_android_xml,
    check_scss,
    check_typescript,
    compile_kotlin,
    parse_swift,
)
from tests.support.node_tools import check_css, require_node_tools
from tests.support.outputs import Rendered, render_case

NASTY = [
    '"',
    "\\",
    "\n",
    "*/",
    "/*",
    "${",
    "$",
    "#{",
    "<",
    "&",
    "'",
    "%s",
    "@",
    "?",
    "é",
    "日",
    "🎵",
    "\t",
    "\u2028",
    "\x07",
    "--",
]
KEYWORDS = ["default", "class", "self", "Type", "in", "object", "val", "fun", "let", "enum"]
strings = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=4)), max_size=6).map("".join)
names = st.one_of(
    st.sampled_from([*KEYWORDS, "2xl", "9", "Color", "Encore2", "_", "-"]),
    st.text(
        st.characters(exclude_characters="{}.", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=6,
    ),
).filter(lambda name: not name.startswith("$") and name.strip() == name and name != "")
entries = st.lists(st.tuples(names, strings, strings, strings), min_size=1, max_size=8)


def hostile_tokens(items: list[tuple[str, str, str, str]]) -> TokenSet:
    """Each item in its own group, as a token name and as a group name."""
    doc: dict[str, Any] = {}
    for i, (name, family, description, message) in enumerate(items):
        doc[f"g{i}x"] = {
            name: {
                "$type": "fontFamily",
                "$value": [family or "x", "sans-serif"],
                "$description": description,
                "$deprecated": message or True,
            }
        }
        doc[f"h{i}x"] = {name: {"v": {"$type": "number", "$value": i}}}
    tokens, problems = compile_text({"hostile.tokens.json": json.dumps(doc)})
    assume(not errors_of(problems))
    return tokens


def expected_strings(items: list[tuple[str, str, str, str]]) -> set[str]:
    return {family or "x" for _, family, _, _ in items}


# Decoders, one per language.

_SWIFT_ESCAPE = re.compile(r'\\(?:u\{([0-9a-fA-F]{1,8})\}|([0\\tnr"\']))')
_SIMPLE = {"0": "\0", "\\": "\\", "t": "\t", "n": "\n", "r": "\r", '"': '"', "'": "'"}


def swift_literals(path: Path) -> set[str]:
    """Every line string literal in a Swift file, decoded."""
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    tree = parser.parse(path.read_bytes())
    found: set[str] = set()
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "line_string_literal":
            assert node.text is not None
            body = node.text.decode()[1:-1]
            found.add(
                _SWIFT_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else _SIMPLE[m[2]], body)
            )
        stack.extend(node.children)
    return found


_KOTLIN_LITERAL = re.compile(r'"((?:\\.|[^"\\\n])*)"')
_KOTLIN_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|([tbnr"\'\\$]))')
_KOTLIN_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", '"': '"', "'": "'", "\\": "\\"}


def kotlin_literals(path: Path) -> set[str]:
    """Every string literal on the code lines of a Kotlin file, decoded."""
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").split("\n"):
        code = line.strip()
        if code.startswith(("/**", "*", "//")):
            continue
        for body in _KOTLIN_LITERAL.findall(code):
            assert re.search(r"(?<!\\)\$(?=[{A-Za-z_])", body.replace("\\\\", "")) is None
            found.add(
                _KOTLIN_ESCAPE.sub(
                    lambda m: chr(int(m[1], 16)) if m[1] else _KOTLIN_SIMPLE.get(m[2], m[2]),
                    body,
                )
            )
    return found


_ANDROID_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))", re.S)


def android_strings(path: Path) -> set[str]:
    """Every string-array item of an Android resource file, decoded as Android does."""
    found: set[str] = set()
    for item in ElementTree.parse(path).getroot().iter("item"):
        text = item.text or ""
        if not (text.startswith('"') and text.endswith('"')):
            continue
        found.add(
            _ANDROID_ESCAPE.sub(
                lambda m: chr(int(m[1], 16)) if m[1] else {"n": "\n", "t": "\t"}.get(m[2], m[2]),
                text[1:-1],
            )
        )
    return found


def javascript_values(module: Path) -> dict[str, Any]:
    """Every export of the ES module, evaluated by Node."""
    require_node_tools()
    script = "import(process.argv[1]).then(m => process.stdout.write(JSON.stringify(m)))"
    run = subprocess.run(
        ["node", "-e", script, module.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout))


def flat_strings(values: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for value in values.values():
        if isinstance(value, list):
            found |= {v for v in value if isinstance(v, str)}
    return found


def render(items: list[tuple[str, str, str, str]], folder: Path) -> Rendered:
    rendered = render_case(hostile_tokens(items), folder, f"h{abs(hash(folder)) % 10**6}")
    assert rendered.diagnostics == [], [d.message for d in rendered.diagnostics]
    return rendered


def check_everything_but_kotlin(rendered: Rendered, wanted: set[str]) -> None:
    paths = rendered.paths
    assert parse_swift([paths["swift"]]) == []
    assert wanted <= swift_literals(paths["swift"])
    assert check_android_xml([paths["android-xml"]]) == []
    assert wanted <= android_strings(paths["android-xml"])
    assert check_scss([paths["scss"]]) == []
    assert check_css([paths["css"]], []) == []
    assert check_typescript([paths["es-module"], paths["typescript-declarations"]]) == []
    assert wanted <= flat_strings(javascript_values(paths["es-module"]))


FAST = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@FAST
@given(entries)
def test_hostile_names_and_strings_parse_and_carry_exactly(
    items: list[tuple[str, str, str, str]],
) -> None:
    with TemporaryDirectory() as temp:
        rendered = render(items, Path(temp))
        check_everything_but_kotlin(rendered, expected_strings(items))


@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.lists(st.tuples(names, strings, strings, strings), min_size=10, max_size=20))
def test_hostile_names_and_strings_compile_in_kotlin(
    items: list[tuple[str, str, str, str]],
) -> None:
    with TemporaryDirectory() as temp:
        rendered = render(items, Path(temp))
        files = [rendered.paths["kotlin"], rendered.paths["compose"]]
        assert compile_kotlin(files) == []
        wanted = expected_strings(items)
        assert wanted <= kotlin_literals(rendered.paths["kotlin"])
        assert wanted <= kotlin_literals(rendered.paths["compose"])


def test_the_decoders_see_through_escapes(tmp_path: Path) -> None:
    """The fixed hostile fixture: every family string found exactly on every platform."""
    path = Path(__file__).parent / "fixtures" / "hostile.tokens.json"
    tokens, problems = compile_text({path.name: path.read_text(encoding="utf-8")})
    assert errors_of(problems) == []
    rendered = render_case(tokens, tmp_path, "decoders")
    wanted = {t.value.names[0] for t in tokens if t.name.startswith("strings.")}  # type: ignore[union-attr]
    readers: dict[str, Callable[[Path], set[str]]] = {
        "swift": swift_literals,
        "kotlin": kotlin_literals,
        "compose": kotlin_literals,
        "android-xml": android_strings,
    }
    for fmt, reader in readers.items():
        missing = wanted - reader(rendered.paths[fmt])
        assert not missing, f"{fmt} lost {sorted(missing)!r}"
    assert wanted <= flat_strings(javascript_values(rendered.paths["es-module"]))
