"""Privacy from the page: export my data (shown and downloadable), and delete my account
(after a confirmation), which signs me out for good."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import LEAVER
from tests.e2e.player import login


def test_export_shows_and_downloads_what_is_held(page: Any) -> None:
    login(page, "demo")
    page.get_by_role("button", name="Export my data").click()
    shown = json.loads(page.get_by_test_id("export-json").text_content() or "{}")
    assert shown["profile"]["display_name"] == "Demo Listener"
    with page.expect_download() as download:
        page.get_by_test_id("export-link").click()
    assert download.value.suggested_filename == "encore-export.json"
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved == shown


def test_delete_my_account(page: Any) -> None:
    login(page, LEAVER.username, LEAVER.password)
    token = page.evaluate("JSON.parse(sessionStorage.getItem('encore.tokens')).access_token")
    page.get_by_role("button", name="Delete my account").click()
    question = page.get_by_role("alertdialog")
    expect(question).to_contain_text("Delete your account?")
    with page.expect_response(
        lambda r: r.url.endswith("/v1/me") and r.request.method == "DELETE"
    ) as deleted:
        question.get_by_role("button", name="Yes, delete my account").click()
    assert deleted.value.status == 204
    expect(page.get_by_test_id("notice-banner")).to_contain_text("Your account has been deleted")
    expect(page.get_by_role("button", name="Log in with Encore")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('encore.tokens')") is None
    status = page.evaluate(
        "t => fetch('/v1/me', {headers: {Authorization: `Bearer ${t}`}}).then(r => r.status)", token
    )
    assert status == 401
    page.get_by_role("button", name="Log in with Encore").click()
    page.get_by_label("Username").fill(LEAVER.username)
    page.get_by_label("Password").fill(LEAVER.password)
    with page.expect_response(
        lambda r: r.url.endswith("/authorize") and r.request.method == "POST"
    ) as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401  # the account is gone
