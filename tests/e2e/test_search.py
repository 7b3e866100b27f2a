"""Signing in through the OAuth login form, searching with a typo, and playing results
from the keyboard (the next one is prefetched)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player import login, playing, row, search


def test_login_goes_through_the_authorization_code_flow(page: Any) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(f"{r.method} {r.url.split('?')[0]}"))
    login(page, "demo")
    expect(page.locator("#who")).to_have_text("Demo Listener · SE · premium")
    assert page.url.endswith("/player/")  # the callback URL was left
    base = page.url.removesuffix("/player/")
    assert f"GET {base}/authorize" in requests
    assert f"POST {base}/token" in requests
    stored = page.evaluate("JSON.parse(sessionStorage.getItem('encore.tokens'))")
    assert "streaming" in stored["scope"].split()
    page.reload()  # the session survives a reload
    expect(page.locator("#who")).to_have_text("Demo Listener · SE · premium")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Log in with Encore")).to_be_visible()


def test_a_typo_finds_the_track_with_did_you_mean(page: Any) -> None:
    login(page, "demo")
    search(page, "nattljsu")
    expect(page.get_by_test_id("did-you-mean")).to_have_text("Nattljus")
    expect(row(page, "Nattljus")).to_be_visible()
    expect(row(page, "Nattljus")).to_contain_text("Zoë Ångström")


@pytest.mark.usefixtures("hls_js")
def test_results_are_played_from_the_keyboard(page: Any) -> None:
    login(page, "demo")
    search(page, "Zoë Ångström")
    rows = page.locator("#results encore-track-row")
    expect(rows).to_have_count(3)
    second = rows.nth(1).locator(".track-title").text_content()
    third = rows.nth(2).locator(".track-title").text_content()
    after = rows.nth(2).get_attribute("data-track-id")
    prefetched: list[str] = []
    page.on("request", lambda r: f"/v1/tracks/{after}/hls/" in r.url and prefetched.append(r.url))
    rows.first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#now-title")).to_have_text(second or "")
    playing(page)
    expect(rows.nth(1)).to_have_attribute("playing", "")
    # the next track is prefetched while this one plays
    expect(page.locator("#next-up")).to_have_text(f"{third} (ready)")
    assert any("/seg_00000.m4s" in url for url in prefetched), prefetched
    page.keyboard.press("Home")
    expect(rows.first).to_be_focused()


def test_an_expiring_token_is_refreshed_and_the_page_carries_on(page: Any) -> None:
    login(page, "demo")
    before = page.evaluate("JSON.parse(sessionStorage.getItem('encore.tokens'))")
    page.evaluate(
        """() => { const t = JSON.parse(sessionStorage.getItem('encore.tokens'));
        t.expires_at = Date.now(); sessionStorage.setItem('encore.tokens', JSON.stringify(t)); }"""
    )
    with page.expect_request(lambda r: r.url.endswith("/token")) as refreshed:
        search(page, "Donnerschlag")
    assert "grant_type=refresh_token" in (refreshed.value.post_data or "")
    expect(row(page, "Donnerschlag")).to_be_visible()
    after = page.evaluate("JSON.parse(sessionStorage.getItem('encore.tokens'))")
    assert after["refresh_token"] != before["refresh_token"]  # rotated


def test_a_listener_asking_for_upload_access_is_told_why_not(page: Any) -> None:
    page.goto("/")
    page.get_by_label("Ask for upload access (artists only)").check()
    page.get_by_role("button", name="Log in with Encore").click()
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill("demo-password")
    page.get_by_role("button", name="Sign in").click()
    notice = page.get_by_test_id("notice-banner")
    expect(notice).to_contain_text("Login failed")
    expect(notice).to_contain_text("artist-upload")
    expect(page.get_by_role("button", name="Log in with Encore")).to_be_visible()
