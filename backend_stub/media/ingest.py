"""The ingest pipeline: QA, then the AAC ladder and HLS packaging, into a track folder.

``ingest(source, folder)`` either raises ``Rejected`` with the QA verdict (``corrupt``,
``truncated``, ``silent``) or leaves ``folder`` complete: the renditions, the HLS variants,
the master playlist, and ``manifest.json`` describing them; its result carries the audio
features measured from the source (``media.features``) for the caller to store. The work
happens in a sibling temporary folder renamed into place, so a reader never sees half a
track. The seed uses it synchronously; artist uploads call the same function from a
background job.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from backend_stub.media import qa
from backend_stub.media.features import AudioFeatures, analyse
from backend_stub.media.ladder import LADDER_KBPS, Rendition, Segment, build_ladder

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


class Rejected(Exception):
    """The source failed QA; ``report.verdict`` is the reason (``corrupt``, ``truncated``,
    ``silent``) and ``report.reason`` the sentence for the uploader."""

    def __init__(self, report: qa.QaReport) -> None:
        super().__init__(f"{report.verdict}: {report.reason}")
        self.report = report


@dataclass(frozen=True, slots=True)
class Ingested:
    """A track's media, ready to stream."""

    sha256: str
    duration_ms: int
    renditions: tuple[Rendition, ...]
    seconds: float  # how long the ingest took (0 when reused)
    # Measured from the source by ``ingest`` (None from ``reuse``); the caller stores them
    # with the track (``recommend.features.put``).
    features: AudioFeatures | None = None


def ingest(source: Path, folder: Path, ladder: Sequence[int] = LADDER_KBPS) -> Ingested:
    """QA ``source``, then encode it into ``folder`` (replacing what was there)."""
    started = time.perf_counter()
    report = qa.check(source)
    if not report.ok:
        raise Rejected(report)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        renditions = build_ladder(source, work, ladder)
        result = Ingested(
            sha256=report.sha256,
            duration_ms=round((report.decoded_s or 0.0) * 1000),
            renditions=tuple(renditions),
            seconds=time.perf_counter() - started,
            features=analyse(source),
        )
        (work / MANIFEST).write_text(_manifest_text(result, tuple(ladder)), encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return result


def reuse(folder: Path, sha256: str, ladder: Sequence[int] = LADDER_KBPS) -> Ingested | None:
    """The media already in ``folder`` when it was made from the same source bytes with
    the same ladder and every file is still there; else ``None``."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION or data["sha256"] != sha256:
            return None
        if list(data["ladder"]) != list(ladder):
            return None
        renditions = tuple(
            Rendition(
                bitrate_kbps=int(r["bitrate_kbps"]),
                codec=str(r["codec"]),
                file=str(r["file"]),
                hls_dir=str(r["hls_dir"]),
                bytes=int(r["bytes"]),
                segments=tuple(Segment(**s) for s in r["segments"]),
            )
            for r in data["renditions"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for rendition in renditions:
        files = [rendition.file, f"{rendition.hls_dir}/index.m3u8", f"{rendition.hls_dir}/init.mp4"]
        files += [f"{rendition.hls_dir}/{s.name}" for s in rendition.segments]
        if not all((folder / name).is_file() for name in files):
            return None
    return Ingested(sha256, int(data["duration_ms"]), renditions, 0.0)


def _manifest_text(result: Ingested, ladder: tuple[int, ...]) -> str:
    data = {
        "version": MANIFEST_VERSION,
        "sha256": result.sha256,
        "duration_ms": result.duration_ms,
        "ladder": list(ladder),
        "renditions": [asdict(r) for r in result.renditions],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"
