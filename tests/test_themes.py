"""Themes end to end: permutations, what each output repeats, contrast in every
permutation, single-permutation builds, `encore tokens` and `encore check` on resolvers."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from encore.build import build, project_sources
from encore.config import ContrastConfig, ContrastPair, load_project
from encore.diagnostics import Diagnostic, Origin, Severity
from encore.formats import FORMATS
from encore.model import TokenSet
from encore.resolver import load_resolver, permutations
from encore.rules import contrast
from encore.sourcemap import SourceFile
from encore.theme_build import compile_permutation, compile_themes, project_tiers, themes_of
from encore.themes import Themes
from encore.values.types import Color, Dimension
from tests.conftest import FIXTURES, REPO, errors_of
from tests.support.themes import fixture_themes, themed_axes
from tests.test_cli import encore


def test_permutations_are_the_product_of_the_contexts() -> None:
    result = build(load_project(REPO), write=False)
    assert errors_of(result.diagnostics) == []
    themes = result.themes
    assert themes is not None
    assert [(a.name, a.contexts, a.default) for a in themes.axes] == [
        ("theme", ("dark", "light"), "dark"),
        ("contrast", ("standard", "high"), "standard"),
    ]
    assert len(themes.sets) == 2 * 2
    assert set(themes.sets) == {
        ("dark", "standard"),
        ("dark", "high"),
        ("light", "standard"),
        ("light", "high"),
    }
    # Primitives stay the same; semantic tokens change per context.
    tiers = {themes.default[name].tier for name in themes.varying}
    assert "primitive" not in tiers and "semantic" in tiers
    light = themes.sets[("light", "standard")]
    assert light["background.base"].alias_of == "color.neutral.0"
    assert themes.default["background.base"].alias_of == "color.neutral.900"


def test_a_token_that_never_differs_is_written_once() -> None:
    themes = fixture_themes()
    css = FORMATS["css"].render_all(themes, {}, [], "e.css")["e.css"]
    assert css.count("--encore-space-pad:") == 1
    assert css.count("--encore-surface-brand:") == 1
    # A token that differs appears once per rule that changes it.
    assert css.count("--encore-surface-base:") > 1
    light = css.split('[data-encore-theme="light"] {', 1)[1].split("}", 1)[0]
    assert "--encore-surface-base: var(--encore-color-white);" in light
    assert "--encore-color-" not in light.replace("var(--encore-color-", "")
    for fmt in ("scss", "es-module"):
        text = FORMATS[fmt].render_all(themes, {}, [], "x")["x"]
        per_theme = text.split("theme=dark, contrast=standard", 1)[1]
        assert "surface-base" in per_theme.replace("surfaceBase", "surface-base")
        assert not re.search(r"space[-_]?pad", per_theme, re.I)  # static: not repeated


def test_resolver_fixture_matches_the_merged_fixture() -> None:
    themes, problems = compile_themes(FIXTURES / "themes" / "themes.resolver.yaml", None, {})
    assert errors_of(problems) == [] and themes is not None
    merged = fixture_themes()
    for key, tokens in merged.sets.items():
        resolved = themes.sets[key]
        assert {t.name: t.value for t in tokens} == {t.name: t.value for t in resolved}, key
    assert themed_axes(themes).axis("appearance") is not None


def _pair_config(fg: str, bg: str, kind: str = "text") -> ContrastConfig:
    origin = Origin(SourceFile("encore.yaml", "contrast: {}\n", "yaml"), ("contrast",))
    return ContrastConfig(
        {"text": 4.5, "large-text": 3.0, "non-text": 3.0}, (ContrastPair(fg, bg, kind, origin),)
    )


def test_contrast_failures_name_pair_permutation_colours_and_ratio() -> None:
    themes = fixture_themes()
    found = contrast.check(themes, _pair_config("surface.subdued", "surface.base"))
    # subdued #6a6a6a on white is 5.7:1 and passes; #b3b3b3 on #121212 passes; so ask for 7:1.
    assert found == []
    strict = ContrastConfig({"text": 7.0}, _pair_config("surface.subdued", "surface.base").pairs)
    failures = contrast.check(themes, strict)
    assert [d.rule for d in failures] == ["contrast/insufficient"] * 1
    message = failures[0].message
    assert '"surface.subdued" (#6a6a6a) on "surface.base" (#ffffff)' in message
    assert "in theme=light, contrast=standard" in message and "needs 7:1" in message
    assert re.search(r"contrast of 5\.\d\d:1", message)
    assert failures[0].location.path.endswith(".json") and failures[0].location.line > 0


def test_contrast_unknown_tokens_get_a_suggestion() -> None:
    found = contrast.check(fixture_themes(), _pair_config("surface.subdud", "surface.base"))
    assert [d.rule for d in found] == ["contrast/unknown-token"]
    assert "surface.subdued" in (found[0].help or "")


def test_translucent_colours_are_composited() -> None:
    white = Color("srgb", (1.0, 1.0, 1.0))
    black = Color("srgb", (0.0, 0.0, 0.0))
    half_black = Color("srgb", (0.0, 0.0, 0.0), 0.5)
    assert round(contrast.ratio(black, white), 2) == 21.0
    # Black at 50 % over white is mid grey (#808080 → 3.95:1 against white).
    assert 3.9 < contrast.ratio(half_black, white) < 4.0
    # A translucent background with no surface named: the worse of black and white beneath.
    assert contrast.ratio(white, half_black) < 4  # over white it is mid grey
    assert contrast.ratio(white, half_black, over=black) > 15


def test_the_foundation_passes_contrast_in_every_permutation() -> None:
    project = load_project(REPO)
    assert len(project.contrast.pairs) >= 30
    result = build(project, write=False)
    assert [d for d in result.diagnostics if d.rule.startswith("contrast/")] == []


def test_a_failing_pair_fails_the_build_with_its_location(project_copy: Path) -> None:
    light = project_copy / "tokens" / "themes" / "light.yaml"
    text = light.read_text()
    assert '    $value: "{color.neutral.400}"' in text
    light.write_text(
        text.replace('    $value: "{color.neutral.400}"', '    $value: "{color.neutral.150}"', 1)
    )
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert "error[contrast/insufficient]" in run.stderr
    assert "theme=light, contrast=standard" in run.stderr
    assert "tokens/themes/light.yaml:" in run.stderr
    assert not (project_copy / "build").exists()


def test_build_one_permutation(project_copy: Path) -> None:
    run = encore("build", "--theme", "light", "--platform", "web", cwd=project_copy)
    assert run.returncode == 0, run.stderr
    css = (project_copy / "build" / "web" / "encore.css").read_text()
    assert "--encore-background-base: var(--encore-color-neutral-0);" in css
    assert "data-encore-theme" not in css
    bad = encore("build", "--theme", "lihgt", cwd=project_copy)
    assert bad.returncode == 1 and "light" in bad.stderr
    unknown = encore("build", "--input", "mood=calm", cwd=project_copy)
    assert unknown.returncode == 1 and "mood" in unknown.stderr


def test_tokens_command_shows_values_origins_and_chains() -> None:
    run = encore("tokens", "--theme", "light", "--format", "json", "background.base", cwd=REPO)
    assert run.returncode == 0, run.stderr
    (record,) = json.loads(run.stdout)
    assert record["name"] == "background.base"
    assert record["aliases"] == ["color.neutral.0"]
    assert record["file"].endswith("tokens/themes/light.yaml") and record["line"] > 0
    table = encore("tokens", "text.subdued", cwd=REPO)
    assert table.returncode == 0, table.stderr
    assert "TOKEN" in table.stdout and "text.subdued" in table.stdout
    assert "tokens/semantic/color.yaml:" in table.stdout


def test_check_validates_a_resolver_document_and_its_permutations() -> None:
    run = encore("check", "tokens/encore.resolver.yaml", cwd=REPO)
    assert run.returncode == 0, run.stderr
    folder = encore("check", "tokens", cwd=REPO)  # theme files are checked through the resolver
    assert folder.returncode == 0, folder.stderr
    assert "538 tokens checked, 0 errors" in folder.stderr
    broken = FIXTURES / "resolver" / "missing-file.resolver.json"
    bad = encore("check", str(broken), cwd=REPO)
    assert bad.returncode == 1 and "missing-file.resolver.json:" in bad.stderr


def test_theme_roles_must_name_modifiers(project_copy: Path) -> None:
    config = project_copy / "encore.yaml"
    config.write_text(config.read_text().replace("{modifier: theme,", "{modifier: them,"))
    run = encore("build", cwd=project_copy)
    assert run.returncode == 1
    assert 'the appearance modifier "them" is not in encore.resolver.yaml' in run.stderr
    assert "did you mean 'theme'?" in run.stderr


def test_pairs_declared_in_token_extensions_are_checked() -> None:
    themes = fixture_themes()
    base = themes.default
    subdued = base["surface.subdued"]
    extended = dataclasses.replace(
        subdued,
        extensions={contrast.EXTENSION: [{"background": "surface.base", "kind": "text"}]},
    )
    sets = {
        key: TokenSet(
            {
                **tokens.tokens,
                "surface.subdued": dataclasses.replace(
                    tokens["surface.subdued"], extensions=extended.extensions
                ),
            }
        )
        for key, tokens in themes.sets.items()
    }
    strict = ContrastConfig({"text": 7.0})
    failures = contrast.check(Themes(themes.axes, sets), strict)
    assert [d.rule for d in failures] == ["contrast/insufficient"]
    assert failures[0].related[-1].path[-2:] == (contrast.EXTENSION, 0)


def test_values_that_cannot_follow_traits_are_reported_on_native_platforms() -> None:
    themes = fixture_themes()
    sets = dict(themes.sets)
    light = sets[("light", "standard")]
    pad = light["space.pad"]
    sets[("light", "standard")] = TokenSet(
        {**light.tokens, "space.pad": dataclasses.replace(pad, value=Dimension(12, "px"))}
    )
    varied = Themes(themes.axes, sets)
    for fmt in ("swift", "compose"):
        report: list[Diagnostic] = []
        FORMATS[fmt].render_all(varied, {}, report, "x")
        assert [d.rule for d in report] == [f"{fmt}/theme-unsupported"], fmt
        assert report[0].severity is Severity.WARNING
    css = FORMATS["css"].render_all(varied, {}, [], "x")["x"]
    assert '[data-encore-theme="light"] {' in css and "--encore-space-pad: 12px;" in css


def test_a_two_axis_rule_holds_every_varying_token() -> None:
    """light+high may equal the default where light alone differs: it must still say so."""
    themes = fixture_themes()
    sets = dict(themes.sets)
    light_high = sets[("light", "high")]
    dark = themes.default["surface.base"]
    sets[("light", "high")] = TokenSet({**light_high.tokens, "surface.base": dark})
    css = FORMATS["css"].render_all(Themes(themes.axes, sets), {}, [], "x")["x"]
    combined = css.split('[data-encore-theme="light"][data-encore-contrast="high"] {', 1)[1]
    assert "--encore-surface-base: var(--encore-color-black);" in combined.split("}", 1)[0]


def test_night_resources_keep_android_qualifier_order() -> None:
    from encore.formats.android_xml import night_path

    assert night_path("res/values/e.xml") == "res/values-night/e.xml"
    assert night_path("res/values-en/e.xml") == "res/values-en-night/e.xml"
    assert night_path("res/values-land-v21/e.xml") == "res/values-land-night-v21/e.xml"


def test_tier_files_the_resolver_never_uses_are_reported(project_copy: Path) -> None:
    extra = project_copy / "tokens" / "component" / "badge.yaml"
    extra.write_text('badge:\n  $type: color\n  fill: {$value: "{background.brand}"}\n')
    run = encore("build", "--strict", cwd=project_copy)
    assert run.returncode == 1
    assert "badge.yaml matches a tier glob but encore.resolver.yaml never uses it" in run.stderr


def test_permutations_reuse_unchanged_tokens_and_only_those() -> None:
    """Each permutation equals its own evaluation from scratch; tokens no override reaches
    are the very objects of the permutation before (the reuse that keeps themes cheap)."""
    resolver, problems = load_resolver(REPO / "tokens" / "encore.resolver.yaml")
    assert resolver is not None and not problems
    project = load_project(REPO)
    sources, _ = project_sources(project)
    tiers = project_tiers(sources)
    themes, _ = themes_of(resolver, project.themes, tiers)
    assert themes is not None
    for permutation in permutations(resolver):
        key = tuple(permutation[axis.name] for axis in themes.axes)
        fresh, _, _ = compile_permutation(resolver, permutation, tiers, None)
        assert dict(fresh.tokens) == dict(themes.sets[key].tokens), key
    light = themes.sets[themes.key(theme="light")]
    default = themes.default
    shared = [n for n in default.tokens if light.tokens[n] is default.tokens[n]]
    changed = [n for n in default.tokens if light.tokens[n] != default.tokens[n]]
    assert len(shared) > len(default.tokens) // 2 and changed
    assert not set(shared) & set(changed)
