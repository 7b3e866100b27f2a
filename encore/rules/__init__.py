"""Rules that run over resolved tokens, one per module, registered here with a default
severity. To add a rule: write its module with a ``check`` function, add one line to
`RULES`, and a test. A rule whose check needs more than one token set (``contrast``, over
every theme permutation) has ``check=None`` here and runs in its own build stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from encore.diagnostics import Diagnostic, Severity
from encore.model import TokenSet
from encore.plugins import Registry
from encore.rules import contrast, deprecated_use, reference_direction, semantic_must_alias

Check = Callable[[TokenSet], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check with a default severity.

    ``local`` promises that what ``check`` reports about a token depends only on that
    token and the tokens it references (read with ``tokens.get``), and that it iterates
    the set to find tokens: a warm rebuild then checks only the tokens an edit reached.
    """

    id: str
    severity: Severity
    summary: str
    check: Check | None
    local: bool = False


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            semantic_must_alias.RULE_ID,
            Severity.ERROR,
            semantic_must_alias.SUMMARY,
            semantic_must_alias.check,
            local=True,
        ),
        Rule(
            reference_direction.RULE_ID,
            Severity.ERROR,
            reference_direction.SUMMARY,
            reference_direction.check,
            local=True,
        ),
        Rule(
            deprecated_use.RULE_ID,
            Severity.WARNING,
            deprecated_use.SUMMARY,
            deprecated_use.check,
            local=True,
        ),
        Rule(contrast.RULE_ID, Severity.ERROR, contrast.SUMMARY, None),
    )
}


# Built-in rules, then plugins' (entry-point group "encore.rules"; see encore.plugins).
RULE_REGISTRY: Registry[Rule] = Registry("encore.rules", Rule, lambda: RULES)


def run_rules(
    tokens: TokenSet,
    severities: Mapping[str, Severity],
    which: Callable[[Rule], bool] | None = None,
) -> list[Diagnostic]:
    """Every enabled rule's findings, at the configured severity: the built-in rules, and
    the plugin rules ``severities`` names (only those ``which`` accepts, when given)."""
    found: list[Diagnostic] = []
    chosen = [*RULES.values()]
    chosen += [
        rule
        for rule_id in severities
        if rule_id not in RULES and (rule := RULE_REGISTRY.get(rule_id)) is not None
    ]
    for rule in chosen:
        severity = severities.get(rule.id, rule.severity)
        if severity is Severity.OFF or rule.check is None or (which and not which(rule)):
            continue
        found.extend(d.with_severity(severity) for d in rule.check(tokens))
    return found


def severity_of(rule_id: str, severities: Mapping[str, Severity]) -> Severity:
    """A rule's configured severity, or its default."""
    if rule_id in severities:
        return severities[rule_id]
    rule = RULE_REGISTRY.get(rule_id)
    return rule.severity if rule is not None else Severity.OFF
