"""DTCG trees as readable YAML: block style for groups, tokens and composites, flow style
for leaf values (``{colorSpace: srgb, components: [1, 0, 0], hex: "#ff0000"}``), key
order kept."""

from __future__ import annotations

from typing import Any

import yaml


class _Flow(dict[str, Any]):
    """A mapping written on one line."""


class _FlowList(list[Any]):
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    pass


def _flow_map(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _block_map(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


_Dumper.add_representer(_Flow, _flow_map)
_Dumper.add_representer(_FlowList, _flow_list)
_Dumper.add_representer(dict, _block_map)


def _is_leaf(value: Any) -> bool:
    """A scalar, or a list or mapping of scalars (and lists of scalars)."""
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value)
    if isinstance(value, dict):
        return all(not isinstance(v, dict) and _is_leaf(v) for v in value.values())
    return True


def _flow(value: Any) -> Any:
    """Flow style for leaves (a colour, ``{value, unit}``), block style around them."""
    if isinstance(value, dict):
        inner = {k: _flow(v) for k, v in value.items()}
        return _Flow(inner) if _is_leaf(value) else inner
    if isinstance(value, list):
        items = [_flow(v) for v in value]
        return _FlowList(items) if _is_leaf(value) else items
    return value


def _mark(tree: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in tree.items():
        if key == "$value" or key == "$extensions":
            out[key] = _flow(value)
        elif isinstance(value, dict):
            out[key] = _mark(value)
        else:
            out[key] = value
    return out


def dump(tree: dict[str, Any], header: str = "") -> str:
    """``tree`` as YAML text, after a comment header."""
    body = yaml.dump(
        _mark(tree), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + ("\n" if lines else "") + body
