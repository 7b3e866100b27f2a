"""Everyday tooling commands: ``encore init``, ``encore diff`` and ``encore import``.

Registered from `encore.cli` like the governance commands. The logic lives in
`encore.scaffold`, `encore.diff` and `encore.importers`; these commands parse options,
print, and choose exit codes (0 success, 1 errors found or a ``--fail-on`` gate reached,
2 usage error). Failures are `EncoreError`s, which the CLI prints as located diagnostics.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from encore.diagnostics import Diagnostic, Severity

LEVELS = ("major", "minor", "patch")


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path), default=".")
@click.option("--name", metavar="NAME", help="The design system's name (default: the folder's).")
@click.option("--force", is_flag=True, help="Overwrite files the scaffold would write.")
def init_command(directory: Path, name: str | None, force: bool) -> None:
    """Scaffold a new design-system repository in DIRECTORY (default: here).

    Writes a small foundation (primitives, semantic tokens, a light/dark DTCG resolver),
    one platform system each for web, iOS and Android, one local system and governance
    roles; `encore build` and `encore check` pass in it at once. Existing files are never
    overwritten unless --force is given: the conflicts are listed and nothing is written.

    \b
    Example:
      encore init acme-design --name "Acme Design"
      cd acme-design && encore build
    """
    from encore.scaffold import init_project

    written = init_project(directory, name, force=force)
    click.echo(f"encore: created {len(written)} files in {directory}", err=True)
    for rel in written:
        click.echo(f"  {rel}", err=True)
    where = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(f"next: {where}encore build", err=True)


@click.command("diff")
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    show_default=True,
    help="The project folder (holding encore.yaml) inside the git repository.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for people, json for machines, markdown for release notes.",
)
@click.option(
    "--fail-on",
    type=click.Choice(LEVELS),
    help="Exit 1 when the change's semver impact reaches this level (a CI gate).",
)
@click.option(
    "--impact",
    "impacts",
    multiple=True,
    metavar="KIND=LEVEL",
    help="The level of a kind of change (repeatable), e.g. --impact renamed=minor; "
    "overrides encore.yaml's diff: impact.",
)
@click.option(
    "--rename-threshold",
    type=click.FloatRange(0, 1),
    help="Lowest confidence reported as a rename (default 0.7, or diff: rename-threshold).",
)
def diff_command(
    base: str | None,
    head: str | None,
    project_path: Path,
    output_format: str,
    fail_on: str | None,
    impacts: tuple[str, ...],
    rename_threshold: float | None,
) -> None:
    """Compare the resolved tokens of two revisions or two folders, per theme permutation.

    BASE and HEAD are git revisions (read with git, no checkout) or folders. Like
    `git diff`: no argument compares HEAD with the working tree, one compares BASE with
    the working tree, two compare BASE with HEAD (BASE..HEAD works too). A folder is a
    project (with encore.yaml) or bare token files.

    Reports tokens added, removed, renamed (with a confidence), changed in value, type or
    alias, and newly deprecated, and the semver impact of the whole change: removal,
    rename and type change major; addition and deprecation minor; value change patch
    (configurable in encore.yaml's diff: section or with --impact).

    \b
    Examples:
      encore diff                          HEAD against the working tree
      encore diff v1.2.0 HEAD --format markdown > RELEASE.md
      encore diff main --fail-on major     fail CI on a breaking change
      encore diff old-tokens/ new-tokens/
    """
    from encore.diff import run_diff
    from encore.diff.render import render

    report = run_diff(project_path, base, head, impacts, rename_threshold)
    click.echo(render(report, output_format), nl=False)
    if fail_on is not None and report.reaches(fail_on):
        if output_format == "text":
            click.echo(
                f"encore: the change is {report.impact}, which reaches --fail-on {fail_on}",
                err=True,
            )
        sys.exit(1)


@click.group("import")
def import_group() -> None:
    """Convert another tool's tokens into DTCG YAML.

    \b
    Example:
      encore import style-dictionary sd-tokens/ --out tokens/
    """


@import_group.command("style-dictionary")
@click.argument("source", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default="tokens",
    show_default=True,
    help="Folder the DTCG YAML files are written into (same file layout as SOURCE).",
)
@click.option(
    "--number-unit",
    type=click.Choice(["px", "rem"]),
    default="px",
    show_default=True,
    help="The unit of a bare number in a size token (Style Dictionary's size/px or size/rem).",
)
@click.option("--strict", is_flag=True, help="Write nothing and exit 1 if anything is skipped.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist in --out.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print what could not be converted.",
)
def import_style_dictionary(
    source: Path, out: Path, number_unit: str, strict: bool, force: bool, output_format: str
) -> None:
    """Convert a Style Dictionary token tree (JSON) into DTCG 2025.10 YAML.

    Reads legacy files (value, type, comment) and Style Dictionary 4+ files ($value,
    $type): references lose their .value ({color.base.red.value} becomes
    {color.base.red}), types map to DTCG (size → dimension, time → duration, boxShadow →
    shadow, ...; without a type, the category/type/item path and the value decide),
    comment becomes $description, and each file becomes one YAML file in --out.

    Anything that cannot be converted (an expression, a type DTCG lacks, a reference to
    a skipped token) is left out and reported as a warning at its file:line:column; the
    rest is written and the exit code is 0. With --strict nothing is written and the exit
    code is 1. The output passes `encore check`.

    \b
    Example:
      encore import style-dictionary design-tokens/tokens --out tokens/primitive
      encore check tokens/primitive
    """
    from encore.cli import report
    from encore.importers.style_dictionary import convert_tree, write_tree

    result = convert_tree(source, number_unit=number_unit)
    diagnostics: list[Diagnostic] = list(result.diagnostics)
    failed = bool(diagnostics) and strict
    if failed:
        diagnostics = [d.with_severity(Severity.ERROR) for d in diagnostics]
    report(diagnostics, output_format)
    if failed:
        click.echo(
            f"encore: {len(diagnostics)} token(s) could not be converted (--strict); "
            "nothing was written",
            err=True,
        )
        sys.exit(1)
    written = write_tree(result, out, force=force)
    if output_format == "text":
        skipped = f", {len(diagnostics)} skipped (see above)" if diagnostics else ""
        click.echo(
            f"encore: converted {result.converted} tokens from {len(result.sources)} files "
            f"into {len(written)} files in {out}{skipped}",
            err=True,
        )
        for rel in written:
            click.echo(f"  {out / rel}", err=True)


COMMANDS = (init_command, diff_command, import_group)
