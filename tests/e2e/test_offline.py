"""Offline: the page registers a device key made with WebCrypto, downloads a track
sealed for it, decrypts the chunks and plays the result; a flipped byte fails."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.e2e.player import login, playing, row, search

DATA = re.compile(r"/v1/me/offline/[0-9A-Za-z]{22}/data")


def download(page: Any, name: str) -> None:
    search(page, name)
    row(page, name).get_by_role("button", name=f"Download {name} for offline").click()


def test_a_download_is_decrypted_and_played_from_a_blob(page: Any) -> None:
    login(page, "demo")
    answers: list[Any] = []
    page.on("response", lambda r: DATA.search(r.url) and answers.append(r))
    download(page, "Fjärran stad")
    status = page.get_by_test_id("offline-status-banner")
    expect(status).to_contain_text("Fjärran stad is available offline")
    (answer,) = answers
    assert answer.headers["content-type"] == "application/octet-stream"
    expect(status).to_contain_text("decrypted on this device")
    expect(page.locator("#now-artist")).to_have_text("Offline copy")
    playing(page)
    assert page.evaluate("document.getElementById('audio').src").startswith("blob:")
    sealed = len(answer.body())
    plain = int(re.search(r"(\d+) bytes", status.text_content() or "").group(1))  # type: ignore[union-attr]
    assert plain < sealed  # each chunk lost its 16-byte tag


def test_a_tampered_chunk_fails_to_decrypt(page: Any) -> None:
    def flip_a_byte(route: Any) -> None:
        answer = route.fetch()
        body = bytearray(answer.body())
        body[70_000] ^= 0x01  # inside the second chunk
        route.fulfill(response=answer, body=bytes(body))

    page.route(DATA, flip_a_byte)
    login(page, "demo")
    download(page, "Jökulsá")
    status = page.get_by_test_id("offline-status-banner")
    expect(status).to_contain_text("The offline copy is damaged")
    expect(status).to_contain_text("chunk 2 failed to decrypt")
    expect(page.locator("#offline-status").get_by_role("alert")).to_be_visible()
    expect(page.locator("#now-title")).to_have_text("Nothing playing")
