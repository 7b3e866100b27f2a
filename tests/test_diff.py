"""`encore diff`: revisions read from git, folders, every kind of change, renames with a
confidence, changes per theme, the semver impact, the three formats and --fail-on."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from encore.diff.renames import match_renames
from encore.scaffold import init_project
from tests.conftest import compile_text
from tests.test_cli import encore

GIT = ["git", "-c", "user.email=t@example.com", "-c", "user.name=Test"]


def commit(root: Path, message: str) -> None:
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=root, check=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def second_version(root: Path) -> None:
    """Every kind of change, some only in the dark theme."""
    color, dark = root / "tokens/semantic/color.yaml", root / "tokens/themes/dark.yaml"
    edit(color, '  negative:\n    $value: "{color.red.600}"\n', "")  # removed
    edit(dark, '  negative:\n    $value: "{color.red.300}"\n', "")
    edit(color, "  subdued:\n", "  muted:\n")  # renamed
    edit(dark, "  subdued:\n", "  muted:\n")
    edit(root / "encore.yaml", "text.subdued", "text.muted")
    edit(
        dark,
        'raised:\n    $value: "{color.neutral.800}"',
        'raised:\n    $value: "{color.neutral.900}"',
    )
    layout = root / "tokens/semantic/layout.yaml"
    edit(
        layout,
        '  loose:\n    $value: "{size.8}"',
        '  loose:\n    $value: "{size.8}"\n    $deprecated: Use {spacing.base}.\n'
        '  huge:\n    $value: "{size.6}"',
    )
    edit(
        layout,
        '  tight:\n    $value: "{size.1}"',
        '  tight:\n    $type: number\n    $value: "{font.leading.tight}"',
    )
    primitive = root / "tokens/primitive/color.yaml"
    edit(
        primitive,
        "  blue:\n",
        '  white:\n    $value: {colorSpace: srgb, components: [1, 1, 1], hex: "#ffffff"}\n'
        "  blue:\n",
    )
    edit(
        color,
        'on-accent:\n    $value: "{color.neutral.0}"',
        'on-accent:\n    $value: "{color.white}"',
    )


GREY = '[0.3529, 0.3529, 0.3529], hex: "#5a5a5a"'
GREY_EDITED = '[0.3569, 0.3569, 0.3569], hex: "#5b5b5b"'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "ds"
    init_project(root, "Acme")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "first")
    second_version(root)
    commit(root, "second")
    return root


def changes(report: dict[str, object], kind: str) -> list[dict[str, object]]:
    found = report["changes"]
    assert isinstance(found, list)
    return [c for c in found if c["kind"] == kind]


def test_diff_two_revisions_reports_every_kind(repo: Path) -> None:
    run = encore("diff", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["impact"] == "major"
    assert report["permutations"] == ["theme=light", "theme=dark"]
    assert [c["name"] for c in changes(report, "removed")] == ["text.negative"]
    (renamed,) = changes(report, "renamed")
    assert (renamed["old_name"], renamed["name"]) == ("text.subdued", "text.muted")
    assert renamed["confidence"] >= 0.9 and renamed["scope"] == "all"
    assert sorted(c["name"] for c in changes(report, "added")) == ["color.white", "spacing.huge"]
    (typed,) = changes(report, "type-changed")
    assert typed["name"] == "spacing.tight"
    assert (typed["before"]["type"], typed["after"]["type"]) == ("dimension", "number")
    (deprecated,) = changes(report, "deprecated")
    assert deprecated["name"] == "spacing.loose" and deprecated["impact"] == "minor"
    (value,) = changes(report, "value-changed")
    assert value["name"] == "background.raised" and value["scope"] == "theme=dark"
    assert value["before"]["display"] == "#2a2a2a" and value["after"]["display"] == "#121212"
    assert value["after"]["file"] == "tokens/themes/dark.yaml" and value["impact"] == "patch"
    (alias,) = changes(report, "alias-changed")  # same white, another primitive; light only
    assert alias["name"] == "text.on-accent" and alias["scope"] == "theme=light"
    assert (alias["before"]["alias"], alias["after"]["alias"]) == ("color.neutral.0", "color.white")


def test_diff_defaults_like_git_diff(repo: Path) -> None:
    edit(repo / "tokens/primitive/color.yaml", GREY, GREY_EDITED)  # uncommitted
    run = encore("diff", cwd=repo)  # HEAD against the working tree
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("encore diff: HEAD (")
    assert "→ working tree" in run.stdout
    assert "semver impact: patch" in run.stdout
    assert "color.neutral.600  #5a5a5a → #5b5b5b" in run.stdout
    assert "text.muted  #5a5a5a → #5b5b5b  (through {color.neutral.600})" in run.stdout
    one = encore("diff", "HEAD~1", "--format", "json", cwd=repo)  # HEAD~1 against the working tree
    assert json.loads(one.stdout)["head"] == "working tree"
    dots = encore("diff", "HEAD~1..HEAD", "--format", "json", cwd=repo)
    assert json.loads(dots.stdout)["head"].startswith("HEAD (")
    assert (
        subprocess.run(
            ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True
        ).stdout.strip()
        == "M tokens/primitive/color.yaml"
    )


def test_fail_on_gates_by_impact(repo: Path) -> None:
    assert encore("diff", "HEAD~1", "HEAD", "--fail-on", "major", cwd=repo).returncode == 1
    edit(repo / "tokens/primitive/color.yaml", GREY, GREY_EDITED)
    patch = encore("diff", "HEAD", "--fail-on", "minor", cwd=repo)
    assert patch.returncode == 0, patch.stderr
    failing = encore("diff", "HEAD", "--fail-on", "patch", cwd=repo)
    assert failing.returncode == 1
    assert "the change is patch, which reaches --fail-on patch" in failing.stderr
    nothing = encore("diff", "HEAD", "HEAD", "--fail-on", "patch", cwd=repo)
    assert nothing.returncode == 0 and "no token changes" in nothing.stdout


def test_impact_is_configurable(repo: Path) -> None:
    lowered = encore(
        "diff",
        "HEAD~1",
        "HEAD",
        "--format",
        "json",
        "--impact",
        "removed=minor",
        "--impact",
        "renamed=minor",
        "--impact",
        "type-changed=patch",
        cwd=repo,
    )
    assert json.loads(lowered.stdout)["impact"] == "minor"
    edit(
        repo / "encore.yaml",
        "    removed: major\n    renamed: major\n    type-changed: major\n",
        "    removed: minor\n    renamed: minor\n    type-changed: minor\n",
    )
    from_config = encore("diff", "HEAD~1", "--format", "json", cwd=repo)
    assert json.loads(from_config.stdout)["impact"] == "minor"  # the working tree's diff: section
    bad = encore("diff", "--impact", "removed=huge", cwd=repo)
    assert bad.returncode == 2 and "--impact" in bad.stderr
    edit(repo / "encore.yaml", "    removed: minor\n", "    removed: maj\n")
    broken = encore("diff", "HEAD~1", cwd=repo)
    assert broken.returncode == 1
    line = (repo / "encore.yaml").read_text().splitlines().index("    removed: maj") + 1
    assert f"encore.yaml:{line}:14: error[config/project]: 'maj' is not one of" in broken.stderr
    assert "did you mean 'major'?" in broken.stderr


def test_markdown_is_release_notes(repo: Path) -> None:
    run = encore("diff", "HEAD~1", "HEAD", "--format", "markdown", cwd=repo)
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert text.startswith("## Design token changes: HEAD~1 (")
    assert "**Semver impact: major**" in text
    for heading in (
        "### Breaking changes (major)",
        "#### Removed",
        "#### Renamed",
        "#### Type changed",
        "### New and deprecated (minor)",
        "#### Added",
        "#### Deprecated",
        "### Changed values (patch)",
        "#### Value changed",
        "#### Alias changed",
    ):
        assert f"\n{heading}\n" in text, heading
    assert "- `text.subdued` → `text.muted` (confidence" in text
    assert (
        "- `background.raised`: `#2a2a2a ({color.neutral.800})` → "
        "`#121212 ({color.neutral.900})` *(theme=dark only)*" in text
    )
    assert text.index("### Breaking") < text.index("### New") < text.index("### Changed values")


def test_diff_two_folders(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    init_project(old, "Acme")
    shutil.copytree(old, new)
    second_version(new)
    run = encore("diff", str(old), str(new), "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["base"] == f"folder {old}" and report["impact"] == "major"
    assert {c["kind"] for c in report["changes"]} == {
        "removed",
        "renamed",
        "added",
        "type-changed",
        "deprecated",
        "value-changed",
        "alias-changed",
    }


def test_bare_token_folders(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "a.yaml").write_text(
        "space:\n  $type: dimension\n  sm: {$value: {value: 4, unit: px}}\n"
    )
    (new / "a.yaml").write_text(
        "space:\n  $type: dimension\n  small: {$value: {value: 4, unit: px}}\n"
        "  md: {$value: {value: 8, unit: px}}\n"
    )
    run = encore("diff", str(old), str(new), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "~ space.sm → space.small  (confidence 0.90)  a.yaml:3" in run.stdout
    assert "+ space.md  dimension  8px  a.yaml:4" in run.stdout
    assert "semver impact: major (1 renamed, 1 added)" in run.stdout
    strict = encore("diff", str(old), str(new), "--rename-threshold", "0.95", cwd=tmp_path)
    assert "semver impact: major (1 removed, 2 added)" in strict.stdout


def test_errors_in_a_revision_are_located_there(repo: Path) -> None:
    edit(repo / "tokens/primitive/color.yaml", '"#5a5a5a"}', '"#5a5a5a"}\n      $type: colr')
    commit(repo, "broken")
    run = encore("diff", "HEAD~1", "HEAD", cwd=repo)
    assert run.returncode == 1
    assert "HEAD:tokens/primitive/color.yaml:" in run.stderr
    assert 'unknown $type "colr"' in run.stderr and "in HEAD (" in run.stderr
    assert "Traceback" not in run.stderr
    unknown = encore("diff", "v9", cwd=repo)
    assert unknown.returncode == 1
    assert '"v9" is not a revision of this repository (nor a folder)' in unknown.stderr
    outside = encore("diff", "HEAD", cwd=repo.parent)
    assert outside.returncode == 1 and "not inside a git repository" in outside.stderr


def test_rename_confidence_prefers_the_same_group() -> None:
    old, _ = compile_text(
        {
            "a.yaml": 'c:\n  $type: color\n  g:\n    x: {$value: "#ff0000"}\n'.replace(
                '"#ff0000"', "{colorSpace: srgb, components: [1, 0, 0]}"
            )
        }
    )
    new_text = (
        "c:\n  $type: color\n  g:\n    y: {$value: {colorSpace: srgb, components: [1, 0, 0]}}\n"
        "  h:\n    x: {$value: {colorSpace: srgb, components: [1, 0, 0]}}\n"
    )
    new, _ = compile_text({"a.yaml": new_text})
    pairs = match_renames(list(old), [t for t in new], (Path("."), Path(".")), 0.0)
    assert [(o.name, n.name) for o, n, _ in pairs] == [("c.g.x", "c.g.y")]
    ((_, _, confidence),) = pairs
    assert confidence == 0.9  # same group and file (0.8), no references or descriptions (0.1)
    moved = match_renames(list(old), [new["c.h.x"]], (Path("."), Path(".")), 0.0)
    assert moved[0][2] == 0.84  # same last name in another group: 0.8 of the place score
    assert match_renames(list(old), [new["c.h.x"]], (Path("."), Path(".")), 0.85) == []
    twins, _ = compile_text(
        {"a.yaml": new_text.replace("  h:\n    x:", "    z:").replace("\n    z", "\n    z", 1)}
    )
    ambiguous = match_renames(list(old), list(twins), (Path("."), Path(".")), 0.0)
    assert [(o.name, n.name, c) for o, n, c in ambiguous] == [("c.g.x", "c.g.y", 0.8)]


def test_diff_help_has_examples(tmp_path: Path) -> None:
    run = encore("diff", "--help", cwd=tmp_path)
    assert "Examples:" in run.stdout and "encore diff main --fail-on major" in run.stdout


def test_a_new_modifier_is_a_new_permutation_not_a_change(repo: Path) -> None:
    (repo / "tokens/themes/high.yaml").write_text(
        'text:\n  $type: color\n  muted:\n    $value: "{color.neutral.900}"\n'
    )
    edit(
        repo / "tokens/acme.resolver.yaml",
        "resolutionOrder:\n",
        "  contrast:\n    contexts:\n      standard: []\n      high:\n"
        "        - $ref: themes/high.yaml\n    default: standard\nresolutionOrder:\n",
    )
    edit(
        repo / "tokens/acme.resolver.yaml",
        '  - $ref: "#/modifiers/theme"\n',
        '  - $ref: "#/modifiers/theme"\n  - $ref: "#/modifiers/contrast"\n',
    )
    commit(repo, "contrast")
    run = encore("diff", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["permutations"] == [
        "theme=light, contrast=standard",
        "theme=dark, contrast=standard",
    ]
    assert report["permutations_only_in_head"] == [
        "theme=light, contrast=high",
        "theme=dark, contrast=high",
    ]
    assert report["changes"] == [] and report["impact"] == "minor"
    text = encore("diff", "HEAD~1", "HEAD", cwd=repo).stdout
    assert "permutation only in HEAD (" in text and "theme=dark, contrast=high" in text
