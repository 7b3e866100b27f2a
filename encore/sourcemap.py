"""Source files and lazy line/column lookup for JSON paths.

Loading uses the fastest parsers available (``json`` and PyYAML's C loader), which
give no positions. A `SourceFile` keeps the text and, the first time a location is
asked for, builds an index from JSON path to key and value offsets: a small
position-tracking scanner for JSON, PyYAML's composer (node marks) for YAML.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from encore.diagnostics import SourceLocation

JsonPath = tuple[str | int, ...]
_Position = tuple[int, int]  # 1-based line, column
_Index = dict[JsonPath, tuple[_Position, _Position]]  # path -> (key, value)

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(eq=False)
class SourceFile:
    """A loaded file's path, text and syntax; locates JSON paths on demand."""

    path: str
    text: str
    syntax: str  # "json" or "yaml"
    _index: _Index | None = field(default=None, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    def __hash__(self) -> int:
        return id(self)

    def line_text(self, line: int) -> str | None:
        """The text of a 1-based line, without its newline."""
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        if self._line_starts is None:
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self.text))
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, path: JsonPath, part: str = "value") -> SourceLocation:
        """Location of the key or the value at ``path``, or of its nearest written ancestor."""
        from encore.diagnostics import SourceLocation

        if self._index is None:
            try:
                if self.syntax == "json":
                    self._index = {
                        path: (self.position(key), self.position(val))
                        for path, (key, val) in _index_json(self.text).items()
                    }
                else:
                    self._index = _index_yaml(self.text)
            except (ValueError, yaml.YAMLError):
                self._index = {}
        probe = path
        while probe and probe not in self._index:
            probe = probe[:-1]
            part = "value"
        offsets = self._index.get(probe)
        if offsets is None:
            return SourceLocation(self.path, 1, 1)
        line, column = offsets[0] if part == "key" else offsets[1]
        return SourceLocation(self.path, line, column)


def _index_json(text: str) -> dict[JsonPath, tuple[int, int]]:
    index: dict[JsonPath, tuple[int, int]] = {}
    scan_string = json.decoder.scanstring  # type: ignore[attr-defined]

    def skip(pos: int) -> int:
        match = _WS.match(text, pos)
        return match.end() if match else pos

    def value(pos: int, path: JsonPath, key_pos: int) -> int:
        pos = skip(pos)
        index[path] = (key_pos, pos)
        char = text[pos : pos + 1]
        if char == "{":
            pos = skip(pos + 1)
            if text[pos : pos + 1] == "}":
                return pos + 1
            while True:
                pos = skip(pos)
                start = pos
                key, pos = scan_string(text, pos + 1)
                pos = skip(pos)
                if text[pos : pos + 1] != ":":
                    raise ValueError("expected ':'")
                pos = skip(value(pos + 1, (*path, key), start))
                if text[pos : pos + 1] == ",":
                    pos += 1
                    continue
                if text[pos : pos + 1] == "}":
                    return pos + 1
                raise ValueError("expected ',' or '}'")
        if char == "[":
            pos = skip(pos + 1)
            if text[pos : pos + 1] == "]":
                return pos + 1
            item = 0
            while True:
                start = skip(pos)
                pos = skip(value(start, (*path, item), start))
                item += 1
                if text[pos : pos + 1] == ",":
                    pos += 1
                    continue
                if text[pos : pos + 1] == "]":
                    return pos + 1
                raise ValueError("expected ',' or ']'")
        if char == '"':
            return int(scan_string(text, pos + 1)[1])
        for literal in ("true", "false", "null"):
            if text.startswith(literal, pos):
                return pos + len(literal)
        match = _NUMBER.match(text, pos)
        if match is None:
            raise ValueError("unexpected character")
        return match.end()

    value(0, (), skip(0))
    return index


def _index_yaml(text: str) -> _Index:
    from encore.load import EncoreYamlLoader

    index: _Index = {}
    root = yaml.compose(text, Loader=EncoreYamlLoader)
    if root is None:
        return index

    def pos(node: Any) -> _Position:
        return node.start_mark.line + 1, node.start_mark.column + 1

    stack: list[tuple[Any, JsonPath, _Position]] = [(root, (), pos(root))]
    while stack:
        node, path, key_pos = stack.pop()
        index[path] = (key_pos, pos(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append((value_node, (*path, str(key_node.value)), pos(key_node)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, (*path, i), pos(item)))
    return index
