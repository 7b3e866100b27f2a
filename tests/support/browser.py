"""Debian's Chromium driven by Playwright (never ``playwright install``: no downloads here).

A missing browser or library skips the calling test locally and fails it under CI=true.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.support.checkers import require_tool

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium_page() -> Iterator[Any]:
    """A fresh page in headless Chromium."""
    with _chromium() as browser:
        yield browser.new_page()


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """Headless Chromium for several contexts and pages (the end-to-end suite's session)."""
    with _chromium("--autoplay-policy=no-user-gesture-required") as browser:
        yield browser


@contextmanager
def _chromium(*extra_args: str) -> Iterator[Any]:
    """Debian's Chromium launched by Playwright, closed afterwards."""
    executable = shutil.which("chromium")
    require_tool("chromium", executable is not None, "apt-get install -y chromium")
    require_tool(
        "playwright", importlib.util.find_spec("playwright") is not None, "pip install -e '.[test]'"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=[*CHROMIUM_ARGS, *extra_args]
        )
        try:
            yield browser
        finally:
            browser.close()
