"""A component's standing, replayed from the audit log: its state, since when, who
proposed it, and which approvals count for the current step (those given in this state
on the spec as it is now) or were voided (given on a spec that has since changed)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

TRANSITIONS = frozenset(
    {"propose", "advance", "request-changes", "reject", "withdraw", "deprecate", "remove"}
)


def digest(data: Any) -> str:
    """SHA-256 of a value's canonical JSON (a spec without its ``status``, gate results)."""
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "status"}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def api_digest(data: Mapping[str, Any]) -> str:
    """The public API: props, variant axes, sizes and parts."""
    return digest({k: data.get(k) for k in ("props", "variants", "sizes", "anatomy")})


@dataclass(frozen=True, slots=True)
class Approval:
    """One person's approval in one state."""

    person: str
    role: str
    seq: int
    spec: str
    note: str | None


@dataclass
class Standing:
    """Where a component stands."""

    component: str
    state: str = "local"
    since_seq: int = 0
    since: str | None = None  # UTC time it entered the state
    proposer: str | None = None
    system: str | None = None  # the local system it came from
    approvals: list[Approval] = field(default_factory=list)  # valid for this step
    voided: list[tuple[Approval, str]] = field(default_factory=list)
    requested_spec: str | None = None  # the spec digest when changes were requested
    requested_from: str | None = None  # the state changes were requested in
    replacement: str | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)

    def approved_by(self, role: str) -> Approval | None:
        return next((a for a in self.approvals if a.role == role), None)


def standing(
    entries: Sequence[Mapping[str, Any]], component: str, spec: str | None, initial: str = "local"
) -> Standing:
    """Replay the log for one component; ``spec`` is the current spec digest, ``initial``
    the state before any entry (``stable`` for the foundation's bundled components)."""
    out = Standing(component, state=initial)
    given: list[Approval] = []
    for entry in entries:
        if entry.get("component") != component:
            continue
        out.entries.append(dict(entry))
        action = entry.get("action")
        if action in TRANSITIONS:
            out.state = str(entry.get("to", out.state))
            out.since_seq, out.since = entry["seq"], entry.get("time")
            given = []
            if action == "propose":
                out.proposer = entry.get("actor")
                out.system = (entry.get("data") or {}).get("system")
            if action == "request-changes":
                out.requested_spec = entry.get("spec")
                out.requested_from = entry.get("from")
            if action == "deprecate":
                out.replacement = (entry.get("data") or {}).get("replacement")
        elif action == "approve" and entry.get("from") == out.state:
            given.append(
                Approval(
                    str(entry.get("actor", "")),
                    entry.get("role", ""),
                    entry["seq"],
                    entry.get("spec", ""),
                    entry.get("note"),
                )
            )
    for approval in given:
        if spec is not None and approval.spec != spec:
            reason = (
                f"the spec changed after this approval (approved {approval.spec[:12]}, "
                f"now {spec[:12]})"
            )
            out.voided.append((approval, reason))
        else:
            out.approvals.append(approval)
    return out


def api_unchanged_since(history: Sequence[Mapping[str, Any]], api: str) -> str | None:
    """The time from which every logged entry carries the current API digest (``None``
    when the latest entry does not)."""
    since = None
    for entry in history:
        same = (entry.get("data") or {}).get("api") == api
        since = (since or entry.get("time")) if same else None
    return since


def days_between(earlier: str, later: datetime) -> float:
    return (later - datetime.fromisoformat(earlier)).total_seconds() / 86400


__all__ = [
    "TRANSITIONS",
    "Approval",
    "Standing",
    "api_digest",
    "api_unchanged_since",
    "days_between",
    "digest",
    "standing",
]
