"""The foundation's version and changelog.

The version lives in ``governance/version.txt`` (semver, ``0.1.0`` when absent). Each
promotion step that changes what the foundation offers writes a changeset,
``governance/changesets/NNNN-<component>-<step>.md``, with its bump and summary, and
``CHANGELOG.md`` is rendered from all of them, newest release first. Bumps follow
governance.md: a new component (alpha), a step up (beta, stable) and a deprecation are
minor; a removal is major.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation

VERSION_FILE = Path("governance") / "version.txt"
CHANGESETS = Path("governance") / "changesets"
CHANGELOG = Path("CHANGELOG.md")
BUMPS = {"alpha": "minor", "beta": "minor", "stable": "minor", "deprecated": "minor"}
BUMPS["removed"] = "major"
_CHANGESET = re.compile(r"^---\nversion: (\S+)\nbump: (\w+)\ncomponent: (\S+)\n---\n(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class Changeset:
    """One entry of the changelog."""

    version: str
    bump: str
    component: str
    summary: str


def current_version(root: Path) -> str:
    """The foundation's version; anything but ``MAJOR.MINOR.PATCH`` is a located error."""
    path = root / VERSION_FILE
    text = path.read_text(encoding="utf-8", errors="replace").strip() if path.is_file() else ""
    if not text:
        return "0.1.0"
    if not re.fullmatch(r"\d+\.\d+\.\d+", text):
        raise EncoreError(
            [
                Diagnostic(
                    "governance/version",
                    f'"{text}" is not a semantic version',
                    fixed_location=SourceLocation(str(path), 1, 1),
                    help="write MAJOR.MINOR.PATCH, for example 1.4.0",
                )
            ]
        )
    return text


def bumped(version: str, bump: str) -> str:
    """``1.4.2`` bumped ``minor`` is ``1.5.0``."""
    major, minor, patch = (int(part) for part in version.split(".")[:3])
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def changesets(root: Path) -> list[Changeset]:
    out = []
    for path in sorted((root / CHANGESETS).glob("*.md")):
        found = _CHANGESET.match(path.read_text(encoding="utf-8"))
        if found:
            version, bump, component, summary = found.groups()
            out.append(Changeset(version, bump, component, summary.strip()))
    return out


def render_changelog(entries: list[Changeset]) -> str:
    """``CHANGELOG.md``: one section per version, newest first."""
    lines = [
        "# Changelog",
        "",
        "The Encore Foundation's releases, written by `encore promote` from",
        "`governance/changesets/` (do not edit by hand).",
    ]
    versions: dict[str, list[Changeset]] = {}
    for entry in entries:
        versions.setdefault(entry.version, []).append(entry)
    for version in sorted(
        versions, key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True
    ):
        lines += ["", f"## {version}", ""]
        lines += [f"- **{e.component}** ({e.bump}): {e.summary}" for e in versions[version]]
    return "\n".join(lines) + "\n"


def release_files(
    root: Path, seq: int, component: str, target: str, summary: str
) -> dict[Path, str]:
    """The version, the new changeset and the re-rendered changelog of one step (``{}``
    for a step that does not change what the foundation offers)."""
    bump = BUMPS.get(target)
    if bump is None:
        return {}
    version = bumped(current_version(root), bump)
    entry = Changeset(version, bump, component, summary)
    name = f"{seq:04d}-{component}-{target}.md"
    text = f"---\nversion: {version}\nbump: {bump}\ncomponent: {component}\n---\n{summary}\n"
    return {
        root / VERSION_FILE: version + "\n",
        root / CHANGESETS / name: text,
        root / CHANGELOG: render_changelog([*changesets(root), entry]),
    }


__all__ = ["BUMPS", "Changeset", "bumped", "changesets", "current_version", "release_files"]
