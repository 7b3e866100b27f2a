"""An artist uploads through the page and sees the job's state: a truncated file and a
silent one are rejected with the right reasons."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from backend_stub.media import synth
from tests.backend.conftest import require
from tests.e2e.player import login

MP3 = ("-c:a", "libmp3lame", "-b:a", "128k")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("ffmpeg", shutil.which("ffmpeg") is not None, "apt-get install ffmpeg")
    folder = tmp_path_factory.mktemp("uploads")
    synth.tone(folder / "whole.mp3", seed=3, duration_s=4, codec_args=MP3)
    synth.truncated(folder / "whole.mp3", folder / "truncated.mp3")
    synth.silence(folder / "silent.flac", duration_s=3)
    return folder


@pytest.mark.parametrize(
    ("name", "seconds", "reason"),
    [("truncated.mp3", "4", "truncated"), ("silent.flac", "3", "silent")],
)
def test_a_damaged_upload_is_rejected_with_its_reason(
    page: Any, damaged: Path, name: str, seconds: str, reason: str
) -> None:
    login(page, "artist", artist=True)
    form = page.locator("#upload-form")
    expect(form).to_be_visible()
    form.get_by_label("Audio file").set_input_files(damaged / name)
    form.get_by_label("Title").fill(f"Demo {reason}")
    form.get_by_label("Duration in seconds").fill(seconds)
    form.get_by_role("button", name="Upload").click()
    expect(page.get_by_test_id("job-state")).to_have_text("rejected", timeout=30_000)
    expect(page.get_by_test_id("job-reason")).to_have_text(reason)
    expect(page.locator("#upload-status").get_by_role("alert")).to_be_visible()


def test_a_listener_has_no_upload_form(page: Any) -> None:
    login(page, "demo")
    expect(page.locator("#upload")).to_be_hidden()
