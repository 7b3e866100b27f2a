"""What ``encore promote`` does: each command checks who is asking, the component's state
and the step's gates and approvals, then appends one event to the audit log (under the
writers' lock, so concurrent commands serialise) and only then changes files.

Every refusal is an `EncoreError` with a located diagnostic and changes nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation
from encore.governance import journal
from encore.governance.gates import GateResult, failure_diagnostics, passed, run_gates
from encore.governance.history import Standing, digest
from encore.governance.journal import Plan
from encore.governance.ladder import (
    ACTORS,
    FINAL,
    REJECTABLE,
    REVIEWABLE,
    STEPS,
    WITHDRAWABLE,
)
from encore.governance.people import LOCAL_LEAD
from encore.governance.promotion import plan as promotion_plan
from encore.governance.release import release_files
from encore.governance.repository import Candidate, Repository, with_status
from encore.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class Done:
    """A command that changed the state (or recorded an approval)."""

    component: str
    action: str
    source: str
    target: str
    entry: dict[str, Any]
    gates: tuple[GateResult, ...] = ()
    moved: tuple[str, ...] = ()  # files written or removed by a promotion


HEALTH_GATES = ("spec", "names", "bindings", "contrast", "targets", "docs")
SUMMARIES = {
    "alpha": "New component {id}, promoted from {system} (alpha).",
    "beta": "{id} is beta.",
    "stable": "{id} is stable: its API is frozen until a major release.",
}


class Refused(EncoreError):
    """A refusal that carries the gate results to print."""

    def __init__(self, diagnostics: list[Diagnostic], gates: Sequence[GateResult] = ()) -> None:
        super().__init__(diagnostics)
        self.gates = tuple(gates)


def _refuse(message: str, where: Path, help: str | None = None) -> Refused:
    return Refused(
        [
            Diagnostic(
                "governance/refused", message, fixed_location=SourceLocation(str(where)), help=help
            )
        ]
    )


@contextlib.contextmanager
def _locked(repo: Repository) -> Iterator[None]:
    """The writers' lock, after completing or dropping any interrupted step."""
    with repo.log.locked():
        journal.recover(repo.root, repo.log)
        trusted(repo)
        yield


def trusted(repo: Repository) -> None:
    """Refuse to act on (or report from) an audit log whose chain is broken."""
    result = repo.log.verify()
    if result.problem is not None:
        raise Refused(
            [
                Diagnostic(
                    "audit/broken",
                    f"the audit log is broken, so nothing is decided from it: "
                    f"{result.problem.message}",
                    fixed_location=SourceLocation(str(repo.log.path), result.problem.line, 1),
                    help="restore governance/audit.jsonl from version control; run encore "
                    "audit verify",
                )
            ]
        )


def _commit(
    repo: Repository, entry: dict[str, Any], plan: Plan | None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Journal the plan, append the entry, write the files, close the journal."""
    if plan is None or not (plan.writes or plan.removes):
        return repo.log.append(entry), ()
    journal.begin(repo.root, plan, repo.log.next_seq())
    logged = repo.log.append(entry)
    moved = journal.apply(plan)
    journal.finish(repo.root)
    return logged, moved


def _transition(
    repo: Repository, candidate: Candidate, entry: dict[str, Any], plan: Plan | None = None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """`_commit` with the spec's ``status:`` set to the new state (in the foundation copy
    when the step moves it there; not for a removed spec)."""
    plan = plan or Plan({})
    writes = dict(plan.writes)
    if candidate.path in plan.removes:
        moved = [p for p in writes if p.name == candidate.path.name and p != candidate.path]
        for path in moved:
            writes[path] = with_status(writes[path], entry["to"])
    elif candidate.path.is_file():
        text = writes.get(candidate.path) or candidate.path.read_text(encoding="utf-8")
        writes[candidate.path] = with_status(text, entry["to"])
    return _commit(repo, entry, Plan(writes, plan.removes))


def _release(repo: Repository, candidate: Candidate, target: str, summary: str) -> Plan:
    return Plan(release_files(repo.root, repo.log.next_seq(), candidate.id, target, summary))


def _merge(*plans: Plan) -> Plan:
    writes: dict[Path, str] = {}
    removes: list[Path] = []
    for plan in plans:
        writes.update(plan.writes)
        removes += plan.removes
    return Plan(writes, tuple(removes))


def _person(repo: Repository, actor: str) -> None:
    if actor not in repo.roles.people:
        raise Refused(
            [
                Diagnostic(
                    "governance/unknown-person",
                    f'"{actor}" is not a person in governance/roles.yaml',
                    repo.roles.origin.child("people"),
                    help=did_you_mean(actor, repo.roles.people) or "add them under people",
                )
            ]
        )


def _holds(repo: Repository, actor: str, role: str, candidate: Candidate) -> bool:
    if role == LOCAL_LEAD:
        system = repo.systems.get(candidate.system or "")
        return system is not None and system.lead == actor
    return repo.roles.holds(actor, role)


def _entry(
    repo: Repository,
    candidate: Candidate,
    action: str,
    actor: str,
    role: str,
    source: str,
    target: str,
    note: str | None,
    gates: Sequence[GateResult] = (),
    **data: Any,
) -> dict[str, Any]:
    checks = digest([[g.name, g.status, g.detail] for g in gates]) if gates else None
    return {
        "time": repo.timestamp(),
        "actor": actor,
        "role": role,
        "action": action,
        "component": candidate.id,
        "from": source,
        "to": target,
        "spec": candidate.digest,
        "checks": checks,
        "note": note,
        "data": {"api": candidate.api, **{k: v for k, v in data.items() if v is not None}},
    }


def _gates(
    repo: Repository, candidate: Candidate, names: Sequence[str], standing: Standing
) -> list[GateResult]:
    results = run_gates(repo, candidate, names, standing)
    if not passed(results):
        failed = [r for r in results if r.status == "fail"]
        problems = failure_diagnostics(candidate.path, results)
        summary = Diagnostic(
            "governance/refused",
            f"{candidate.id}: {len(failed)} gate{'s' * (len(failed) != 1)} failed: "
            + ", ".join(r.name for r in failed),
            fixed_location=SourceLocation(str(candidate.path)),
            help="run encore promote check " + candidate.id + " for the table",
        )
        raise Refused([*problems, summary], results)
    return results


def propose(repo: Repository, ref: str, actor: str, note: str | None = None) -> Done:
    """``local`` → ``proposed``, by the lead of the owning local system."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        if candidate.system is None:
            raise _refuse(f"{candidate.id} is already a foundation component", candidate.path)
        standing = repo.standing(candidate.id, candidate)
        if standing.state not in ("local", "withdrawn"):
            raise _refuse(
                f"{candidate.id} is {standing.state}; only a local component can be proposed",
                candidate.path,
            )
        if not _holds(repo, actor, LOCAL_LEAD, candidate):
            lead = repo.systems[candidate.system].lead
            raise _refuse(
                f"{actor} is not the lead of {candidate.system}; {lead} proposes its components",
                Path(repo.systems[candidate.system].origin.source.path),
                help=f"run it --as {lead}",
            )
        step = STEPS["local"]
        results = _gates(repo, candidate, step.gates, standing)
        entry, _ = _transition(
            repo,
            candidate,
            _entry(
                repo,
                candidate,
                "propose",
                actor,
                LOCAL_LEAD,
                standing.state,
                "proposed",
                note,
                results,
                system=candidate.system,
            ),
        )
    return Done(candidate.id, "propose", standing.state, "proposed", entry, tuple(results))


def review(repo: Repository, ref: str, verdict: str, actor: str, note: str | None) -> Done:
    """``approve`` (recorded for the next step), ``request-changes`` or ``reject``."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        standing = repo.standing(candidate.id, candidate)
        state = standing.state
        if actor == standing.proposer:
            raise _refuse(
                f"{actor} proposed {candidate.id} and cannot review it",
                candidate.path,
                help="ask another reviewer",
            )
        if verdict == "reject":
            if state not in REJECTABLE:
                raise _refuse(
                    f"{candidate.id} is {state}; only a proposal under review can be rejected",
                    candidate.path,
                )
            role = next((r for r in ACTORS["reject"] if _holds(repo, actor, r, candidate)), None)
            if role is None:
                raise _refuse(
                    f"{actor} may not reject: that takes a " + " or a ".join(ACTORS["reject"]),
                    candidate.path,
                )
            entry, _ = _transition(
                repo,
                candidate,
                _entry(repo, candidate, "reject", actor, role, state, "rejected", note),
            )
            return Done(candidate.id, "reject", state, "rejected", entry)
        if state not in REVIEWABLE:
            raise _refuse(f"{candidate.id} is {state}; there is nothing to review", candidate.path)
        step = STEPS[state]
        mine = [r for r in step.approvers if _holds(repo, actor, r, candidate)]
        if not mine:
            needed = ", ".join(step.approvers) or "no one"
            raise _refuse(
                f"{actor} holds none of the roles {state} → {step.target} needs ({needed})",
                candidate.path,
                help=f"{actor} holds: {', '.join(repo.roles.roles_of(actor)) or 'no role'}",
            )
        if verdict == "request-changes":
            if state not in ("proposed", "in_review"):
                raise _refuse(
                    f"{candidate.id} is {state}; changes are requested during review",
                    candidate.path,
                )
            entry, _ = _transition(
                repo,
                candidate,
                _entry(
                    repo,
                    candidate,
                    "request-changes",
                    actor,
                    mine[0],
                    state,
                    "changes_requested",
                    note,
                ),
            )
            return Done(candidate.id, "request-changes", state, "changes_requested", entry)
        if any(a.person == actor for a in standing.approvals):
            raise _refuse(f"{actor} already approved {candidate.id} in {state}", candidate.path)
        open_roles = [r for r in mine if standing.approved_by(r) is None] or mine
        entry = repo.log.append(
            _entry(repo, candidate, "approve", actor, open_roles[0], state, state, note)
        )
        return Done(candidate.id, "approve", state, state, entry)


def advance(repo: Repository, ref: str, actor: str, note: str | None = None) -> Done:
    """The next step, once its approvals (on the current spec) and gates are there."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        standing = repo.standing(candidate.id, candidate)
        state = standing.state
        step = STEPS.get(state)
        if state in FINAL or step is None or step.command != "advance":
            how = f"use encore promote {step.command}" if step is not None else "it is final"
            raise _refuse(
                f"{candidate.id} is {state}: advance does not apply ({how})", candidate.path
            )
        if state == "changes_requested" and standing.requested_from == "proposed":
            step = dataclasses.replace(step, target="proposed")  # back to triage, not past it
        approvals = [a for a in standing.approvals if repo.roles.holds(a.person, a.role)]
        missing = [r for r in step.approvers if not any(a.role == r for a in approvals)]
        if missing:
            voided = [f"{a.person} ({reason})" for a, reason in standing.voided]
            extra = f"; voided: {', '.join(voided)}" if voided else ""
            raise _refuse(
                f"{candidate.id} needs approval from: {', '.join(missing)} before "
                f"{state} → {step.target}{extra}",
                candidate.path,
                help=f"encore promote review {candidate.id} --approve --as PERSON",
            )
        movers = {*step.approvers, "design-system-lead", "foundation-maintainer", LOCAL_LEAD}
        role = next((r for r in sorted(movers) if _holds(repo, actor, r, candidate)), None)
        if role is None:
            raise _refuse(
                f"{actor} may not take {candidate.id} from {state} to {step.target}",
                candidate.path,
                help="a reviewer of the step, a foundation maintainer, the design-system lead "
                "or the owning system's lead advances it",
            )
        results = _gates(repo, candidate, step.gates, standing)
        files = Plan({})
        if step.target == "alpha" and candidate.system is not None:
            files = promotion_plan(repo, candidate)  # every refusal comes before the log
        summary = note or SUMMARIES.get(step.target, step.target).format(
            id=candidate.id, system=candidate.system or "the foundation"
        )
        files = _merge(files, _release(repo, candidate, step.target, summary))
        entry, moved = _transition(
            repo,
            candidate,
            _entry(repo, candidate, "advance", actor, role, state, step.target, note, results),
            files,
        )
    return Done(candidate.id, "advance", state, step.target, entry, tuple(results), moved)


def withdraw(repo: Repository, ref: str, actor: str, note: str | None) -> Done:
    """A proposal taken back by its local system's lead (or its proposer)."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        standing = repo.standing(candidate.id, candidate)
        if standing.state not in WITHDRAWABLE:
            raise _refuse(
                f"{candidate.id} is {standing.state}; only a proposal can be withdrawn",
                candidate.path,
            )
        if actor != standing.proposer and not _holds(repo, actor, LOCAL_LEAD, candidate):
            raise _refuse(
                f"{actor} neither proposed {candidate.id} nor leads its system", candidate.path
            )
        entry, _ = _transition(
            repo,
            candidate,
            _entry(
                repo, candidate, "withdraw", actor, LOCAL_LEAD, standing.state, "withdrawn", note
            ),
        )
    return Done(candidate.id, "withdraw", standing.state, "withdrawn", entry)


def _deprecation_block(reason: str, replacement: str | None, since: str) -> str:
    lines = ["", "deprecation:", f"  reason: {json.dumps(reason, ensure_ascii=False)}"]
    if replacement:
        lines.append(f"  replacement: {replacement}")
        lines.append(
            f"  migration: {json.dumps(f'Use {replacement} instead.', ensure_ascii=False)}"
        )
    lines.append(f"  since: {json.dumps(since)}")
    return "\n".join(lines) + "\n"


def deprecate(
    repo: Repository, ref: str, actor: str, replacement: str | None, reason: str | None
) -> Done:
    """``stable`` → ``deprecated`` by the design-system lead, with a replacement or a
    reason; the spec gains its ``deprecation:`` so every platform's code is annotated."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        standing = repo.standing(candidate.id, candidate)
        if standing.state != "stable":
            raise _refuse(
                f"{candidate.id} is {standing.state}; only a stable component is deprecated",
                candidate.path,
            )
        if not _holds(repo, actor, "design-system-lead", candidate):
            raise _refuse(f"{actor} is not the design-system lead", candidate.path)
        if replacement is not None:
            other = repo.locate(replacement)
            replacement = other.id
            if other.id == candidate.id or other.system is not None:
                raise _refuse(
                    f"{replacement} cannot replace {candidate.id}: "
                    "name another foundation component",
                    candidate.path,
                )
        if not replacement and not reason:
            raise _refuse(
                f"deprecating {candidate.id} needs --replacement OTHER or --reason TEXT",
                candidate.path,
            )
        text = candidate.path.read_text(encoding="utf-8")
        if "\ndeprecation:" in text:
            raise _refuse(
                f"{candidate.id}'s spec already has a deprecation section", candidate.path
            )
        release = _release(
            repo, candidate, "deprecated", reason or f"Deprecated: use {replacement}."
        )
        version = next(
            (t.strip() for p, t in release.writes.items() if p.name == "version.txt"), ""
        )
        why = reason or f"Replaced by {replacement}."
        spec = Plan(
            {
                candidate.path: text.rstrip("\n")
                + "\n"
                + _deprecation_block(why, replacement, version)
            }
        )
        entry, moved = _transition(
            repo,
            candidate,
            _entry(
                repo,
                candidate,
                "deprecate",
                actor,
                "design-system-lead",
                "stable",
                "deprecated",
                reason,
                replacement=replacement,
            ),
            _merge(spec, release),
        )
    return Done(candidate.id, "deprecate", "stable", "deprecated", entry, (), moved)


def remove(repo: Repository, ref: str, actor: str, note: str | None) -> Done:
    """``deprecated`` → ``removed`` by the design-system lead: 30 days after deprecation,
    once no local system uses it; the spec leaves the foundation (a major release)."""
    _person(repo, actor)
    with _locked(repo):
        candidate = repo.locate(ref)
        standing = repo.standing(candidate.id, candidate)
        if standing.state != "deprecated":
            raise _refuse(
                f"{candidate.id} is {standing.state}; only a deprecated component is removed",
                candidate.path,
            )
        if not _holds(repo, actor, "design-system-lead", candidate):
            raise _refuse(f"{actor} is not the design-system lead", candidate.path)
        results = _gates(repo, candidate, STEPS["deprecated"].gates, standing)
        release = _release(repo, candidate, "removed", note or f"Removed {candidate.id}.")
        entry, moved = _transition(
            repo,
            candidate,
            _entry(
                repo,
                candidate,
                "remove",
                actor,
                "design-system-lead",
                "deprecated",
                "removed",
                note,
                results,
            ),
            _merge(Plan({}, (candidate.path,)), release),
        )
    return Done(candidate.id, "remove", "deprecated", "removed", entry, tuple(results), moved)


def recover(repo: Repository) -> str | None:
    """Complete or drop a step a crash interrupted (every command does this first)."""
    with repo.log.locked():
        return journal.recover(repo.root, repo.log)


def check(repo: Repository, ref: str) -> tuple[Candidate, Standing, str | None, list[GateResult]]:
    """The gates of the component's next step (the propose gates for a local one)."""
    recover(repo)
    trusted(repo)
    candidate = repo.locate(ref)
    standing = repo.standing(candidate.id, candidate)
    step = STEPS.get(standing.state)
    if step is not None and step.command in ("advance", "propose"):
        names, target = step.gates, step.target
    else:  # a step people take by command (deprecate, remove) or none: the spec's health
        names, target = HEALTH_GATES, None
    return candidate, standing, target, run_gates(repo, candidate, names, standing)


__all__ = [
    "Done",
    "Refused",
    "advance",
    "check",
    "deprecate",
    "propose",
    "recover",
    "remove",
    "review",
    "trusted",
    "withdraw",
]
