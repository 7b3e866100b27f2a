"""The command line as a person meets it: help with examples, quiet and verbose, colour
only on a terminal (and never under NO_COLOR), a progress display, shell completion and
the documented exit codes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from encore.cli import cli

ANSI = "\x1b["


def encore(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "encore", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def on_terminal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run encore with stdout and stderr on a pseudo-terminal; its exit code and output."""
    main, child = pty.openpty()
    environment = {**os.environ, "COLUMNS": "120", "TERM": "xterm-256color", **(env or {})}
    environment.pop("NO_COLOR", None) if "NO_COLOR" not in (env or {}) else None
    process = subprocess.Popen(
        [sys.executable, "-m", "encore", *args],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the other side closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def _commands(command: click.Command, path: list[str]) -> Iterator[tuple[str, click.Command]]:
    yield " ".join(path), command
    if isinstance(command, click.Group):
        context = click.Context(command, info_name=path[-1])
        for name in command.list_commands(context):  # lazy commands too
            sub = command.get_command(context, name)
            assert sub is not None, name
            yield from _commands(sub, [*path, name])


@pytest.mark.parametrize(
    "name, command", list(_commands(cli, ["encore"])), ids=lambda v: str(v).replace(" ", "-")
)
def test_every_command_has_an_example(name: str, command: click.Command) -> None:
    text = command.get_help(click.Context(command, info_name=name))
    assert "Example" in text, f"{name} --help shows no example"
    example = text.split("Example", 1)[1]
    top = name.split()[0]
    assert f"{top} " in example, f"{name}: the example does not show a command line"


def test_help_documents_exit_codes(tmp_path: Path) -> None:
    run = encore("--help", cwd=tmp_path)
    assert run.returncode == 0
    assert "Exit codes:" in run.stdout and "2  usage error" in run.stdout


def test_usage_error_exits_2(tmp_path: Path) -> None:
    run = encore("build", "--no-such-option", cwd=tmp_path)
    assert run.returncode == 2
    assert "No such option" in run.stderr


def test_quiet_and_verbose(project_copy: Path) -> None:
    verbose = encore("-v", "build", cwd=project_copy)
    assert verbose.returncode == 0, verbose.stderr
    for stage in ("read and resolve tokens", "render formats", "write files", "total"):
        assert stage in verbose.stderr
    again = encore("build", "--verbose", cwd=project_copy)  # the option works after the command
    assert "up to date" in again.stderr and "check the build cache" in again.stderr
    quiet = encore("--quiet", "build", "--no-cache", cwd=project_copy)
    assert quiet.returncode == 0
    assert "encore: built" not in quiet.stderr
    assert "warning[" in quiet.stderr  # diagnostics still print


def test_colour_only_on_a_terminal_and_never_under_no_color(project_copy: Path) -> None:
    bad = project_copy / "tokens" / "primitive" / "color.yaml"
    bad.write_text(bad.read_text().replace('hex: "#1ed760"', 'hex: "#1ed76"', 1))
    piped = encore("check", cwd=project_copy, env={"NO_COLOR": ""})
    assert piped.returncode == 1 and "error[type/color]" in piped.stderr
    assert ANSI not in piped.stderr
    code, shown = on_terminal("check", cwd=project_copy)
    assert code == 1 and "type/color" in shown
    assert ANSI in shown
    code, shown = on_terminal("check", cwd=project_copy, env={"NO_COLOR": "1"})
    assert code == 1 and "type/color" in shown
    assert "\x1b[1;31m" not in shown and "\x1b[31m" not in shown  # no coloured diagnostics
    forced = encore("--color", "always", "check", cwd=project_copy)
    assert ANSI in forced.stderr
    never = encore("--color", "never", "check", cwd=project_copy)
    assert ANSI not in never.stderr


def test_progress_display_on_a_terminal_only(project_copy: Path) -> None:
    code, shown = on_terminal("build", "--no-cache", cwd=project_copy)
    assert code == 0, shown
    assert "encore: render formats…" in shown  # the status line, then cleared
    assert "encore: built" in shown
    piped = encore("build", "--no-cache", cwd=project_copy)
    assert "…" not in piped.stderr
    code, shown = on_terminal("build", "--no-cache", "--quiet", cwd=project_copy)
    assert "render formats" not in shown


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str, tmp_path: Path) -> None:
    run = encore("completion", shell, cwd=tmp_path)
    assert run.returncode == 0
    assert "_ENCORE_COMPLETE" in run.stdout


def test_completion_completes_commands_and_options(tmp_path: Path) -> None:
    env = {"_ENCORE_COMPLETE": "bash_complete", "COMP_WORDS": "encore bu", "COMP_CWORD": "1"}
    run = encore(cwd=tmp_path, env=env)
    assert run.returncode == 0 and "build" in run.stdout.split()[0]
    env = {**env, "COMP_WORDS": "encore build --pl", "COMP_CWORD": "2"}
    run = encore(cwd=tmp_path, env=env)
    assert "--platform" in run.stdout
    bash = subprocess.run(
        ["bash", "-c", 'eval "$(python3 -m encore completion bash)" && complete -p encore'],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert bash.returncode == 0, bash.stderr
    assert "_encore_completion" in bash.stdout


def test_a_build_does_not_import_the_governance_commands(project_copy: Path) -> None:
    code = (
        "import sys, encore.cli\n"
        "try:\n"
        "    encore.cli._main(['build', '--quiet'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "print('governance imported:', 'encore.cli_governance' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=project_copy, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "governance imported: False"
    listed = encore("--help", cwd=project_copy)
    assert "promote" in listed.stdout and "audit" in listed.stdout
    status = encore("promote", "status", cwd=project_copy)
    assert status.returncode == 0, status.stderr
