"""`encore promote` and `encore audit` on a temporary copy of the bundled repository: the
ladder walked end to end, every refusal, voided approvals, the injected clock, a
tampered log, concurrent writers, and bad input that changes nothing."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from encore.build import build
from encore.config import load_project
from encore.diagnostics import EncoreError
from encore.governance import actions
from encore.governance.audit import AuditLog
from encore.governance.gates import run_gates
from encore.governance.repository import Repository
from tests.conftest import REPO
from tests.support.checkers import check_typescript, compile_kotlin, parse_swift
from tests.test_cli import encore

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    for name in ("encore.yaml", "tokens", "platforms", "local_systems", "governance"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("audit.jsonl*"))
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment


def _repo(root: Path, clock: Clock) -> Repository:
    return Repository(root, now=clock)


def _refused(call: object, *args: object) -> str:
    with pytest.raises(EncoreError) as caught:
        call(*args)  # type: ignore[operator]
    return " ".join(f"{d.message} {d.help or ''}" for d in caught.value.diagnostics)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "build" not in p.parts and not p.name.endswith(".lock")
    }


def test_the_whole_ladder(repo_copy: Path) -> None:
    clock = Clock()
    root = repo_copy
    r = lambda: _repo(root, clock)  # noqa: E731 - a fresh view of the files for each command

    assert "not the lead of podcasts" in _refused(actions.propose, r(), "podcasts/badge", "diego")
    done = actions.propose(r(), "podcasts/badge", "priya")
    assert (done.source, done.target) == ("local", "proposed")
    spec = root / "local_systems" / "podcasts" / "components" / "badge.component.yaml"
    assert "\nstatus: proposed  # set by encore promote" in spec.read_text()
    forged = spec.read_text().replace("status: proposed", "status: stable")
    spec.write_text(forged)
    forged_gates = run_gates(r(), r().locate("badge"), ["spec"], r().standing("badge"))
    assert "the status is set only by encore promote" in forged_gates[0].detail
    spec.write_text(forged.replace("status: stable", "status: proposed"))
    assert {g.name: g.status for g in done.gates}["adoption"] == "pass"

    assert "cannot review" in _refused(actions.review, r(), "badge", "approve", "priya", None)
    assert "needs approval from: foundation-maintainer" in _refused(
        actions.advance, r(), "badge", "jonas"
    )
    assert "holds none of the roles" in _refused(
        actions.review, r(), "badge", "approve", "sam", None
    )
    actions.review(r(), "badge", "approve", "jonas", None)
    assert "verdict" in _refused(actions.advance, r(), "badge", "jonas")  # no duplicate verdict
    actions.review(r(), "badge", "approve", "aiko", "not a duplicate: chip is a control")
    assert actions.advance(r(), "badge", "jonas").target == "in_review"

    for person in ("lena", "omar", "sam"):
        actions.review(r(), "badge", "approve", person, None)
    spec.write_text(spec.read_text().replace("A small label pill", "A small pill"))
    standing = r().standing("badge", r().locate("badge"))
    assert len(standing.voided) == 3 and "the spec changed" in standing.voided[0][1]
    assert "voided" in _refused(actions.advance, r(), "badge", "maria")
    status = encore("promote", "status", "badge", cwd=root)
    assert "voided: lena (design-reviewer): the spec changed" in status.stdout
    for person in ("lena", "omar", "sam"):
        actions.review(r(), "badge", "approve", person, None)

    done = actions.advance(r(), "badge", "maria")
    assert done.target == "alpha"
    promoted = root / "tokens" / "components" / "badge.component.yaml"
    assert promoted.is_file() and not spec.exists()
    text = promoted.read_text()
    code = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert "status: alpha" in text
    assert "owner: foundation" in text and not [line for line in code if "podcasts.badge" in line]
    assert "background.brand" in text  # the local token became the semantic one it aliases
    for system in ("podcasts", "wrapped"):
        uses = (root / "local_systems" / system / "system.yaml").read_text()
        assert "foundation/badge" in uses and "podcasts/badge" not in uses
    result = build(load_project(root), write=False)
    assert not result.failed(), [
        d.message for d in result.diagnostics if d.severity.name == "ERROR"
    ]
    assert "components/encore-badge.js" in result.outputs["web"]

    for person in ("lena", "omar"):
        actions.review(r(), "badge", "approve", person, None)
    assert "usage" in _refused(actions.advance, r(), "badge", "maria")  # 2 uses, needs 3
    wrapped = root / "local_systems" / "wrapped" / "system.yaml"
    wrapped.write_text(wrapped.read_text() + "usages:\n  foundation/badge: 3\n")
    assert actions.advance(r(), "badge", "maria").target == "beta"

    actions.review(r(), "badge", "approve", "maria", None)
    clock.moment = START + timedelta(days=10)
    assert "unchanged for 10 days (needs 30)" in _refused(actions.advance, r(), "badge", "maria")
    clock.moment = START + timedelta(days=31)
    assert actions.advance(r(), "badge", "maria").target == "stable"

    assert (root / "governance" / "version.txt").read_text() == "1.3.0\n"  # three minors
    changelog = (root / "CHANGELOG.md").read_text()
    assert "## 1.3.0" in changelog and "- **badge** (minor): New component badge" in changelog

    assert "not the design-system lead" in _refused(
        actions.deprecate, r(), "badge", "jonas", "chip", None
    )
    assert "needs --replacement" in _refused(actions.deprecate, r(), "badge", "maria", None, None)
    actions.deprecate(r(), "badge", "maria", "chip", None)
    assert "replacement: chip" in promoted.read_text()
    result = build(load_project(root), write=False)
    assert not result.failed()
    swift = result.outputs["ios"]["components/EncoreBadge.swift"].decode()
    assert (
        '@available(*, deprecated, message: "Replaced by chip. Use chip instead.", '
        'renamed: "EncoreChip")' in swift
    )
    assert "@Deprecated(" in result.outputs["android"]["components/EncoreBadge.kt"].decode()
    assert "Deprecated: Replaced by chip." in result.outputs["web"]["gallery/index.html"].decode()

    clock.moment = START + timedelta(days=40)
    assert "deprecated for 9 days (needs 30)" in _refused(
        actions.remove, r(), "badge", "maria", None
    )
    clock.moment = START + timedelta(days=61)
    assert "still used by: podcasts, wrapped" in _refused(
        actions.remove, r(), "badge", "maria", None
    )
    for system in ("podcasts", "wrapped"):
        path = root / "local_systems" / system / "system.yaml"
        kept = [line for line in path.read_text().splitlines() if "foundation/badge" not in line]
        path.write_text("\n".join(line for line in kept if line.strip() != "usages:") + "\n")
    assert actions.remove(r(), "badge", "maria", None).target == "removed"
    assert not promoted.exists()
    assert (root / "governance" / "version.txt").read_text() == "2.0.0\n"  # a removal is major
    assert "## 2.0.0" in (root / "CHANGELOG.md").read_text()
    assert not build(load_project(root), write=False).failed()

    verified = encore("audit", "verify", cwd=root)
    assert verified.returncode == 0 and "audit log intact" in verified.stdout
    history = encore("audit", "log", "badge", cwd=root).stdout
    assert "propose" in history and "in_review → alpha" in history and "beta → stable" in history
    assert "deprecated → removed" in history


def test_refusals_change_nothing(repo_copy: Path) -> None:
    clock = Clock()
    before = _tree(repo_copy)
    assert "did you mean" in _refused(
        actions.propose, _repo(repo_copy, clock), "podcasts/bdage", "priya"
    )
    assert "is not a person" in _refused(
        actions.propose, _repo(repo_copy, clock), "podcasts/badge", "mallory"
    )
    assert "no local system" in _refused(
        actions.propose, _repo(repo_copy, clock), "radio/badge", "priya"
    )
    message = _refused(actions.propose, _repo(repo_copy, clock), "ads/sponsor-tag", "diego")
    assert "gate" in message and "bindings" in message  # the deliberately raw colour
    message = _refused(actions.propose, _repo(repo_copy, clock), "wrapped/story-card", "kenji")
    assert "adoption" in message  # only wrapped uses it
    assert "already a foundation component" in _refused(
        actions.propose, _repo(repo_copy, clock), "chip", "priya"
    )
    assert _tree(repo_copy) == before


def test_check_prints_a_table_json_and_sarif(repo_copy: Path) -> None:
    stable = encore("promote", "check", "chip", cwd=repo_copy)
    assert stable.returncode == 0 and "chip (foundation): stable" in stable.stdout
    ok = encore("promote", "check", "podcasts/badge", cwd=repo_copy)
    assert ok.returncode == 0 and "every gate passed" in ok.stderr
    failed = encore("promote", "check", "ads/sponsor-tag", cwd=repo_copy)
    assert failed.returncode == 1
    assert "FAIL  bindings" in failed.stdout and 'raw value "#FFFFFF"' in failed.stdout
    data = json.loads(
        encore("promote", "check", "ads/sponsor-tag", "--format", "json", cwd=repo_copy).stdout
    )
    assert data["passed"] is False and data["next"] == "proposed"
    assert {g["name"]: g["status"] for g in data["gates"]}["bindings"] == "fail"
    sarif = json.loads(
        encore("promote", "check", "ads/sponsor-tag", "--format", "sarif", cwd=repo_copy).stdout
    )
    results = sarif["runs"][0]["results"]
    assert results and results[0]["ruleId"] == "component/tier"


def test_side_states(repo_copy: Path) -> None:
    clock = Clock()
    r = lambda: _repo(repo_copy, clock)  # noqa: E731
    actions.propose(r(), "podcasts/badge", "priya")
    assert (
        actions.review(r(), "badge", "request-changes", "jonas", "name it Tag").target
        == "changes_requested"
    )
    assert "spec is as it was" in _refused(actions.advance, r(), "badge", "jonas")
    spec = repo_copy / "local_systems" / "podcasts" / "components" / "badge.component.yaml"
    spec.write_text(spec.read_text().replace("name: Badge", "name: Tag"))
    assert actions.advance(r(), "badge", "jonas").target == "proposed"  # back to triage
    assert "needs approval from: foundation-maintainer" in _refused(
        actions.advance, r(), "badge", "jonas"
    )
    actions.review(r(), "badge", "approve", "jonas", "renamed; not a duplicate")
    assert actions.advance(r(), "badge", "jonas").target == "in_review"
    assert "neither proposed" in _refused(actions.withdraw, r(), "badge", "kenji", None)
    assert actions.withdraw(r(), "badge", "priya", None).target == "withdrawn"
    assert actions.propose(r(), "podcasts/badge", "priya").target == "proposed"  # again
    assert "may not reject" in _refused(actions.review, r(), "badge", "reject", "sam", None)
    assert actions.review(r(), "badge", "reject", "maria", "too close to chip").target == "rejected"
    assert "nothing to review" in _refused(actions.review, r(), "badge", "approve", "lena", None)
    assert "advance does not apply" in _refused(actions.advance, r(), "badge", "maria")


def test_verify_names_the_first_broken_entry(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    with log.locked():
        for i in range(5):
            log.append(
                {
                    "time": f"t{i}",
                    "actor": "a",
                    "action": "approve",
                    "component": "x",
                    "from": "s",
                    "to": "s",
                }
            )
    good = log.verify()
    assert good.problem is None and good.entries == 5 and len(good.head) == 64
    lines = log.path.read_text().splitlines(keepends=True)

    def broken(text: list[str]) -> str:
        log.path.write_text("".join(text))
        found = log.verify()
        assert found.problem is not None
        return f"{found.problem.line}: {found.problem.message}"

    assert broken([*lines[:2], lines[2].replace('"t2"', '"t9"'), *lines[3:]]).startswith(
        "3: entry 3 was edited"
    )
    assert "removed" in broken([*lines[:2], *lines[3:]])
    assert broken([lines[0], lines[2], lines[1], *lines[3:]]).startswith("2: entry 3")
    extra = json.loads(lines[1])
    assert "out of place" in broken([*lines[:2], json.dumps(extra) + "\n", *lines[2:]])
    log.path.write_text("".join(lines))
    assert log.verify().problem is None


def _append_many(path: str, worker: int) -> None:
    log = AuditLog(Path(path))
    for i in range(25):
        with log.locked():
            log.append(
                {
                    "time": "t",
                    "actor": f"w{worker}",
                    "action": "approve",
                    "component": f"c{i}",
                    "from": "s",
                    "to": "s",
                }
            )


def test_eight_concurrent_writers_never_lose_or_corrupt_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(str(path), w)) for w in range(8)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    result = AuditLog(path).verify()
    assert result.problem is None and result.entries == 200


def test_malformed_roles_are_a_located_error(repo_copy: Path) -> None:
    roles = repo_copy / "governance" / "roles.yaml"
    roles.write_text(
        roles.read_text().replace("accessibility-reviewer: [sam]", "accessibility-reviewer: [samm]")
    )
    before = _tree(repo_copy)
    run = encore("promote", "propose", "podcasts/badge", "--as", "priya", cwd=repo_copy)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "roles.yaml:" in run.stderr and '"samm", who is not under people' in run.stderr
    assert "did you mean 'sam'" in run.stderr
    assert _tree(repo_copy) == before


class Crash(Exception):
    """A failure injected between two steps of a promotion."""


class Injector:
    """Raises `Crash` at the n-th file change of a step: a journal or spec write, the log
    append, a removal."""

    def __init__(self, crash_at: int) -> None:
        from encore.governance import journal

        self.crash_at, self.calls, self.journal = crash_at, 0, journal
        self.real = (journal.atomic_write, AuditLog.append, Path.unlink)

    def step(self) -> None:
        if self.calls == self.crash_at:
            raise Crash(self.crash_at)
        self.calls += 1

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_write, real_append, real_unlink = self.real
        injector = self

        def write(path: Path, data: bytes) -> None:
            injector.step()
            real_write(path, data)

        def append(log: AuditLog, event: dict[str, object]) -> dict[str, object]:
            injector.step()
            return real_append(log, event)

        def unlink(path: Path, missing_ok: bool = False) -> None:
            if "governance" in path.parts or "local_systems" in path.parts:
                injector.step()
            real_unlink(path, missing_ok=missing_ok)

        monkeypatch.setattr(self.journal, "atomic_write", write)
        monkeypatch.setattr(AuditLog, "append", append)
        monkeypatch.setattr(Path, "unlink", unlink)


def _ready_for_alpha(root: Path, clock: Clock) -> None:
    actions.propose(_repo(root, clock), "podcasts/badge", "priya")
    actions.review(_repo(root, clock), "badge", "approve", "jonas", "not a duplicate")
    actions.advance(_repo(root, clock), "badge", "jonas")
    for person in ("lena", "omar", "sam"):
        actions.review(_repo(root, clock), "badge", "approve", person, None)


def test_a_crash_between_any_two_steps_leaves_before_or_after(
    repo_copy: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    _ready_for_alpha(repo_copy, clock)
    before = _tree(repo_copy)
    finished = tmp_path_factory.mktemp("after")
    shutil.copytree(repo_copy, finished, dirs_exist_ok=True)
    actions.advance(_repo(finished, clock), "badge", "maria")
    after = _tree(finished)
    assert after != before

    outcomes = set()
    for crash_at in range(12):
        root = tmp_path_factory.mktemp(f"crash{crash_at}")
        shutil.copytree(repo_copy, root, dirs_exist_ok=True)
        Injector(crash_at).install(monkeypatch)
        try:
            actions.advance(_repo(root, clock), "badge", "maria")
            crashed = False
        except Crash:
            crashed = True
        finally:
            monkeypatch.undo()
        actions.recover(_repo(root, clock))
        state = _tree(root)
        assert state in (before, after), f"half a promotion after a crash at step {crash_at}"
        if not crashed:
            break
        outcomes.add("rolled forward" if state == after else "rolled back")
    assert outcomes == {"rolled back", "rolled forward"}  # crashes before and after the log


def test_eight_concurrent_reviews_through_the_command_line(repo_copy: Path) -> None:
    """Each process reads the state, checks and appends under the lock: the five distinct
    reviewers are recorded once each, the three repeats are refused, the chain holds."""
    clock = Clock()
    actions.propose(_repo(repo_copy, clock), "podcasts/badge", "priya")
    actions.review(_repo(repo_copy, clock), "badge", "approve", "jonas", "not a duplicate")
    actions.advance(_repo(repo_copy, clock), "badge", "jonas")
    people = ["lena", "maria", "omar", "aiko", "sam", "lena", "omar", "sam"]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "encore", "promote", "review", "badge", "--approve", "--as", p],
            cwd=repo_copy,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in people
    ]
    codes = [run.wait(timeout=120) for run in runs]
    assert sorted(codes) == [0] * 5 + [1] * 3, [run.stderr.read() for run in runs if run.stderr]
    log = AuditLog(repo_copy / "governance" / "audit.jsonl")
    assert log.verify().problem is None
    approvals = [
        e["actor"] for e in log.entries() if e["action"] == "approve" and e["from"] == "in_review"
    ]
    assert sorted(approvals) == ["aiko", "lena", "maria", "omar", "sam"]


def test_promoted_and_local_components_compile_on_every_platform(
    repo_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """After the promotion the whole build's component code (the promoted badge, the local
    story card, the foundation's) type-checks, parses and compiles like the foundation's."""
    clock = Clock()
    _ready_for_alpha(repo_copy, clock)
    actions.advance(_repo(repo_copy, clock), "badge", "maria")
    result = build(load_project(repo_copy), write=False)
    assert not result.failed()
    out = tmp_path_factory.mktemp("promoted")
    written: dict[str, list[Path]] = {}
    for platform, files in result.outputs.items():
        for name, data in files.items():
            path = out / platform / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.setdefault(platform, []).append(path)
    assert (out / "web" / "components" / "encore-badge.js").is_file()
    assert (out / "web" / "components" / "encore-story-card.js").is_file()
    web = [p for p in written["web"] if p.suffix == ".js" and "components" in p.parts]
    assert check_typescript(sorted(web)) == []
    swift = [p for p in written["ios"] if p.suffix == ".swift"]
    assert parse_swift(sorted(swift)) == []
    kotlin = [p for p in written["android"] if p.suffix == ".kt" and "kotlin" not in p.parts]
    assert compile_kotlin(sorted(kotlin)) == []


def test_a_local_token_that_aliases_nothing_in_the_foundation_is_refused(repo_copy: Path) -> None:
    """A composite local token (parts referencing semantic tokens, not an alias) could not
    be rewritten at promotion, so the bindings gate refuses it at once, and nothing changes.
    A local alias of a local alias is followed to its semantic token."""
    clock = Clock()
    tokens = repo_copy / "local_systems" / "podcasts" / "tokens" / "podcasts.yaml"
    text = tokens.read_text()
    text = text.replace(
        "podcasts:\n",
        "podcasts:\n"
        '  quiet-label:\n    $type: color\n    $value: "{podcasts.badge.label.neutral}"\n'
        '  ring:\n    $type: border\n    $value:\n      color: "{text.base}"\n'
        '      width: "{control.border-width}"\n      style: solid\n',
        1,
    )
    tokens.write_text(text)
    spec = repo_copy / "local_systems" / "podcasts" / "components" / "badge.component.yaml"
    spec.write_text(
        spec.read_text()
        .replace(
            "neutral: podcasts.badge.label.neutral\n      accent",
            "neutral: podcasts.quiet-label\n      accent",
            1,
        )
        .replace(
            "    gap: podcasts.badge.gap\n",
            "    gap: podcasts.badge.gap\n    border: podcasts.ring\n",
        )
    )
    before = _tree(repo_copy)
    message = _refused(actions.propose, _repo(repo_copy, clock), "podcasts/badge", "priya")
    assert '"podcasts.ring" is a local token that is not an alias' in message  # caught early
    assert "podcasts.quiet-label" not in message  # a local alias of a local alias is fine
    assert _tree(repo_copy) == before


def test_a_malformed_spec_is_a_located_error_that_changes_nothing(repo_copy: Path) -> None:
    spec = repo_copy / "local_systems" / "podcasts" / "components" / "badge.component.yaml"
    spec.write_text(spec.read_text().replace("props:\n", "props: [\n", 1))
    before = _tree(repo_copy)
    run = encore("promote", "propose", "podcasts/badge", "--as", "priya", cwd=repo_copy)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "badge.component.yaml:" in run.stderr and "FAIL  spec" in run.stderr
    assert _tree(repo_copy) == before


def test_the_duplicate_scan_flags_without_failing(repo_copy: Path) -> None:
    chip = (REPO / "tokens" / "components" / "chip.component.yaml").read_text()
    pill = chip.replace("id: chip", "id: pill").replace("name: Chip", "name: Pill")
    pill = pill.replace("owner: foundation", "owner: wrapped")
    for old, new in (("encore-chip", "encore-pill"), ("EncoreChip", "EncorePill")):
        pill = pill.replace(old, new)
    (repo_copy / "local_systems" / "wrapped" / "components" / "pill.component.yaml").write_text(
        pill
    )
    for system in ("wrapped", "ads"):
        path = repo_copy / "local_systems" / system / "system.yaml"
        path.write_text(path.read_text().replace("uses:\n", "uses:\n  - wrapped/pill\n", 1))
    _, _, _, results = actions.check(_repo(repo_copy, Clock()), "wrapped/pill")
    flags = {r.name: r for r in results}
    assert (
        flags["duplicates"].status == "flag"
        and "chip (same parts and props)" in flags["duplicates"].detail
    )
    assert all(r.status != "fail" for r in results), [(r.name, r.detail) for r in results]


def test_every_other_refusal_changes_nothing(repo_copy: Path) -> None:
    """Wrong state, wrong person, bad arguments: each refused with its reason, and the
    repository (log included) is byte for byte as before."""
    clock = Clock()
    r = lambda: _repo(repo_copy, clock)  # noqa: E731
    actions.propose(r(), "podcasts/badge", "priya")
    actions.review(r(), "badge", "approve", "jonas", "not a duplicate")
    before = _tree(repo_copy)
    cases = [
        (actions.propose, ("podcasts/badge", "priya"), "only a local component can be proposed"),
        (actions.review, ("badge", "approve", "jonas", None), "already approved"),
        (actions.review, ("chip", "reject", "maria", None), "only a proposal under review"),
        (actions.withdraw, ("chip", "maria", None), "only a proposal can be withdrawn"),
        (actions.deprecate, ("badge", "maria", "chip", None), "only a stable component"),
        (actions.deprecate, ("chip", "maria", "podcasts/badge", None), "cannot replace"),
        (actions.deprecate, ("chip", "maria", "chip", None), "cannot replace"),
        (actions.remove, ("chip", "maria", None), "only a deprecated component"),
        (actions.advance, ("chip", "maria"), "advance does not apply"),
        (actions.advance, ("badge", "kenji"), "may not take badge"),
    ]
    for call, args, reason in cases:
        assert reason in _refused(call, r(), *args), (call.__name__, args)
    assert _tree(repo_copy) == before

    run = encore(
        "promote", "review", "badge", "--approve", "--reject", "--as", "maria", cwd=repo_copy
    )
    assert run.returncode == 2 and "exactly one of" in run.stderr
    assert encore("audit", "log", "nothing", cwd=repo_copy).returncode == 2
    assert _tree(repo_copy) == before


def test_a_tampered_or_torn_log_stops_every_command(repo_copy: Path) -> None:
    clock = Clock()
    actions.propose(_repo(repo_copy, clock), "podcasts/badge", "priya")
    log = repo_copy / "governance" / "audit.jsonl"
    entry = json.loads(log.read_text())
    forged = {
        "seq": 2,
        "action": "approve",
        "actor": "jonas",
        "role": "foundation-maintainer",
        "component": "badge",
        "from": "proposed",
        "to": "proposed",
        "spec": entry["spec"],
        "note": "forged",
        "prev": entry["hash"],
        "hash": "f" * 64,
    }
    log.write_text(log.read_text() + json.dumps(forged) + "\n")
    assert "the audit log is broken" in _refused(
        actions.advance, _repo(repo_copy, clock), "badge", "priya"
    )
    verify = encore("audit", "verify", cwd=repo_copy)
    assert (
        verify.returncode == 1
        and "audit.jsonl:2:1" in verify.stderr
        and "was edited" in verify.stderr
    )
    assert encore("promote", "status", cwd=repo_copy).returncode == 1
    log.write_text(log.read_text().splitlines(keepends=True)[0] + '{"seq": 2, "hash"')
    torn = encore("promote", "status", cwd=repo_copy)
    assert (
        torn.returncode == 1 and "Traceback" not in torn.stderr and "audit.jsonl:2:1" in torn.stderr
    )


def test_ids_are_unique_across_systems(repo_copy: Path) -> None:
    badge = repo_copy / "local_systems" / "podcasts" / "components" / "badge.component.yaml"
    copy = badge.read_text().replace("owner: podcasts", "owner: wrapped")
    (repo_copy / "local_systems" / "wrapped" / "components" / "badge.component.yaml").write_text(
        copy
    )
    assert "ambiguous" in _refused(actions.check, _repo(repo_copy, Clock()), "badge")
    message = _refused(actions.propose, _repo(repo_copy, Clock()), "podcasts/badge", "priya")
    assert 'the id "badge" is also used in: wrapped' in message


def test_deprecation_and_removal_keep_the_build_whole(repo_copy: Path) -> None:
    """A replacement is recorded by id; a component still named as another's replacement
    is not removed; status still shows a removed component."""
    clock = Clock()
    r = lambda: _repo(repo_copy, clock)  # noqa: E731
    actions.deprecate(r(), "banner", "maria", "foundation/chip", None)
    assert (
        "replacement: chip\n"
        in (repo_copy / "tokens" / "components" / "banner.component.yaml").read_text()
    )
    actions.deprecate(r(), "chip", "maria", "card", None)
    actions.deprecate(r(), "card", "maria", None, "cards become rows")
    clock.moment = START + timedelta(days=45)
    assert "chip (its replacement)" in _refused(actions.remove, r(), "card", "maria", None)
    assert not build(load_project(repo_copy), write=False).failed()
    actions.remove(r(), "banner", "maria", None)
    status = encore("promote", "status", cwd=repo_copy)
    assert status.returncode == 0 and "banner (no spec): removed" in status.stdout
    assert not build(load_project(repo_copy), write=False).failed()


def test_recovery_never_overwrites_an_edit_made_after_the_crash(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    _ready_for_alpha(repo_copy, clock)
    Injector(2).install(monkeypatch)  # the journal and the log entry are written, no file yet
    with pytest.raises(Crash):
        actions.advance(_repo(repo_copy, clock), "badge", "maria")
    monkeypatch.undo()
    uses = repo_copy / "local_systems" / "wrapped" / "system.yaml"
    uses.write_text(uses.read_text() + "# edited after the crash\n")
    message = _refused(actions.recover, _repo(repo_copy, clock))
    assert "local_systems/wrapped/system.yaml changed since" in message
    assert (repo_copy / "governance" / ".pending.json").is_file()  # kept for a person
    assert uses.read_text().endswith("# edited after the crash\n")
