"""What a user does in the web player, as Playwright steps shared by the end-to-end
tests: sign in through the real login form, search, pick a track row."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

PASSWORDS = {"demo": "demo-password", "demo-de": "demo-password", "artist": "artist-password"}


def login(page: Any, username: str, password: str | None = None, *, artist: bool = False) -> None:
    """Open the player, go through /authorize's form and come back signed in."""
    page.goto("/")
    if artist:
        page.get_by_label("Ask for upload access (artists only)").check()
    page.get_by_role("button", name="Log in with Encore").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or PASSWORDS[username])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#who")).not_to_be_empty()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")


def search(page: Any, query: str) -> None:
    page.get_by_role("searchbox", name="Search tracks").fill(query)
    page.get_by_role("searchbox", name="Search tracks").press("Enter")


def row(page: Any, name: str, where: str = "#results") -> Any:
    """The track row titled ``name`` in the list ``where``."""
    return page.locator(f"{where} encore-track-row").filter(
        has=page.locator(".track-title", has_text=name)
    )


def play(page: Any, name: str, where: str = "#results") -> None:
    row(page, name, where).click(position={"x": 8, "y": 8})
    expect(page.locator("#now-title")).to_have_text(name)


def playing(page: Any) -> None:
    """Wait until the audio element is really playing (time advancing)."""
    page.wait_for_function(
        "() => { const a = document.getElementById('audio');"
        " return !a.paused && a.currentTime > 0.2 }"
    )
