"""Shared fixtures: the conformance suite, golden files, and a compile helper."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from encore.build import compile_tokens
from encore.diagnostics import Diagnostic, Severity
from encore.load import parse_text
from encore.model import TokenSet

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def conformance() -> Path:
    """The DTCG conformance data: $ENCORE_CONFORMANCE or ../shared/conformance."""
    configured = os.environ.get("ENCORE_CONFORMANCE")
    path = Path(configured) if configured else REPO.parent / "shared" / "conformance"
    if (path / "dtcg-test-suite" / "format" / "manifest.json").is_file():
        return path
    message = (
        f"DTCG conformance data not found at {path}: set ENCORE_CONFORMANCE to a folder holding "
        "dtcg-test-suite/ and dtcg-spec-examples/ (the DTCG test suite from "
        "github.com/dgtlntv/community-group, branch tests, folder tests/)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def compile_text(
    files: dict[str, str], tiers: dict[str, str] | None = None
) -> tuple[TokenSet, list[Diagnostic]]:
    """Compile in-memory token files (name -> text) with optional tiers per file."""
    loaded = []
    problems: list[Diagnostic] = []
    for name, text in files.items():
        file, diagnostics = parse_text(name, text)
        problems += diagnostics
        if file is not None:
            loaded.append((file, (tiers or {}).get(name)))
    tokens, more = compile_tokens(loaded)
    return tokens, problems + more


def errors_of(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


@pytest.fixture
def compile_yaml() -> Callable[[str], tuple[TokenSet, list[Diagnostic]]]:
    """Compile one YAML document named tokens.yaml."""

    def run(text: str) -> tuple[TokenSet, list[Diagnostic]]:
        return compile_text({"tokens.yaml": text})

    return run


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the bundled design system to build and break."""
    for name in ("encore.yaml", "tokens", "platforms", "local_systems", "governance"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path
