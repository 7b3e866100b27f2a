"""Helpers for tests that run the Node checker tools kept in ``tools/``.

The tools are installed with ``npm ci --prefix tools``. Without them a test is
skipped locally, but fails under ``CI=true``: a skipped check proves nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

INSTALL_COMMAND = "npm ci --prefix tools"
NODE_PACKAGES = ("lightningcss", "css-tree")
CHECK_CSS_TIMEOUT_SECONDS = 120


def tools_dir() -> Path:
    """The repository's ``tools/`` folder (package.json, lock file, checker scripts)."""
    return Path(__file__).resolve().parents[2] / "tools"


def _missing_node_tools() -> list[str]:
    missing: list[str] = []
    if shutil.which("node") is None:
        missing.append("`node` is not on PATH")
    modules = tools_dir() / "node_modules"
    for package in NODE_PACKAGES:
        if not (modules / package / "package.json").is_file():
            missing.append(f"{modules / package} is missing")
    return missing


def require_node_tools() -> None:
    """Skip the calling test (fail it under ``CI=true``) when the Node tools are missing."""
    missing = _missing_node_tools()
    if not missing:
        return
    message = (
        f"Node checker tools are not installed ({'; '.join(missing)}); "
        f"install them from the repository root with `{INSTALL_COMMAND}`"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _value_entry(label: str, value: str, kind: str) -> dict[str, str]:
    """``<color>`` names a CSS type, a plain name such as ``font`` names a property."""
    if kind.startswith("<") and kind.endswith(">"):
        return {"label": label, "value": value, "type": kind[1:-1]}
    return {"label": label, "value": value, "property": kind}


def _format_error(error: object) -> str:
    if not isinstance(error, dict):
        return f"malformed checker error: {error!r}"
    message = str(error.get("message", ""))
    if "file" in error:
        where = str(error["file"])
        for key in ("line", "column"):
            if key in error:
                where += f":{error[key]}"
        return f"{where}: {message}"
    label = str(error.get("label", "?"))
    if "value" in error:
        return f"{label} = {error['value']!r}: {message}"
    return f"{label}: {message}"


def check_css(files: list[Path], values: list[tuple[str, str, str]]) -> list[str]:
    """Check CSS files and token values in one run of ``tools/check_css.mjs``.

    ``values`` holds ``(label, value, property_or_type)`` tuples, where the last item
    is a type such as ``<color>``/``<length>`` or a property such as ``font``.
    Returns one string per error; an empty list means everything passed.
    """
    require_node_tools()
    request = {
        "files": [str(path) for path in files],
        "values": [_value_entry(label, value, kind) for label, value, kind in values],
    }
    script = tools_dir() / "check_css.mjs"
    with tempfile.TemporaryDirectory(prefix="check_css_") as temp:
        request_path = Path(temp) / "request.json"
        request_path.write_text(json.dumps(request), encoding="utf-8")
        result = subprocess.run(
            ["node", str(script), str(request_path)],
            capture_output=True,
            text=True,
            timeout=CHECK_CSS_TIMEOUT_SECONDS,
            check=False,
        )
    if result.returncode not in (0, 1):
        raise RuntimeError(
            f"{script} exited with {result.returncode}: {result.stderr.strip() or result.stdout}"
        )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"{script} printed no JSON report: {result.stdout!r}") from error
    errors = report.get("errors") if isinstance(report, dict) else None
    if not isinstance(errors, list):
        raise RuntimeError(f"{script} report has no error list: {result.stdout!r}")
    messages = [_format_error(error) for error in errors]
    if (result.returncode == 0) != (not messages):
        raise RuntimeError(f"{script} exit code {result.returncode} disagrees with {messages!r}")
    return messages
