"""Synthetic music for the demo catalogue and the tests: lavfi ``aevalsrc`` chords with a
slow vibrato and a pinch of ``anoisesrc``, different for every seed, written as FLAC (the
lossless "master" an artist would upload). Also damaged and silent files for QA tests."""

from __future__ import annotations

from pathlib import Path

from backend_stub.media.ffmpeg import ffmpeg

_MIX = "[1:a]aformat=channel_layouts=stereo[n];[0:a][n]amix=inputs=2:normalize=0"
_SCALE = (220.0, 246.94, 261.63, 293.66, 329.63, 349.23, 392.0, 440.0)


def tone(path: Path, *, seed: int, duration_s: float, codec_args: tuple[str, ...] = ()) -> Path:
    """Write a stereo synthetic track of ``duration_s`` seconds to ``path``.

    The container follows ``path``'s suffix; ``codec_args`` overrides the codec
    (e.g. ``("-c:a", "libmp3lame", "-b:a", "128k")``)."""
    root = _SCALE[seed % len(_SCALE)]
    third = root * (1.25 if seed % 2 else 1.2)
    fifth = root * 1.5
    beat = 1.5 + (seed % 5) * 0.25  # amplitude pulses per second
    wobble = f"(1+0.004*sin(2*PI*{0.2 + (seed % 3) * 0.1:.2f}*t))"
    voice = (
        f"0.28*sin(2*PI*{root:.2f}*{wobble}*t)"
        f"+0.18*sin(2*PI*{third:.2f}*t)"
        f"+0.14*sin(2*PI*{fifth:.2f}*t+{seed % 7})"
    )
    envelope = f"(0.6+0.4*abs(sin(PI*{beat:.2f}*t)))"
    left = f"{envelope}*({voice})"
    right = f"{envelope}*({voice})*(0.9+0.1*cos(2*PI*0.3*t))"
    source = f"aevalsrc='{left}|{right}':s=44100:d={duration_s}"
    noise = f"anoisesrc=d={duration_s}:c=pink:a=0.015:seed={seed + 1}:r=44100"
    path.parent.mkdir(parents=True, exist_ok=True)
    ffmpeg(
        "-f", "lavfi", "-i", source, "-f", "lavfi", "-i", noise,
        "-filter_complex", _MIX,
        *(codec_args or ("-c:a", "flac")), path,
    )  # fmt: skip
    return path


def silence(path: Path, *, duration_s: float) -> Path:
    """Write ``duration_s`` seconds of digital silence."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ffmpeg("-f", "lavfi", "-i", f"anullsrc=r=44100:cl=stereo:d={duration_s}", path)
    return path


def truncated(source: Path, path: Path, *, keep: float = 0.5) -> Path:
    """A copy of ``source`` cut after ``keep`` of its bytes (a broken upload)."""
    data = source.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: int(len(data) * keep)])
    return path
