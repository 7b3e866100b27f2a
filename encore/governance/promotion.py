"""Promotion into the foundation, on reaching ``alpha``: the spec moves from
``local_systems/<system>/components/`` to ``tokens/components/``, owned by the foundation.

A binding to a local token is rewritten to the semantic or component token it aliases; a
local token that is not such an alias is refused with the reason (a foundation component
cannot depend on a local system). The systems whose ``uses:`` named ``SYSTEM/ID`` now
name ``foundation/ID``. `plan` does every check and computes every file before anything
is logged; `encore.governance.journal` then makes writing them all or nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from encore.components import load_specs
from encore.diagnostics import Diagnostic, EncoreError, SourceLocation
from encore.governance.journal import Plan
from encore.governance.repository import FOUNDATION, SPEC_SUFFIX, Candidate, Repository
from encore.model import Token, TokenSet

FOUNDATION_TIERS = ("semantic", "component")


def foundation_alias(tokens: TokenSet, token: Token) -> Token | None:
    """The semantic or component token a local token stands for, following local aliases
    of local aliases; ``None`` when it is not such an alias."""
    aliased = tokens.get(token.alias_of or "")
    seen = {token.name}
    while aliased is not None and aliased.tier == "local" and aliased.name not in seen:
        seen.add(aliased.name)
        aliased = tokens.get(aliased.alias_of or "")
    return aliased if aliased is not None and aliased.tier in FOUNDATION_TIERS else None


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w.-])")


def plan(repo: Repository, candidate: Candidate) -> Plan:
    """Every file of the promotion, or a refusal naming each local token in the way."""
    assert candidate.system is not None
    target = repo.root / FOUNDATION / f"{candidate.id}{SPEC_SUFFIX}"
    if target.exists():
        raise EncoreError(
            [
                Diagnostic(
                    "governance/refused",
                    f"the foundation already has {target.relative_to(repo.root)}",
                    fixed_location=SourceLocation(str(target)),
                    help="rename one of the two components",
                )
            ]
        )
    text = candidate.path.read_text(encoding="utf-8")
    specs, _ = load_specs([candidate.path])
    tokens = repo.themes.default
    problems = []
    for binding in specs[0].bindings if specs else ():
        token = tokens.get(binding.token)
        if binding.literal or token is None or token.tier != "local":
            continue
        aliased = foundation_alias(tokens, token)
        if aliased is None:
            problems.append(
                Diagnostic(
                    "governance/local-token",
                    f'"{binding.token}" is a local token of {candidate.system} that does not '
                    "alias a semantic or component token: a foundation component cannot "
                    "depend on a local system",
                    binding.origin,
                    help="bind a semantic token, or add a component token to the foundation",
                )
            )
            continue
        text = _word(binding.token).sub(aliased.name, text)
    if problems:
        raise EncoreError(problems)
    text = re.sub(
        r"^owner:\s*\S+.*$",
        f"owner: foundation  # promoted from {candidate.system}",
        text,
        count=1,
        flags=re.M,
    )
    writes = {target: text}
    old, new = f"{candidate.system}/{candidate.id}", f"foundation/{candidate.id}"
    for system in repo.systems.values():
        path = Path(system.origin.source.path)
        before = path.read_text(encoding="utf-8")
        after = _word(old).sub(new, before)
        if after != before:
            writes[path] = after
    return Plan(writes, (candidate.path,))


__all__ = ["foundation_alias", "plan"]
