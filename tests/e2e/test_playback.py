"""Playback in the browser: progressive with byte ranges and a seek, HLS through hls.js
with a level forced from the page, a failed segment retried, and a track not licensed in
the user's market shown as unavailable."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player import login, play, playing, row, search

RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class SlowStart:
    """A slow connection for one file: the first answer brings only its first 32 KiB and
    the rest of that download never arrives; any other request goes to the server, whose
    answers are kept."""

    FIRST = 32 * 1024

    def __init__(self) -> None:
        self.held: list[Any] = []
        self.answers: list[tuple[str, int, str]] = []  # (Range asked, status, Content-Range)

    def handle(self, route: Any) -> None:
        asked = route.request.headers.get("range", "")
        if asked == "bytes=0-":
            full = route.fetch()
            total = RANGE.match(full.headers["content-range"]).group(3)  # type: ignore[union-attr]
            headers = {**full.headers, "content-range": f"bytes 0-{self.FIRST - 1}/{total}"}
            headers["content-length"] = str(self.FIRST)
            route.fulfill(status=206, headers=headers, body=full.body()[: self.FIRST])
        elif asked == f"bytes={self.FIRST}-":
            self.held.append(route)  # the rest of the first download: still on its way
        else:
            answer = route.fetch()
            self.answers.append((asked, answer.status, answer.headers.get("content-range", "")))
            route.fulfill(response=answer)


def test_progressive_play_and_a_seek_answered_with_206(page: Any) -> None:
    login(page, "demo")
    page.get_by_label("Streaming").select_option("progressive")
    search(page, "Nattljus")
    play(page, "Nattljus")
    playing(page)
    expect(page.locator("#level")).to_have_text("Progressive, 128 kbps")
    page.get_by_role("button", name="Pause").click()

    slow = SlowStart()
    page.route(re.compile(r"/stream\?bitrate=256&"), slow.handle)
    page.get_by_label("Quality").select_option(label="256 kbps")
    expect(page.locator("#level")).to_have_text("Progressive, 256 kbps")
    page.wait_for_function("() => document.getElementById('audio').readyState >= 1")
    page.get_by_role("slider", name="Seek").fill("7.5")  # far past what has arrived
    page.wait_for_function("() => document.getElementById('audio').currentTime >= 7.5")
    page.get_by_role("button", name="Play", exact=True).click()
    expect(page.locator("#position")).to_have_text("0:07")

    (asked, status, content_range), *_ = slow.answers
    start, end, total = (int(n) for n in RANGE.match(content_range).groups())  # type: ignore[union-attr]
    assert status == 206
    assert asked == f"bytes={start}-" and end == total - 1
    assert start >= total * 0.75  # the seek point, not the file's start
    for route in slow.held:
        route.abort()


@pytest.mark.usefixtures("hls_js")
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


@pytest.mark.usefixtures("hls_js")
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
