"""The lifecycle of a component (``../shared/design/governance.md``): states, the step
``advance`` takes from each, and the roles whose approvals each step needs.

``local`` → ``proposed`` → ``in_review`` → ``alpha`` → ``beta`` → ``stable`` →
``deprecated`` → ``removed``; beside them ``changes_requested`` (back to ``in_review`` once
the spec changed), ``rejected`` and ``withdrawn`` (both final).
"""

from __future__ import annotations

from dataclasses import dataclass

from encore.governance.people import LOCAL_LEAD

STATES = (
    "local",
    "proposed",
    "in_review",
    "alpha",
    "beta",
    "stable",
    "deprecated",
    "removed",
    "changes_requested",
    "rejected",
    "withdrawn",
)
FINAL = frozenset({"removed", "rejected", "withdrawn"})


@dataclass(frozen=True, slots=True)
class Step:
    """One rung: from a state to the next, who must approve and which gates run."""

    source: str
    target: str
    approvers: tuple[str, ...]  # one approval from each role, on the current spec
    gates: tuple[str, ...]
    command: str = "advance"


PROPOSE_GATES = ("spec", "names", "bindings", "contrast", "targets", "docs", "adoption")
STEPS: dict[str, Step] = {
    step.source: step
    for step in (
        Step("local", "proposed", (), (*PROPOSE_GATES, "duplicates"), "propose"),
        Step("proposed", "in_review", ("foundation-maintainer",), ("verdict",)),
        Step(
            "in_review",
            "alpha",
            ("design-reviewer", "engineering-reviewer", "accessibility-reviewer"),
            (*PROPOSE_GATES, "generated"),
        ),
        Step("changes_requested", "in_review", (), ("addressed", *PROPOSE_GATES)),
        Step("alpha", "beta", ("design-reviewer", "engineering-reviewer"), ("usage", "docs")),
        Step("beta", "stable", ("design-system-lead",), ("api-stable",)),
        Step("stable", "deprecated", (), ("replacement",), "deprecate"),
        Step("deprecated", "removed", (), ("deprecated-long", "unused"), "remove"),
    )
}
# Who may take the command steps (propose, deprecate, remove) themselves.
ACTORS: dict[str, tuple[str, ...]] = {
    "propose": (LOCAL_LEAD,),
    "deprecate": ("design-system-lead",),
    "remove": ("design-system-lead",),
    "withdraw": (LOCAL_LEAD,),
    "reject": ("foundation-maintainer", "design-system-lead"),
}
REVIEWABLE = frozenset({"proposed", "in_review", "alpha", "beta"})
WITHDRAWABLE = frozenset({"proposed", "in_review", "changes_requested"})
REJECTABLE = frozenset({"proposed", "in_review", "changes_requested"})
GATE_TITLES = {
    "spec": "the spec is valid",
    "names": "names are valid and unique",
    "bindings": "binds only semantic, component or local tokens (no raw values, no primitives)",
    "contrast": "text and icons meet WCAG 2.x contrast in every theme",
    "targets": "touch targets: 44 pt iOS, 48 dp Android, 44 px web",
    "docs": "docs for every prop, variant, size and state",
    "adoption": "used by at least 2 local systems",
    "duplicates": "no foundation component with the same name or structure (a flag)",
    "verdict": "the triage approval records a duplicate verdict (--note)",
    "generated": "web, SwiftUI and Compose code generates without problems",
    "addressed": "the spec changed since changes were requested",
    "usage": "used from the foundation 3+ times across 2+ systems",
    "api-stable": "public API (props, variants, parts) unchanged for 30 days",
    "replacement": "a replacement or a reason is given",
    "deprecated-long": "deprecated for 30 days or more",
    "unused": "no local system uses it any more",
}
FLAGS = frozenset({"duplicates"})  # reported for people; never fail a step

__all__ = [
    "ACTORS",
    "FINAL",
    "FLAGS",
    "GATE_TITLES",
    "PROPOSE_GATES",
    "REJECTABLE",
    "REVIEWABLE",
    "STATES",
    "STEPS",
    "WITHDRAWABLE",
    "Step",
]
