"""Playback in the browser: progressive with byte ranges and a seek, HLS through hls.js
with a level forced from the page, a failed segment retried, and a track not licensed in
the user's market shown as unavailable."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.e2e.player import login, play, playing, row, search

RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


def test_progressive_play_and_seek_use_byte_ranges(page: Any) -> None:
    login(page, "demo")
    answers: list[Any] = []
    page.on("response", lambda r: "/stream?" in r.url and answers.append(r))
    page.get_by_label("Streaming").select_option("progressive")
    search(page, "Nattljus")
    play(page, "Nattljus")
    playing(page)
    expect(page.locator("#level")).to_have_text("Progressive, 128 kbps")

    page.get_by_role("slider", name="Seek").fill("6")
    page.wait_for_function("() => document.getElementById('audio').currentTime >= 6")
    expect(page.locator("#position")).to_have_text(re.compile(r"^0:0[67]$"))
    assert answers, "the audio element fetched nothing"
    for answer in answers:
        assert answer.request.headers.get("range", "").startswith("bytes=")
        assert answer.status == 206
        match = RANGE.match(answer.headers["content-range"])
        assert match, answer.headers
    # the bytes at the seek point came in a 206 answer
    total = int(RANGE.match(answers[-1].headers["content-range"]).group(3))  # type: ignore[union-attr]
    seek_byte = total * 6 // 8
    assert any(
        int(m.group(1)) <= seek_byte <= int(m.group(2))
        for m in (RANGE.match(a.headers["content-range"]) for a in answers)
        if m
    )


def test_hls_level_chosen_in_the_page_is_the_one_streamed(page: Any) -> None:
    login(page, "demo")
    search(page, "Nattljus")
    play(page, "Nattljus")
    playing(page)
    expect(page.locator("#level")).to_have_text(re.compile(r"^\d+ kbps \(auto\)$"))
    page.get_by_role("button", name="Pause").click()
    quality = page.get_by_label("Quality")
    expect(quality.locator("option")).to_have_text(["Auto", "64 kbps", "128 kbps", "256 kbps"])
    with page.expect_request(re.compile(r"/hls/256k/seg_\d{5}\.m4s")):
        quality.select_option(label="256 kbps")
    expect(page.locator("#level")).to_have_text("256 kbps (chosen)")
    with page.expect_request(re.compile(r"/hls/64k/seg_\d{5}\.m4s")):
        quality.select_option(label="64 kbps")
    expect(page.locator("#level")).to_have_text("64 kbps (chosen)")


def test_a_failed_segment_is_retried_and_playback_goes_on(page: Any) -> None:
    failed: list[str] = []
    served: list[str] = []

    def first_fails(route: Any) -> None:
        if not failed:
            failed.append(route.request.url)
            route.fulfill(status=503, body="try again")
        else:
            served.append(route.request.url)
            route.continue_()

    page.route(re.compile(r"/hls/\d+k/seg_00000\.m4s"), first_fails)
    login(page, "demo")
    search(page, "Nattljus")
    play(page, "Nattljus")
    playing(page)
    expect(page.locator("#retries")).to_have_text("1")
    assert served[0] == failed[0]  # the same segment, asked again
    waited = re.search(
        r"HTTP 503\) retried after (\d+) ms", page.locator("#retries").get_attribute("title") or ""
    )
    assert waited and 125 <= int(waited.group(1)) <= 250  # the first wait: 250 ms, jittered
    expect(page.locator("#player-notice")).to_be_empty()


def test_a_track_not_licensed_in_the_users_market_is_unavailable(page: Any) -> None:
    login(page, "demo-de")
    streams: list[str] = []
    page.on("request", lambda r: "/v1/tracks/" in r.url and streams.append(r.url))
    search(page, "Kärlek på distans")  # licensed in the Nordic countries only
    blocked = row(page, "Kärlek på distans")
    expect(blocked).to_have_attribute("unavailable", "")
    expect(blocked.get_by_test_id("unavailable")).to_have_text("Not available in your country")
    blocked.click(position={"x": 8, "y": 8})
    expect(page.locator("#player-notice")).to_contain_text("Kärlek på distans is not available")
    expect(page.locator("#now-title")).to_have_text("Nothing playing")
    assert streams == []


def test_retry_waits_grow_exponentially_with_jitter(page: Any) -> None:
    page.goto("/player/")
    delays = page.evaluate(
        """() => import("/player/js/retry-loader.js").then((m) =>
            [0, 1, 2, 3, 4, 5].map((n) => Array.from({ length: 20 }, () => m.backoffDelay(n))))"""
    )
    for attempt, waits in enumerate(delays):
        ceiling = min(4000, 250 * 2**attempt)
        assert all(ceiling / 2 <= w <= ceiling for w in waits), (attempt, waits)
        assert len(set(waits)) > 1  # jittered: not every player retries at the same moment


def test_without_hls_js_the_player_says_so_and_still_plays(page: Any) -> None:
    page.route("**/player/vendor/hls.js", lambda route: route.fulfill(status=404, body="{}"))
    login(page, "demo")
    expect(page.get_by_test_id("notice-banner")).to_contain_text("hls.js is not installed")
    expect(page.get_by_test_id("notice-banner")).to_contain_text("npm ci --prefix tools")
    native = page.evaluate(
        "document.createElement('audio').canPlayType('application/vnd.apple.mpegurl')"
    )
    expect(page.get_by_label("Streaming")).to_have_value("hls" if native else "progressive")
    search(page, "Nattljus")
    play(page, "Nattljus")
    playing(page)
