"""The AAC bitrate ladder: each rendition encoded once from the source, then cut into
HLS fMP4 segments by stream copy, plus a master playlist over the variants.

Encoding each bitrate separately and copying it into segments is several times faster
than one ffmpeg run with ``-var_stream_map`` (see ``shared/design/backend.md``), and the
progressive ``.m4a`` and the HLS segments then hold the very same AAC frames.

Layout under a track's folder::

    aac_64k.m4a  aac_128k.m4a  aac_256k.m4a        progressive (moov first: seekable)
    hls/master.m3u8
    hls/128k/index.m3u8  hls/128k/init.mp4  hls/128k/seg_00000.m4s ...
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from backend_stub.media.ffmpeg import ffmpeg

LADDER_KBPS: tuple[int, ...] = (64, 128, 256)
SEGMENT_SECONDS = 6
AAC_LC = "mp4a.40.2"
_EXTINF = re.compile(r"#EXTINF:([\d.]+),\s*\n([^\s#][^\n]*)")


@dataclass(frozen=True, slots=True)
class Segment:
    name: str
    seconds: float
    bytes: int


@dataclass(frozen=True, slots=True)
class Rendition:
    """One encoded bitrate: its progressive file and its HLS variant (paths relative to
    the track folder)."""

    bitrate_kbps: int
    codec: str
    file: str
    hls_dir: str
    bytes: int
    segments: tuple[Segment, ...]

    @property
    def peak_bps(self) -> int:
        """The highest segment bitrate, ignoring the tiny tail segment (whose container
        overhead would double it) unless it is the only one."""
        full = [s for s in self.segments if s.seconds >= 1.0] or list(self.segments)
        return max((math.ceil(s.bytes * 8 / s.seconds) for s in full if s.seconds), default=0)

    @property
    def average_bps(self) -> int:
        seconds = sum(s.seconds for s in self.segments)
        return math.ceil(sum(s.bytes for s in self.segments) * 8 / seconds) if seconds else 0


def variant_name(kbps: int) -> str:
    return f"{kbps}k"


def encode(source: Path, folder: Path, kbps: int) -> Rendition:
    """Encode ``source`` once at ``kbps`` into ``folder`` and cut it into HLS segments."""
    name = variant_name(kbps)
    progressive = folder / f"aac_{name}.m4a"
    ffmpeg(
        "-i", source, "-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", f"{kbps}k",
        "-ar", "44100", "-ac", "2", "-movflags", "+faststart", progressive,
    )  # fmt: skip
    hls = folder / "hls" / name
    hls.mkdir(parents=True, exist_ok=True)
    ffmpeg(
        "-i", progressive, "-c", "copy", "-f", "hls",
        "-hls_time", str(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
        "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
        "-hls_segment_filename", hls / "seg_%05d.m4s", hls / "index.m3u8",
    )  # fmt: skip
    return Rendition(
        bitrate_kbps=kbps,
        codec=AAC_LC,
        file=progressive.relative_to(folder).as_posix(),
        hls_dir=hls.relative_to(folder).as_posix(),
        bytes=progressive.stat().st_size,
        segments=read_segments(hls),
    )


def read_segments(hls_dir: Path) -> tuple[Segment, ...]:
    """The segments a variant playlist lists, with their durations and sizes (ffmpeg
    leaves a short tail segment: never assume ceil(duration / 6))."""
    text = (hls_dir / "index.m3u8").read_text(encoding="utf-8")
    return tuple(
        Segment(uri.strip(), float(seconds), (hls_dir / uri.strip()).stat().st_size)
        for seconds, uri in _EXTINF.findall(text)
    )


def master_playlist(renditions: Sequence[Rendition]) -> str:
    """The HLS master playlist: one ``EXT-X-STREAM-INF`` per variant, lowest first."""
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for rendition in sorted(renditions, key=lambda r: r.bitrate_kbps):
        lines.append(
            f"#EXT-X-STREAM-INF:BANDWIDTH={rendition.peak_bps},"
            f'AVERAGE-BANDWIDTH={rendition.average_bps},CODECS="{rendition.codec}"'
        )
        lines.append(f"{variant_name(rendition.bitrate_kbps)}/index.m3u8")
    return "\n".join(lines) + "\n"


def build_ladder(
    source: Path, folder: Path, ladder: Sequence[int] = LADDER_KBPS
) -> list[Rendition]:
    """Every rendition of ``ladder`` and the master playlist, written into ``folder``."""
    renditions = [encode(source, folder, kbps) for kbps in ladder]
    (folder / "hls" / "master.m3u8").write_text(master_playlist(renditions), encoding="utf-8")
    return renditions
