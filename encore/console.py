"""How the command line talks to a person: colour, quiet and verbose, progress, timings.

Colour follows ``--color``: ``auto`` (the default) colours only a terminal, and never when
the ``NO_COLOR`` environment variable is set to anything but an empty string
(https://no-color.org); ``always`` and ``never`` force it. ``--quiet`` prints only
diagnostics; ``--verbose`` adds the time of each build stage. A build on a terminal shows
a one-line progress display (rich's status spinner) that disappears when it ends; pipes,
``--quiet`` and machine formats never see it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

COLOR_CHOICES = ("auto", "always", "never")


@dataclass(slots=True)
class Settings:
    """The global options of one command line run."""

    color: str = "auto"
    quiet: bool = False
    verbose: bool = False


SETTINGS = Settings()


def use_color() -> bool:
    """Whether diagnostics on stderr get ANSI colours."""
    if SETTINGS.color != "auto":
        return SETTINGS.color == "always"
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR")


@contextmanager
def progress(enabled: bool = True) -> Iterator[Callable[[str], None] | None]:
    """A callback that shows the current stage on a terminal, or None where nothing
    should be drawn (not a terminal, ``--quiet``, or ``enabled`` false)."""
    if not enabled or SETTINGS.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True, no_color=not use_color())
    with console.status("encore: starting", spinner="dots") as status:

        def show(stage: str) -> None:
            # naming the spinner redraws at once: a stage shorter than the display's
            # refresh interval is still shown
            status.update(f"encore: {stage}…", spinner="dots")

        yield show


def timing_lines(timings: Sequence[tuple[str, float]], total: float) -> list[str]:
    """``--verbose``: each stage's time, aligned, then the total."""
    if not timings:
        return []
    width = max(len(name) for name, _ in timings)
    lines = [f"  {name.ljust(width)}  {seconds * 1000:8.1f} ms" for name, seconds in timings]
    lines.append(f"  {'total'.ljust(width)}  {total * 1000:8.1f} ms")
    return lines


__all__ = ["COLOR_CHOICES", "SETTINGS", "Settings", "progress", "timing_lines", "use_color"]
