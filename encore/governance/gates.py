"""The machine's checks for each step of the ladder (`encore.governance.ladder`).

The spec gates reuse the component validation of ``encore build`` (against every theme
permutation) and sort its findings by rule: the schema and structure, names, bindings
(tiers, types, raw values), contrast, touch targets and docs (whose warnings fail the
docs gate here). Adoption and usage count the ``uses:`` of the local systems; the
duplicate scan compares names and structure with the foundation's specs and only flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from encore.components import load_specs, validate
from encore.components.spec import ComponentSpec
from encore.diagnostics import Diagnostic, Severity, SourceLocation
from encore.governance.history import Standing, api_unchanged_since, days_between
from encore.governance.ladder import FLAGS, GATE_TITLES
from encore.governance.repository import SPEC_SUFFIX, Candidate, Repository

RULE_GATES = {
    "component/tier": "bindings",
    "component/binding": "bindings",
    "component/type": "bindings",
    "component/deprecated-token": "bindings",
    "component/contrast": "contrast",
    "component/unbound": "contrast",
    "component/target-size": "targets",
    "component/docs": "docs",
    "component/id": "names",
    "component/name-clash": "names",
    "component/duplicate": "names",
}
SPEC_GATES = frozenset({"spec", "names", "bindings", "contrast", "targets", "docs"})
DAYS = 30


@dataclass
class GateResult:
    """One gate: ``pass``, ``fail`` or ``flag`` (for people), why, and the findings."""

    name: str
    status: str
    detail: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def title(self) -> str:
        return GATE_TITLES.get(self.name, self.name)


def _spec_findings(
    repo: Repository, candidate: Candidate
) -> tuple[ComponentSpec | None, dict[str, list[Diagnostic]]]:
    """The candidate's spec and its findings by gate."""
    found: dict[str, list[Diagnostic]] = {name: [] for name in SPEC_GATES}
    specs, problems = load_specs([candidate.path])
    spec = specs[0] if specs else None
    others: list[ComponentSpec] = []
    if spec is not None and not any(d.severity is Severity.ERROR for d in problems):
        others = _others(repo, candidate)
        problems += validate([*others, spec], repo.themes, repo.project.contrast.thresholds)
    mine = str(candidate.path.resolve())
    for d in problems:
        where = d.location
        if where is None or str(Path(where.path).resolve()) != mine:
            continue
        if d.severity is Severity.OFF:
            continue
        found[RULE_GATES.get(d.rule, "spec")].append(d)
    return spec, found


def _others(repo: Repository, candidate: Candidate) -> list[ComponentSpec]:
    """The foundation's specs but the candidate's own."""
    mine = candidate.path.resolve()
    return [s for s in repo.foundation if Path(s.origin.source.path).resolve() != mine]


def _users(repo: Repository, ref: str) -> list[str]:
    return sorted(s.name for s in repo.systems.values() if s.count(ref) > 0)


def _loose_local_tokens(repo: Repository, spec: ComponentSpec) -> list[str]:
    """Bound local tokens that do not stand for a semantic or component token."""
    from encore.governance.promotion import foundation_alias

    tokens = repo.themes.default
    out = []
    for binding in spec.bindings:
        token = tokens.get(binding.token)
        if binding.literal or token is None or token.tier != "local":
            continue
        if foundation_alias(tokens, token) is None:
            out.append(
                f'"{binding.token}" is a local token that is not an alias of a semantic or '
                "component token"
            )
    return sorted(set(out))


def _replaced_by(repo: Repository, candidate: Candidate) -> list[str]:
    """Foundation specs naming the candidate as their replacement."""
    return [
        f"{s.id} (its replacement)"
        for s in _others(repo, candidate)
        if s.deprecation is not None and s.deprecation.replacement == candidate.id
    ]


def _same_id_elsewhere(repo: Repository, candidate: Candidate) -> list[str]:
    """Other specs anywhere in the repository with the candidate's id."""
    out = []
    name = f"{candidate.id}{SPEC_SUFFIX}"
    for path in repo.foundation_specs():
        if path.name == name and path.resolve() != candidate.path.resolve():
            out.append("foundation")
    for system in repo.systems.values():
        for path in system.components:
            if path.name == name and path.resolve() != candidate.path.resolve():
                out.append(system.name)
    return out


def _duplicates(repo: Repository, spec: ComponentSpec | None, candidate: Candidate) -> list[str]:
    if spec is None:
        return []
    shape = sorted(p.role for p in spec.parts), sorted(p.name for p in spec.props)
    out = []
    for other in _others(repo, candidate):
        if other.id == spec.id or other.name.lower() == spec.name.lower():
            out.append(f"{other.id} (same name)")
        elif (sorted(p.role for p in other.parts), sorted(p.name for p in other.props)) == shape:
            out.append(f"{other.id} (same parts and props)")
    return out


def run_gates(
    repo: Repository, candidate: Candidate, names: Sequence[str], standing: Standing
) -> list[GateResult]:
    """The named gates for the candidate, in order."""
    spec: ComponentSpec | None = None
    findings: dict[str, list[Diagnostic]] = {}
    if SPEC_GATES & set(names) or "duplicates" in names or "generated" in names:
        spec, findings = _spec_findings(repo, candidate)
    own = f"{candidate.system or 'foundation'}/{candidate.id}"
    out = []
    for name in names:
        written = candidate.data.get("status")
        if name == "spec" and written is not None and written != standing.state:
            detail = (
                f"the spec says status: {written}, the audit log says {standing.state} "
                "(the status is set only by encore promote)"
            )
            out.append(GateResult(name, "fail", detail))
            continue
        clash = _same_id_elsewhere(repo, candidate) if name == "names" else []
        if clash:
            detail = f'the id "{candidate.id}" is also used in: {", ".join(clash)}'
            out.append(GateResult(name, "fail", detail + " (ids are unique across systems)"))
            continue
        if name == "bindings" and spec is not None:
            loose = _loose_local_tokens(repo, spec)
            if loose:
                out.append(
                    GateResult(
                        name,
                        "fail",
                        loose[0] + (f" (and {len(loose) - 1} more)" if len(loose) > 1 else ""),
                    )
                )
                continue
        if name in SPEC_GATES:
            problems = findings.get(name, [])
            broken = spec is None and name != "spec"
            if broken:
                out.append(GateResult(name, "fail", "the spec could not be read", []))
            elif problems:
                first = problems[0]
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                out.append(GateResult(name, "fail", first.message + more, problems))
            else:
                out.append(GateResult(name, "pass", "ok"))
        elif name == "adoption":
            users = _users(repo, own)
            status = "pass" if len(users) >= 2 else "fail"
            detail = f"used by {len(users)}: {', '.join(users) or 'none'} (needs 2)"
            out.append(GateResult(name, status, detail))
        elif name == "duplicates":
            similar = _duplicates(repo, spec, candidate)
            detail = "similar: " + ", ".join(similar) if similar else "none found"
            out.append(GateResult(name, "flag" if similar else "pass", detail))
        elif name == "verdict":
            noted = [a for a in standing.approvals if a.role == "foundation-maintainer" and a.note]
            status = "pass" if noted else "fail"
            detail = f"by {noted[0].person}: {noted[0].note}" if noted else "no triage note yet"
            out.append(GateResult(name, status, detail))
        elif name == "generated":
            out.append(_generated(repo, spec))
        elif name == "addressed":
            changed = standing.requested_spec != candidate.digest
            detail = (
                "the spec changed"
                if changed
                else "the spec is as it was when changes were requested"
            )
            out.append(GateResult(name, "pass" if changed else "fail", detail))
        elif name == "usage":
            ref = f"foundation/{candidate.id}"
            users = _users(repo, ref)
            uses = sum(s.count(ref) for s in repo.systems.values())
            ok = uses >= 3 and len(users) >= 2
            detail = f"{uses} uses in {', '.join(users) or 'no system'} (needs 3 across 2)"
            out.append(GateResult(name, "pass" if ok else "fail", detail))
        elif name == "api-stable":
            since = api_unchanged_since(standing.entries, candidate.api)
            days = days_between(since, repo.now()) if since else 0.0
            ok = days >= DAYS
            out.append(
                GateResult(
                    name, "pass" if ok else "fail", f"unchanged for {days:.0f} days (needs {DAYS})"
                )
            )
        elif name == "replacement":
            ok = bool(standing.replacement)
            out.append(
                GateResult(name, "pass" if ok else "fail", standing.replacement or "none given")
            )
        elif name == "deprecated-long":
            days = days_between(standing.since, repo.now()) if standing.since else 0.0
            out.append(
                GateResult(
                    name,
                    "pass" if days >= DAYS else "fail",
                    f"deprecated for {days:.0f} days (needs {DAYS})",
                )
            )
        elif name == "unused":
            users = _users(repo, own) + _replaced_by(repo, candidate)
            out.append(
                GateResult(
                    name,
                    "pass" if not users else "fail",
                    f"still used by: {', '.join(users)}" if users else "no uses",
                )
            )
    return out


def _generated(repo: Repository, spec: ComponentSpec | None) -> GateResult:
    if spec is None:
        return GateResult("generated", "fail", "the spec could not be read")
    from encore.components.generators import GENERATORS

    try:
        made = sum(len(generate([spec], repo.themes, {})) for generate in GENERATORS.values())
    except Exception as exc:
        # a generator failing on this spec is exactly what this gate reports
        return GateResult("generated", "fail", f"{type(exc).__name__}: {exc}")
    return GateResult("generated", "pass", f"{made} files for {', '.join(GENERATORS)}")


def failure_diagnostics(path: Path, results: Sequence[GateResult]) -> list[Diagnostic]:
    """Each failed gate's findings, or one diagnostic at the spec saying why it failed."""
    out: list[Diagnostic] = []
    for r in results:
        if r.status == "fail":
            out += r.diagnostics or [
                Diagnostic(
                    f"gate/{r.name}",
                    f"{r.title}: {r.detail}",
                    fixed_location=SourceLocation(str(path)),
                )
            ]
    return out


def passed(results: Sequence[GateResult]) -> bool:
    """True when no gate failed (flags never fail)."""
    return all(r.status != "fail" or r.name in FLAGS for r in results)


__all__ = ["SPEC_SUFFIX", "GateResult", "failure_diagnostics", "passed", "run_gates"]
