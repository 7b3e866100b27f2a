"""JSON Schema (the subset Encore's schemas use) to Markdown tables.

`schema_page` writes one section per object: a table of its keys (type, required,
default, description), then a section for each nested object, named by its key path
(``themes.appearance``, ``formats[]``, ``tokens.<name>``). Types are written from
``type``, ``enum``, ``const``, ``pattern``, ``items``, ``additionalProperties`` and
``oneOf``/``anyOf``; ``$ref`` is followed inside the same document.
"""

from __future__ import annotations

import json
from typing import Any

Schema = dict[str, Any]


def code(value: Any) -> str:
    """A JSON value as inline code (strings bare)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def prose(docstring: str | None) -> str:
    """The first line of a docstring, double-backtick code as single."""
    return (docstring or "").strip().split("\n")[0].replace("``", "`")


class Document:
    """One schema document, for following its local ``$ref``s."""

    def __init__(self, root: Schema) -> None:
        self.root = root
        self.used: set[str] = set()  # named value types ($defs) the tables link to

    def named(self, raw: Schema) -> str | None:
        """The $defs name ``raw`` refers to, when that is a value type (not an object)."""
        ref = raw.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
            return None
        name = ref.removeprefix("#/$defs/")
        target = self.root.get("$defs", {}).get(name, {})
        return None if "properties" in self.resolve(target) else name

    def resolve(self, node: Schema) -> Schema:
        """``node`` with its ``$ref`` followed; the node's own keywords win."""
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        target: Any = self.root
        for part in ref[2:].split("/"):
            target = target[part]
        merged = {**self.resolve(target), **{k: v for k, v in node.items() if k != "$ref"}}
        return merged

    def type_of(self, raw: Schema) -> str:
        """A short human description of the values ``raw`` allows."""
        name = self.named(raw)
        if name is not None:
            self.used.add(name)
            return f"[{name}](#{name})" + (" (non-empty)" if raw.get("minItems") else "")
        node = self.resolve(raw)
        if "const" in node:
            return f"{code(node['const'])} (fixed)"
        if "enum" in node:
            return "one of " + ", ".join(code(v) for v in node["enum"])
        for combinator in ("oneOf", "anyOf"):
            if combinator in node:
                return " or ".join(self.type_of(branch) for branch in node[combinator])
        kinds = node.get("type", "string" if "pattern" in node else None)
        names = kinds if isinstance(kinds, list) else [kinds] if kinds else []
        parts = [self._one(str(kind), node) for kind in names] or ["any"]
        text = " or ".join(parts)
        if isinstance(node.get("not"), dict) and "enum" in node["not"]:
            text += " except " + ", ".join(code(v) for v in node["not"]["enum"])
        return text

    def _one(self, kind: str, node: Schema) -> str:
        if kind == "array":
            items = node.get("items")
            text = "list of " + (self.type_of(items) if isinstance(items, dict) else "any")
            if node.get("minItems"):
                text = f"non-empty {text}"
            return text + (" (unique)" if node.get("uniqueItems") else "")
        if kind == "object":
            extra = node.get("additionalProperties")
            if "properties" in node or not isinstance(extra, dict):
                return "object"
            keys = node.get("propertyNames")
            key = self.type_of(keys) if isinstance(keys, dict) else "name"
            return f"map of {key} to {self.type_of(extra)}"
        if kind == "string":
            if "pattern" in node:
                return f"string matching {code(node['pattern'])}"
            return "non-empty string" if node.get("minLength") else "string"
        if kind in ("number", "integer"):
            bounds = [
                f"{op} {node[key]:g}"
                for key, op in (
                    ("minimum", ">="),
                    ("exclusiveMinimum", ">"),
                    ("maximum", "<="),
                    ("exclusiveMaximum", "<"),
                )
                if key in node
            ]
            return kind + (f" ({', '.join(bounds)})" if bounds else "")
        return kind

    def objects(self, raw: Schema, path: str) -> list[tuple[str, Schema]]:
        """The object schemas (with properties) reachable from ``raw``, with key paths."""
        node = self.resolve(raw)
        if "properties" in node:
            return [(path, node)]
        found: list[tuple[str, Schema]] = []
        items = node.get("items")
        if isinstance(items, dict):
            found += self.objects(items, f"{path}[]")
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            found += self.objects(extra, f"{path}.<name>")
        for combinator in ("oneOf", "anyOf"):
            for branch in node.get(combinator, []):
                found += self.objects(branch, path)
        return found


def _table(doc: Document, node: Schema) -> list[str]:
    required = set(node.get("required", []))
    lines = ["| key | type | required | default | description |", "|---|---|---|---|---|"]
    for key, raw in node["properties"].items():
        sub = doc.resolve(raw)
        default = code(sub["default"]) if "default" in sub else ""
        lines.append(
            f"| `{key}` | {cell(doc.type_of(raw))} | {'yes' if key in required else ''} "
            f"| {default} | {cell(str(sub.get('description', '')))} |"
        )
    return lines


def _extras(doc: Document, node: Schema) -> list[str]:
    extra = node.get("additionalProperties", True)
    if extra is False:
        return ["No other keys are allowed."]
    if isinstance(extra, dict):
        return [f"Other keys: {doc.type_of(extra)}."]
    return []


def object_sections(doc: Document, node: Schema, path: str = "") -> list[str]:
    """The section of one object, then one per object nested in it (by key path)."""
    lines: list[str] = []
    if path:
        lines += [f"### `{path}`", ""]
        if node.get("description"):
            lines += [str(node["description"]), ""]
    lines += [*_table(doc, node), ""]
    extras = _extras(doc, node)
    if extras:
        lines += [*extras, ""]
    for key, raw in node["properties"].items():
        child = f"{path}.{key}" if path else key
        for sub_path, sub in doc.objects(raw, child):
            lines += object_sections(doc, sub, sub_path)
    return lines


def _types(doc: Document) -> list[str]:
    """The named value types the tables link to, and the ones those link to."""
    done: dict[str, tuple[str, str]] = {}
    while doc.used - set(done):
        for name in sorted(doc.used - set(done)):
            node = doc.root["$defs"][name]
            done[name] = (doc.type_of(node), str(node.get("description", "")))
    if not done:
        return []
    lines = ["## Value types", "", "| type | values | description |", "|---|---|---|"]
    for name, (kind, what) in sorted(done.items()):
        lines.append(f'| <a id="{name}"></a>`{name}` | {cell(kind)} | {cell(what)} |')
    return [*lines, ""]


def schema_page(schema: Schema, file_name: str, intro: str) -> str:
    """A whole page for one schema document."""
    doc = Document(schema)
    lines = [
        f"# {schema.get('title', file_name)}",
        "",
        "<!-- Generated by `python3 -m encore.reference --write`; do not edit. -->",
        "",
        intro,
        "",
    ]
    if schema.get("description"):
        lines += [str(schema["description"]), ""]
    lines += [f"Validated by `encore/schemas/{file_name}` (JSON Schema 2020-12).", ""]
    lines += ["## Keys", ""]
    lines += object_sections(doc, schema)
    lines += _types(doc)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["Document", "cell", "code", "object_sections", "prose", "schema_page"]
