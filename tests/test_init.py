"""`encore init`: the scaffold builds and checks at once, and never overwrites files."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import encore


def test_init_then_build_and_check_pass_without_warnings(tmp_path: Path) -> None:
    run = encore("init", "acme", "--name", "Acme Design", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    root = tmp_path / "acme"
    assert "next: cd acme && encore build" in run.stderr
    for rel in (
        "encore.yaml",
        "tokens/acme-design.resolver.yaml",
        "tokens/primitive/color.yaml",
        "tokens/semantic/color.yaml",
        "tokens/themes/dark.yaml",
        "platforms/web/platform.yaml",
        "platforms/ios/platform.yaml",
        "platforms/android/platform.yaml",
        "local_systems/marketing/system.yaml",
        "local_systems/marketing/tokens/marketing.yaml",
        "local_systems/marketing/components/banner.component.yaml",
        "governance/roles.yaml",
        ".gitignore",
    ):
        assert (root / rel).is_file(), rel
    assert "__" not in (root / "platforms/ios/platform.yaml").read_text()  # placeholders filled

    check = encore("check", "--strict", cwd=root)
    assert check.returncode == 0, check.stderr
    assert "0 errors, 0 warnings" in check.stderr

    build = encore("build", "--strict", cwd=root)
    assert build.returncode == 0, build.stderr
    out = root / "build"
    for rel in (
        "web/acme-design.css",
        "web/_acme-design.scss",
        "web/acme-design.js",
        "web/acme-design.d.ts",
        "ios/AcmeDesignTokens.swift",
        "android/compose/AcmeDesignTokens.kt",
        "android/kotlin/AcmeDesignTokens.kt",
        "android/res/values/acme_design_tokens.xml",
        "android/res/values-night/acme_design_tokens.xml",
        "web/components/acme-design-banner.js",
        "ios/components/AcmeDesignBanner.swift",
        "android/components/AcmeDesignBanner.kt",
    ):
        assert (out / rel).is_file(), rel
    css = (out / "web/acme-design.css").read_text()
    assert "--acme-design-background-base" in css
    assert "--acme-design-marketing-banner-background: var(--acme-design-background-accent)" in css
    assert '[data-encore-theme="dark"]' in css or "prefers-color-scheme: dark" in css
    swift = (out / "ios/AcmeDesignTokens.swift").read_text()
    assert "enum AcmeDesign" in swift

    gates = encore("promote", "check", "marketing/banner", cwd=root)  # governance works too
    assert "ok    bindings" in gates.stdout and "used by 1: marketing (needs 2)" in gates.stdout

    tokens = encore("tokens", "--theme", "dark", "background.base", cwd=root)
    assert tokens.returncode == 0, tokens.stderr
    assert "#121212" in tokens.stdout


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "tokens" / "primitive").mkdir(parents=True)
    (tmp_path / "encore.yaml").write_text("mine\n")
    (tmp_path / "tokens" / "primitive" / "color.yaml").write_text("mine too\n")
    run = encore("init", ".", cwd=tmp_path)
    assert run.returncode == 1
    assert "encore.yaml: error[init/exists]: encore.yaml already exists" in run.stderr
    assert "tokens/primitive/color.yaml already exists" in run.stderr
    assert "--force" in run.stderr
    assert "Traceback" not in run.stderr
    assert (tmp_path / "encore.yaml").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "color.yaml",
        "encore.yaml",
    ]

    forced = encore("init", ".", "--force", "--name", "Mine", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "name: Mine" in (tmp_path / "encore.yaml").read_text()
    assert encore("check", cwd=tmp_path).returncode == 0


def test_init_into_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    run = encore("init", "taken", cwd=tmp_path)
    assert run.returncode == 1
    assert "error[init/target]: taken is a file, not a folder" in run.stderr


def test_init_help_has_an_example(tmp_path: Path) -> None:
    run = encore("init", "--help", cwd=tmp_path)
    assert run.returncode == 0
    assert "Example:" in run.stdout and "encore init acme-design" in run.stdout
