"""``encore diff`` output: text for a terminal, JSON for machines, Markdown for release
notes (sections by semver level, then by kind of change)."""

from __future__ import annotations

import json

from encore.diff.model import KINDS, LEVELS, TITLES, Change, Report, TokenView


def render(report: Report, output_format: str) -> str:
    """The report in ``text``, ``json`` or ``markdown``."""
    if output_format == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return markdown(report)
    return text(report)


def _value(v: TokenView | None) -> str:
    if v is None:
        return ""
    return f"{v.display} ({{{v.alias}}})" if v.alias else v.display


def _summary(report: Report) -> str:
    counts = report.counts()
    if not counts:
        return "no token changes"
    return ", ".join(f"{n} {TITLES[k].lower()}" for k, n in counts.items())


def _line(change: Change) -> str:
    """One change in one line, without the kind."""
    before, after = change.before, change.after
    if change.kind == "renamed" and before and after:
        return f"{change.old_name} → {change.name}  (confidence {change.confidence:.2f})"
    if change.kind == "added" and after:
        return f"{change.name}  {after.type}  {_value(after)}"
    if change.kind == "removed" and before:
        return f"{change.name}  {before.type}  {_value(before)}"
    if change.kind == "type-changed" and before and after:
        return f"{change.name}  {before.type} → {after.type}  ({_value(before)} → {_value(after)})"
    if change.kind == "deprecated" and after:
        message = after.deprecated if isinstance(after.deprecated, str) else ""
        return f"{change.name}" + (f"  {message}" if message else "")
    if before and after:
        if change.kind == "value-changed" and before.alias and before.alias == after.alias:
            through = f"  (through {{{after.alias}}})"
            return f"{change.name}  {before.display} → {after.display}{through}"
        return f"{change.name}  {_value(before)} → {_value(after)}"
    return change.name


def _where(change: Change) -> str:
    side = change.after or change.before
    return f"{side.file}:{side.line}" if side else ""


def text(report: Report) -> str:
    """The report for people: a heading, the impact, then one block per kind."""
    out = [f"encore diff: {report.base} → {report.head}"]
    if report.permutations and report.permutations != ("",):
        out.append(f"permutations compared: {', '.join(report.permutations)}")
    out += [f"note: {note}" for note in report.notes]
    out += [f"permutation only in {report.base}: {p}" for p in report.only_base]
    out += [f"permutation only in {report.head}: {p}" for p in report.only_head]
    out.append(f"semver impact: {report.impact} ({_summary(report)})")
    marks = {"added": "+", "removed": "-", "renamed": "~"}
    for kind in KINDS:
        group = [c for c in report.changes if c.kind == kind]
        if not group:
            continue
        out.append("")
        out.append(f"{TITLES[kind]} ({group[0].impact}):")
        for change in group:
            scope = f"  [{change.scope} only]" if change.scope else ""
            out.append(f"  {marks.get(kind, '*')} {_line(change)}{scope}  {_where(change)}")
    return "\n".join(out) + "\n"


def _md_line(change: Change) -> str:
    before, after = change.before, change.after
    scope = f" *({change.scope} only)*" if change.scope else ""
    if change.kind == "renamed":
        body = (
            f"`{change.old_name}` → `{change.name}` (confidence {change.confidence:.2f}); "
            f"update references to the new name"
        )
    elif change.kind in ("added", "removed"):
        side = after or before
        body = f"`{change.name}` ({side.type}: `{_value(side)}`)" if side else f"`{change.name}`"
    elif change.kind == "type-changed" and before and after:
        body = f"`{change.name}`: {before.type} → {after.type}"
    elif change.kind == "deprecated" and after:
        message = after.deprecated if isinstance(after.deprecated, str) else ""
        body = f"`{change.name}`" + (f": {message}" if message else "")
    elif before and after and before.alias and before.alias == after.alias:
        body = (
            f"`{change.name}`: `{before.display}` → `{after.display}` (through `{{{after.alias}}}`)"
        )
    else:
        body = f"`{change.name}`: `{_value(before)}` → `{_value(after)}`"
    return f"- {body}{scope}"


LEVEL_TITLES = {
    "major": "Breaking changes (major)",
    "minor": "New and deprecated (minor)",
    "patch": "Changed values (patch)",
    "none": "Other changes",
}


def markdown(report: Report) -> str:
    """Release notes: the impact, then a section per semver level and kind of change."""
    out = [f"## Design token changes: {report.base} → {report.head}", ""]
    out.append(f"**Semver impact: {report.impact}** ({_summary(report)})")
    for note in report.notes:
        out += ["", f"> {note}"]
    for p in report.only_base:
        out += ["", f"- Theme permutation removed: `{p}`"]
    for p in report.only_head:
        out += ["", f"- Theme permutation added: `{p}`"]
    for level in reversed(LEVELS):
        changes = [c for c in report.changes if c.impact == level]
        if not changes:
            continue
        out += ["", f"### {LEVEL_TITLES[level]}"]
        for kind in KINDS:
            group = [c for c in changes if c.kind == kind]
            if group:
                out += ["", f"#### {TITLES[kind]}", ""]
                out += [_md_line(c) for c in group]
    return "\n".join(out) + "\n"
