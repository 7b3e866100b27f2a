"""The command line end to end: build, check, exit codes, atomic and minimal writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.conftest import REPO


def encore(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m encore ARGS`` in ``cwd`` without colour (``env`` adds variables)."""
    return subprocess.run(
        [sys.executable, "-m", "encore", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_build_writes_every_platform_and_manifest(project_copy: Path) -> None:
    run = encore("build", cwd=project_copy)
    assert run.returncode == 0, run.stderr
    css = project_copy / "build" / "web" / "encore.css"
    assert css.read_text().count("--encore-") > 300
    manifest = json.loads((project_copy / "build" / "web" / "manifest.json").read_text())
    paths = [f["path"] for f in manifest["files"]]
    assert [p for p in paths if "/" not in p] == [
        "_encore.scss",
        "encore.css",
        "encore.d.ts",
        "encore.js",
    ]
    assert "components/components.css" in paths and "components/encore-button.js" in paths
    assert "gallery/index.html" in paths
    android = json.loads((project_copy / "build" / "android" / "manifest.json").read_text())
    android_paths = [f["path"] for f in android["files"]]
    assert "components/EncoreButton.kt" in android_paths
    assert [p for p in android_paths if not p.startswith("components/")] == [
        "compose/EncoreTokens.kt",
        "kotlin/EncoreTokens.kt",
        "res/values-night/encore_tokens.xml",
        "res/values/encore_tokens.xml",
    ]
    assert (project_copy / "build" / "ios" / "EncoreTokens.swift").is_file()
    assert "built" in run.stderr and "encore.css" in run.stderr


def test_build_one_platform(project_copy: Path) -> None:
    run = encore("build", "--platform", "ios", cwd=project_copy)
    assert run.returncode == 0, run.stderr
    assert (project_copy / "build" / "ios" / "EncoreTokens.swift").is_file()
    assert not (project_copy / "build" / "web").exists()
    assert not (project_copy / "build" / "android").exists()
    unknown = encore("build", "--platform", "ois", cwd=project_copy)
    assert unknown.returncode != 0
    assert "ios" in unknown.stderr


def test_rebuild_leaves_unchanged_files_untouched_and_is_deterministic(project_copy: Path) -> None:
    assert encore("build", cwd=project_copy).returncode == 0
    css = project_copy / "build" / "web" / "encore.css"
    first = css.read_bytes()
    os.utime(css, (1_000_000, 1_000_000))
    assert encore("build", "--no-cache", cwd=project_copy).returncode == 0
    assert css.stat().st_mtime == 1_000_000
    assert css.read_bytes() == first
    assert (REPO / "tests" / "golden" / "css" / "foundation" / "encore.css").read_bytes() == first


def test_a_broken_edit_fails_with_a_located_error_and_keeps_earlier_output(
    project_copy: Path,
) -> None:
    assert encore("build", cwd=project_copy).returncode == 0
    css = project_copy / "build" / "web" / "encore.css"
    before = css.read_bytes()
    colors = project_copy / "tokens" / "semantic" / "color.yaml"
    text = colors.read_text()
    target = next(line for line in text.splitlines() if '$value: "{color.' in line)
    broken = target.replace("{color.", "{colour.", 1)
    colors.write_text(text.replace(target, broken, 1))
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    line_no = text.splitlines().index(target) + 1
    assert f"tokens/semantic/color.yaml:{line_no}:" in run.stderr
    assert "error[ref/unresolved]" in run.stderr
    assert "^" in run.stderr
    assert "nothing was written" in run.stderr
    assert css.read_bytes() == before


def test_json_diagnostics(project_copy: Path) -> None:
    colors = project_copy / "tokens" / "primitive" / "color.yaml"
    colors.write_text(colors.read_text() + '\nbroken:\n  $type: color\n  x: {$value: "#12"}\n')
    run = encore("build", "--format", "json", cwd=project_copy)
    assert run.returncode == 1
    payload = json.loads(run.stdout)
    assert payload["errors"] == 1
    [diagnostic] = payload["diagnostics"]
    assert diagnostic["rule"] == "type/color"
    assert diagnostic["file"].endswith("tokens/primitive/color.yaml")
    assert diagnostic["line"] > 1 and diagnostic["column"] > 1


def test_tier_rule_violation_fails_the_build(project_copy: Path) -> None:
    semantic = project_copy / "tokens" / "semantic" / "color.yaml"
    semantic.write_text(semantic.read_text() + "\nraw:\n  $type: number\n  x: {$value: 3}\n")
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "error[tier/semantic-must-alias]" in run.stderr


def test_warnings_fail_only_under_strict(project_copy: Path) -> None:
    semantic = project_copy / "tokens" / "semantic" / "color.yaml"
    semantic.write_text(
        semantic.read_text()
        + '\nlegacy-use:\n  $type: color\n  x: {$value: "{color.green.legacy}"}\n'
    )
    relaxed = encore("build", cwd=project_copy)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "warning[deprecated/used]" in relaxed.stderr
    assert encore("build", "--strict", cwd=project_copy).returncode == 1


def test_check_bare_files_without_a_project(tmp_path: Path) -> None:
    good = tmp_path / "good.tokens.json"
    good.write_text('{"n": {"$type": "number", "a": {"$value": 1}}}')
    run = encore("check", str(good), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "1 tokens checked" in run.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("n:\n  $type: number\n  a: {$value: one}\n")
    run = encore("check", str(tmp_path), cwd=tmp_path)
    assert run.returncode == 1
    assert "bad.yaml:3:15: error[type/number]" in run.stderr
    assert not (tmp_path / "build").exists()


def test_usage_errors_exit_2_and_config_errors_are_located(project_copy: Path) -> None:
    assert encore("build", "--bogus", cwd=project_copy).returncode == 2
    run = encore("build", "--platform", "wbe", cwd=project_copy)
    assert run.returncode == 1 and "did you mean 'web'?" in run.stderr
    config = project_copy / "encore.yaml"
    text = config.read_text()
    config.write_text(text.replace("output: build", "outptu: build"))
    line = text.splitlines().index("output: build") + 1
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert f'encore.yaml:{line}:1: error[config/project]: unknown key "outptu"' in run.stderr
    assert "did you mean 'output'?" in run.stderr


def test_missing_project_file_is_explained(tmp_path: Path) -> None:
    run = encore("build", cwd=tmp_path)
    assert run.returncode == 1
    assert "no encore.yaml found" in run.stderr and "Traceback" not in run.stderr


def test_root_launcher_and_help(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "cli.py"), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert run.returncode == 0 and "encore build" in run.stdout


def test_platform_file_errors_are_located(project_copy: Path) -> None:
    platform = project_copy / "platforms" / "web" / "platform.yaml"
    text = platform.read_text()
    platform.write_text(
        text.replace("format: css", "format: csss").replace("references: keep", "references: copy")
    )
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "platforms/web/platform.yaml:" in run.stderr
    assert 'unknown format "csss"' in run.stderr and "did you mean 'css'?" in run.stderr
    platform.write_text(text.replace("references: keep", "references: copy"))
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "references:" in t)
    assert (
        f"platform.yaml:{line}:19: error[config/format-options]: 'copy' is not one of" in run.stderr
    )


def test_native_platform_option_errors_are_all_located(project_copy: Path) -> None:
    ios = project_copy / "platforms" / "ios" / "platform.yaml"
    ios.write_text(ios.read_text().replace("access: public", "access: open"))
    android = project_copy / "platforms" / "android" / "platform.yaml"
    text = android.read_text()
    text = text.replace("package: com.spotify.encore.tokens", "package: Com.Spotify")
    android.write_text(text.replace("prefix: encore", "prefix: 9encore"))
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "platforms/ios/platform.yaml:" in run.stderr and "'open' is not one of" in run.stderr
    assert "'Com.Spotify' does not match" in run.stderr
    assert "'9encore' does not match" in run.stderr
    assert run.stderr.count("error[config/format-options]") == 3
    assert not (project_copy / "build").exists()


def test_sarif_output(project_copy: Path) -> None:
    colors = project_copy / "tokens" / "primitive" / "color.yaml"
    colors.write_text(colors.read_text() + '\nbroken:\n  $type: color\n  x: {$value: "#12"}\n')
    run = encore("check", "--format", "sarif", cwd=project_copy)
    assert run.returncode == 1
    sarif = json.loads(run.stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "type/color" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 1
