"""Plugins: a real package installed beside Encore adds a format, a rule and a transform.

The example package (tests/fixtures/plugins/encore-example-plugin) is installed with pip
into a temporary folder put on ``PYTHONPATH``, so its entry points are found the way an
installed plugin's are, and the example project names its format, rule and transform.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_cli import encore as run_encore

FIXTURES = REPO / "tests" / "fixtures" / "plugins"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin, installed by pip into a folder of its own."""
    root = tmp_path_factory.mktemp("plugin")
    source = root / "source"
    shutil.copytree(FIXTURES / "encore-example-plugin", source)
    target = root / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return target


def encore(*args: str, cwd: Path, site: Path | None) -> subprocess.CompletedProcess[str]:
    """The command line, with the plugins installed in ``site`` importable."""
    extra = {}
    if site is not None:
        extra["PYTHONPATH"] = os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])
    return run_encore(*args, cwd=cwd, env=extra)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(FIXTURES / "project", folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_plugin_format_rule_and_transform(project: Path, site: Path) -> None:
    run = encore("build", cwd=project, site=site)
    assert run.returncode == 0, run.stderr
    flat = json.loads((project / "build" / "web" / "tokens.json").read_text())
    # the transform rounded 13px to 12px before every format of the platform
    assert flat == {
        "ds.background.brand": "#1ed760",
        "ds.color.green.500": "#1ed760",
        "ds.gap": "12px",
        "ds.space.3": "12px",
        "ds.space.4": "1rem",
    }
    css = (project / "build" / "web" / "tokens.css").read_text()
    assert "13px" not in css and "0.8125rem" not in css
    assert "--encore-gap: var(--encore-space-3);" in css
    # the plugin rule runs because encore.yaml names it, located at the token
    assert "tokens/semantic.yaml:6:1: warning[example/description-required]" in run.stderr
    assert '"gap" has no $description' in run.stderr
    assert "background.brand" not in run.stderr


def test_plugin_rule_not_named_does_not_run(project: Path, site: Path) -> None:
    _edit(project / "encore.yaml", "rules:\n  example/description-required: warning\n", "")
    run = encore("build", cwd=project, site=site)
    assert run.returncode == 0, run.stderr
    assert "description-required" not in run.stderr


def test_unknown_plugin_names_get_did_you_mean(project: Path, site: Path) -> None:
    platform = project / "platforms" / "web" / "platform.yaml"
    _edit(platform, "format: json-flat", "format: json-flt")
    _edit(platform, "transform: example/round-dimensions", "transform: example/round-dimension")
    _edit(project / "encore.yaml", "example/description-required:", "example/description-require:")
    run = encore("build", cwd=project, site=site)
    assert run.returncode == 1
    assert 'unknown rule "example/description-require"' in run.stderr
    assert "did you mean 'example/description-required'" in run.stderr
    _edit(project / "encore.yaml", "example/description-require:", "example/description-required:")
    run = encore("build", cwd=project, site=site)
    assert run.returncode == 1
    assert 'unknown format "json-flt"' in run.stderr and "did you mean 'json-flat'" in run.stderr
    assert 'unknown transform "example/round-dimension"' in run.stderr
    assert "did you mean 'example/round-dimensions'" in run.stderr
    assert "platforms/web/platform.yaml:" in run.stderr
    assert not (project / "build").exists()


def test_without_the_plugin_its_names_are_unknown(project: Path) -> None:
    run = encore("build", cwd=project, site=None)
    assert run.returncode == 1
    assert 'unknown rule "example/description-required"' in run.stderr
    _edit(project / "encore.yaml", "rules:\n  example/description-required: warning\n", "")
    run = encore("build", cwd=project, site=None)
    assert run.returncode == 1
    assert 'unknown format "json-flat"' in run.stderr
    assert "none is installed" in run.stderr  # the transform's help says where they come from
    assert "Traceback" not in run.stderr


def test_broken_plugin_and_bad_options_are_located_errors(project: Path, site: Path) -> None:
    platform = project / "platforms" / "web" / "platform.yaml"
    _edit(platform, "format: json-flat", "format: broken-format")
    _edit(platform, "options: {step: 4}", "options: {step: -4}")
    run = encore("build", cwd=project, site=site)
    assert run.returncode == 1, run.stderr
    assert (
        'the plugin "broken-format" from encore-example-plugin 1.0.0 cannot be used' in run.stderr
    )
    assert "RuntimeError: this plugin needs a service that is not configured" in run.stderr
    assert "error[config/transform]" in run.stderr and "-4" in run.stderr
    assert "Traceback" not in run.stderr


def test_editing_the_plugin_invalidates_the_cache(project: Path, site: Path) -> None:
    assert encore("build", cwd=project, site=site).returncode == 0
    again = encore("build", cwd=project, site=site)
    assert "up to date" in again.stderr + again.stdout
    module = site / "encore_example_plugin" / "__init__.py"
    original = module.read_text()
    try:
        _edit(module, "indent=2", "indent=4")
        run = encore("build", cwd=project, site=site)
        assert run.returncode == 0, run.stderr
        assert "up to date" not in run.stderr + run.stdout
        assert '\n    "ds.gap"' in (project / "build" / "web" / "tokens.json").read_text()
    finally:
        module.write_text(original)
