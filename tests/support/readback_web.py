"""SCSS, ES module and TypeScript declarations read back.

SCSS is evaluated by dart-sass: a probe stylesheet ``@use``s the generated file and prints
every module variable (and every entry of the tokens map) with ``meta.inspect``. The ES
module is evaluated by Node: one run imports every module and prints its exports as JSON.
The ``.d.ts`` literal types are parsed back into values. All runs are batched: one Sass
and one Node process for any number of files.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.support.readback import Col, Qty, ReadError
from tests.support.readback_code import Tokens, identifier, number, tokenize, unescape
from tests.support.readback_css import CSSDecoder, css_rules

TIMEOUT_SECONDS = 300
PROBE = """@use "sass:map";
@use "sass:meta";
@use "encore" as t;

@mixin dump($selector, $value) {
  #{$selector} {
    @if meta.type-of($value) == map {
      @each $key, $item in $value {
        --#{$key}: #{meta.inspect($item)};
      }
    } @else {
      --v: #{meta.inspect($value)};
    }
  }
}

$variables: meta.module-variables("t");
@each $name, $value in $variables {
  @include dump('[data-v="#{$name}"]', $value);
}
@if map.has-key($variables, "MAP") {
  @each $key, $value in map.get($variables, "MAP") {
    @include dump('[data-m="#{$key}"]', $value);
  }
}
"""
_SELECTOR = re.compile(r"""\[data-([vm])=["']?(.*?)["']?\]\Z""")
_NODE_SCRIPT = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const files = JSON.parse(readFileSync(process.argv[1], "utf8"));
const out = {};
for (const [key, file] of Object.entries(files)) {
  try {
    const module = await import(pathToFileURL(file).href);
    out[key] = { exports: Object.fromEntries(Object.entries(module)) };
  } catch (error) {
    out[key] = { error: String(error) };
  }
}
process.stdout.write(JSON.stringify(out));
"""


def sass_name(name: str) -> str:
    """Sass treats ``_`` and ``-`` in names as the same character."""
    return name.replace("_", "-")


def run_sass(
    sass: Path, files: Mapping[str, str], map_name: str
) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Each SCSS text's variables and map entries: name → value text (or key → text)."""
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="readback_scss_") as temp_name:
        temp = Path(temp_name)
        pairs = []
        for index, text in enumerate(files.values()):
            folder = temp / str(index)
            folder.mkdir()
            (folder / "_encore.scss").write_text(text, encoding="utf-8")
            (folder / "probe.scss").write_text(PROBE.replace("MAP", map_name), encoding="utf-8")
            pairs.append(f"{folder / 'probe.scss'}:{folder / 'out.css'}")
        command = ["node", str(sass), "--no-source-map", "--no-error-css", "--no-color"]
        result = subprocess.run(
            [*command, *pairs], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
        for index, key in enumerate(files):
            css = temp / str(index) / "out.css"
            if not css.is_file():
                raise ReadError(f"sass could not compile {key}: {result.stderr.strip()[-2000:]}")
            out[key] = _sass_values(css.read_text(encoding="utf-8"))
    return out


def _sass_values(css: str) -> tuple[dict[str, Any], dict[str, Any]]:
    variables: dict[str, Any] = {}
    entries: dict[str, Any] = {}
    for context, declarations in css_rules(css):
        match = _SELECTOR.match(context[-1])
        if match is None:
            continue
        value: Any = declarations.get("--v")
        if value is None:  # a map: typography parts
            value = {name.removeprefix("--"): text for name, text in declarations.items()}
        (variables if match.group(1) == "v" else entries)[match.group(2)] = value
    return variables, entries


_SCSS_PARTS = {
    "font-family": "fontFamily",
    "font-size": "fontSize",
    "font-weight": "fontWeight",
    "letter-spacing": "letterSpacing",
    "line-height": "lineHeight",
}


class SCSSDecoder(CSSDecoder):
    """Sass values as ``meta.inspect`` prints them; typography is a map of parts."""

    def typography(self, raw: Any) -> Mapping[str, Any]:
        if not isinstance(raw, Mapping):
            raise ReadError(f"{raw!r} is not a map")
        return {_SCSS_PARTS.get(str(k), str(k)): v for k, v in raw.items()}


def run_node(files: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Each ES module's exports, evaluated by Node."""
    with tempfile.TemporaryDirectory(prefix="readback_js_") as temp_name:
        temp = Path(temp_name)
        paths = {}
        for index, (key, text) in enumerate(files.items()):
            path = temp / f"{index}.mjs"
            path.write_text(text, encoding="utf-8")
            paths[key] = str(path)
        request = temp / "files.json"
        request.write_text(json.dumps(paths), encoding="utf-8")
        result = subprocess.run(
            ["node", "--input-type=module", "-e", _NODE_SCRIPT, str(request)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    if result.returncode != 0:
        raise ReadError(f"node failed: {result.stderr.strip()[-2000:]}")
    report = json.loads(result.stdout)
    out = {}
    for key, entry in report.items():
        if "error" in entry:
            raise ReadError(f"node could not import {key}: {entry['error']}")
        out[key] = entry["exports"]
    return out


def read_declarations(text: str) -> dict[str, Any]:
    """``export declare const name: <literal type>;`` as name → value."""
    cursor = Tokens(tokenize(text))
    out: dict[str, Any] = {}
    while cursor.peek() is not None:
        for word in ("export", "declare", "const"):
            cursor.expect(word)
        name = identifier(cursor.next())
        cursor.expect(":")
        out[name] = _literal_type(cursor)
        cursor.expect(";")
    return out


def _literal_type(cursor: Tokens) -> Any:
    token = cursor.next()
    if token.kind == "string":
        return unescape(token.text[1:-1])
    if token.kind == "number":
        return number(token.text)
    if token.text == "-":
        return -number(cursor.next().text)
    if token.text in ("true", "false"):
        return token.text == "true"
    if token.text == "readonly" and cursor.is_("["):
        cursor.next()
        items = []
        while not cursor.is_("]"):
            items.append(_literal_type(cursor))
            if not cursor.is_("]"):
                cursor.expect(",")
        cursor.next()
        return items
    if token.text == "{":
        fields = {}
        while not cursor.is_("}"):
            if cursor.is_("readonly"):
                cursor.next()
            key = cursor.next()
            cursor.expect(":")
            fields[unescape(key.text[1:-1]) if key.kind == "string" else key.text] = _literal_type(
                cursor
            )
            if not cursor.is_("}"):
                cursor.expect(";")
        cursor.next()
        return fields
    raise ReadError(f"unexpected {token.text!r} in a literal type")


def _dict(raw: Any, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise ReadError(f"{raw!r} is not an object")
    return {k: raw[k] for k in keys if k in raw}


def _number(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ReadError(f"{raw!r} is not a number")
    return float(raw)


class JSDecoder(CSSDecoder):
    """JavaScript values: CSS-ready strings, numbers, arrays and plain objects."""

    def color(self, raw: Any) -> Col:
        if not isinstance(raw, str):
            raise ReadError(f"{raw!r} is not a colour string")
        return Col.parse(raw)

    def dimension(self, raw: Any) -> Qty:
        return super().dimension(self._string(raw))

    def duration(self, raw: Any) -> Qty:
        return super().duration(self._string(raw))

    def _string(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise ReadError(f"{raw!r} is not a string")
        return raw

    def number(self, raw: Any) -> float:
        return _number(raw)

    def font_family(self, raw: Any) -> Any:
        if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
            raise ReadError(f"{raw!r} is not an array of names")
        return tuple(raw)

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        if not isinstance(raw, list):
            raise ReadError(f"{raw!r} is not an array")
        return tuple(_number(v) for v in raw)

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        if isinstance(raw, str):
            return raw
        parts = _dict(raw, ("dashArray", "lineCap"))
        if not isinstance(parts.get("dashArray"), list) or "lineCap" not in parts:
            raise ReadError(f"{raw!r} is not a dash pattern")
        return list(parts["dashArray"]), str(parts["lineCap"])

    def border(self, raw: Any) -> Mapping[str, Any]:
        return _dict(raw, ("color", "width", "style"))

    def transition(self, raw: Any) -> Mapping[str, Any]:
        return _dict(raw, ("duration", "delay", "timingFunction"))

    def shadow(self, raw: Any) -> list[Mapping[str, Any]]:
        layers = raw if isinstance(raw, list) else [raw]
        keys = ("color", "offsetX", "offsetY", "blur", "spread", "inset")
        return [_dict(layer, keys) for layer in layers]

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        if not isinstance(raw, list):
            raise ReadError(f"{raw!r} is not an array of stops")
        stops = [_dict(stop, ("color", "position")) for stop in raw]
        if not all(len(stop) == 2 for stop in stops):
            raise ReadError(f"{raw!r}: a stop lacks its colour or position")
        return [(stop["color"], stop["position"]) for stop in stops]

    def typography(self, raw: Any) -> Mapping[str, Any]:
        keys = ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight")
        return _dict(raw, keys)

    def line_height(self, raw: Any) -> float | Qty:
        return _number(raw)
