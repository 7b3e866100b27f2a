"""``encore promote`` and ``encore audit``: the governance commands of the command line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation
from encore.governance.actions import (
    Done,
    Refused,
    advance,
    check,
    deprecate,
    propose,
    remove,
    review,
    withdraw,
)
from encore.governance.gates import GateResult, failure_diagnostics, passed
from encore.governance.ladder import STEPS
from encore.governance.repository import Repository

EXIT_OK, EXIT_FAILED = 0, 1
MARKS = {"pass": "ok", "fail": "FAIL", "flag": "flag"}


def repository(root: Path) -> Repository:
    """The repository at ``root``; ``ENCORE_NOW`` (ISO 8601) fixes the clock for tests."""
    fixed = os.environ.get("ENCORE_NOW")
    if fixed:
        moment = datetime.fromisoformat(fixed)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return Repository(root, now=lambda: moment)
    return Repository(root)


def gate_table(results: Sequence[GateResult]) -> str:
    width = max((len(r.name) for r in results), default=4)
    lines = [f"  {MARKS[r.status]:<4}  {r.name:<{width}}  {r.detail}" for r in results]
    return "\n".join(lines)


def _print_done(done: Done) -> None:
    if done.gates:
        click.echo(gate_table(done.gates), err=True)
    if done.action == "approve":
        click.echo(
            f"encore: {done.entry['actor']} approved {done.component} as {done.entry['role']} "
            f"(entry {done.entry['seq']}, {done.entry['hash'][:12]})",
            err=True,
        )
    else:
        click.echo(
            f"encore: {done.component}: {done.source} → {done.target} "
            f"(entry {done.entry['seq']}, {done.entry['hash'][:12]})",
            err=True,
        )
    cwd = Path.cwd().resolve()
    for moved in done.moved:
        path = Path(moved)
        click.echo(f"  {path.relative_to(cwd) if path.is_relative_to(cwd) else path}", err=True)


def _run(action: Any, repo: Repository, *args: Any) -> None:
    from encore.governance.actions import recover

    recovered = recover(repo)  # a step a crash interrupted: completed or dropped, said so
    if recovered:
        click.echo(f"encore: {recovered}", err=True)
    try:
        done = action(repo, *args)
    except Refused as exc:
        if exc.gates:
            click.echo(gate_table(exc.gates), err=True)
        raise EncoreError(exc.diagnostics) from None
    _print_done(done)


project_option = click.option(
    "--project",
    "root",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    show_default=True,
    help="The design system's folder (holding encore.yaml and governance/).",
)
actor_option = click.option(
    "--as",
    "actor",
    required=True,
    metavar="PERSON",
    help="Who you are (an id in governance/roles.yaml).",
)
note_option = click.option(
    "--note", metavar="TEXT", help="Recorded with the event in the audit log."
)


@click.group("promote")
def promote() -> None:
    """Govern a local component's way into the foundation.

    \b
    local → proposed → in_review → alpha → beta → stable → deprecated → removed
    (beside them: changes_requested, rejected, withdrawn)

    \b
    Example:
      encore promote check podcasts/badge
      encore promote propose podcasts/badge --as priya
      encore promote review badge --approve --as jonas --note "not a duplicate of chip"
      encore promote advance badge --as jonas
    """


@promote.command("propose")
@click.argument("ref", metavar="SYSTEM/COMPONENT")
@actor_option
@note_option
@project_option
def propose_command(ref: str, actor: str, note: str | None, root: Path) -> None:
    """Propose a local component (by its system's lead); runs the proposal gates.

    \b
    Example:
      encore promote propose podcasts/badge --as priya --note "used by podcasts and wrapped"
    """
    _run(propose, repository(root), ref, actor, note)


@promote.command("review")
@click.argument("ref", metavar="COMPONENT")
@click.option("--approve", is_flag=True, help="Approve the next step.")
@click.option("--request-changes", is_flag=True, help="Send it back.")
@click.option("--reject", is_flag=True, help="Reject the proposal.")
@actor_option
@note_option
@project_option
def review_command(
    ref: str,
    approve: bool,
    request_changes: bool,
    reject: bool,
    actor: str,
    note: str | None,
    root: Path,
) -> None:
    """Record a reviewer's judgement, bound to the spec as it is now.

    \b
    Examples:
      encore promote review podcasts/badge --approve --as jonas --note "fits the chip family"
      encore promote review podcasts/badge --request-changes --as jonas --note "add docs"
    """
    chosen = [
        name
        for name, given in (
            ("approve", approve),
            ("request-changes", request_changes),
            ("reject", reject),
        )
        if given
    ]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --approve, --request-changes or --reject")
    _run(review, repository(root), ref, chosen[0], actor, note)


@promote.command("advance")
@click.argument("ref", metavar="COMPONENT")
@actor_option
@note_option
@project_option
def advance_command(ref: str, actor: str, note: str | None, root: Path) -> None:
    """Take the next step once its approvals and gates are there (moves it into the
    foundation on reaching alpha).

    \b
    Example:
      encore promote advance podcasts/badge --as jonas
    """
    _run(advance, repository(root), ref, actor, note)


@promote.command("withdraw")
@click.argument("ref", metavar="COMPONENT")
@actor_option
@note_option
@project_option
def withdraw_command(ref: str, actor: str, note: str | None, root: Path) -> None:
    """Take a proposal back (its system's lead or its proposer).

    \b
    Example:
      encore promote withdraw podcasts/badge --as priya --note "merging into chip instead"
    """
    _run(withdraw, repository(root), ref, actor, note)


@promote.command("deprecate")
@click.argument("ref", metavar="COMPONENT")
@click.option("--replacement", metavar="OTHER", help="The foundation component to use instead.")
@click.option("--reason", metavar="TEXT", help="Why, when there is no replacement.")
@actor_option
@project_option
def deprecate_command(
    ref: str, replacement: str | None, reason: str | None, actor: str, root: Path
) -> None:
    """Deprecate a stable component (design-system lead); the generated code of every
    platform and the gallery carry the deprecation.

    \b
    Examples:
      encore promote deprecate badge --replacement foundation/chip --as maria
      encore promote deprecate badge --reason "no longer part of the visual language" --as maria
    """
    _run(deprecate, repository(root), ref, actor, replacement, reason)


@promote.command("remove")
@click.argument("ref", metavar="COMPONENT")
@actor_option
@note_option
@project_option
def remove_command(ref: str, actor: str, note: str | None, root: Path) -> None:
    """Remove a component deprecated 30+ days ago that nothing uses (a major release).

    \b
    Example:
      encore promote remove badge --as maria
    """
    _run(remove, repository(root), ref, actor, note)


@promote.command("check")
@click.argument("ref", metavar="COMPONENT")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
)
@project_option
def check_command(ref: str, output_format: str, root: Path) -> None:
    """Run the gates of the component's next step; exit 1 when one fails.

    \b
    Examples:
      encore promote check podcasts/badge
      encore promote check ads/sponsor-tag --format sarif > gates.sarif
    """
    from encore.cli import report

    candidate, standing, target, results = check(repository(root), ref)
    ok = passed(results)
    if output_format == "json":
        data = {
            "component": candidate.id,
            "system": candidate.system,
            "state": standing.state,
            "next": target,
            "passed": ok,
            "gates": [
                {"name": r.name, "title": r.title, "status": r.status, "detail": r.detail}
                for r in results
            ],
        }
        click.echo(json.dumps(data, indent=2))
    elif output_format == "sarif":
        report(failure_diagnostics(candidate.path, results), "sarif")
    else:
        step = f"{standing.state} → {target}" if target else standing.state
        click.echo(f"{candidate.id} ({candidate.system or 'foundation'}): {step}")
        click.echo(gate_table(results))
        click.echo(f"encore: {'every gate passed' if ok else 'a gate failed'}", err=True)
    sys.exit(EXIT_OK if ok else EXIT_FAILED)


@promote.command("status")
@click.argument("ref", metavar="COMPONENT", required=False)
@project_option
def status_command(ref: str | None, root: Path) -> None:
    """Where each component stands, its valid and voided approvals.

    \b
    Examples:
      encore promote status
      encore promote status podcasts/badge
    """
    from encore.governance.actions import recover, trusted
    from encore.governance.history import standing as replay

    repo = repository(root)
    done = recover(repo)
    if done:
        click.echo(f"encore: {done}", err=True)
    trusted(repo)
    entries = repo.log.entries()
    if ref is not None:
        names = [ref]
    else:
        names = sorted({e["component"] for e in entries if "component" in e})
        for system in repo.systems.values():
            names += [f"{system.name}/{p.name.split('.')[0]}" for p in system.components]
    seen = set()
    for name in names:
        try:
            candidate = repo.locate(name)
        except EncoreError:
            gone = replay(entries, name.rpartition("/")[2], None)
            if not gone.entries:
                raise
            click.echo(f"{gone.component} (no spec): {gone.state}")
            continue
        if candidate.id in seen:
            continue
        seen.add(candidate.id)
        standing = repo.standing(candidate.id, candidate)
        step = STEPS.get(standing.state)
        where = candidate.system or "foundation"
        line = f"{candidate.id} ({where}): {standing.state}"
        click.echo(line + (f", next {step.target}" if step else ""))
        if step is not None and step.approvers:
            for role in step.approvers:
                approval = standing.approved_by(role)
                mark = f"approved by {approval.person}" if approval else "waiting"
                click.echo(f"  {role}: {mark}")
        for approval, reason in standing.voided:
            click.echo(f"  voided: {approval.person} ({approval.role}): {reason}")


@click.group("audit")
def audit() -> None:
    """The governance audit log (governance/audit.jsonl).

    \b
    Example:
      encore audit verify && encore audit log badge
    """


@audit.command("verify")
@project_option
def verify_command(root: Path) -> None:
    """Recompute the hash chain; name the first broken entry; print the head hash.

    \b
    Example:
      encore audit verify
    """
    repo = repository(root)
    result = repo.log.verify()
    if result.problem is not None:
        raise EncoreError(
            [
                Diagnostic(
                    "audit/broken",
                    result.problem.message,
                    fixed_location=SourceLocation(str(repo.log.path), result.problem.line, 1),
                    help="entries are never rewritten: restore the log from version control "
                    "and record corrections as new entries",
                )
            ]
        )
    click.echo(f"encore: audit log intact: {result.entries} entries; head {result.head}")


@audit.command("log")
@click.argument("component", required=False)
@project_option
def log_command(component: str | None, root: Path) -> None:
    """The history, readably (one component's with COMPONENT).

    \b
    Example:
      encore audit log podcasts/badge
    """
    repo = repository(root)
    entries = repo.log.entries()
    if component and not any(e.get("component") == component.rpartition("/")[2] for e in entries):
        raise click.BadParameter(f"the audit log has no entry for {component}")
    for entry in entries:
        if component and entry.get("component") != component.rpartition("/")[2]:
            continue
        source, target = entry.get("from", "?"), entry.get("to", "?")
        move = source if source == target else f"{source} → {target}"
        who = entry.get("actor", "?") + (f" ({entry['role']})" if entry.get("role") else "")
        note = f": {entry['note']}" if entry.get("note") else ""
        click.echo(
            f"{entry['seq']:>4}  {entry.get('time', '?')}  {entry.get('component', '?'):<16} "
            f"{entry.get('action', '?'):<16} {move:<24} {who}{note}"
        )


__all__ = ["audit", "promote", "repository"]
