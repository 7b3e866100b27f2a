"""The theme switch sets the generated theme attribute, and the page's computed colours
become the light theme's token values (read from the build output)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import Server
from tests.e2e.player import login
from tests.e2e.tokens import token_colour

COLOURS = "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color] }"


def test_the_theme_switch_changes_colours_to_the_light_tokens(page: Any, server: Server) -> None:
    page.emulate_media(color_scheme="dark")
    login(page, "demo")
    dark = [
        token_colour(server.design, n, "dark")
        for n in ("--encore-background-base", "--encore-text-base")
    ]
    light = [
        token_colour(server.design, n, "light")
        for n in ("--encore-background-base", "--encore-text-base")
    ]
    assert dark != light
    switch = page.get_by_role("switch", name="Light theme")
    expect(switch).to_have_attribute("aria-checked", "false")
    assert page.evaluate(COLOURS) == dark

    switch.click()
    expect(page.locator("html")).to_have_attribute("data-encore-theme", "light")
    expect(switch).to_have_attribute("aria-checked", "true")
    page.wait_for_function(f"() => ({COLOURS})()[0] === {light[0]!r}")
    assert page.evaluate(COLOURS) == light

    page.reload()  # the choice is remembered
    expect(page.locator("html")).to_have_attribute("data-encore-theme", "light")
    switch.click()
    expect(page.locator("html")).to_have_attribute("data-encore-theme", "dark")
    page.wait_for_function(f"() => ({COLOURS})()[0] === {dark[0]!r}")
