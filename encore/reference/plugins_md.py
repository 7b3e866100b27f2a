"""``plugins.md``: the plugin contract, from `encore.plugins` and the exported dataclasses.

The field lists come from the dataclasses themselves (name, annotation, default) plus
`FIELD_NOTES` or, failing that, the class docstring's sentences naming the field
(````field````); generation fails naming a field documented in neither. The example is
quoted from ``tests/fixtures/plugins`` as it is in the repository.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path
from typing import Any

from encore import formats, plugins, rules, transforms
from encore.reference.schema_md import cell, prose

EXPORTS: dict[str, tuple[type[Any], Any]] = {
    "encore.formats": (formats.Format, formats),
    "encore.rules": (rules.Rule, rules),
    "encore.transforms": (transforms.Transform, transforms),
}
USED_WHERE = {
    "encore.formats": "a `platform.yaml`'s `formats:` names it as `format:`, like a built-in",
    "encore.rules": "`encore.yaml`'s `rules:` names it with a severity; unnamed, it never runs",
    "encore.transforms": "a `platform.yaml`'s `transforms:` lists it; applied in order",
}
FIELD_NOTES: dict[tuple[str, str], str] = {
    ("Format", "name"): "the name platform.yaml uses; equals the entry point's name",
    ("Format", "summary"): "one line for listings and docs",
    ("Format", "options"): "JSON Schema of the format's `options:`; violations are located "
    "`config/format-options` errors",
    ("Format", "render"): "`render(tokens, options, report) -> str`: one resolved token set "
    "to the file's text; append problems to `report`",
    ("Format", "render_themes"): "optional: every theme permutation to files (path relative "
    "to the platform folder to text); without it a themed build renders the default set",
    ("Rule", "id"): "`family/name`, the id encore.yaml and diagnostics use; equals the entry "
    "point's name",
    ("Rule", "severity"): "default severity (`Severity.ERROR`, `WARNING` or `OFF`); a plugin "
    "rule runs only when encore.yaml names it, at the severity named there",
    ("Rule", "summary"): "one line for listings and docs",
    ("Rule", "check"): "`check(tokens) -> Iterable[Diagnostic]` over one resolved token set; "
    "Encore sets each finding's severity",
    ("Rule", "local"): "`True` promises that a token's findings depend only on it and the "
    "tokens it references (read with `tokens.get`): warm rebuilds then check only the tokens "
    "an edit reached",
    ("Transform", "name"): "the name platform.yaml uses; equals the entry point's name",
    ("Transform", "summary"): "one line for listings and docs",
    ("Transform", "apply"): "`apply(token, options) -> value | None`: a new value of the same "
    "type, or `None` to leave the token; exceptions become `transform/failed`",
    ("Transform", "types"): "token types it applies to; `None` for every type",
    ("Transform", "options"): "JSON Schema of its `options:` (`config/transform` errors)",
}
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "plugins"


def _short(annotation: str) -> str:
    return re.sub(r"\b(?:[a-z_]+\.)+([A-Za-z_]+)", r"\1", annotation)


def _default(f: dataclasses.Field[Any]) -> str:
    if f.default is not dataclasses.MISSING:
        return f"`{f.default!r}`"
    if f.default_factory is not dataclasses.MISSING:
        return f"`{f.default_factory()!r}`"
    return "required"


def _documented(kind: type[Any], name: str) -> str | None:
    """The sentences of the class docstring that name the field as ````name````."""
    text = " ".join((inspect.getdoc(kind) or "").split())
    found = [s for s in re.split(r"(?<=[.;])\s+", text) if f"``{name}``" in s]
    return " ".join(found).replace("``", "`") or None


def _fields(kind: type[Any], module: Any) -> list[str]:
    doc = prose(inspect.getdoc(kind))
    lines = [f"`{module.__name__}.{kind.__name__}`: {doc}", ""]
    lines += ["| field | type | default | meaning |", "|---|---|---|---|"]
    for f in dataclasses.fields(kind):
        note = FIELD_NOTES.get((kind.__name__, f.name)) or _documented(kind, f.name)
        if note is None:
            raise KeyError(f"{kind.__name__}.{f.name}: document it in FIELD_NOTES")
        kind_text = cell(f"`{_short(str(f.type))}`")
        lines.append(f"| `{f.name}` | {kind_text} | {_default(f)} | {cell(note)} |")
    aliases = [
        (name, value)
        for name, value in vars(module).items()
        if re.search(rf"\b{name}\b", " ".join(str(f.type) for f in dataclasses.fields(kind)))
        and name[0].isupper()
        and not isinstance(value, type)
    ]
    for name, value in sorted(aliases):
        lines += ["", f"`{name}` is `{_short(repr(value))}`."]
    return [*lines, ""]


def _quote(path: Path, language: str) -> list[str]:
    rel = path.relative_to(FIXTURES.parents[2]).as_posix()
    text = path.read_text(encoding="utf-8").rstrip("\n")
    return [f"`{rel}`:", "", f"```{language}", text, "```", ""]


INTRO = """\
# Plugins

<!-- Generated by `python3 -m encore.reference --write`; do not edit. -->

Another installed package adds output formats, rules and value transforms without a fork,
through Python entry points. Built-in names win; a plugin is imported only when a project
names something Encore does not have, so projects without plugins pay nothing. A plugin
that fails to import, exports the wrong kind of object, or whose object's name differs
from its entry point's name is a located error where the project names it
(`config/unknown-format`, `config/unknown-transform`, `config/project` for rules), with a
"did you mean" among the names that exist. The build cache fingerprints the plugin
packages a project uses, so upgrading a plugin rebuilds.
"""


def plugins_page() -> str:
    """The whole page."""
    lines = [INTRO, "## Entry-point groups", ""]
    lines += ["| group | exports | used when |", "|---|---|---|"]
    for group in plugins.GROUPS:
        kind, module = EXPORTS[group]
        lines.append(f"| `{group}` | `{module.__name__}.{kind.__name__}` | {USED_WHERE[group]} |")
    lines += ["", "The entry point's name is the name a project uses.", ""]
    for group in plugins.GROUPS:
        kind, module = EXPORTS[group]
        lines += [f"## `{group}`", "", *_fields(kind, module)]
    package = FIXTURES / "encore-example-plugin"
    project = FIXTURES / "project"
    lines += [
        "## Example",
        "",
        "The test suite installs this package with pip and builds a project with it",
        "(`tests/test_plugins.py`): one format, one rule and one transform, plus a module",
        "that fails to import, to show how that is reported.",
        "",
        *_quote(package / "pyproject.toml", "toml"),
        *_quote(package / "encore_example_plugin" / "__init__.py", "python"),
        "The project names the rule in `encore.yaml` and the format and transform in its",
        "`platform.yaml`:",
        "",
        *_quote(project / "encore.yaml", "yaml"),
        *_quote(project / "platforms" / "web" / "platform.yaml", "yaml"),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["FIELD_NOTES", "plugins_page"]
