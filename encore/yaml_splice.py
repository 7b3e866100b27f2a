"""Re-parse only the edited block of a YAML file, for warm rebuilds.

PyYAML parses about 10 KB a millisecond, so a saved 100 KB token file costs a warm rebuild
more than everything else it does. An edit usually changes a few lines inside one token.
`reparse` finds the innermost block mapping entry (a ``key:`` line and the lines indented
under it) that holds every changed line, parses that entry alone with the same loader,
and puts its value into the last parse's data; everything outside it is the old data.

It answers only when that is sure to equal a full parse, and ``None`` otherwise (the
caller then parses the whole file): the entry's key line is unchanged (so no key is
renamed or duplicated among its siblings), every key above it is a plain or quoted name,
the old entry's lines parsed alone give exactly the old value there (so they really are
the entry, not text inside a string opened above), the file holds no anchors, aliases,
tags, escaped quotes or line breaks other than LF, and the entry, old and new, holds no
block scalars, document markers, tabs or flow collections or quotes left open at the end
of a line. An entry parsed alone that reports anything (a duplicate key, a syntax error)
also goes to the full parse, which reports it with its true position.
"""

from __future__ import annotations

import marshal
import re
from typing import Any

# a key line opening a block: a plain name, or one quoted without escapes
_KEY_LINE = re.compile(
    r"^( *)(?:(?!- )([A-Za-z0-9_$@.\-][A-Za-z0-9_$@.\- ]*?)"  # a plain name, not "- item"
    r"|\"([^\"\\]*)\"|'([^']*)') *:(?: +#.*)?\s*$"
)
_UNSAFE = re.compile(r"[&*!|>\t%]|^---|^\.\.\.")
# What can reach across lines from anywhere in the file, found at C speed in the whole
# text: anchors and aliases, tags, line breaks other than LF (YAML also breaks lines at
# CR, NEL, LS and PS), escaped quotes.
_UNSAFE_ANYWHERE = re.compile(
    r"(?:^|[\s\[\]{},])[&*!][^\s,\]}]"  # an anchor, alias or tag where YAML reads one
    "|[\r\x85\u2028\u2029]"
    r'|\\"',
    re.MULTILINE,
)
MAX_CHANGED_LINES = 200  # beyond this a full parse is as quick


_SUSPECT = re.compile(r"[&*!\\\r\x85\u2028\u2029]")  # a quick scan first: most files have none


def _reaches_across(text: str) -> bool:
    return _SUSPECT.search(text) is not None and _UNSAFE_ANYWHERE.search(text) is not None


def _key(match: re.Match[str]) -> str:
    return next(group for group in match.groups()[1:] if group is not None)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _closed(line: str) -> bool:
    """No flow collection left open, nor quotes, outside quoted text (conservatively)."""
    depth = 0
    quote = ""
    for char in line:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "#":
            break
    return depth == 0 and not quote


def _safe(lines: list[str]) -> bool:
    return all(_blank(line) or (not _UNSAFE.search(line) and _closed(line)) for line in lines)


def _changed_span(old: list[str], new: list[str]) -> tuple[int, int, int] | None:
    """The first changed line, and the ends of the changed lines in old and new."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    if start == limit and len(old) == len(new):
        return None
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The end of the entry whose key line is ``lines[start]``."""
    end = start + 1
    while end < len(lines) and (_blank(lines[end]) or _indent(lines[end]) > indent):
        end += 1
    while end > start + 1 and _blank(lines[end - 1]):
        end -= 1
    return end


def _enclosing(
    old: list[str], new: list[str], first: int, old_end: int, new_end: int
) -> tuple[int, int, int, int] | None:
    """The innermost entry holding the changed lines in both texts: its key line, its
    indentation and its end in the old and the new lines."""
    changed = [line for line in (*old[first:old_end], *new[first:new_end]) if not _blank(line)]
    deepest = min((_indent(line) for line in changed), default=0)
    at = first - 1
    while at >= 0:
        line = new[at]
        if not _blank(line) and _indent(line) < deepest:
            match = _KEY_LINE.match(line)
            if match is None:
                return None  # the change sits under something that is not a plain key
            indent = len(match[1])
            new_stop, old_stop = _block_end(new, at, indent), _block_end(old, at, indent)
            if new_stop >= new_end and old_stop >= old_end:
                return at, indent, old_stop, new_stop
            deepest = indent
        at -= 1
    return None


def _path(lines: list[str], at: int, indent: int) -> list[str] | None:
    """The keys from the document's top down to the entry at ``lines[at]``."""
    keys = []
    want = indent + 1
    for line in reversed(lines[: at + 1]):
        if _blank(line) or _indent(line) >= want:
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            return None
        keys.append(_key(match))
        want = len(match[1])
        if want == 0:
            return keys[::-1]
    return None


def reparse(old_text: str, old_data: Any, new_text: str, load: Any) -> Any | None:
    """The data of ``new_text``, re-parsing only the edited entry and taking the rest
    from ``old_data`` (the parse of ``old_text``), or ``None`` when that is not sure to
    equal a full parse. ``load(text)`` parses a document, or returns ``None`` when it
    reports anything."""
    if _reaches_across(old_text) or _reaches_across(new_text):
        return None
    old, new = old_text.split("\n"), new_text.split("\n")
    span = _changed_span(old, new)
    if span is None:
        return old_data
    first, old_end, new_end = span
    if max(old_end, new_end) - first > MAX_CHANGED_LINES:
        return None
    found = _enclosing(old, new, first, old_end, new_end)
    if found is None:
        return None
    at, indent, old_stop, new_stop = found
    if not (_safe(old[at:old_stop]) and _safe(new[at:new_stop])):
        return None
    keys = _path(new, at, indent)
    if keys is None or not isinstance(old_data, dict):
        return None
    # The lines taken for the entry must be it: parsed alone, the old ones give exactly
    # the old value there (lines above that are really inside a multi-line string, or a
    # key line that is really text, give something else). The lines above are unchanged.
    was = load("\n".join(line[indent:] for line in old[at:old_stop]))
    if not _holds(old_data, keys, was):
        return None
    entry = load("\n".join(line[indent:] for line in new[at:new_stop]))
    if not isinstance(entry, dict) or list(entry) != [keys[-1]]:  # as the key line says
        return None
    return _replaced(old_data, keys, entry[keys[-1]])


def _holds(data: Any, keys: list[str], entry: Any) -> bool:
    """Whether ``entry`` (one key's mapping) is strictly what ``data`` holds at ``keys``."""
    if not isinstance(entry, dict) or list(entry) != [keys[-1]]:
        return False
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    value = entry[keys[-1]]
    return bool(data == value) and _strictly(data) == _strictly(value)


def _strictly(value: Any) -> bytes | str:
    try:
        return marshal.dumps(value, 2)
    except ValueError:  # a type marshal does not know (dates)
        return repr(value)


def _replaced(data: dict[str, Any], keys: list[str], value: Any) -> Any | None:
    """``data`` with the value at ``keys`` replaced (new dicts along the path only)."""
    inner = data.get(keys[0]) if len(keys) > 1 else None
    if keys[0] not in data:
        return None
    if len(keys) > 1:
        if not isinstance(inner, dict):
            return None
        value = _replaced(inner, keys[1:], value)
        if value is None:
            return None
    out = dict(data)
    out[keys[0]] = value
    return out


__all__ = ["reparse"]
