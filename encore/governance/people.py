"""Who is who: ``governance/roles.yaml`` (people and the roles they hold) and the local
systems' ``system.yaml`` files (owner team, lead, the components each system uses)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from encore.config import read_config
from encore.diagnostics import Diagnostic, EncoreError, Origin, SourceLocation
from encore.suggest import did_you_mean

ROLES_FILE = Path("governance") / "roles.yaml"
SYSTEMS_FOLDER = Path("local_systems")
SYSTEM_FILE = "system.yaml"
LOCAL_LEAD = "local-lead"  # held by each system's lead for that system's components
KNOWN_ROLES = (
    "design-system-lead",
    "foundation-maintainer",
    "design-reviewer",
    "engineering-reviewer",
    "accessibility-reviewer",
)


@dataclass(frozen=True, slots=True)
class Roles:
    """People by id and the members of each role."""

    people: Mapping[str, str]  # id → name
    members: Mapping[str, frozenset[str]]  # role → people ids
    origin: Origin

    def holds(self, person: str, role: str) -> bool:
        return person in self.members.get(role, frozenset())

    def roles_of(self, person: str) -> list[str]:
        return sorted(role for role, people in self.members.items() if person in people)


@dataclass(frozen=True, slots=True)
class LocalSystem:
    """One ``local_systems/<name>/`` folder."""

    name: str
    folder: Path
    owner: str
    lead: str
    uses: tuple[str, ...]  # SYSTEM/COMPONENT ids, ``foundation/ID`` for foundation ones
    origin: Origin
    title: str = ""
    components: tuple[Path, ...] = field(default=())
    usages: Mapping[str, int] = field(default_factory=dict)  # places using each component

    def count(self, ref: str) -> int:
        """How many places of this system use the component ``ref``."""
        return self.usages.get(ref, 1 if ref in self.uses else 0)


def load_roles(root: Path) -> Roles:
    """``governance/roles.yaml``; raises `EncoreError` with located problems."""
    path = root / ROLES_FILE
    if not path.is_file():
        raise EncoreError(
            [
                Diagnostic(
                    "governance/roles",
                    f"no {ROLES_FILE} in {root}",
                    fixed_location=SourceLocation(str(path)),
                    help="list people and the roles they hold: people: {id: {name: ...}}, "
                    "roles: {design-system-lead: [id], ...}",
                )
            ]
        )
    data, origin, problems = read_config(path, "roles.schema.json", "governance/roles")
    if data is None or origin is None or problems:
        raise EncoreError(problems)
    people = {pid: str(info["name"]) for pid, info in data["people"].items()}
    for role in data["roles"]:
        if role not in KNOWN_ROLES:
            problems.append(
                Diagnostic(
                    "governance/roles",
                    f'unknown role "{role}"',
                    origin.child("roles", role),
                    part="key",
                    help=did_you_mean(role, KNOWN_ROLES) or "roles: " + ", ".join(KNOWN_ROLES),
                )
            )
    for role, members in data["roles"].items():
        for i, member in enumerate(members):
            if member not in people:
                problems.append(
                    Diagnostic(
                        "governance/roles",
                        f'role "{role}" lists "{member}", who is not under people',
                        origin.child("roles", role, i),
                        help=did_you_mean(member, people) or "add them under people",
                    )
                )
    if problems:
        raise EncoreError(problems)
    members = {role: frozenset(ids) for role, ids in data["roles"].items()}
    return Roles(people, members, origin)


def load_systems(root: Path, roles: Roles) -> dict[str, LocalSystem]:
    """Every local system by name; raises `EncoreError` with located problems."""
    systems: dict[str, LocalSystem] = {}
    problems: list[Diagnostic] = []
    for folder in sorted((root / SYSTEMS_FOLDER).glob("*/")):
        path = folder / SYSTEM_FILE
        if not path.is_file():
            continue
        data, origin, found = read_config(path, "system.schema.json", "governance/system")
        problems += found
        if data is None or origin is None or found:
            continue
        if data["name"] != folder.name:
            problems.append(
                Diagnostic(
                    "governance/system",
                    f'name "{data["name"]}" differs from the folder "{folder.name}"',
                    origin.child("name"),
                    help=f"write name: {folder.name}",
                )
            )
        if data["lead"] not in roles.people:
            problems.append(
                Diagnostic(
                    "governance/system",
                    f'lead "{data["lead"]}" is not a person in {ROLES_FILE}',
                    origin.child("lead"),
                    help=did_you_mean(data["lead"], roles.people) or "add them under people",
                )
            )
        specs = tuple(sorted((folder / "components").glob("*.component.yaml")))
        systems[folder.name] = LocalSystem(
            folder.name,
            folder,
            str(data["owner"]),
            str(data["lead"]),
            tuple(data.get("uses", [])),
            origin,
            str(data.get("title", folder.name)),
            specs,
            {str(k): int(v) for k, v in data.get("usages", {}).items()},
        )
    if problems:
        raise EncoreError(problems)
    return systems


__all__ = ["LOCAL_LEAD", "ROLES_FILE", "LocalSystem", "Roles", "load_roles", "load_systems"]
