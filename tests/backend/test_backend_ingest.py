"""The ingest pipeline: QA verdicts on real damaged files, and the AAC ladder with its HLS
packaging."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from backend_stub.media import qa, synth
from backend_stub.media.ingest import Rejected, ingest, reuse
from backend_stub.media.ladder import LADDER_KBPS
from tests.backend.conftest import require

MP3 = ("-c:a", "libmp3lame", "-b:a", "128k")
OPUS = ("-c:a", "libopus", "-b:a", "96k")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("ffmpeg", shutil.which("ffmpeg") is not None, "install it: apt-get install ffmpeg")
    folder = tmp_path_factory.mktemp("sources")
    synth.tone(folder / "good.flac", seed=1, duration_s=8)
    synth.tone(folder / "good.mp3", seed=2, duration_s=8, codec_args=MP3)
    synth.tone(folder / "good.ogg", seed=3, duration_s=8, codec_args=OPUS)
    synth.silence(folder / "silent.flac", duration_s=6)
    for name in ("good.flac", "good.mp3", "good.ogg"):
        synth.truncated(folder / name, folder / f"truncated-{name}")
    (folder / "noise.mp3").write_bytes(bytes(range(256)) * 64)
    return folder


@pytest.mark.parametrize("name", ["good.flac", "good.mp3", "good.ogg"])
def test_sound_files_pass(sources: Path, name: str) -> None:
    report = qa.check(sources / name)
    assert report.verdict == "ok", report.reason
    assert report.decoded_s is not None and abs(report.decoded_s - 8) < 0.1
    assert report.errors == () and report.channels == 2


@pytest.mark.parametrize(
    "name", ["truncated-good.flac", "truncated-good.mp3", "truncated-good.ogg"]
)
def test_truncated_files_are_rejected(sources: Path, name: str) -> None:
    report = qa.check(sources / name)
    assert report.verdict == "truncated", report
    assert report.reason


def test_half_an_mp3_still_declares_the_whole_length(sources: Path) -> None:
    # Why ffprobe alone is not enough: it reports the full 8 s of half a file.
    report = qa.check(sources / "truncated-good.mp3")
    assert report.declared_s is not None and report.declared_s > 7.5
    assert report.decoded_s is not None and report.decoded_s < 5
    assert "declares" in report.reason


def test_silent_and_corrupt_files_are_rejected(sources: Path) -> None:
    silent = qa.check(sources / "silent.flac")
    assert silent.verdict == "silent" and "no sound" in silent.reason
    assert silent.silences and silent.silences[0][0] == 0.0
    corrupt = qa.check(sources / "noise.mp3")
    assert corrupt.verdict == "corrupt"
    assert str(sources) not in corrupt.reason  # no server paths in what an uploader sees


def test_ingest_refuses_before_encoding(sources: Path, tmp_path: Path) -> None:
    with pytest.raises(Rejected) as caught:
        ingest(sources / "silent.flac", tmp_path / "track")
    assert caught.value.report.verdict == "silent"
    assert not (tmp_path / "track").exists()
    assert list(tmp_path.iterdir()) == []  # no half-made folder left behind


def _probe_bitrate(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", str(path)],
        capture_output=True,
        check=True,
    ).stdout
    stream = json.loads(out)["streams"][0]
    assert stream["codec_name"] == "aac" and stream["profile"] == "LC"
    return float(stream["bit_rate"]) / 1000


def test_ingest_makes_the_ladder_and_hls(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "track"
    made = ingest(sources / "good.flac", folder)
    assert [r.bitrate_kbps for r in made.renditions] == list(LADDER_KBPS)
    assert abs(made.duration_ms - 8000) < 100
    for rendition in made.renditions:
        measured = _probe_bitrate(folder / rendition.file)
        assert 0.7 * rendition.bitrate_kbps < measured < 1.3 * rendition.bitrate_kbps
        hls = folder / rendition.hls_dir
        assert (hls / "init.mp4").is_file()
        listed = [s.name for s in rendition.segments]
        assert sorted(p.name for p in hls.glob("*.m4s")) == listed
        assert abs(sum(s.seconds for s in rendition.segments) - 8) < 0.2
        # The segments hold the very same AAC frames as the progressive file.
        copied = qa.check(hls / "index.m3u8")
        assert copied.verdict == "ok" and abs((copied.decoded_s or 0) - 8) < 0.2
    master = (folder / "hls" / "master.m3u8").read_text()
    assert master.count("#EXT-X-STREAM-INF") == len(LADDER_KBPS)
    # Reused while the source is the same; not once a file is gone.
    assert reuse(folder, made.sha256) == made.__class__(
        made.sha256, made.duration_ms, made.renditions, 0.0
    )
    assert reuse(folder, "0" * 64) is None
    next(folder.glob("hls/128k/*.m4s")).unlink()
    assert reuse(folder, made.sha256) is None
