"""JSON Schema validation of a resolver document, with messages that say how to fix it.

`encore.config.schema_diagnostics` turns every error of ``resolver.schema.json`` into a
located diagnostic. Its generic texts (``'type' is a required property``) are rewritten
here by what lives at the failing path (the document, a set, a modifier's contexts, a
``$ref``...), so each message names the problem in resolver terms and its help the fix.
To cover a new property: give it a kind in `_kind` and texts in `_value_problem` or
`_missing`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from encore.config import schema, schema_diagnostics
from encore.diagnostics import Diagnostic, Origin
from encore.sourcemap import JsonPath
from encore.values.context import describe

RULE = "resolver/schema"
SCHEMA = "resolver.schema.json"
_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_ROOT_KINDS = ("version", "sets", "modifiers", "resolutionOrder", "$defs")
_ORDER_HELP = (
    'list the sets and modifiers to merge, in order, e.g. "resolutionOrder": '
    '[{"$ref": "#/sets/base"}, {"$ref": "#/modifiers/theme"}]'
)
_SOURCES_HELP = (
    'write "sources": [{"$ref": "tokens/base.json"}, ...]: token files, '
    'sets ({"$ref": "#/sets/base"}) or inline token documents'
)
_CONTEXTS_HELP = 'write "contexts": {"light": [...], "dark": [...]}'


def schema_problems(data: Any, origin: Origin) -> list[Diagnostic]:
    """Every schema error of a resolver document, located, with a fix in its help."""
    out = []
    for diagnostic in schema_diagnostics(data, schema(SCHEMA), origin, RULE):
        if diagnostic.message.startswith("unknown key"):
            out.append(diagnostic)
            continue
        assert diagnostic.origin is not None
        path = diagnostic.origin.path[len(origin.path) :]
        node = _at(data, path)
        if diagnostic.part == "key":
            match = _REQUIRED.match(diagnostic.message)
            key = match.group(1) if match else "?"
            message, hint = _missing(_kind(path), key, path, node)
        elif diagnostic.help is not None:  # an enum, with its "did you mean"
            message, hint = diagnostic.message, diagnostic.help
        else:
            message, hint = _value_problem(_kind(path), path, node)
        out.append(replace(diagnostic, message=message, help=hint))
    return out


def _at(data: Any, path: JsonPath) -> Any:
    for segment in path:
        try:
            data = data[segment]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _kind(path: JsonPath) -> str:
    """What lives at a path of a resolver document."""
    if not path:
        return "document"
    last, parent = path[-1], path[-2] if len(path) > 1 else None
    if len(path) == 1:
        return str(last) if last in _ROOT_KINDS else "text"
    if len(path) == 2:
        return {"sets": "set", "modifiers": "modifier", "resolutionOrder": "item"}.get(
            str(path[0]), "other"
        )
    if parent == "contexts":
        return "context"
    if isinstance(last, int) and (parent == "sources" or path[-3] == "contexts"):
        return "source"
    return {
        "sources": "sources",
        "contexts": "contexts",
        "$ref": "ref",
        "$extensions": "extensions",
        "default": "default",
        "type": "type",
        "name": "text",
        "description": "text",
    }.get(str(last), "other")


def _label(path: JsonPath, node: Any) -> str:
    """``set "base"``, ``modifier "theme"``, ``the inline set "colors"``."""
    if len(path) >= 2 and path[0] in ("sets", "modifiers"):
        return f'{"set" if path[0] == "sets" else "modifier"} "{path[1]}"'
    if len(path) >= 2 and path[0] == "resolutionOrder":
        item = node if len(path) == 2 else None
        kind = item.get("type") if isinstance(item, dict) else None
        name = item.get("name") if isinstance(item, dict) else None
        what = f"the inline {kind}" if kind in ("set", "modifier") else "this inline definition"
        return f'{what} "{name}"' if isinstance(name, str) else what
    return "this definition"


def _missing(kind: str, key: str, path: JsonPath, node: Any) -> tuple[str, str]:
    """Message and help for a required property that is missing."""
    label = _label(path, node)
    if kind == "document" and key == "version":
        return 'the resolver document has no "version"', 'add "version": "2025.10"'
    if kind == "document" and key == "resolutionOrder":
        return 'the resolver document has no "resolutionOrder"', "add it: " + _ORDER_HELP
    if key == "sources":
        return f'{label} has no "sources"', _SOURCES_HELP + "; [] for none"
    if key == "contexts":
        return f'{label} has no "contexts"', "add them: " + _CONTEXTS_HELP
    if key == "type":
        keys = node if isinstance(node, dict) else {}
        if "sources" in keys and "contexts" not in keys:
            fix = 'add "type": "set"'
        elif "contexts" in keys and "sources" not in keys:
            fix = 'add "type": "modifier"'
        else:
            fix = 'add "type": "set" or "type": "modifier"'
        return (
            f'{label} has no "type": an inline set or modifier needs "type" and "name"',
            f'{fix}, or reference a definition instead: {{"$ref": "#/sets/NAME"}}',
        )
    if key == "name":
        return (
            f'{label} has no "name"',
            'add "name": "...", unique within resolutionOrder (inputs and errors use it)',
        )
    return f'{label} has no "{key}"', f'add "{key}"'


def _value_problem(kind: str, path: JsonPath, value: Any) -> tuple[str, str]:
    """Message and help for a value of the wrong type or size."""
    what = describe(value)
    key = str(path[-1]) if path else "document"
    if kind == "document":
        return (
            f"a resolver document is an object, not {what}",
            'start from {"version": "2025.10", "resolutionOrder": [...]}',
        )
    if kind == "version":
        hint = 'write "version": "2025.10"'
        if isinstance(value, int | float) and not isinstance(value, bool):
            hint += ", in quotes (unquoted, YAML reads 2025.10 as the number 2025.1)"
        return f'version must be "2025.10", not {what}', hint
    if kind == "resolutionOrder":
        if value == []:
            return "resolutionOrder is empty: there is nothing to resolve", _ORDER_HELP
        return f"resolutionOrder must be an array, not {what}", _ORDER_HELP
    if kind in ("sets", "modifiers"):
        example = (
            '"sets": {"base": {"sources": [...]}}'
            if kind == "sets"
            else '"modifiers": {"theme": {"contexts": {"light": [...], "dark": [...]}}}'
        )
        return f"{kind} must be an object of named {kind}, not {what}", f"write {example}"
    if kind == "$defs":
        return f"$defs must be an object, not {what}", 'write "$defs": {"name": {...}}'
    if kind in ("set", "modifier"):
        inner = '{"sources": [...]}' if kind == "set" else '{"contexts": {...}}'
        return f'{kind} "{key}" must be an object, not {what}', f"write {inner}"
    if kind == "item":
        return (
            f"resolutionOrder item {key} must be an object, not {what}",
            'reference a definition ({"$ref": "#/sets/base"}) or define one inline '
            'with "type" and "name"',
        )
    if kind == "sources":
        return f"sources must be an array, not {what}", _SOURCES_HELP
    if kind == "source":
        return (
            f"a token source must be an object, not {what}",
            'reference a file ({"$ref": "tokens/base.json"}) or a set '
            '({"$ref": "#/sets/base"}), or write the tokens inline as an object',
        )
    if kind == "contexts":
        if isinstance(value, dict):
            count = f"{len(value)} context" if value else "no contexts"
            hint = (
                "add another context ([] is a valid, empty one), or use a set if the tokens "
                "never change"
                if value
                else _CONTEXTS_HELP
            )
            return f"this modifier has {count}: a modifier needs at least two", hint
        return f"contexts must be an object of context names to sources, not {what}", (
            _CONTEXTS_HELP
        )
    if kind == "context":
        return (
            f'the sources of context "{key}" must be an array, not {what}',
            "list its token sources; [] adds nothing",
        )
    if kind == "ref":
        if value is None:
            return "$ref is empty (null)", (
                "in YAML, '#' starts a comment: quote the pointer, as in $ref: \"#/sets/base\""
            )
        return f"$ref must be a file path or a pointer, not {what}", (
            'write a path relative to this document ("tokens/base.json") or a pointer '
            'into it ("#/sets/base")'
        )
    if kind == "extensions":
        return f"$extensions must be an object keyed by vendor, not {what}", (
            'write "$extensions": {"com.example": {...}}'
        )
    if kind == "default":
        return f"default must be the name of a context, not {what}", (
            "name one of the modifier's contexts, in quotes"
        )
    if kind == "type":
        return f'type must be "set" or "modifier", not {what}', (
            'write "type": "set" or "type": "modifier"'
        )
    if kind == "text":
        if value == "":
            return f"{key} is empty", f"write a {key}, unique within resolutionOrder"
        return f"{key} must be a string, not {what}", "put the text in quotes"
    return f"{key} has the wrong shape here: {what}", "see the DTCG resolver module 2025.10"
