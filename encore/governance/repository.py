"""The design system repository as governance sees it: the project, its compiled themes,
the people, the local systems, the audit log, and where each component's spec lives."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import yaml

from encore.build import compile_project, project_sources
from encore.components.spec import ComponentSpec
from encore.config import ProjectConfig, load_project
from encore.diagnostics import Diagnostic, EncoreError, SourceLocation, has_errors
from encore.governance.audit import AuditLog
from encore.governance.history import Standing, api_digest, digest, standing
from encore.governance.people import LocalSystem, Roles, load_roles, load_systems
from encore.suggest import did_you_mean
from encore.themes import Themes

AUDIT_FILE = Path("governance") / "audit.jsonl"
FOUNDATION = Path("tokens") / "components"
SPEC_SUFFIX = ".component.yaml"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A component's spec file as it is now."""

    id: str
    system: str | None  # the local system holding it; None once in the foundation
    path: Path
    data: dict[str, Any]

    @property
    def digest(self) -> str:
        return digest(self.data)

    @property
    def api(self) -> str:
        return api_digest(self.data)


def with_status(text: str, state: str) -> str:
    """A spec's text with its ``status:`` set (after ``owner:`` when it had none)."""
    line = f"status: {state}  # set by encore promote; never edit by hand"
    if re.search(r"^status:.*$", text, flags=re.M):
        return re.sub(r"^status:.*$", line, text, count=1, flags=re.M)
    if re.search(r"^owner:.*$", text, flags=re.M):
        return re.sub(r"^(owner:.*)$", lambda m: f"{m.group(1)}\n{line}", text, count=1, flags=re.M)
    return f"{line}\n{text}"


def read_spec(path: Path) -> dict[str, Any]:
    """A spec file's data (``{}`` when it cannot be read; the spec gate says why)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


class Repository:
    """One checkout; ``now`` is the clock (tests pass a fixed one)."""

    def __init__(self, root: Path, now: Callable[[], datetime] | None = None) -> None:
        self.root = root.resolve()
        self.now = now or (lambda: datetime.now(UTC))
        self.log = AuditLog(self.root / AUDIT_FILE)

    @functools.cached_property
    def project(self) -> ProjectConfig:
        return load_project(self.root)

    @functools.cached_property
    def roles(self) -> Roles:
        return load_roles(self.root)

    @functools.cached_property
    def systems(self) -> dict[str, LocalSystem]:
        return load_systems(self.root, self.roles)

    @functools.cached_property
    def themes(self) -> Themes:
        sources, problems = project_sources(self.project)
        themes, more = compile_project(self.project, sources, None)
        if themes is None or has_errors(problems + more):
            raise EncoreError(problems + more)
        return themes

    @functools.cached_property
    def foundation(self) -> list[ComponentSpec]:
        """The foundation's specs, loaded once for every gate of a command."""
        from encore.components import load_specs

        specs, _ = load_specs(self.foundation_specs())
        return specs

    def foundation_specs(self) -> list[Path]:
        return sorted((self.root / FOUNDATION).glob(f"*{SPEC_SUFFIX}"))

    def locate(self, ref: str) -> Candidate:
        """``SYSTEM/ID`` or ``ID``: the spec as it is now; raises a located error."""
        system, _, name = ref.rpartition("/")
        if system and system not in self.systems and system != "foundation":
            self._unknown(f'no local system named "{system}"', system, list(self.systems))
        if system in ("", "foundation"):
            path = self.root / FOUNDATION / f"{name}{SPEC_SUFFIX}"
            if path.is_file():
                return Candidate(name, None, path, read_spec(path))
        found = [
            Candidate(name, local.name, path, read_spec(path))
            for local in self.systems.values()
            if not system or local.name == system
            if (path := local.folder / "components" / f"{name}{SPEC_SUFFIX}").is_file()
        ]
        if len(found) > 1:
            systems = ", ".join(f"{c.system}/{name}" for c in found)
            self._unknown(f'"{ref}" is ambiguous: {systems}', ref, [])
        if found:
            return found[0]
        known = [p.name.removesuffix(SPEC_SUFFIX) for p in self.foundation_specs()]
        for local in self.systems.values():
            known += [f"{local.name}/{p.name.removesuffix(SPEC_SUFFIX)}" for p in local.components]
        return self._unknown(f'no component "{ref}"', ref, known)

    def _unknown(self, message: str, name: str, known: list[str]) -> NoReturn:
        raise EncoreError(
            [
                Diagnostic(
                    "governance/unknown",
                    message,
                    fixed_location=SourceLocation(str(self.root)),
                    help=did_you_mean(name, known)
                    or ("known: " + ", ".join(sorted(known)) if known else None),
                )
            ]
        )

    def standing(self, component: str, candidate: Candidate | None = None) -> Standing:
        """Where it stands: a foundation component the log never mentions is ``stable``."""
        spec = candidate.digest if candidate is not None else None
        initial = "stable" if candidate is not None and candidate.system is None else "local"
        return standing(self.log.entries(), component, spec, initial)

    def timestamp(self) -> str:
        return self.now().astimezone(UTC).isoformat(timespec="seconds")


__all__ = [
    "AUDIT_FILE",
    "FOUNDATION",
    "SPEC_SUFFIX",
    "Candidate",
    "Repository",
    "read_spec",
    "with_status",
]
