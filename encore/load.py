"""Load token files (YAML or JSON) into plain data plus a `SourceFile` for locations.

YAML goes through PyYAML's C parser with YAML 1.2-like scalars: mapping keys stay the
strings the author wrote (``500:`` is ``"500"``, ``on:`` is ``"on"``), only
``true``/``false`` are booleans, ``1e3`` is a number, and dates stay strings.
Duplicate keys are errors in both syntaxes.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

from encore import warm
from encore.diagnostics import Diagnostic, Origin, SourceLocation
from encore.share import Delta, share
from encore.sourcemap import JsonPath, SourceFile
from encore.yaml_splice import reparse

TOKEN_SUFFIXES = (".tokens.json", ".tokens", ".json", ".yaml", ".yml")
YAML_SUFFIXES = (".yaml", ".yml")
RESOLVER_SUFFIXES = (".resolver.json", ".resolver.yaml", ".resolver.yml")
COMPONENT_SUFFIXES = (".component.yaml", ".component.yml", ".component.json")

_CLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Parser: Any = getattr(yaml, "CParser", None) or yaml.parser.Parser


class EncoreYamlLoader(_CLoader):  # type: ignore[misc]
    """PyYAML's C loader with string keys, YAML 1.2 booleans and numbers, duplicate checks."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, Any]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            return dict(super().construct_mapping(node, deep=deep))
        own: set[str] = set()
        for key_node, _ in node.value:  # duplicates among the keys written here, not merged
            if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(
                key_node, yaml.ScalarNode
            ):
                continue
            if key_node.value in own:
                self.duplicates.append((key_node.value, key_node.start_mark))
            own.add(key_node.value)
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain names", key_node.start_mark
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def _configure_resolvers() -> None:
    resolvers = EncoreYamlLoader.add_implicit_resolver
    resolvers(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    resolvers(
        "tag:yaml.org,2002:int",
        re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
        list("-+0123456789"),
    )
    resolvers(
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+0123456789."),
    )
    resolvers("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
    resolvers("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


_configure_resolvers()
EncoreYamlLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node)
)


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A token document's data and its source.

    ``base`` is the JSON path of ``data`` inside ``source``: empty for a whole file,
    non-empty for a part of one (a resolver's inline source, a ``file.json#/pointer``).
    """

    source: SourceFile
    data: Any
    base: JsonPath = ()


def is_token_file(path: Path) -> bool:
    """True for the suffixes Encore reads as token files (resolver documents and component
    specs are not)."""
    name = path.name.lower()
    return name.endswith(TOKEN_SUFFIXES) and not name.endswith(
        RESOLVER_SUFFIXES + COMPONENT_SUFFIXES
    )


def is_component_file(path: Path) -> bool:
    """True for component specs: ``*.component.yaml``, ``.yml`` or ``.json``."""
    return path.name.lower().endswith(COMPONENT_SUFFIXES)


def is_resolver_file(path: Path) -> bool:
    """True for ``*.resolver.json``, ``*.resolver.yaml`` and ``*.resolver.yml``."""
    return path.name.lower().endswith(RESOLVER_SUFFIXES)


def _pairs_without_duplicates(duplicates: list[str]) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append(key)
                seen.add(key)
        return result

    return hook


def _constant_rejecter(text: str) -> Any:
    def reject(name: str) -> Any:
        position = max(text.find(name), 0)
        raise json.JSONDecodeError(f"{name} is not valid JSON; write a number", text, position)

    return reject


def parse_text(path: str, text: str) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Parse one file's text; syntax errors become located diagnostics."""
    syntax = "yaml" if path.lower().endswith(YAML_SUFFIXES) else "json"
    source = SourceFile(path, text, syntax)
    origin = Origin(source, ())
    if syntax == "json":
        duplicates: list[str] = []
        try:
            data = json.loads(
                text,
                object_pairs_hook=_pairs_without_duplicates(duplicates),
                parse_constant=_constant_rejecter(text),
            )
        except json.JSONDecodeError as exc:
            where = SourceLocation(path, exc.lineno, exc.colno)
            return None, [
                Diagnostic(
                    "syntax/json",
                    f"invalid JSON: {exc.msg}",
                    origin,
                    help="JSON needs double-quoted keys, commas between entries and "
                    "no trailing commas or comments",
                    fixed_location=where,
                )
            ]
        diagnostics = [
            Diagnostic(
                "syntax/duplicate-key",
                f'key "{key}" appears twice in the same object; the last one would win silently',
                origin,
                help="remove or rename one of them",
            )
            for key in duplicates
        ]
        return LoadedFile(source, data), diagnostics
    loader = EncoreYamlLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        yaml_where = SourceLocation(path, mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        hint = "check indentation and quoting; quote values that start with '#' or '{'"
        if mark is not None and "\t" in (text.splitlines()[mark.line : mark.line + 1] or [""])[0]:
            hint = "YAML indents with spaces, not tabs: replace the tab"
        return None, [
            Diagnostic(
                "syntax/yaml",
                f"invalid YAML: {problem}",
                origin,
                help=hint,
                fixed_location=yaml_where,
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Diagnostic("syntax/yaml", f"invalid YAML: {exc}", origin)]
    finally:
        loader.dispose()
    diagnostics = [
        Diagnostic(
            "syntax/duplicate-key",
            f'key "{key}" appears twice in the same mapping; the last one would win silently',
            origin,
            help="remove or rename one of them",
            fixed_location=SourceLocation(path, mark.line + 1, mark.column + 1),
        )
        for key, mark in loader.duplicates
    ]
    return LoadedFile(source, data), diagnostics


# The last parse of each file: a long-lived process (``encore watch``) parses only the
# files that changed, and a re-parsed file shares every unchanged part with its last parse
# (`encore.share`), in the same `SourceFile` object, updated in place: unchanged tokens keep
# their data objects and origins, which lets the evaluator reuse them
# (`encore.evaluate.Evaluator.reuse`) and a value-only edit patch the last token tree.
_PARSED: OrderedDict[str, tuple[str, LoadedFile | None, tuple[Diagnostic, ...]]] = warm.cache(
    OrderedDict()
)
_PARSED_SIZE = 512
# A re-parse that shared with the file's last parse: new LoadedFile id → (the last
# LoadedFile, the new one, what changed). Read by `encore.tree_patch`.
DELTAS: OrderedDict[int, tuple[LoadedFile, LoadedFile, Delta]] = warm.cache(OrderedDict())


def load_file(path: Path, *, shared: bool = False) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Read and parse one token file. With ``shared`` the result may come from (and goes
    into) the process's cache of parsed files: only for callers that never change the
    data they are given (token sources; not specs or configuration)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            Diagnostic(
                "load/unreadable",
                f"cannot read {path}: {exc}",
                fixed_location=SourceLocation(str(path)),
            )
        ]
    if not (shared and warm.ENABLED):
        return parse_text(str(path), text)
    key = str(path)
    found = _PARSED.get(key)
    if found is None or found[0] != text:
        loaded, problems = _spliced(key, text, found) or parse_text(key, text)
        last = found[1] if found is not None else None
        if loaded is not None and last is not None and not problems:
            loaded = _reparsed(last, loaded)
        if loaded is None and last is not None:
            return None, problems  # the last good parse stays for the next good save
        found = _PARSED[key] = (text, loaded, tuple(problems))
        while len(_PARSED) > _PARSED_SIZE:
            _PARSED.popitem(last=False)
    _PARSED.move_to_end(key)
    return found[1], list(found[2])


def _spliced(
    path: str, text: str, found: tuple[str, LoadedFile | None, tuple[Diagnostic, ...]] | None
) -> tuple[LoadedFile, list[Diagnostic]] | None:
    """A YAML file's new parse made by re-parsing only its edited entry
    (`encore.yaml_splice`), when its last parse was clean; else ``None``."""
    if found is None or found[1] is None or found[2] or not path.lower().endswith(YAML_SUFFIXES):
        return None
    data = reparse(found[0], found[1].data, text, _quiet_yaml)
    if data is None:
        return None
    return LoadedFile(SourceFile(path, text, "yaml"), data), []


def _quiet_yaml(text: str) -> Any:
    """The data of a YAML text, or ``None`` when parsing it reports anything."""
    loader = EncoreYamlLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None if loader.duplicates else data


def _reparsed(last: LoadedFile, new: LoadedFile) -> LoadedFile:
    """``new`` sharing ``last``'s unchanged data, in ``last``'s source updated in place."""
    data, delta = share(last.data, new.data)
    source = last.source
    source.text, source.syntax = new.source.text, new.source.syntax
    source._index = source._line_starts = None
    loaded = LoadedFile(source, data, last.base)
    DELTAS[id(loaded)] = (last, loaded, delta)  # holds ``loaded``: its id stays its own
    while len(DELTAS) > 64:
        DELTAS.popitem(last=False)
    return loaded
