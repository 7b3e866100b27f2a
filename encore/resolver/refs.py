"""Reference objects of a resolver document: ``{"$ref": "tokens/base.json#/color"}``.

A reference is a file part (relative to the resolver document; empty for the document
itself) and a JSON Pointer fragment. Remote URLs are not supported. As in the spec's
example ``example.json#sets/MySet``, a fragment without its leading ``/`` is read as
a pointer too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from encore.sourcemap import JsonPath
from encore.suggest import did_you_mean

_BAD_ESCAPE = re.compile(r"~(?![01])")


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed ``$ref``: the file (``None`` for this document) and pointer segments."""

    text: str
    file: Path | None
    segments: tuple[str, ...]

    @property
    def pointer(self) -> str:
        """The fragment as a JSON Pointer, ``#/sets/base``."""
        return "#/" + "/".join(s.replace("~", "~0").replace("/", "~1") for s in self.segments)


def parse_reference(text: str, document: Path) -> tuple[Reference | None, str | None, str]:
    """The reference, or ``None`` with a problem and its fix."""
    file_part, _, fragment = text.partition("#")
    scheme = urlsplit(file_part).scheme
    if len(scheme) > 1:  # one letter is a Windows drive
        return (
            None,
            f'"{text}" is a remote reference: Encore reads only local files',
            "download the file next to the resolver document and reference its relative path",
        )
    fragment = unquote(fragment)
    if _BAD_ESCAPE.search(fragment):
        return (
            None,
            f'"{text}" has a "~" that is not "~0" or "~1"',
            'in JSON Pointers "~1" stands for "/" and "~0" for "~"',
        )
    body = fragment[1:] if fragment.startswith("/") else fragment
    segments = tuple(s.replace("~1", "/").replace("~0", "~") for s in body.split("/") if body)
    if any(s == "" for s in segments):
        return (
            None,
            f'"{text}" has an empty pointer segment (a doubled or trailing "/")',
            'write the pointer as "#/sets/NAME"',
        )
    if not file_part:
        return Reference(text, None, segments), None, ""
    path = Path(os.path.normpath(document.parent / unquote(file_part)))
    return Reference(text, path, segments), None, ""


def walk(data: Any, segments: tuple[str, ...]) -> tuple[JsonPath, Any, str | None]:
    """Follow pointer segments through JSON: the path walked, the node reached and the
    first segment that does not exist there (``None`` when every one does)."""
    path: list[str | int] = []
    for segment in segments:
        step: str | int = segment
        if isinstance(data, list) and segment.isdigit() and int(segment) < len(data):
            step = int(segment)
        elif not isinstance(data, dict) or segment not in data:
            return tuple(path), data, segment
        data = data[step]
        path.append(step)
    return tuple(path), data, None


def missing_help(node: Any, segment: str) -> str | None:
    """A "did you mean" for a pointer segment missing from ``node``."""
    if isinstance(node, list):
        return "array items are numbered from 0"
    return did_you_mean(segment, node) if isinstance(node, dict) else None
