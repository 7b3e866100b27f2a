"""Running ffmpeg and ffprobe: one place for the binaries, flags and failures."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 300


class MediaToolError(RuntimeError):
    """ffmpeg or ffprobe is missing, or failed where failure is not a verdict on the media."""


@dataclass(frozen=True, slots=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: str


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise MediaToolError(f"{name} is not installed; install it with `apt-get install ffmpeg`")
    return found


def run(name: str, args: Sequence[str | Path], *, check: bool = True) -> Completed:
    """Run ``ffmpeg``/``ffprobe`` with ``args``; raise on a non-zero exit when ``check``."""
    command = [tool(name), "-nostdin", "-hide_banner"] if name == "ffmpeg" else [tool(name)]
    command += [str(arg) for arg in args]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MediaToolError(f"{name} took longer than {TIMEOUT_SECONDS} s") from exc
    stderr = done.stderr.decode("utf-8", "replace")
    if check and done.returncode != 0:
        tail = "\n".join(stderr.strip().splitlines()[-5:])
        raise MediaToolError(f"{name} failed ({done.returncode}): {tail}")
    return Completed(done.returncode, done.stdout, stderr)


def ffmpeg(*args: str | Path) -> Completed:
    return run("ffmpeg", ["-loglevel", "error", "-y", *args])
