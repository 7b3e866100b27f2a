"""The accessibility semantics of a composable: role (fixed or per variant), live region,
content description, selection, and a slider's progress range, value text and action."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from encore.components.generators.compose_model import Dim

if TYPE_CHECKING:
    from encore.components.generators.compose_body import Writer

ROLES: Final[dict[str, str]] = {
    "button": "Button",
    "checkbox": "Checkbox",
    "switch": "Switch",
    "radio": "RadioButton",
    "tab": "Tab",
    "img": "Image",
    "image": "Image",
    "combobox": "DropdownList",
}
LIVE_REGIONS: Final[dict[str, str]] = {"status": "Polite", "alert": "Assertive"}
SEMANTICS = "androidx.compose.ui.semantics"


def semantics_lines(w: Writer) -> list[str]:
    """The body of the root's ``semantics { }`` block."""
    spec = w.model.spec
    access = spec.accessibility
    lines: list[str] = []
    if w.toggle is None:
        lines += _by_role(w, ROLES, "role", SEMANTICS + ".Role")
    lines += _by_role(w, LIVE_REGIONS, "liveRegion", SEMANTICS + ".LiveRegionMode")
    if access.name_from_prop:
        lines += _assign(w, access.name_from_prop, "contentDescription")
    selected = w.model.param("selected")
    if selected is not None and selected.type == "Boolean" and w.toggle is not selected:
        lines.append(f"this.{w.use(SEMANTICS + '.selected')} = {selected.name}")
    if w.slider:
        value = w.model.param("value")
        top = w.model.param("max")
        if value is not None and value.type == "Float":
            info = w.use(SEMANTICS + ".ProgressBarRangeInfo")
            end = top.name if top is not None and top.type == "Float" else "1f"
            target = w.use(SEMANTICS + ".progressBarRangeInfo")
            lines.append(f"this.{target} = {info}({value.name}, 0f..{end})")
        lines += _assign(w, "value-text", "stateDescription")
        s = w.slider_input
        if s is not None:
            guard = "if (enabled) " if w.enabled else ""
            progress = w.use(SEMANTICS + ".setProgress")
            lines.append(f"{guard}{progress} {{ {s.target} -> {s.update}({s.target}); true }}")
        elif w.event is not None and w.event.type == "(Float) -> Unit":
            guard = "if (enabled) " if w.enabled else ""
            progress = w.use(SEMANTICS + ".setProgress")
            lines.append(f"{guard}{progress} {{ target -> {w.event.name}(target); true }}")
        if w.enabled:
            lines.append(f"if (!enabled) {w.use(SEMANTICS + '.disabled')}()")
    return lines


def _assign(w: Writer, prop: str, target: str) -> list[str]:
    param = w.model.param(prop)
    if param is None or param.type not in ("String", "String?"):
        return []
    name = w.use(f"{SEMANTICS}.{target}")
    if param.type == "String?":
        return [f"if ({param.name} != null) this.{name} = {param.name}"]
    return [f"this.{name} = {param.name}"]


def _by_role(w: Writer, table: Mapping[str, str], target: str, kind: str) -> list[str]:
    role = w.model.spec.accessibility.role
    if isinstance(role, str):
        if role not in table:
            return []
        return [f"this.{w.use(SEMANTICS + '.' + target)} = {w.use(kind)}.{table[role]}"]
    dim = _axis_of(w.model.dims, role)
    if dim is None or not any(r in table for r in role.values()):
        return []
    lines = [f"when ({dim.param}) {{"]
    for value in dim.values:
        mapped = table.get(role.get(value, ""))
        statement = (
            f"this.{w.use(SEMANTICS + '.' + target)} = {w.use(kind)}.{mapped}" if mapped else "{}"
        )
        lines.append(f"    {dim.entry(value)} -> {statement}")
    return [*lines, "}"]


def _axis_of(dims: list[Dim], role: Mapping[str, str]) -> Dim | None:
    return next((d for d in dims if set(role) <= set(d.values)), None)


__all__ = ["LIVE_REGIONS", "ROLES", "SEMANTICS", "semantics_lines"]
