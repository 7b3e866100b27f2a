"""Reading component specs: YAML or JSON, the JSON Schema, then the spec's own consistency
(every part, prop, variant, size and state it names exists). Token names are not looked
up here; `encore.components.validate` does that against compiled themes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from encore.components import parts as anatomy
from encore.components.sections import read_accessibility, read_docs
from encore.components.selectors import Names, parse_bindings
from encore.components.spec import (
    ALL,
    DEFAULT_STATE,
    INTERACTION_STATES,
    ComponentSpec,
    Deprecation,
    PlatformNames,
    Prop,
    VariantAxis,
)
from encore.config import schema, schema_diagnostics
from encore.diagnostics import Diagnostic, Origin, has_errors
from encore.load import COMPONENT_SUFFIXES, load_file
from encore.suggest import did_you_mean

SCHEMA = "component.schema.json"


def spec_id_of(path: Path) -> str:
    """The id a file name promises: ``button.component.yaml`` → ``button``."""
    name = path.name
    for suffix in COMPONENT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _unbrace(data: Any, origin: Origin) -> list[Diagnostic]:
    """Turn ``{text.base}`` written without quotes (YAML reads a mapping) back into a name."""
    out: list[Diagnostic] = []
    tokens = data.get("tokens") if isinstance(data, dict) else None
    if not isinstance(tokens, dict):
        return out

    def fix(value: Any, where: Origin) -> Any:
        if isinstance(value, dict) and len(value) == 1:
            ((key, inner),) = value.items()
            if inner is None and "." in key:
                out.append(
                    Diagnostic(
                        "component/schema",
                        f"{{{key}}} without quotes is a YAML mapping, not a token name",
                        where,
                        help=f"write the token name without braces: {key}",
                    )
                )
                return key
        return value

    for part, props in tokens.items():
        if not isinstance(props, dict):
            continue
        for prop, value in props.items():
            where = origin.child("tokens", part, prop)
            value = props[prop] = fix(value, where)
            if isinstance(value, dict):
                for selector, leaf in value.items():
                    value[selector] = fix(leaf, where.child(selector))
    return out


def load_specs(paths: Sequence[Path]) -> tuple[list[ComponentSpec], list[Diagnostic]]:
    """Read component specs and report every problem of every file.

    A file that is not valid YAML/JSON or fails the schema gives no spec. Other problems
    leave out the broken piece (a binding with an unknown state...) and mark the spec
    ``complete=False``: callers stop on errors before generating anything from it.
    """
    specs: list[ComponentSpec] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        loaded, problems = load_file(path)
        if loaded is None:
            diagnostics += problems
            continue
        origin = Origin(loaded.source, ())
        data = loaded.data
        if data is None:
            diagnostics.append(Diagnostic("component/schema", f"{path.name} is empty", origin))
            continue
        fixed = _unbrace(data, origin)
        problems += schema_diagnostics(data, schema(SCHEMA), origin, "component/schema")
        if has_errors(problems):
            diagnostics += fixed + problems
            continue
        spec, more = build_spec(path, data, origin)
        diagnostics += fixed + problems + more
        if spec is not None:
            if fixed:
                spec = replace(spec, complete=False)
            specs.append(spec)
    return specs, diagnostics


def _props(data: dict[str, Any], origin: Origin) -> tuple[tuple[Prop, ...], list[Diagnostic]]:
    props: list[Prop] = []
    out: list[Diagnostic] = []
    for name, raw in data.get("props", {}).items():
        where = origin.child("props", name)
        values = tuple(raw.get("values", ()))
        prop = Prop(
            name, raw["type"], where, raw.get("required", False), raw.get("default"), values
        )
        props.append(prop)
        if prop.type == "enum" and not values:
            out.append(Diagnostic("component/prop", f'enum prop "{name}" has no values', where))
        if prop.type != "enum" and values:
            out.append(
                Diagnostic(
                    "component/prop",
                    f'only enum props have values; "{name}" is a {prop.type}',
                    where.child("values"),
                    part="key",
                )
            )
        if prop.default is None:
            continue
        if prop.required:
            out.append(
                Diagnostic(
                    "component/prop",
                    f'required prop "{name}" has a default',
                    where.child("default"),
                    part="key",
                    help="a prop with a default is optional: drop required or the default",
                )
            )
        is_bool = isinstance(prop.default, bool)
        wrong = {
            "boolean": not is_bool,
            "number": is_bool or not isinstance(prop.default, int | float),
        }.get(prop.type, not isinstance(prop.default, str))
        if prop.type in ("event", "slot") or wrong:
            out.append(
                Diagnostic(
                    "component/prop",
                    f'{prop.default!r} is not a default for the {prop.type} prop "{name}"',
                    where.child("default"),
                )
            )
        elif prop.type == "enum" and prop.default not in values:
            out.append(
                Diagnostic(
                    "component/prop",
                    f'{prop.default!r} is not one of the values of "{name}"',
                    where.child("default"),
                    help=did_you_mean(str(prop.default), values),
                )
            )
    return tuple(props), out


def _axes(
    data: dict[str, Any], origin: Origin, sizes: tuple[str, ...]
) -> tuple[tuple[VariantAxis, ...], str | None, list[Diagnostic]]:
    defaults: dict[str, str] = data.get("defaults", {})
    out: list[Diagnostic] = []
    axes: list[VariantAxis] = []
    for name, values in data.get("variants", {}).items():
        where = origin.child("variants", name)
        if not values:
            out.append(
                Diagnostic("component/schema", f'variant axis "{name}" has no values', where)
            )
            continue
        axes.append(VariantAxis(name, tuple(values), defaults.get(name, values[0]), where))
    known = {axis.name: axis.values for axis in axes} | {"size": sizes}
    for key, value in defaults.items():
        where = origin.child("defaults", key)
        if key not in known:
            out.append(
                Diagnostic(
                    "component/unknown-variant",
                    f'"{key}" is not a variant axis or size',
                    where,
                    part="key",
                    help=did_you_mean(key, known),
                )
            )
        elif value not in known[key]:
            rule = "component/unknown-size" if key == "size" else "component/unknown-variant"
            out.append(
                Diagnostic(
                    rule,
                    f'"{value}" is not a value of {key}',
                    where,
                    help=did_you_mean(value, known[key]) or "values: " + ", ".join(known[key]),
                )
            )
    default_size = defaults.get("size", sizes[0] if sizes else None)
    if default_size not in sizes:
        default_size = sizes[0] if sizes else None
    return tuple(axes), default_size, out


def build_spec(
    path: Path, data: dict[str, Any], origin: Origin
) -> tuple[ComponentSpec | None, list[Diagnostic]]:
    """A spec from schema-valid data, with every consistency problem."""
    out: list[Diagnostic] = []
    spec_id = data["id"]
    expected = spec_id_of(path)
    if spec_id != expected:
        out.append(
            Diagnostic(
                "component/id",
                f'the id "{spec_id}" does not match the file name {path.name}',
                origin.child("id"),
                help=f"name the file {spec_id}.component.yaml, or set id: {expected}",
            )
        )
    parts, problems = anatomy.read_parts(data["anatomy"], origin.child("anatomy"))
    out += problems
    props, problems = _props(data, origin)
    out += problems
    sizes = tuple(data.get("sizes", ()))
    axes, default_size, problems = _axes(data, origin, sizes)
    out += problems
    written_states = tuple(data.get("states", ()))
    states = (DEFAULT_STATE, *(s for s in written_states if s != DEFAULT_STATE))
    names = Names(axes, sizes, states, tuple(p.name for p in props), tuple(p.name for p in parts))
    out += names.clashes(origin)
    for i, state in enumerate(written_states):
        if state == DEFAULT_STATE or state in INTERACTION_STATES:
            continue
        prop = next((p for p in props if p.name == state), None)
        if prop is None or prop.type != "boolean":
            out.append(
                Diagnostic(
                    "component/state",
                    f'the state "{state}" is neither an interaction state nor set by a prop',
                    origin.child("states", i),
                    help=f"interaction states: {', '.join(INTERACTION_STATES)}; for any "
                    f'other state declare a boolean prop "{state}" that sets it',
                )
            )
    bindings, problems = parse_bindings(data["tokens"], origin.child("tokens"), names, parts)
    out += problems
    roles = {p.name: p.role for p in parts}
    accessibility, problems = read_accessibility(data, origin, names, roles)
    out += problems
    docs, problems = read_docs(data, origin, names)
    out += problems
    deprecation = None
    if "deprecation" in data:
        raw = data["deprecation"]
        deprecation = Deprecation(
            raw["reason"], raw.get("replacement"), raw.get("migration"), raw.get("since")
        )
    status = data.get("status")
    if status in ("deprecated", "removed") and deprecation is None:
        out.append(
            Diagnostic(
                "component/deprecation",
                f"a {status} component needs a deprecation: reason, replacement, migration",
                origin.child("status"),
            )
        )
    if not parts:
        return None, out
    platforms = data["platforms"]
    spec = ComponentSpec(
        id=spec_id,
        name=data["name"],
        owner=data["owner"],
        status=status,
        parts=parts,
        props=props,
        variants=axes,
        sizes=sizes,
        default_size=default_size,
        states=states,
        bindings=bindings,
        accessibility=accessibility,
        platforms=PlatformNames(platforms["web"], platforms["swiftui"], platforms["compose"]),
        docs=docs,
        origin=origin,
        deprecation=deprecation,
        complete=not has_errors(out),
    )
    return spec, out


__all__ = ["ALL", "load_specs", "spec_id_of"]
