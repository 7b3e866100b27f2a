"""Listening events: a track heard past half of it and then to its end is posted,
appears in recently played and seeds recommendations ("because you played X")."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.e2e.player import login, play, playing, row, search


def test_a_play_appears_in_recently_played_and_seeds_recommendations(page: Any) -> None:
    login(page, "demo-de")
    expect(page.locator("#recent-tracks")).to_contain_text("Nothing played yet.")
    search(page, "Mañana será")
    play(page, "Mañana será")
    playing(page)
    # heard past half of it (the rule for a play that counts), then to the end
    page.wait_for_function("() => document.getElementById('audio').currentTime > 4.2")
    with page.expect_response(
        lambda r: r.url.endswith("/v1/me/player/events") and r.request.method == "POST"
    ) as posted:
        page.get_by_role("slider", name="Seek").fill("7.5")  # to the end: the play is over
    assert posted.value.status == 202
    event = posted.value.request.post_data_json
    assert 4000 <= event["ms_played"] <= 8000
    heard = row(page, "Mañana será", "#recent-tracks")
    expect(heard).to_be_visible()
    expect(heard).to_contain_text(re.compile(r"played \d"))
    expect(page.locator("#recommended-tracks")).to_contain_text("Because you played Mañana será")
    seeded = page.locator("#recommended-tracks encore-track-row").filter(
        has_text="Because you played Mañana será"
    )
    expect(seeded.first).to_be_visible()
    expect(seeded.filter(has=page.locator(".track-title", has_text="Mañana será"))).to_have_count(0)
