"""The accessibility and docs sections of a spec, and their references to parts, props,
variant values, sizes and states."""

from __future__ import annotations

from typing import Any

from encore.components.selectors import Names
from encore.components.spec import Accessibility, Docs, KeyboardInteraction, TokenRef
from encore.diagnostics import Diagnostic, Origin, Severity
from encore.suggest import did_you_mean

PLATFORMS = ("ios", "android", "web")


def _target(raw: Any, where: Origin) -> dict[str, TokenRef]:
    """``minimum-target``: one token for every platform, or one per platform."""
    if raw is None:
        return {}
    if isinstance(raw, dict):
        return {
            p: TokenRef(str(raw[p]), where.child(p), not isinstance(raw[p], str))
            for p in PLATFORMS
            if p in raw
        }
    ref = TokenRef(str(raw), where, not isinstance(raw, str))
    return dict.fromkeys(PLATFORMS, ref)


def read_accessibility(
    data: dict[str, Any], origin: Origin, names: Names, spec_parts: dict[str, str]
) -> tuple[Accessibility, list[Diagnostic]]:
    """The accessibility section; names it refers to must exist."""
    raw = data["accessibility"]
    where = origin.child("accessibility")
    out: list[Diagnostic] = []
    role: str | dict[str, str] = raw["role"]
    if isinstance(role, dict):
        out += names.check_role_map(role, where.child("role"))
    name = raw["name"]
    content = tuple(name.get("content", ()))
    for i, part in enumerate(content):
        if part not in spec_parts:
            out.append(names.unknown_part(part, where.child("name", "content", i)))
    prop = name.get("prop")
    if prop is not None and prop not in names.props:
        out.append(
            Diagnostic(
                "component/unknown-prop",
                f'"{prop}" is not a prop of this component',
                where.child("name", "prop"),
                help=did_you_mean(prop, names.props) or "declare it under props:",
            )
        )
    states = names.states
    inactive = tuple(raw.get("inactive-states", ("disabled",) if "disabled" in states else ()))
    for i, state in enumerate(raw.get("inactive-states", ())):
        if state not in states:
            out.append(names.unknown("state", state, where.child("inactive-states", i)))
    surface = raw.get("surface", "background.base")
    surface_at = where.child("surface") if "surface" in raw else where
    accessibility = Accessibility(
        role=role,
        name_from_content=content,
        name_from_prop=prop,
        minimum_target=_target(raw.get("minimum-target"), where.child("minimum-target")),
        keyboard=tuple(
            KeyboardInteraction(tuple(k["keys"]), k["action"]) for k in raw.get("keyboard", ())
        ),
        inactive_states=inactive,
        surface=TokenRef(str(surface), surface_at, not isinstance(surface, str)),
        origin=where,
    )
    return accessibility, out


def read_docs(data: dict[str, Any], origin: Origin, names: Names) -> tuple[Docs, list[Diagnostic]]:
    """The docs section: descriptions name known things; missing ones are warnings."""
    raw = data["docs"]
    where = origin.child("docs")
    out: list[Diagnostic] = []
    expected = {
        "props": names.props,
        "variants": names.variant_values,
        "sizes": names.sizes,
        "states": names.states[1:],
    }
    allowed = {**expected, "variants": names.variant_values + names.axes, "states": names.states}
    kind_rule = {"props": "prop", "variants": "variant", "sizes": "size", "states": "state"}
    descriptions: dict[str, dict[str, str]] = {}
    for kind, known in expected.items():
        written: dict[str, str] = raw.get(kind, {})
        descriptions[kind] = dict(written)
        for key in written:
            if key not in allowed[kind]:
                out.append(names.unknown(kind_rule[kind], key, where.child(kind, key), "key"))
        missing = [n for n in known if n not in written]
        if missing:
            out.append(
                Diagnostic(
                    "component/docs",
                    f"no description for the {kind} " + ", ".join(missing),
                    where.child(kind) if kind in raw else where,
                    severity=Severity.WARNING,
                    part="key",
                    help=f"describe each under docs.{kind}",
                )
            )
    return Docs(raw["summary"], raw.get("usage"), descriptions), out
