"""``platform-yaml.md``: the platform.yaml schema, every built-in output format with its
options, and the component generators.

A format's options come from its options schema (`encore.formats.FORMATS`) and their
defaults from its module's ``DEFAULTS``; what each option does is `OPTION_NOTES`, which
must cover every option (generation fails naming the one that lacks a note). Generator
options are read from the generator's code: its ``DEFAULTS`` and ``options.get(key,
default)`` calls.
"""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Callable
from typing import Any

from encore.components.generators import GENERATORS
from encore.config import schema
from encore.formats import FORMATS, Format
from encore.reference.schema_md import Document, cell, code, prose, schema_page

OPTION_NOTES: dict[str, str] = {
    "prefix": "prefix of every generated name (`--<prefix>-<path>`, `$<prefix>-<path>`)",
    "android-xml.prefix": "prefix of every resource name (`<prefix>_<path>`)",
    "selector": "the CSS selector holding the default theme's custom properties",
    "references": "`keep`: aliases print a reference (`var(--...)`); `inline`: copy values",
    "wide_gamut": "colours outside sRGB: `native` (their own space), `display-p3`, "
    "`oklch`, or `none` (sRGB only)",
    "descriptions": "write `$description` and `$deprecated` as comments",
    "map": "name of the map holding every variable, or `null` for none",
    "access": "Swift access level of the generated declarations",
    "namespace": "the top-level Swift enum (SwiftUI values)",
    "uikit_namespace": "the enum holding UIKit values, or `null` for none",
    "type_prefix": "prefix of the generated value types (`EncoreTypography`, ...)",
    "rem_base": "pixels per `rem` when converting to points, dp or sp",
    "package": "Kotlin package of the generated file",
    "object": "name of the Kotlin object holding the tokens",
    "visibility": "Kotlin visibility of the generated declarations",
    "font_families": "font family name to a Kotlin expression giving its `FontFamily`",
    "sp_tokens": "extra dimension tokens written in sp (type sizes are sp already)",
}


def _defaults(render: Callable[..., Any]) -> dict[str, Any]:
    found = getattr(sys.modules[render.__module__], "DEFAULTS", {})
    return dict(found) if isinstance(found, dict) else {}


def _format_section(fmt: Format) -> list[str]:
    doc = Document(fmt.options)
    defaults = _defaults(fmt.render)
    lines = [f"### `{fmt.name}`", "", f"{fmt.summary}.", ""]
    properties: dict[str, Any] = fmt.options.get("properties", {})
    if not properties:
        return [*lines, "No options.", ""]
    lines += ["| option | type | default | what it does |", "|---|---|---|---|"]
    for key, raw in properties.items():
        note = OPTION_NOTES.get(f"{fmt.name}.{key}", OPTION_NOTES.get(key))
        if note is None:
            raise KeyError(f"format option {fmt.name}.{key}: add a note to OPTION_NOTES")
        default = code(defaults[key]) if key in defaults else ""
        lines.append(f"| `{key}` | {cell(doc.type_of(raw))} | {default} | {cell(note)} |")
    lines.append("")
    if fmt.options.get("additionalProperties") is False:
        lines += ["Other options are an error (`config/format-options`).", ""]
    return lines


def generator_options(generate: Callable[..., Any]) -> dict[str, Any]:
    """The options a generator reads, with their defaults, from its module's code."""
    module = sys.modules[generate.__module__]
    found: dict[str, Any] = dict(getattr(module, "DEFAULTS", {}))
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and getattr(node.func.value, "id", "") == "options"
            and len(node.args) == 2
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            key, default = (a.value for a in node.args if isinstance(a, ast.Constant))
            found[str(key)] = default
    return dict(sorted(found.items()))


def _generators() -> list[str]:
    lines = [
        "## Component generators",
        "",
        "`components.generator` names one of these; `components.options` is passed to it",
        "as is (it is not validated: unknown options are ignored).",
        "",
        "| generator | writes | options (default) |",
        "|---|---|---|",
    ]
    for name, generate in sorted(GENERATORS.items()):
        summary = prose(inspect.getdoc(generate))
        options = ", ".join(f"`{k}` ({code(v)})" for k, v in generator_options(generate).items())
        lines.append(f"| `{name}` | {cell(summary)} | {options or 'none'} |")
    return [*lines, ""]


INTRO = """\
Each platform system folder named in `encore.yaml`'s `platforms:` holds a `platform.yaml`:
the platform's name, its output folder under the build folder, the files its formats
write, the plugin transforms applied first, and the component generator. Problems are
reported as `config/platform`, `config/unknown-format`, `config/format-options`,
`config/unknown-transform`, `config/transform` and `config/unknown-generator`
(see [rules.md](rules.md))."""


def platform_page() -> str:
    """The whole page."""
    page = schema_page(schema("platform.schema.json"), "platform.schema.json", INTRO)
    lines = [page.rstrip("\n"), "", "## Built-in output formats", ""]
    lines += [
        "Plugins add more (entry-point group `encore.formats`, see [plugins.md](plugins.md)).",
        "",
        "| format | summary |",
        "|---|---|",
    ]
    lines += [f"| `{f.name}` | {cell(f.summary)} |" for f in sorted(FORMATS.values(), key=_name)]
    lines.append("")
    for fmt in sorted(FORMATS.values(), key=_name):
        lines += _format_section(fmt)
    lines += _generators()
    return "\n".join(lines).rstrip("\n") + "\n"


def _name(fmt: Format) -> str:
    return fmt.name


__all__ = ["OPTION_NOTES", "generator_options", "platform_page"]
