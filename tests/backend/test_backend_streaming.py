"""Streaming on both databases: progressive AAC with byte ranges, HLS playlists and
segments with their MIME types, ETags and caching, and the 403 of an unlicensed market."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.backend.conftest import Seeded
from tests.backend.helpers import assert_error, find_track

IMMUTABLE = "public, max-age=31536000, immutable"


def _file(seeded: Seeded, relative: str) -> bytes:
    return (seeded.media_root / relative).read_bytes()


def test_progressive_whole_file_and_ranges(client: TestClient, seeded: Seeded) -> None:
    track = find_track(client, "Nattljus")
    url = f"/v1/tracks/{track['id']}/stream"
    whole = client.get(url, params={"bitrate": 128})
    assert whole.status_code == 200
    assert whole.headers["content-type"] == "audio/mp4"
    assert whole.headers["accept-ranges"] == "bytes"
    expected = _file(seeded, f"tracks/{track['id']}/aac_128k.m4a")
    assert whole.content == expected
    assert whole.content[4:8] == b"ftyp"

    part = client.get(url, params={"bitrate": 128}, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(expected)}"
    assert part.content == expected[1000:2000]
    tail = client.get(url, params={"bitrate": 128}, headers={"Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.content == expected[-100:]

    outside = client.get(url, headers={"Range": f"bytes={len(expected) + 10}-"})
    assert_error(outside, 416)
    assert outside.headers["content-range"] == f"bytes */{len(expected)}"


def test_each_bitrate_is_its_own_file(client: TestClient) -> None:
    track = find_track(client, "Jökulsá")
    sizes = {
        kbps: len(client.get(f"/v1/tracks/{track['id']}/stream", params={"bitrate": kbps}).content)
        for kbps in (64, 128, 256)
    }
    assert sizes[64] < sizes[128] < sizes[256]
    error = assert_error(client.get(f"/v1/tracks/{track['id']}/stream?bitrate=96"), 404)
    assert "64, 128, 256" in error["message"]


def test_head_answers_headers_only(client: TestClient) -> None:
    track = find_track(client, "Nattljus")
    head = client.head(f"/v1/tracks/{track['id']}/stream")
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) > 10_000


def test_unlicensed_market_is_403_with_reason(client: TestClient) -> None:
    track = find_track(client, "Corazón de neón")  # the Americas only
    base = f"/v1/tracks/{track['id']}"
    for path in ("/stream", "/hls/master.m3u8", "/hls/128k/index.m3u8", "/hls/128k/init.mp4"):
        error = assert_error(client.get(base + path, params={"market": "SE"}), 403)
        assert error["reason"] == "market"
        assert "SE" in error["message"]
    # No market: the server's default market (SE) decides.
    assert_error(client.get(base + "/stream"), 403)
    assert client.get(base + "/stream", params={"market": "MX"}).status_code == 200


def test_hls_master_variants_and_segments(client: TestClient, seeded: Seeded) -> None:
    track = find_track(client, "Fjärran stad")
    master = client.get(track["streams"]["hls"])
    assert master.status_code == 200
    assert master.headers["content-type"] == "application/vnd.apple.mpegurl"
    lines = master.text.splitlines()
    assert lines[0] == "#EXTM3U"
    variants = [line for line in lines if line and not line.startswith("#")]
    assert variants == ["64k/index.m3u8", "128k/index.m3u8", "256k/index.m3u8"]
    bandwidths = [int(b) for b in re.findall(r"STREAM-INF:BANDWIDTH=(\d+),", master.text)]
    assert bandwidths == sorted(bandwidths) and 50_000 < bandwidths[0] < 100_000
    assert master.text.count('CODECS="mp4a.40.2"') == 3

    base = track["streams"]["hls"].rsplit("/", 1)[0]
    playlist = client.get(f"{base}/128k/index.m3u8")
    assert playlist.headers["content-type"] == "application/vnd.apple.mpegurl"
    assert "#EXT-X-ENDLIST" in playlist.text and '#EXT-X-MAP:URI="init.mp4"' in playlist.text
    segments = [line for line in playlist.text.splitlines() if line.endswith(".m4s")]
    durations = [float(d) for d in re.findall(r"#EXTINF:([\d.]+),", playlist.text)]
    assert len(segments) == len(durations) >= 2  # 8 s in 6 s segments (and maybe a tail)
    assert abs(sum(durations) - 8.0) < 0.2

    init = client.get(f"{base}/128k/init.mp4")
    assert init.status_code == 200 and init.headers["content-type"] == "audio/mp4"
    assert init.content[4:8] == b"ftyp"
    folder = seeded.media_root / "tracks" / track["id"] / "hls" / "128k"
    for name in segments:
        segment = client.get(f"{base}/128k/{name}")
        assert segment.status_code == 200
        assert segment.headers["content-type"] == "audio/mp4"
        assert segment.headers["cache-control"] == IMMUTABLE
        assert segment.content == (folder / name).read_bytes()
        assert segment.content[4:8] == b"styp" and b"moof" in segment.content[:256]


def test_playlists_carry_the_market(client: TestClient) -> None:
    track = find_track(client, "Nattljus")
    base = f"/v1/tracks/{track['id']}/hls"
    master = client.get(f"{base}/master.m3u8", params={"market": "no"}).text
    assert "128k/index.m3u8?market=NO" in master
    variant = client.get(f"{base}/128k/index.m3u8", params={"market": "NO"}).text
    assert '#EXT-X-MAP:URI="init.mp4?market=NO"' in variant
    assert "seg_00000.m4s?market=NO" in variant


def test_etags_and_not_modified(client: TestClient) -> None:
    track = find_track(client, "Nattljus")
    base = f"/v1/tracks/{track['id']}/hls"
    for path in ("/master.m3u8", "/64k/index.m3u8", "/64k/seg_00000.m4s"):
        first = client.get(base + path)
        etag = first.headers["etag"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        again = client.get(base + path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        changed = client.get(base + path, headers={"If-None-Match": '"other"'})
        assert changed.status_code == 200
    # Different bytes, different ETags.
    etags = {client.get(f"{base}/64k/seg_0000{i}.m4s").headers["etag"] for i in (0, 1)}
    assert len(etags) == 2


def test_bad_segment_names_are_refused(client: TestClient) -> None:
    track = find_track(client, "Nattljus")
    base = f"/v1/tracks/{track['id']}/hls"
    assert_error(client.get(f"{base}/128k/..%2F..%2Fmanifest.json"), 404)
    assert_error(client.get(f"{base}/128k/seg_1.m4s"), 422)
    assert_error(client.get(f"{base}/96k/index.m3u8"), 404)
    assert_error(client.get(f"{base}/128k/seg_00099.m4s"), 404)
