"""``encore diff``: what changed between two revisions or folders, and its semver impact.

Sides are chosen the way ``git diff`` chooses them: no argument compares ``HEAD`` with
the working tree, one argument compares it with the working tree, two compare the two
(``A..B`` is the same as ``A B``). An argument that is an existing folder is a folder;
anything else is a git revision, read with git (`encore.diff.revisions`), never checked
out. Each side compiles into every permutation of its resolver (`encore.diff.snapshot`);
permutations with the same label are compared (`encore.diff.compare`), and a side
without themes is compared with each permutation of the other.

The impact of each kind of change comes from `DEFAULT_IMPACT`, then the HEAD side's
``diff: impact:`` in encore.yaml, then ``--impact KIND=LEVEL``; the whole change's impact
is the highest of its changes'. Renders: `encore.diff.render`.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path

import click

from encore.diff.compare import Changes, compare_sets, merge
from encore.diff.model import (
    DEFAULT_IMPACT,
    DEFAULT_RENAME_THRESHOLD,
    LEVELS,
    Report,
)
from encore.diff.revisions import commit_of, export, repository
from encore.diff.snapshot import Snapshot, compile_side
from encore.suggest import did_you_mean
from encore.themes import Themes

WORKTREE = None  # a side given as None is the project folder as it is on disk


def parse_impacts(raw: Sequence[str]) -> dict[str, str]:
    """``--impact KIND=LEVEL`` options; a bad one is a usage error with a suggestion."""
    out: dict[str, str] = {}
    for item in raw:
        kind, sep, level = (part.strip() for part in item.partition("="))
        if not sep or kind not in DEFAULT_IMPACT or level not in LEVELS:
            wrong, known = (kind, DEFAULT_IMPACT) if kind not in DEFAULT_IMPACT else (level, LEVELS)
            hint = did_you_mean(wrong, known) or "one of: " + ", ".join(known)
            raise click.BadParameter(f"{item!r}: {hint}", param_hint="--impact")
        out[kind] = level
    return out


def sides(base: str | None, head: str | None) -> tuple[str | None, str | None]:
    """The two sides as git would read ``git diff BASE HEAD`` (None: the working tree)."""
    if base is not None and head is None and ".." in base and not Path(base).is_dir():
        left, _, right = base.partition("..")
        return left or "HEAD", right or "HEAD"
    if base is None:
        return "HEAD", WORKTREE
    return base, head


def _snapshot(arg: str | None, project: Path, scratch: Path, which: str) -> Snapshot:
    if arg is None:
        return compile_side("working tree", project)
    folder = Path(arg)
    if folder.is_dir():
        return compile_side(f"folder {arg}", folder)
    root, prefix = repository(project)
    commit = commit_of(root, arg)
    dest = scratch / which
    dest.mkdir()
    export(root, commit, prefix, dest)
    return compile_side(f"{arg} ({commit[:7]})", dest, revision=arg)


def run_diff(
    project: Path,
    base: str | None,
    head: str | None,
    impacts: Sequence[str] = (),
    rename_threshold: float | None = None,
) -> Report:
    """Compile both sides and compare them; raises `EncoreError` on a broken side."""
    overrides = parse_impacts(impacts)
    left, right = sides(base, head)
    with tempfile.TemporaryDirectory(prefix="encore-diff-") as tmp:
        old = _snapshot(left, project, Path(tmp), "base")
        new = _snapshot(right, project, Path(tmp), "head")
        settings = new.settings or old.settings
        impact = {**DEFAULT_IMPACT, **settings.get("impact", {}), **overrides}
        threshold = rename_threshold
        if threshold is None:
            threshold = float(settings.get("rename-threshold", DEFAULT_RENAME_THRESHOLD))
        return compare(old, new, impact, threshold)


def pair_permutations(old: Themes, new: Themes) -> list[tuple[str, str]]:
    """Corresponding permutations (BASE label, HEAD label): the same context for every
    modifier both have, and the default context of a modifier only one side has (a new
    ``contrast`` modifier's ``standard`` matches the old permutations)."""

    def assignments(themes: Themes) -> list[tuple[str, dict[str, str], dict[str, str]]]:
        defaults = {axis.name: axis.default for axis in themes.axes}
        return [
            (
                themes.label(key),
                {a.name: c for a, c in zip(themes.axes, key, strict=True)},
                defaults,
            )
            for key in themes.sets
        ]

    pairs = []
    for head_label, h, h_defaults in assignments(new):
        for base_label, b, b_defaults in assignments(old):
            if (
                all(h[a] == b[a] for a in h.keys() & b.keys())
                and all(h[a] == h_defaults[a] for a in h.keys() - b.keys())
                and all(b[a] == b_defaults[a] for a in b.keys() - h.keys())
            ):
                pairs.append((base_label, head_label))
                break
    return pairs


def compare(old: Snapshot, new: Snapshot, impact: dict[str, str], threshold: float) -> Report:
    """The report for two compiled sides."""
    roots = (old.root, new.root)
    base_sets = {old.themes.label(k): s for k, s in old.themes.sets.items()}
    head_sets = {new.themes.label(k): s for k, s in new.themes.sets.items()}
    notes: list[str] = []
    per: dict[str, Changes] = {}
    if len(base_sets) == 1 and len(head_sets) > 1:
        only = next(iter(base_sets.values()))
        per = {label: compare_sets(only, s, roots, threshold) for label, s in head_sets.items()}
        notes.append(f"{old.label} has no themes: compared with every permutation")
        only_base: tuple[str, ...] = ()
        only_head: tuple[str, ...] = ()
    elif len(head_sets) == 1 and len(base_sets) > 1:
        only = next(iter(head_sets.values()))
        per = {label: compare_sets(s, only, roots, threshold) for label, s in base_sets.items()}
        notes.append(f"{new.label} has no themes: compared with every permutation")
        only_base = only_head = ()
    else:
        pairs = pair_permutations(old.themes, new.themes)
        matched_base = {b for b, _ in pairs}
        matched_head = {h for _, h in pairs}
        only_base = tuple(label for label in base_sets if label not in matched_base)
        only_head = tuple(label for label in head_sets if label not in matched_head)
        if not pairs:  # nothing corresponds: compare the defaults
            notes.append("no permutation is in both: the default permutations are compared")
            per = {
                "default": compare_sets(old.themes.default, new.themes.default, roots, threshold)
            }
        for b, h in pairs:
            per[h] = compare_sets(base_sets[b], head_sets[h], roots, threshold)
    themes = new.themes if len(head_sets) >= len(base_sets) else old.themes
    changes = [
        dataclasses.replace(change, impact=impact.get(change.kind, "none"))
        for change in merge(per, themes)
    ]
    if only_base or only_head:
        impact_of_permutations = impact["removed"] if only_base else impact["added"]
        changes_level = [c.impact for c in changes] + [impact_of_permutations]
    else:
        changes_level = [c.impact for c in changes]
    level = max(changes_level, key=LEVELS.index, default="none")
    return Report(
        old.label,
        new.label,
        tuple(changes),
        tuple(per),
        level,
        only_base,
        only_head,
        tuple(notes),
    )


__all__ = ["Report", "run_diff"]
