"""``encore import style-dictionary``: a Style Dictionary token tree as DTCG YAML.

Each JSON file under the source folder becomes one YAML file at the same relative path.
A token is an object with ``value`` (legacy) or ``$value`` (Style Dictionary 4+); its
type comes from `encore.importers.sd_types`, its value from
`encore.importers.sd_values`; references lose their ``.value``; ``comment`` and
``description`` become ``$description``, ``deprecated``/``deprecated_comment``
``$deprecated``, and other keys (``attributes``, ...) go under ``$extensions``
(``com.styledictionary``). Group structure and key order are kept.

What cannot be converted is left out with a warning at its ``file:line:column``, and so
is every token that refers to something left out. The result is compiled with Encore's
own pipeline before anything is written; a token Encore still refuses is left out the
same way, so the written files always pass ``encore check``. Syntax errors in the input
are errors: nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from encore.build import compile_tokens
from encore.diagnostics import Diagnostic, EncoreError, Origin, Severity, SourceLocation
from encore.importers import sd_types
from encore.importers.sd_values import CONVERTERS, Unconvertible, is_reference, show
from encore.load import LoadedFile, parse_text
from encore.suggest import did_you_mean
from encore.tree import name_problem
from encore.write import atomic_write

EXTENSION = "com.styledictionary"
DESCRIPTION_KEYS = ("$description", "comment", "description")
CONSUMED = frozenset(
    {"value", "$value", "type", "$type", "deprecated", "$deprecated", "deprecated_comment"}
    | set(DESCRIPTION_KEYS)
)
INTERNAL = frozenset({"name", "path", "filePath", "isSource", "original"})
REF = re.compile(r"\{([^{}]+)\}")


@dataclass(slots=True)
class Entry:
    """One token being converted: where it is and what it becomes."""

    name: str
    file: int
    path: tuple[str, ...]  # inside its file
    origin: Origin
    node: dict[str, Any] | None = None  # the DTCG token, None once left out
    refs: tuple[tuple[str, Origin], ...] = ()


@dataclass
class ImportResult:
    """The converted files (relative path → DTCG tree), what was left out, and counts."""

    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # output path → source path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    converted: int = 0


def rewrite(raw: Any) -> tuple[Any, list[str]]:
    """``raw`` with every ``{a.b.value}`` as ``{a.b}``, and the names referred to."""
    names: list[str] = []

    def one(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        name = name[: -len(".value")] if name.endswith(".value") else name
        names.append(name)
        return "{" + name + "}"

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return REF.sub(one, value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(raw), names


class _Converter:
    def __init__(self, number_unit: str) -> None:
        self.number_unit = number_unit
        self.entries: dict[str, Entry] = {}
        self.trees: list[dict[str, Any]] = []
        self.diagnostics: list[Diagnostic] = []

    def warn(self, origin: Origin, rule: str, message: str, hint: str, part: str = "value") -> None:
        self.diagnostics.append(Diagnostic(rule, message, origin, Severity.WARNING, hint, part))

    def add_file(self, loaded: LoadedFile) -> None:
        tree: dict[str, Any] = {}
        self.trees.append(tree)
        if isinstance(loaded.data, dict):
            self.group(loaded.data, (), Origin(loaded.source, ()), tree, None)

    def group(
        self,
        data: dict[str, Any],
        path: tuple[str, ...],
        origin: Origin,
        out: dict[str, Any],
        inherited: str | None,
    ) -> None:
        inherited = (
            data.get("$type", inherited) if isinstance(data.get("$type"), str) else inherited
        )
        for key in ("$description", "$deprecated", "$extensions"):
            if key in data and path:
                out[key] = data[key]
        for key, child in data.items():
            if key.startswith("$") or not isinstance(child, dict):
                continue
            where = origin.child(key)
            problem = name_problem(key)
            if problem:
                self.warn(where, "import/name", f'"{key}": {problem}', "rename it", "key")
            elif "value" in child or "$value" in child:
                self.token(child, (*path, key), where, out, key, inherited)
            else:
                sub: dict[str, Any] = {}
                self.group(child, (*path, key), where, sub, inherited)
                if sub:
                    out[key] = sub

    def token(
        self,
        raw: dict[str, Any],
        path: tuple[str, ...],
        origin: Origin,
        out: dict[str, Any],
        key: str,
        inherited: str | None,
    ) -> None:
        name = ".".join(path)
        value_key = "$value" if "$value" in raw else "value"
        entry = Entry(name, len(self.trees) - 1, path, origin)
        if name in self.entries:
            first = self.entries[name].origin.location("key")
            self.warn(origin, "import/duplicate", f'"{name}" is defined again', f"first at {first}")
            return
        self.entries[name] = entry
        value, names = rewrite(raw[value_key])
        entry.refs = tuple((n, origin.child(value_key)) for n in names)
        try:
            node = self.convert(raw, path, value, inherited)
        except Unconvertible as why:
            where = origin.child(value_key) if why.rule != "import/type" else origin
            self.warn(where, why.rule, f'"{name}" not converted: {why.message}', why.hint)
            return
        except (ValueError, TypeError, KeyError, ZeroDivisionError, AttributeError):
            self.warn(
                origin.child(value_key),
                "import/value",
                f'"{name}" not converted: {show(value)} has an unexpected shape',
                "write the value by hand in DTCG form",
            )
            return
        entry.node = node
        out[key] = node

    def convert(
        self, raw: dict[str, Any], path: tuple[str, ...], value: Any, inherited: str | None
    ) -> dict[str, Any]:
        written = raw.get("$type", raw.get("type", inherited))
        node: dict[str, Any] = {}
        if isinstance(written, str):
            dtcg = sd_types.from_type(written)
            if dtcg is None:
                if written in sd_types.NO_DTCG_TYPE:
                    raise Unconvertible(
                        f'type "{written}" has no DTCG equivalent',
                        "DTCG has no string, asset or boolean tokens; keep them outside Encore",
                        "import/type",
                    )
                hint = did_you_mean(written, sd_types.TYPES) or "use a DTCG type such as color"
                raise Unconvertible(f'unknown type "{written}"', hint, "import/type")
        else:
            dtcg = sd_types.infer(path, value)
            if dtcg is None and not is_reference(value):
                raise Unconvertible(
                    f"cannot tell the type of {show(value)}",
                    'add "type" (color, dimension, duration, ...) to the token',
                    "import/type",
                )
        mixed = isinstance(value, str) and REF.search(value) and not is_reference(value)
        if mixed and dtcg not in ("shadow", "border"):
            raise Unconvertible(
                f'"{value}" is an expression',
                "DTCG has no arithmetic or string templates: compute the value, "
                "or make it one reference",
                "import/expression",
            )
        if dtcg is not None:
            node["$type"] = dtcg
            node["$value"] = CONVERTERS[dtcg](value, self.number_unit)
        else:
            node["$value"] = value
        self.metadata(raw, node)
        return node

    @staticmethod
    def metadata(raw: dict[str, Any], node: dict[str, Any]) -> None:
        description = next((raw[k] for k in DESCRIPTION_KEYS if isinstance(raw.get(k), str)), None)
        if description:
            node["$description"] = description
        deprecated = raw.get("$deprecated", raw.get("deprecated"))
        if isinstance(raw.get("deprecated_comment"), str) and deprecated:
            deprecated = raw["deprecated_comment"]
        if isinstance(deprecated, bool | str) and deprecated:
            node["$deprecated"] = deprecated
        extensions = (
            dict(raw.get("$extensions", {})) if isinstance(raw.get("$extensions"), dict) else {}
        )
        extra = {
            k: v
            for k, v in raw.items()
            if k not in CONSUMED and k not in INTERNAL and not k.startswith("$")
        }
        if extra:
            extensions[EXTENSION] = extra
        if extensions:
            node["$extensions"] = extensions

    def drop(self, name: str, origin: Origin, rule: str, message: str, hint: str) -> None:
        entry = self.entries[name]
        if entry.node is None:
            return
        entry.node = None
        self.warn(origin, rule, message, hint)
        _remove(self.trees[entry.file], entry.path)

    def drop_dependents(self) -> None:
        """Leave out every token that refers to a token left out or missing."""
        changed = True
        while changed:
            changed = False
            for entry in self.entries.values():
                if entry.node is None:
                    continue
                for target, where in entry.refs:
                    found = self.entries.get(target)
                    if found is not None and found.node is not None:
                        continue
                    why = "was left out" if found is not None else "does not name a token"
                    known = (
                        n for n, e in self.entries.items() if e.node is not None and e is not entry
                    )
                    hint = did_you_mean(target, known) if found is None else None
                    self.drop(
                        entry.name,
                        where,
                        "import/reference",
                        f'"{entry.name}" not converted: it refers to {{{target}}}, which {why}',
                        hint or "fix or convert that token first",
                    )
                    changed = True
                    break


def _remove(tree: dict[str, Any], path: tuple[str, ...]) -> None:
    """Delete the token at ``path`` and the groups it leaves without tokens."""
    if len(path) == 1:
        tree.pop(path[0], None)
        return
    child = tree.get(path[0])
    if isinstance(child, dict):
        _remove(child, path[1:])
        if not any(not k.startswith("$") for k in child):
            tree.pop(path[0], None)


SKIPPED_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".json5")


def _output_path(rel: Path) -> str:
    return rel.with_suffix(".yaml").as_posix()


def _is_script(path: Path) -> bool:
    """A build script or configuration (``build.js``, ``sd.config.mjs``), not tokens."""
    stem = path.name.lower().split(".")[0]
    return stem in ("build", "config", "sd", "style-dictionary", "styledictionary") or (
        "config" in path.name.lower()
    )


def _is_config(data: Any) -> bool:
    return isinstance(data, dict) and "platforms" in data and "source" in data


def convert_tree(source: Path, *, number_unit: str = "px") -> ImportResult:
    """Convert every JSON file under ``source``; raises `EncoreError` on syntax errors."""
    converter = _Converter(number_unit)
    result = ImportResult()
    errors: list[Diagnostic] = []
    outputs: list[str] = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        if any(part.startswith(".") or part == "node_modules" for part in rel.parts):
            continue
        if path.name.lower().endswith(SKIPPED_SUFFIXES) and not _is_script(path):
            converter.diagnostics.append(
                Diagnostic(
                    "import/file",
                    f"{rel} is not JSON: not read",
                    severity=Severity.WARNING,
                    fixed_location=SourceLocation(str(path)),
                    help="export it to JSON first (Style Dictionary can write JSON tokens)",
                )
            )
            continue
        if not path.name.lower().endswith(".json"):
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(
                Diagnostic(
                    "load/unreadable",
                    f"cannot read {path}: {exc}",
                    fixed_location=SourceLocation(str(path)),
                )
            )
            continue
        loaded, problems = parse_text(str(path), text)
        errors += problems
        if loaded is None or _is_config(loaded.data):
            continue  # a Style Dictionary config.json holds no tokens
        converter.add_file(loaded)
        outputs.append(_output_path(rel))
        result.sources[outputs[-1]] = rel.as_posix()
    if errors:
        raise EncoreError(errors)
    if not outputs:
        raise EncoreError(
            [
                Diagnostic(
                    "import/empty",
                    f"no Style Dictionary token files (*.json) in {source}",
                    fixed_location=SourceLocation(str(source)),
                    help="name the folder holding the token JSON (often tokens/ or properties/)",
                )
            ]
        )
    converter.drop_dependents()
    _verify(converter, outputs)
    for out_rel, tree in zip(outputs, converter.trees, strict=True):
        if tree:
            result.files[out_rel] = tree
    result.diagnostics = converter.diagnostics
    result.converted = sum(e.node is not None for e in converter.entries.values())
    return result


def _verify(converter: _Converter, outputs: list[str]) -> None:
    """Compile the converted files with Encore; leave out each token it still refuses."""
    from encore.importers.yaml_out import dump

    by_place = {(e.file, e.path): e for e in converter.entries.values()}
    for _ in range(20):
        loaded: list[tuple[LoadedFile, str | None]] = []
        for rel, tree in zip(outputs, converter.trees, strict=True):
            file, _problems = parse_text(rel, dump(tree))
            if file is not None:
                loaded.append((file, None))
        _, problems = compile_tokens(loaded)
        refused = [d for d in problems if d.severity is Severity.ERROR and d.origin is not None]
        dropped = False
        for d in refused:
            assert d.origin is not None
            index = outputs.index(d.origin.source.path)
            path = tuple(str(p) for p in d.origin.path)
            entry = next(
                (
                    by_place[(index, path[:n])]
                    for n in range(len(path), 0, -1)
                    if (index, path[:n]) in by_place
                ),
                None,
            )
            if entry is None or entry.node is None:
                continue
            converter.drop(
                entry.name,
                entry.origin,
                "import/refused",
                f'"{entry.name}" not converted: the value is not valid DTCG: {d.message}',
                d.help or "fix the value by hand",
            )
            dropped = True
        if not dropped:
            return
        converter.drop_dependents()


def write_tree(result: ImportResult, out: Path, *, force: bool = False) -> list[str]:
    """Write the converted files under ``out`` atomically; existing files are refused
    (nothing written) unless ``force``. The relative paths written."""
    from encore.importers.yaml_out import dump

    conflicts = [rel for rel in result.files if (out / rel).exists()]
    if conflicts and not force:
        raise EncoreError(
            [
                Diagnostic(
                    "import/exists",
                    f"{out / rel} already exists; nothing was written",
                    fixed_location=SourceLocation(str(out / rel)),
                    help="choose another --out folder, or pass --force to overwrite",
                )
                for rel in conflicts
            ]
        )
    for rel, tree in result.files.items():
        header = (
            f"Imported from Style Dictionary ({result.sources[rel]}) by encore import "
            "style-dictionary."
        )
        atomic_write(out / rel, dump(tree, header).encode("utf-8"))
    return list(result.files)
