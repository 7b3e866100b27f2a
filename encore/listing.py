"""``encore tokens``: resolved values with where each came from and its alias chain."""

from __future__ import annotations

import json
from typing import Any

from encore.model import Token, TokenSet
from encore.values.color import srgb_hex
from encore.values.types import Color


def alias_chain(token: Token, tokens: TokenSet) -> list[str]:
    """The tokens a whole-value alias passes through, nearest first."""
    chain: list[str] = []
    current = token
    while current.alias_of is not None and current.alias_of not in chain:
        chain.append(current.alias_of)
        following = tokens.get(current.alias_of)
        if following is None:
            break
        current = following
    return chain


def short_value(token: Token) -> str:
    """A one-line rendering of the value: hex for colours, compact JSON otherwise."""
    if isinstance(token.value, Color):
        text = srgb_hex(token.value)
        return text if token.value.space == "srgb" else f"{text} ({token.value.space})"
    return json.dumps(token.value.to_json(), ensure_ascii=False, separators=(", ", ": "))


def rows(tokens: TokenSet) -> list[dict[str, Any]]:
    """One record per token."""
    out = []
    for token in tokens:
        where = token.location
        out.append(
            {
                "name": token.name,
                "type": token.type.value,
                "tier": token.tier,
                "value": token.value.to_json(),
                "display": short_value(token),
                "file": where.display_path(),
                "line": where.line,
                "column": where.column,
                "aliases": alias_chain(token, tokens),
                "deprecated": token.deprecated or False,
            }
        )
    return out


def as_json(records: list[dict[str, Any]]) -> str:
    """The records as a JSON array."""
    shown = [{k: v for k, v in r.items() if k != "display"} for r in records]
    return json.dumps(shown, ensure_ascii=False, indent=2) + "\n"


def as_table(records: list[dict[str, Any]]) -> str:
    """An aligned text table: name, type, value, where, alias chain."""
    header = ("TOKEN", "TYPE", "VALUE", "WHERE", "ALIAS CHAIN")
    body = [
        (
            r["name"],
            r["type"],
            r["display"] if len(r["display"]) <= 48 else r["display"][:45] + "...",
            f"{r['file']}:{r['line']}:{r['column']}",
            " → ".join(r["aliases"]),
        )
        for r in records
    ]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)).rstrip()
        for row in [header, *body]
    ]
    return "\n".join(lines) + "\n"
