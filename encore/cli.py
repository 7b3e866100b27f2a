"""The ``encore`` command line: thin commands over `encore.build`.

Exit codes: 0 success, 1 errors found (or warnings under ``--strict``), 2 usage error,
3 internal error. Diagnostics never come with a traceback unless ``ENCORE_DEBUG=1``.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from encore.build import (
    BuildResult,
    build,
    check_files,
    compile_project,
    project_sources,
)
from encore.config import PROJECT_FILE, ProjectConfig, load_project
from encore.console import COLOR_CHOICES, SETTINGS, progress, timing_lines, use_color
from encore.diagnostics import (
    Diagnostic,
    EncoreError,
    Severity,
    render_json,
    render_sarif,
    render_text,
)
from encore.listing import as_json, as_table, rows
from encore.rebuild import run_build

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
FORMAT_CHOICE = click.Choice(["text", "json", "sarif"])
F = TypeVar("F", bound=Callable[..., Any])


def report(diagnostics: Sequence[Diagnostic], output_format: str) -> None:
    """Print diagnostics: text on stderr, JSON or SARIF on stdout."""
    if output_format == "json":
        click.echo(render_json(diagnostics), nl=False)
    elif output_format == "sarif":
        click.echo(render_sarif(diagnostics), nl=False)
    elif diagnostics:
        color = use_color()
        click.echo(render_text(diagnostics, color=color), err=True, nl=False, color=color)


def _counts(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _finish(
    result: BuildResult,
    output_format: str,
    strict: bool,
    quiet: bool,
    summary: str,
    seconds: float | None = None,
) -> NoReturn:
    report(result.diagnostics, output_format)
    failed = result.failed(strict)
    if output_format == "text" and not (quiet or SETTINGS.quiet):
        if failed:
            click.echo(
                f"encore: failed with {_counts(result.diagnostics)}; nothing was written", err=True
            )
        else:
            click.echo(summary, err=True)
        if SETTINGS.verbose:
            total = seconds if seconds is not None else sum(t for _, t in result.timings)
            for line in timing_lines(result.timings, total):
                click.echo(line, err=True)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def _verbose(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        SETTINGS.verbose = True
    return value


def reporting_options(command: F) -> F:
    """The options every checking command shares: --strict, --format, --quiet, --verbose."""
    command = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_verbose,
        help="Also print how long each stage took.",
    )(command)
    command = click.option("-q", "--quiet", is_flag=True, help="Print only diagnostics.")(command)
    command = click.option(
        "--format",
        "output_format",
        type=FORMAT_CHOICE,
        default="text",
        show_default=True,
        help="How to print diagnostics.",
    )(command)
    return click.option("--strict", is_flag=True, help="Treat warnings as errors.")(command)


def theme_options(command: F) -> F:
    """--theme, --contrast and --input: choose one permutation of the project's resolver."""
    command = click.option(
        "--input",
        "raw_inputs",
        multiple=True,
        metavar="MODIFIER=CONTEXT",
        help="A resolver input (repeatable), e.g. --input density=compact.",
    )(command)
    command = click.option(
        "--contrast", metavar="CONTEXT", help="The contrast modifier's context, e.g. high."
    )(command)
    return click.option(
        "--theme", metavar="CONTEXT", help="The theme modifier's context, e.g. light."
    )(command)


def theme_inputs(
    theme: str | None,
    contrast: str | None,
    raw_inputs: tuple[str, ...],
    project: ProjectConfig | None = None,
) -> dict[str, str] | None:
    """The inputs asked for, or ``None`` for every permutation. ``--theme`` and
    ``--contrast`` set the modifiers encore.yaml names for appearance and contrast."""
    roles = project.themes.roles if project is not None and project.themes else {}
    inputs: dict[str, str] = {}
    for raw in raw_inputs:
        name, sep, context = raw.partition("=")
        if not sep or not name or not context:
            raise click.BadParameter(f"{raw!r} is not MODIFIER=CONTEXT", param_hint="--input")
        inputs[name.strip()] = context.strip()
    if theme is not None:
        inputs[roles["appearance"].modifier if "appearance" in roles else "theme"] = theme
    if contrast is not None:
        inputs[roles["contrast"].modifier if "contrast" in roles else "contrast"] = contrast
    return inputs or None


EXIT_CODES = """\b
Exit codes:
  0  success
  1  errors found (or warnings under --strict; a failed gate or --fail-on level)
  2  usage error (unknown option, bad argument)
  3  internal error (a bug: rerun with ENCORE_DEBUG=1 for the traceback)"""


class LazyGroup(click.Group):
    """A group whose heavier commands are imported only when used (or listed by --help)."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}  # command name → "module:attribute"

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


LAZY = {  # the governance commands import the whole ladder: only for `encore promote/audit`
    "promote": "encore.cli_governance:promote",
    "audit": "encore.cli_governance:audit",
}


@click.group(
    cls=LazyGroup,
    lazy=LAZY,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
)
@click.version_option(package_name="encore-tokens", prog_name="encore")
@click.option("-q", "--quiet", is_flag=True, help="Print only diagnostics and results.")
@click.option("-v", "--verbose", is_flag=True, help="Also print each build stage's time.")
@click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour diagnostics: auto colours a terminal unless NO_COLOR is set.",
)
def cli(quiet: bool, verbose: bool, color: str) -> None:
    """Encore: compile tiered DTCG design tokens into platform code.

    \b
    Examples:
      encore build            build every platform of ./encore.yaml
      encore check tokens/    validate token files without a project
      encore tokens --theme light background
      encore -v build         the same build, with each stage's time
    """
    SETTINGS.quiet = quiet
    SETTINGS.verbose = verbose
    SETTINGS.color = color


@cli.command("build")
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help=f"Folder holding {PROJECT_FILE}, or the file itself.",
)
@click.option(
    "--platform",
    "platforms",
    multiple=True,
    metavar="NAME",
    help="Build only this platform (repeatable).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Build even when no input or output changed since the last build.",
)
@theme_options
@reporting_options
def build_command(
    project_path: Path,
    platforms: tuple[str, ...],
    no_cache: bool,
    theme: str | None,
    contrast: str | None,
    raw_inputs: tuple[str, ...],
    strict: bool,
    output_format: str,
    quiet: bool,
) -> None:
    """Compile the project's tokens and write every platform's files.

    With a resolver, every theme permutation goes into each platform's native theming;
    --theme, --contrast or --input build one permutation instead.

    \b
    Examples:
      encore build --platform web --strict
      encore build --theme light --contrast high

    A build whose inputs (tokens, configuration, Encore itself) and outputs are all as
    the last clean build left them does nothing; --no-cache builds anyway.
    """
    project = load_project(project_path)
    inputs = theme_inputs(theme, contrast, raw_inputs, project)
    with progress(output_format == "text" and not quiet) as show:
        run = run_build(
            project,
            platforms,
            inputs=inputs,
            strict=strict,
            use_cache=not no_cache,
            progress=show,
        )
    _finish(run.result, output_format, strict, quiet, run.summary, run.seconds)


@cli.command("watch")
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    show_default=True,
    help=f"Folder holding {PROJECT_FILE}.",
)
@click.option(
    "--platform",
    "platforms",
    multiple=True,
    metavar="NAME",
    help="Build only this platform (repeatable).",
)
@click.option(
    "--debounce",
    type=click.FloatRange(min=0),
    default=100,
    show_default=True,
    help="Milliseconds of quiet after a save before rebuilding.",
)
@theme_options
def watch_command(
    project_path: Path,
    platforms: tuple[str, ...],
    debounce: float,
    theme: str | None,
    contrast: str | None,
    raw_inputs: tuple[str, ...],
) -> None:
    """Build, then rebuild on every save until interrupted (Ctrl-C).

    Watches encore.yaml, tokens/, platforms/, local_systems/ and the folders the tier
    globs name. A bad save prints the located errors and keeps the last good outputs;
    the next good save recovers.

    \b
    Example:
      encore watch --platform web
    """
    from encore.watch import Outcome, Watcher

    def emit(outcome: Outcome) -> None:
        if outcome.changed:
            click.echo(f"encore: changed: {', '.join(outcome.changed)}", err=True)
        report(outcome.diagnostics, "text")
        click.echo(outcome.summary, err=True)
        if SETTINGS.verbose:
            for line in timing_lines(outcome.timings, outcome.seconds):
                click.echo(line, err=True)

    try:
        project: ProjectConfig | None = load_project(project_path)
    except EncoreError:
        project = None  # the first rebuild reports it; a fixed encore.yaml is picked up
    root = project.root if project is not None else project_path
    inputs = theme_inputs(theme, contrast, raw_inputs, project)
    watcher = Watcher(root, platforms=platforms, inputs=inputs, debounce=debounce / 1000, emit=emit)
    watcher.start()  # first, so a save during the first build is not missed
    watcher.rebuild()
    click.echo(f"encore: watching {root.resolve()} for changes (Ctrl-C to stop)", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("encore: stopped watching", err=True)
    finally:
        watcher.stop()


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Check this project ({PROJECT_FILE}) instead of bare files.",
)
@reporting_options
def check_command(
    paths: tuple[Path, ...],
    project_path: Path | None,
    strict: bool,
    output_format: str,
    quiet: bool,
) -> None:
    """Validate a project, or bare token files and folders; writes nothing.

    \b
    Examples:
      encore check                      the project in this folder
      encore check tokens/colors.yaml   one file, no project needed
    """
    if project_path is None and not paths:
        project_path = Path(".")
    if project_path is not None:
        project = load_project(project_path)
        with progress(output_format == "text" and not quiet) as show:
            result = build(project, write=False, strict=strict, progress=show)
    else:
        result = check_files(paths)
    tokens = len(result.tokens) if result.tokens is not None else 0
    _finish(
        result,
        output_format,
        strict,
        quiet,
        f"encore: {tokens} tokens checked, {_counts(result.diagnostics)}",
    )


@cli.command("tokens")
@click.option(
    "--project",
    "project_path",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help=f"Folder holding {PROJECT_FILE}, or the file itself.",
)
@theme_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="How to print the tokens.",
)
@click.argument("names", nargs=-1)
def tokens_command(
    project_path: Path,
    theme: str | None,
    contrast: str | None,
    raw_inputs: tuple[str, ...],
    output_format: str,
    names: tuple[str, ...],
) -> None:
    """Print resolved tokens of one theme permutation (the default one unless chosen):
    value, where each is written (file:line:column) and its alias chain.

    NAMES filter by prefix (``color.green`` shows that group).

    \b
    Examples:
      encore tokens --theme light background
      encore tokens --format json > tokens.json
    """
    project = load_project(project_path)
    inputs = theme_inputs(theme, contrast, raw_inputs, project)
    sources, problems = project_sources(project)
    themes, more = compile_project(project, sources, inputs or ({} if project.themes else None))
    result = BuildResult(diagnostics=[*problems, *more])
    if themes is None or result.failed():
        _finish(result, "text", False, False, "")
    result.tokens = themes.default
    records = [
        r
        for r in rows(result.tokens)
        if not names or any(r["name"] == n or r["name"].startswith(n + ".") for n in names)
    ]
    click.echo(as_json(records) if output_format == "json" else as_table(records), nl=False)


@cli.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion_command(shell: str) -> None:
    """Print the shell completion script for SHELL (commands, options, choices, paths).

    \b
    Examples:
      eval "$(encore completion bash)"             in ~/.bashrc
      eval "$(encore completion zsh)"              in ~/.zshrc
      encore completion fish > ~/.config/fish/completions/encore.fish
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None
    click.echo(completer(cli, {}, "encore", "_ENCORE_COMPLETE").source())


def _tooling() -> None:
    from encore.cli_tooling import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_tooling()


def _backend() -> None:
    """``encore serve``: the reference backend (``backend_stub``). Its command module
    imports only click; FastAPI and uvicorn load when the command runs."""
    try:
        from backend_stub.cli import serve
    except ImportError:  # an install without the backend package
        return
    cli.add_command(serve)


_backend()


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: runs the CLI and maps failures to exit codes, then leaves at
    once: freeing a large build's objects one by one at interpreter exit costs a noticeable
    part of the run (output is flushed and files are closed first)."""
    try:
        _main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            click.echo(str(exc.code), err=True)
    else:
        code = EXIT_OK
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _main(argv: Sequence[str] | None = None) -> None:
    """The command line with its failures mapped to exit codes."""
    output_format = "text"
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if arg == "--format" and i + 1 < len(args):
            output_format = args[i + 1]
        elif arg.startswith("--format="):
            output_format = arg.partition("=")[2]
    try:
        cli.main(args=args, prog_name="encore", standalone_mode=False)
    except EncoreError as exc:
        report(exc.diagnostics, output_format if output_format in ("json", "sarif") else "text")
        if output_format == "text":
            click.echo(f"encore: failed with {_counts(exc.diagnostics)}", err=True)
        sys.exit(EXIT_ERRORS)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("ENCORE_DEBUG"):
            raise
        click.echo(
            f"encore: internal error: {type(exc).__name__}: {exc}\n"
            "  = help: this is a bug in Encore; rerun with ENCORE_DEBUG=1 for details",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
