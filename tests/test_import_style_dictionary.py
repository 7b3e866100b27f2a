"""`encore import style-dictionary`: a realistic Style Dictionary tree (legacy and 4+
files) becomes DTCG YAML that passes `encore check`; what cannot be converted is reported
at its file:line:column and left out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES, GOLDEN
from tests.test_cli import encore

SOURCE = FIXTURES / "style_dictionary"
EXPECTED = GOLDEN / "import" / "style_dictionary"


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def imported(tmp_path: Path, *extra: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path / "out"
    run = encore("import", "style-dictionary", str(SOURCE), "--out", str(out), *extra, cwd=SOURCE)
    return out, run


def test_output_passes_encore_check_and_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    out, run = imported(tmp_path)
    assert run.returncode == 0, run.stderr
    assert "converted 35 tokens from 9 files into 8 files" in run.stderr
    assert "9 skipped" in run.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert written == [
        "tokens/color/base.yaml",
        "tokens/color/font.yaml",
        "tokens/effects.yaml",
        "tokens/font.yaml",
        "tokens/sd4/semantic.yaml",
        "tokens/size/font.yaml",
        "tokens/size/spacing.yaml",
        "tokens/time.yaml",
    ]  # content.json: nothing in it converts, so no content.yaml
    check = encore("check", "--strict", str(out), cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "35 tokens checked, 0 errors, 0 warnings" in check.stderr
    if update_golden:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(out, EXPECTED)
    expected = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.yaml"))
    assert written == expected
    for rel in written:
        assert (out / rel).read_text() == (EXPECTED / rel).read_text(), rel


def test_unconvertible_tokens_are_reported_with_locations(tmp_path: Path) -> None:
    _, run = imported(tmp_path)
    err = run.stderr
    for line in (
        'tokens/content.json:4:15: warning[import/type]: "content.icon.home" not converted: '
        'type "content" has no DTCG equivalent',
        'tokens/content.json:8:13: warning[import/type]: "asset.logo" not converted',
        'tokens/content.json:11:15: warning[import/type]: "brand.accent" not converted: '
        'unknown type "colour"',
        'tokens/size/font.json:8:26: warning[import/expression]: "size.font.huge" not converted: '
        '"{size.font.large} * 2" is an expression',
        'tokens/size/font.json:9:27: warning[import/reference]: "size.font.giant" not converted: '
        "it refers to {size.font.huge}, which was left out",
        'tokens/size/spacing.json:6:27: warning[import/unit]: "size.padding.large" not converted: '
        '"2em": em is not a DTCG dimension unit',
        'tokens/color/font.json:7:28: warning[import/reference]: "color.font.danger" not '
        "converted: it refers to {color.font.alert}, which does not name a token",
        'tokens/font.json:26:16: warning[import/value]: "typography.body" not converted: '
        "the typography value lacks fontWeight, lineHeight",
        'tokens/content.json:12:17: warning[import/refused]: "brand.gradient" not converted: '
        "the value is not valid DTCG",
    ):
        assert line in err, line
    assert "did you mean 'color'?" in err
    assert '11 |     "accent": { "value": "#1ed760", "type": "colour" },' in err  # a code frame
    assert "config.json" not in err  # Style Dictionary's config holds no tokens
    assert "Traceback" not in err


def test_values_references_and_metadata(tmp_path: Path) -> None:
    out, run = imported(tmp_path)
    assert run.returncode == 0, run.stderr
    base = read(out / "tokens/color/base.yaml")["color"]["base"]
    assert base["red"] == {
        "$type": "color",
        "$value": {"colorSpace": "srgb", "components": [1, 0, 0], "hex": "#ff0000"},
        "$description": "The brand red.",
    }
    assert base["gray"]["dark"]["$value"]["hex"] == "#111111"  # rgb()
    assert base["overlay"]["$value"]["alpha"] == 0.5  # rgba()
    assert base["overlay"]["$extensions"] == {
        "com.styledictionary": {"attributes": {"category": "color"}}
    }
    font = read(out / "tokens/color/font.yaml")["color"]["font"]
    assert font["base"]["$value"] == "{color.base.gray.dark}"  # .value dropped
    assert font["error"]["$value"] == "{color.base.red}"  # already without .value
    assert font["tertiary"]["$deprecated"] == "Use {color.font.secondary} instead."
    assert "danger" not in font
    sizes = read(out / "tokens/size/font.yaml")["size"]["font"]
    assert sizes["medium"]["$value"] == {"value": 16, "unit": "px"}  # a bare number
    assert sizes["large"]["$value"] == {"value": 1.5, "unit": "rem"}
    assert sizes["small"]["$type"] == "dimension"  # from the size category
    spacing = read(out / "tokens/size/spacing.yaml")["size"]
    assert spacing["radius"]["pill"]["$type"] == "dimension"  # borderRadius
    time = read(out / "tokens/time.yaml")
    assert time["time"]["slow"] == {"$type": "duration", "$value": {"value": 0.5, "unit": "s"}}
    assert time["easing"]["standard"]["$value"] == [0.2, 0, 0, 1]
    assert time["easing"]["out"]["$value"] == [0, 0, 0.58, 1]
    assert time["opacity"]["disabled"] == {"$type": "number", "$value": 0.4}
    fonts = read(out / "tokens/font.yaml")
    assert fonts["font"]["family"]["base"]["$value"] == ["Inter", "Helvetica Neue", "sans-serif"]
    assert fonts["font"]["weight"]["bold"]["$value"] == "bold"
    assert fonts["font"]["weight"]["semibold"]["$value"] == "semi-bold"
    heading = fonts["typography"]["heading"]["$value"]
    assert heading["fontFamily"] == "{font.family.base}"
    assert heading["lineHeight"] == 1.3333  # 32px over a 24px font size
    assert heading["letterSpacing"] == {"value": 0, "unit": "px"}
    effects = read(out / "tokens/effects.yaml")
    card = effects["shadow"]["card"]["$value"]  # a CSS box-shadow string
    assert card["offsetY"] == {"value": 2, "unit": "px"} and card["color"]["alpha"] == 0.2
    raised = effects["shadow"]["raised"]["$value"]
    assert raised[0]["color"] == "{color.base.overlay}"
    assert raised[1]["inset"] is True and raised[1]["offsetY"] == {"value": 8, "unit": "px"}
    assert effects["border"]["hairline"]["$value"]["width"] == {"value": 1, "unit": "px"}
    sd4 = read(out / "tokens/sd4/semantic.yaml")["semantic"]
    assert sd4["$description"] == "Style Dictionary 4 tokens in DTCG syntax."
    assert sd4["background"]["base"]["$type"] == "color"  # inherited from the group
    assert sd4["background"]["old"]["$deprecated"] == "Use {semantic.background.base}."
    assert sd4["space"]["gap"]["$value"] == {"value": 8, "unit": "px"}


def test_number_unit_rem(tmp_path: Path) -> None:
    out, run = imported(tmp_path, "--number-unit", "rem")
    assert run.returncode == 0, run.stderr
    sizes = read(out / "tokens/size/font.yaml")["size"]["font"]
    assert sizes["medium"]["$value"] == {"value": 16, "unit": "rem"}


def test_strict_writes_nothing_and_fails(tmp_path: Path) -> None:
    out, run = imported(tmp_path, "--strict")
    assert run.returncode == 1
    assert "error[import/expression]" in run.stderr
    assert "could not be converted (--strict); nothing was written" in run.stderr
    assert not out.exists()


def test_existing_files_are_refused_unless_forced(tmp_path: Path) -> None:
    out, first = imported(tmp_path)
    assert first.returncode == 0
    (out / "tokens/time.yaml").write_text("# mine\n")
    _, again = imported(tmp_path)
    assert again.returncode == 1
    assert "tokens/time.yaml already exists; nothing was written" in again.stderr
    assert (out / "tokens/time.yaml").read_text() == "# mine\n"
    _, forced = imported(tmp_path, "--force")
    assert forced.returncode == 0
    assert "duration" in (out / "tokens/time.yaml").read_text()


def test_syntax_errors_write_nothing(tmp_path: Path) -> None:
    source = tmp_path / "sd"
    shutil.copytree(SOURCE, source)
    (source / "tokens/time.json").write_text('{\n  "time": {\n    "fast": { "value": "1ms", }\n')
    out = tmp_path / "out"
    run = encore("import", "style-dictionary", str(source), "--out", str(out), cwd=tmp_path)
    assert run.returncode == 1
    assert "sd/tokens/time.json:3:" in run.stderr and "error[syntax/json]" in run.stderr
    assert not out.exists()


def test_json_report(tmp_path: Path) -> None:
    _, run = imported(tmp_path, "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["warnings"] == 9 and report["errors"] == 0
    first = report["diagnostics"][0]
    assert first["file"].endswith("tokens/content.json") and first["line"] == 4


def test_help_has_an_example(tmp_path: Path) -> None:
    run = encore("import", "style-dictionary", "--help", cwd=tmp_path)
    assert "Example:" in run.stdout and "encore import style-dictionary" in run.stdout
