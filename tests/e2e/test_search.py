"""Signing in through the OAuth login form and searching with a typo."""

from __future__ import annotations

from typing import Any

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


def test_results_are_played_from_the_keyboard(page: Any) -> None:
    login(page, "demo")
    search(page, "Zoë Ångström")
    rows = page.locator("#results encore-track-row")
    expect(rows).to_have_count(3)
    second = rows.nth(1).locator(".track-title").text_content()
    rows.first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#now-title")).to_have_text(second or "")
    playing(page)
    expect(rows.nth(1)).to_have_attribute("playing", "")
    page.keyboard.press("Home")
    expect(rows.first).to_be_focused()
