"""Ingest QA: is this file sound audio? A verdict of ``ok``, ``corrupt``, ``truncated`` or
``silent``, with the measurements behind it.

``ffprobe`` alone is not enough (it still reports the full length of a half-truncated MP3),
and neither is ffmpeg's exit status. The file passes when all four hold:

1. ``ffprobe`` reads it and finds an audio stream (else ``corrupt``);
2. a full decode writes no error line on stderr (else ``truncated`` when the decode also
   came up short, ``corrupt`` otherwise);
3. the decoded duration is within ``DURATION_TOLERANCE_S`` of the declared one (else
   ``truncated``);
4. ``silencedetect`` does not find the whole file silent (else ``silent``).

An Ogg file cut at a page boundary decodes cleanly and declares the shorter length, so for
Ogg the last page must also carry the end-of-stream flag (else ``truncated``).

Damage inside PCM (WAV) decodes as noise and cannot be seen: keep the content hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from backend_stub.media.ffmpeg import run

Verdict = Literal["ok", "corrupt", "truncated", "silent"]

DURATION_TOLERANCE_S = 1.0
SILENCE_THRESHOLD_DB = -60
MIN_SOUND_S = 0.5  # less sound than this in the whole file is "silent"
_DECODE_RATE = 8000  # decoded to mono 16-bit at this rate only to count samples
_ERROR_LINE = re.compile(r"^\[(?:[^\]]*\] )?\[(error|fatal|panic)\]")
_LEVEL_TAG = re.compile(r"\[(?:error|fatal|panic|warning|info)\] ")
_POINTER = re.compile(r" @ 0x[0-9a-f]+\]")
_SILENCE_START = re.compile(r"silence_start: (-?[\d.]+)")
_SILENCE_END = re.compile(r"silence_end: (-?[\d.]+)")


@dataclass(frozen=True, slots=True)
class QaReport:
    """What QA found. ``reason`` is a sentence for the uploader when the verdict is not ok."""

    verdict: Verdict
    reason: str
    sha256: str
    declared_s: float | None = None
    decoded_s: float | None = None
    codec: str | None = None
    sample_rate: int | None = None
    channels: int | None = None
    silences: tuple[tuple[float, float], ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check(path: Path) -> QaReport:
    """Run the four checks on ``path`` and give the first failure's verdict."""
    digest = sha256_of(path)
    probe = run(
        "ffprobe",
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
        check=False,
    )
    info: dict[str, object] = {}
    if probe.returncode == 0:
        try:
            info = json.loads(probe.stdout or b"{}")
        except ValueError:
            info = {}
    streams = [s for s in _list(info.get("streams")) if s.get("codec_type") == "audio"]
    if probe.returncode != 0 or not streams:
        why = probe.stderr.strip().splitlines()[-1:] or ["no audio stream"]
        message = why[0].replace(f"{path}: ", "").replace(str(path), path.name)
        return QaReport("corrupt", f"not a readable audio file: {message}", digest)
    stream = streams[0]
    declared = _float(_dict(info.get("format")).get("duration")) or _float(stream.get("duration"))

    decode = run(
        "ffmpeg",
        [
            "-loglevel", "repeat+level+info", "-nostats", "-i", path, "-map", "0:a:0",
            "-af", f"silencedetect=noise={SILENCE_THRESHOLD_DB}dB:d={MIN_SOUND_S}",
            "-ac", "1", "-ar", str(_DECODE_RATE), "-f", "s16le", "pipe:1",
        ],
        check=False,
    )  # fmt: skip
    decoded = len(decode.stdout) / (2 * _DECODE_RATE)
    lines = decode.stderr.splitlines()
    errors = tuple(
        _POINTER.sub("]", _LEVEL_TAG.sub("", line)) for line in lines if _ERROR_LINE.match(line)
    )
    measured = QaReport(
        verdict="ok",
        reason="",
        sha256=digest,
        declared_s=declared,
        decoded_s=decoded,
        codec=str(stream.get("codec_name")),
        sample_rate=int(_float(stream.get("sample_rate")) or 0) or None,
        channels=int(_float(stream.get("channels")) or 0) or None,
        silences=_silences(lines, decoded),
        errors=errors,
    )
    short = declared is not None and decoded < declared - DURATION_TOLERANCE_S

    if decode.returncode != 0 or errors:
        first = errors[0] if errors else f"ffmpeg exited with {decode.returncode}"
        if short:
            reason = (
                f"the file declares {declared:.1f} s but decoding stopped after {decoded:.1f} s"
            )
            return replace(measured, verdict="truncated", reason=f"{reason} ({first})")
        verdict: Verdict = "truncated" if decoded == 0 else "corrupt"
        reason = f"decoding failed after {decoded:.1f} s: {first}"
        return replace(measured, verdict=verdict, reason=reason)
    if short:
        reason = f"the file declares {declared:.1f} s but only {decoded:.1f} s decode"
        return replace(measured, verdict="truncated", reason=reason)
    if info_format_is_ogg(info) and not ogg_ends_cleanly(path):
        return replace(
            measured, verdict="truncated", reason="the Ogg stream stops without its last page"
        )
    silent_s = sum(end - start for start, end in measured.silences)
    if decoded - silent_s < MIN_SOUND_S:
        reason = f"no sound above {SILENCE_THRESHOLD_DB} dB in {decoded:.1f} s"
        return replace(measured, verdict="silent", reason=reason)
    return measured


def info_format_is_ogg(info: dict[str, object]) -> bool:
    return _dict(info.get("format")).get("format_name") == "ogg"


def ogg_ends_cleanly(path: Path) -> bool:
    """Whether the last Ogg page has the end-of-stream flag (header type bit 0x04)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65536))
        tail = handle.read()
    at = tail.rfind(b"OggS")
    return at >= 0 and at + 5 < len(tail) and bool(tail[at + 5] & 0x04)


def _silences(lines: list[str], decoded: float) -> tuple[tuple[float, float], ...]:
    """The (start, end) spans silencedetect reported; an open span ends at the end."""
    spans: list[tuple[float, float]] = []
    start: float | None = None
    for line in lines:
        if (found := _SILENCE_START.search(line)) is not None:
            start = max(0.0, float(found[1]))
        elif (found := _SILENCE_END.search(line)) is not None and start is not None:
            spans.append((start, float(found[1])))
            start = None
    if start is not None:
        spans.append((start, decoded))
    return tuple(spans)


def _list(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _dict(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _float(value: object) -> float | None:
    try:
        return float(value) if isinstance(value, str | int | float) else None
    except ValueError:
        return None
