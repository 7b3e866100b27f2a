"""Two browsers edit one playlist: the stale one is told about the conflict, applies its
change again on the latest version, and both end with the same order."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.e2e.player import login, row, search

LIST = "#playlist-tracks"


def order(page: Any) -> Any:
    return page.locator(f"{LIST} .track-title")


def add(page: Any, name: str) -> None:
    search(page, name)
    count = order(page).count()
    row(page, name).get_by_role("button", name=f"Add {name} to the playlist").click()
    expect(order(page)).to_have_count(count + 1)


def test_a_conflict_between_two_browsers_ends_in_the_same_order(new_page: Any) -> None:
    first, second = new_page(), new_page()
    login(first, "demo")
    first.get_by_label("New playlist").fill("Road trip")
    first.get_by_role("button", name="Create").click()
    expect(first.locator("#playlist-select option:checked")).to_have_text("Road trip")
    for name in ("Nattljus", "Fjärran stad", "Donnerschlag"):
        add(first, name)
    expect(order(first)).to_have_text(["Nattljus", "Fjärran stad", "Donnerschlag"])

    login(second, "demo")
    second.get_by_role("combobox", name="Playlist", exact=True).select_option(label="Road trip")
    expect(order(second)).to_have_text(["Nattljus", "Fjärran stad", "Donnerschlag"])

    first.get_by_role("button", name="Move Donnerschlag up").click()
    expect(order(first)).to_have_text(["Nattljus", "Donnerschlag", "Fjärran stad"])

    second.get_by_role("button", name="Move Nattljus down").click()  # made on the old version
    expect(second.locator("#playlist-notice").get_by_role("alert")).to_be_visible()
    conflict = second.get_by_test_id("playlist-notice-banner")
    expect(conflict).to_contain_text("This playlist was changed somewhere else")
    expect(order(second)).to_have_text(["Nattljus", "Fjärran stad", "Donnerschlag"])
    second.get_by_test_id("conflict-retry").click()
    expect(order(second)).to_have_text(["Donnerschlag", "Nattljus", "Fjärran stad"])
    expect(second.locator("#playlist-notice")).to_be_empty()

    first.get_by_role("button", name="Reload").first.click()
    expect(order(first)).to_have_text(["Donnerschlag", "Nattljus", "Fjärran stad"])
    snapshots = {p.locator(LIST).get_attribute("data-snapshot") for p in (first, second)}
    assert len(snapshots) == 1
