"""The build cache: an unchanged build does nothing, and no edit ever gets a stale result
(compared byte for byte with a clean build after random edit sequences)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from encore import warm
from encore.build import build, reset_caches
from encore.cache import CACHE_FILE
from encore.config import load_project
from encore.rebuild import run_build
from tests.test_cli import encore

PROJECT = """\
version: 1
name: Cache test
tiers:
  primitive: tokens/primitive/*.json
  semantic: tokens/semantic/*.json
output: build
platforms: [platforms/web, platforms/android]
"""
WEB = "name: web\noutput: web\nformats:\n  - {format: css, file: encore.css}\n"
WEB += "  - {format: es-module, file: encore.js}\n"
ANDROID = "name: android\noutput: android\nformats:\n"
ANDROID += "  - {format: android-xml, file: res/values/tokens.xml}\n"


def _color(r: float) -> dict[str, object]:
    return {"$type": "color", "$value": {"colorSpace": "srgb", "components": [r, 0.5, 0.25]}}


THEMED = PROJECT.replace(
    "  semantic: tokens/semantic/*.json\n",
    "  semantic: [tokens/semantic/*.json, tokens/themes/*.json]\n",
) + (
    "themes:\n  resolver: tokens/themes.resolver.json\n"
    "  appearance: {modifier: theme, light: light, dark: dark}\n"
)
RESOLVER = {
    "version": "2025.10",
    "sets": {
        "all": {"sources": [{"$ref": "primitive/color.json"}, {"$ref": "semantic/text.json"}]}
    },
    "modifiers": {
        "theme": {
            "contexts": {"dark": [], "light": [{"$ref": "themes/light.json"}]},
            "default": "dark",
        }
    },
    "resolutionOrder": [{"$ref": "#/sets/all"}, {"$ref": "#/modifiers/theme"}],
}


def make_themed_project(root: Path) -> Path:
    """The same project with a light theme through a resolver (two permutations)."""
    make_project(root)
    (root / "encore.yaml").write_text(THEMED)
    (root / "tokens" / "themes").mkdir()
    _json(root / "tokens" / "themes.resolver.json", RESOLVER)
    _light(root, 3)
    return root


def _light(root: Path, index: int) -> None:
    light = {"text": {"$type": "color", "base": {"$value": f"{{color.c{index}}}"}}}
    _json(root / "tokens" / "themes" / "light.json", light)


@contextlib.contextmanager
def cold() -> Iterator[None]:
    """A build that reuses nothing from earlier ones, leaving their caches as they were."""
    caches: list[Any] = list(warm.CACHES)  # every table builds leave for later builds
    saved = [dict(c) for c in caches]
    reset_caches()
    enabled, warm.ENABLED = warm.ENABLED, False  # a one-shot build: everything in one run
    try:
        yield
    finally:
        warm.ENABLED = enabled
        for cache, items in zip(caches, saved, strict=True):
            cache.clear()
            cache.update(items)


def make_project(root: Path) -> Path:
    (root / "platforms" / "web").mkdir(parents=True)
    (root / "platforms" / "android").mkdir(parents=True)
    (root / "tokens" / "primitive").mkdir(parents=True)
    (root / "tokens" / "semantic").mkdir(parents=True)
    (root / "encore.yaml").write_text(PROJECT)
    (root / "platforms" / "web" / "platform.yaml").write_text(WEB)
    (root / "platforms" / "android" / "platform.yaml").write_text(ANDROID)
    primitives = {"color": {f"c{i}": _color(i / 10) for i in range(5)}}
    semantic = {"text": {"$type": "color", "base": {"$value": "{color.c1}"}}}
    _json(root / "tokens" / "primitive" / "color.json", primitives)
    _json(root / "tokens" / "semantic" / "text.json", semantic)
    return root


def _json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != CACHE_FILE
    }


def test_an_unchanged_build_does_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    first = encore("build", cwd=root)
    assert first.returncode == 0, first.stderr
    css = root / "build" / "web" / "encore.css"
    stamp = css.stat().st_mtime_ns
    second = encore("build", cwd=root)
    assert second.returncode == 0
    assert "up to date: nothing changed since the last build (3 files)" in second.stderr
    assert css.stat().st_mtime_ns == stamp
    forced = encore("build", "--no-cache", cwd=root)
    assert "built 6 tokens" in forced.stderr and "(0 changed)" in forced.stderr


def test_every_kind_of_change_builds_again(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert encore("build", cwd=root).returncode == 0
    css = root / "build" / "web" / "encore.css"

    css.write_text("/* edited by hand */")  # an edited output is restored
    run = encore("build", cwd=root)
    assert "(1 changed)" in run.stderr and "--encore-color-c1" in css.read_text()

    (root / "build" / "android" / "res" / "values" / "tokens.xml").unlink()  # a deleted one too
    assert "(1 changed)" in encore("build", cwd=root).stderr

    extra = {"size": {"$type": "dimension", "s1": {"$value": {"value": 4, "unit": "px"}}}}
    _json(root / "tokens" / "primitive" / "size.json", extra)  # a new file matching a glob
    assert "built 7 tokens" in encore("build", cwd=root).stderr

    platform = root / "platforms" / "web" / "platform.yaml"  # configuration
    platform.write_text(WEB.replace("file: encore.js}", "file: tokens.js}"))
    assert "build/web/tokens.js" in encore("build", cwd=root).stderr
    assert "up to date" in encore("build", cwd=root).stderr
    assert "up to date" not in encore("build", "--platform", "web", cwd=root).stderr


def test_warnings_are_reported_again(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    semantic = root / "tokens" / "semantic" / "text.json"
    data = json.loads(semantic.read_text())
    data["text"]["old"] = {"$value": "{color.c2}", "$deprecated": "use text.base"}
    data["text"]["uses-old"] = {"$value": "{text.old}"}
    _json(semantic, data)
    first = encore("build", cwd=root)
    assert first.returncode == 0 and "warning[deprecated/used]" in first.stderr, first.stderr
    again = encore("build", cwd=root)  # skipped, and the same warning shows, code frame too
    assert again.returncode == 0 and "up to date" in again.stderr
    assert again.stderr.split("encore: ")[0] == first.stderr.split("encore: ")[0]
    strict = encore("build", "--strict", cwd=root)
    assert strict.returncode == 1 and "warning[deprecated/used]" in strict.stderr


EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("value"), st.integers(0, 4), st.integers(0, 10)),
        st.tuples(st.just("alias"), st.integers(0, 4), st.just(0)),
        st.tuples(st.just("add"), st.integers(5, 9), st.integers(0, 10)),
        st.tuples(st.just("break"), st.just(0), st.just(0)),
        st.tuples(st.just("theme"), st.integers(0, 4), st.just(0)),
        st.tuples(st.just("describe"), st.integers(0, 4), st.integers(0, 10)),
        st.tuples(st.just("output"), st.just(0), st.just(0)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
@pytest.mark.parametrize("themed", [False, True], ids=["plain", "themed"])
def test_incremental_equals_clean_after_random_edits(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, int]], themed: bool
) -> None:
    warm.enable()  # as in encore watch: rebuilds reuse parsed files and evaluations
    folder = Path(tmp_path_factory.mktemp("cache"))
    root = make_themed_project(folder) if themed else make_project(folder)
    primitive = root / "tokens" / "primitive" / "color.json"
    semantic = root / "tokens" / "semantic" / "text.json"
    good_primitives = primitive.read_text()
    for kind, index, amount in edits:
        if kind == "value":
            data = json.loads(good_primitives)
            data["color"][f"c{index}"] = _color(amount / 10)
            good_primitives = json.dumps(data)
            primitive.write_text(good_primitives)
        elif kind == "alias":
            _json(semantic, {"text": {"$type": "color", "base": {"$value": f"{{color.c{index}}}"}}})
        elif kind == "add":
            data = json.loads(good_primitives)
            data["color"][f"c{index}"] = _color(amount / 10)
            good_primitives = json.dumps(data)
            primitive.write_text(good_primitives)
        elif kind == "describe":  # a description, or (10) one that is not a string
            data = json.loads(good_primitives)
            token = data["color"].get(f"c{index}")
            if token is not None:
                token["$description"] = amount if amount == 10 else f"shade {amount}"
                text = json.dumps(data)
                primitive.write_text(text)
                if amount != 10:
                    good_primitives = text
        elif kind == "break":
            primitive.write_text('{"color": {"c0": ')
        elif kind == "theme":
            if themed:
                _light(root, index)
        else:
            out = root / "build" / "web" / "encore.css"
            if out.exists():
                out.write_text("edited")
        project = load_project(root)
        run = run_build(project)
        if run.result.failed():
            primitive.write_text(good_primitives)  # the next edit starts from a good file
            continue
        with cold():  # the oracle: a build that reuses nothing from the ones before
            clean = build(project, write=False)
        expected = {
            f"{folder}/{name}": data
            for folder, files in clean.outputs.items()
            for name, data in files.items()
        }
        got = _snapshot(root / "build")
        for name, data in expected.items():
            assert got[name] == data, (name, edits)
    shutil.rmtree(root)


def _outputs_equal_a_clean_build(root: Path) -> None:
    project = load_project(root)
    run = run_build(project)
    assert not run.result.failed(), [d.message for d in run.result.diagnostics]
    with cold():
        clean = build(project, write=False)
    got = _snapshot(root / "build")
    for folder, files in clean.outputs.items():
        for name, data in files.items():
            assert got[f"{folder}/{name}"] == data, f"{folder}/{name}"


def test_warm_rebuilds_follow_the_theme_structure_and_the_files_it_names(tmp_path: Path) -> None:
    """Edits that change no token value but the themes' order, their meaning, or which
    files exist: a warm rebuild still equals a clean one (Swift's dynamic colours depend
    on the order of the permutations; the resolver's files are checked on disk)."""
    warm.enable()
    root = make_themed_project(tmp_path)
    (root / "platforms" / "ios").mkdir()
    (root / "platforms" / "ios" / "platform.yaml").write_text(
        "name: ios\noutput: ios\nformats:\n  - {format: swift, file: Tokens.swift}\n"
    )
    config = root / "encore.yaml"
    config.write_text(
        config.read_text().replace(
            "[platforms/web, platforms/android]",
            "[platforms/web, platforms/android, platforms/ios]",
        )
    )
    _outputs_equal_a_clean_build(root)
    resolver = root / "tokens" / "themes.resolver.json"
    swapped = json.loads(resolver.read_text())
    contexts = swapped["modifiers"]["theme"]["contexts"]
    swapped["modifiers"]["theme"]["contexts"] = {
        "light": contexts["light"],
        "dark": contexts["dark"],
    }
    _json(resolver, swapped)
    _outputs_equal_a_clean_build(root)
    config.write_text(
        config.read_text().replace("light: light, dark: dark", "light: dark, dark: light")
    )
    _outputs_equal_a_clean_build(root)
    # a file the resolver names before it exists: the build fails, then recovers
    swapped["modifiers"]["theme"]["contexts"]["light"].append({"$ref": "themes/extra.json"})
    _json(resolver, swapped)
    missing = run_build(load_project(root)).result
    assert "resolver/ref" in {d.rule for d in missing.diagnostics}
    extra = {"text": {"extra": {"$type": "color", "$value": "{color.c2}"}}}
    _json(root / "tokens" / "themes" / "extra.json", extra)
    found = run_build(load_project(root)).result  # now read: text.extra exists only in light
    assert {d.rule for d in found.diagnostics} == {"themes/partial-token"}
    text = {"text": {"$type": "color", "base": {"$value": "{color.c1}"}}}
    text["text"]["extra"] = {"$value": "{color.c3}"}
    _json(root / "tokens" / "semantic" / "text.json", text)
    _outputs_equal_a_clean_build(root)
    mask = os.umask(0)
    os.umask(mask)
    for path in (root / "build").rglob("*"):
        if path.is_file():
            assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path


WIDE_PLATFORMS = {
    "web": "name: web\noutput: web\nformats:\n  - {format: css, file: encore.css}\n"
    "  - {format: scss, file: _encore.scss}\n  - {format: es-module, file: encore.js}\n"
    "  - {format: typescript-declarations, file: encore.d.ts}\n",
    "ios": "name: ios\noutput: ios\nformats:\n  - {format: swift, file: Tokens.swift}\n",
    "android": "name: android\noutput: android\nformats:\n"
    "  - {format: kotlin, file: kotlin/Tokens.kt}\n  - {format: compose, file: compose/Tokens.kt}\n"
    "  - {format: android-xml, file: res/values/tokens.xml}\n",
}
WIDE = 80  # primitives in one group: more than two of the formats' runs (encore.memo.CHUNK)
NOTES = {3: "three", 31: "the last of a run", 64: "the first of a run"}  # blank lines around


def _wide_primitives(values: dict[int, float], notes: dict[int, str]) -> dict[str, object]:
    colours: dict[str, object] = {}
    for i in range(WIDE):
        token = _color(values.get(i, (i % 10) / 10))
        if i in notes:
            token["$description"] = notes[i]
        colours[f"c{i}"] = token
    px = [{"value": n, "unit": "px"} for n in (0, 2, 4)]
    shadow = {
        "$type": "shadow",
        "$value": {"color": "{color.c7}", "offsetX": px[0], "offsetY": px[1], "blur": px[2]},
    }
    shadow["$value"]["spread"] = px[0]
    return {"color": colours, "elevation": {"low": shadow}}


def make_wide_project(root: Path) -> Path:
    """A themed project with one wide group, built in all eight formats."""
    make_themed_project(root)
    for name, text in WIDE_PLATFORMS.items():
        (root / "platforms" / name).mkdir(exist_ok=True)
        (root / "platforms" / name / "platform.yaml").write_text(text)
    config = root / "encore.yaml"
    config.write_text(
        config.read_text().replace(
            "[platforms/web, platforms/android]",
            "[platforms/web, platforms/android, platforms/ios]",
        )
    )
    _json(root / "tokens" / "primitive" / "color.json", _wide_primitives({}, dict(NOTES)))
    semantic = {"text": {"$type": "color", "base": {"$value": "{color.c1}"}}}
    semantic["text"].update({f"s{i}": {"$value": f"{{color.c{i * 2}}}"} for i in range(40)})
    semantic["any"] = {"flip": {"$value": "{color.c1}"}}  # no $type: it takes its target's
    _json(root / "tokens" / "semantic" / "text.json", semantic)
    return root


WIDE_EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("value"), st.integers(0, WIDE - 1), st.integers(0, 10)),
        st.tuples(st.just("describe"), st.integers(0, WIDE - 1), st.integers(0, 3)),
        st.tuples(st.just("alias"), st.integers(0, 39), st.integers(0, WIDE - 1)),
        st.tuples(st.just("theme"), st.integers(0, 4), st.just(0)),
        st.tuples(st.just("flip"), st.integers(0, WIDE - 1), st.booleans().map(int)),
    ),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=WIDE_EDITS)
def test_incremental_equals_clean_in_every_format_on_wide_groups(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, int]]
) -> None:
    """Edits inside groups wider than the formats' runs: values, descriptions (which
    change the blank lines between members), aliases, an alias that changes type and a
    theme override, in all eight formats, byte for byte against a clean build."""
    warm.enable()
    root = make_wide_project(Path(tmp_path_factory.mktemp("wide")))
    values: dict[int, float] = {}
    notes = dict(NOTES)
    semantic = root / "tokens" / "semantic" / "text.json"
    _outputs_equal_a_clean_build(root)
    for kind, index, amount in edits:
        if kind == "value":
            values[index] = amount / 10
        elif kind == "describe":
            if amount:
                notes[index] = f"note {amount}"
            else:
                notes.pop(index, None)
        elif kind == "alias":
            data = json.loads(semantic.read_text())
            data["text"][f"s{index}"] = {"$value": f"{{color.c{amount}}}"}
            _json(semantic, data)
        elif kind == "flip":  # an untyped alias changes type: every name table follows
            data = json.loads(semantic.read_text())
            target = "elevation.low" if amount else f"color.c{index}"
            data["any"]["flip"] = {"$value": f"{{{target}}}"}
            _json(semantic, data)
        else:
            _light(root, index)
        if kind in ("value", "describe"):
            primitives = _wide_primitives(values, notes)
            _json(root / "tokens" / "primitive" / "color.json", primitives)
        _outputs_equal_a_clean_build(root)
    shutil.rmtree(root)


def test_a_warm_rebuild_sees_a_token_change_type_through_its_alias(tmp_path: Path) -> None:
    """An untyped alias retargeted from a colour to a typography token changes type: name
    tables keyed on names and types are made again, so the CSS properties the typography
    adds (``-font-size`` and the like) collide with a sibling, as in a clean build."""
    warm.enable()
    root = make_wide_project(tmp_path)
    primitives = json.loads((root / "tokens" / "primitive" / "color.json").read_text())
    body = {"fontFamily": "Inter", "fontSize": {"value": 16, "unit": "px"}, "fontWeight": 400}
    body |= {"lineHeight": 1.5, "letterSpacing": {"value": 0, "unit": "px"}}
    primitives["type"] = {"body": {"$type": "typography", "$value": body}}
    _json(root / "tokens" / "primitive" / "color.json", primitives)
    semantic = root / "tokens" / "semantic" / "text.json"
    data = json.loads(semantic.read_text())
    data["any"]["flip-font-size"] = {"$value": "{color.c2}"}
    _json(semantic, data)
    _outputs_equal_a_clean_build(root)
    data["any"]["flip"] = {"$value": "{type.body}"}
    _json(semantic, data)
    project = load_project(root)
    warm_rules = {d.rule for d in run_build(project).result.diagnostics}
    with cold():
        clean_rules = {d.rule for d in build(project, write=False).diagnostics}
    assert "css/name-collision" in clean_rules
    assert warm_rules == clean_rules


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(st.tuples(st.integers(0, WIDE - 1), st.integers(0, 9)), min_size=1, max_size=4)
)
def test_warm_yaml_edits_equal_a_clean_build(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int]]
) -> None:
    """Value edits saved in a YAML file, re-parsed entry by entry in a warm process
    (encore.yaml_splice), build what a clean build does."""
    import yaml

    warm.enable()
    root = make_wide_project(Path(tmp_path_factory.mktemp("yaml")))
    primitive = root / "tokens" / "primitive" / "color.json"
    data = json.loads(primitive.read_text())
    primitive.unlink()
    target = root / "tokens" / "primitive" / "color.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False))
    config = root / "encore.yaml"
    config.write_text(config.read_text().replace("primitive/*.json", "primitive/*.yaml"))
    resolver = root / "tokens" / "themes.resolver.json"
    resolver.write_text(
        resolver.read_text().replace("primitive/color.json", "primitive/color.yaml")
    )
    _outputs_equal_a_clean_build(root)
    for index, amount in edits:
        lines = target.read_text().split("\n")
        at = lines.index(f"  c{index}:") + 1
        while "components:" not in lines[at]:
            at += 1
        indent = lines[at + 1].split("-")[0]
        lines[at + 1] = f"{indent}- {amount / 10}"  # the first component of its colour
        target.write_text("\n".join(lines))
        _outputs_equal_a_clean_build(root)
    shutil.rmtree(root)


def test_a_warm_rebuild_reorders_declarations_when_a_forward_reference_moves(
    tmp_path: Path,
) -> None:
    """JavaScript declares a token after what it references: retargeting a reference to
    a token written later moves declarations, and a warm rebuild moves them too."""
    warm.enable()
    root = make_wide_project(tmp_path)
    semantic = root / "tokens" / "semantic" / "text.json"
    data = json.loads(semantic.read_text())
    data["text"]["forward"] = {"$value": "{any.flip}"}  # written before what it names
    data["any"]["later"] = {"$value": "{color.c9}"}
    _json(semantic, data)
    _outputs_equal_a_clean_build(root)
    for target in ("any.later", "color.c3", "any.flip", "any.later"):
        data["text"]["forward"] = {"$value": f"{{{target}}}"}
        _json(semantic, data)
        _outputs_equal_a_clean_build(root)


@pytest.mark.parametrize("inner_first", [False, True])
def test_a_file_moved_into_a_nested_output_folder_stays(tmp_path: Path, inner_first: bool) -> None:
    """Output folders may nest: a file the outer platform stops writing, because the inner
    one writes it now, is not removed as stale."""
    from encore.write import write_folders

    web, sub = tmp_path / "web", tmp_path / "web" / "sub"
    write_folders([(web, {"a.js": b"a", "sub/b.js": b"b"})])
    folders = [(web, {"a.js": b"a"}), (sub, {"b.js": b"b"})]
    write_folders(folders[::-1] if inner_first else folders)
    assert (sub / "b.js").read_bytes() == b"b"
    write_folders([(web, {"a.js": b"a"}), (sub, {"c.js": b"c"})])  # stale in its own folder
    assert not (sub / "b.js").exists() and (sub / "c.js").exists()


def test_warm_type_sizes_follow_aliases_retargeted(tmp_path: Path) -> None:
    """Android writes a dimension in ``sp`` when it is a type size: a font size, or joined
    to one by whole-value aliases. Retargeting aliases into, out of and beside such a group
    in a warm process gives what a clean build gives, and the sizes do move."""
    warm.enable()
    root = make_wide_project(tmp_path)
    primitive = root / "tokens" / "primitive" / "color.json"
    primitives = json.loads(primitive.read_text())
    sizes = (("a", 14), ("b", 20), ("c", 8), ("d", 4))
    primitives["size"] = {"$type": "dimension"}
    primitives["size"].update({k: {"$value": {"value": n, "unit": "px"}} for k, n in sizes})
    primitives["font"] = {
        "family": {"$type": "fontFamily", "$value": "Inter"},
        "weight": {"$type": "fontWeight", "$value": 400},
        "leading": {"$type": "number", "$value": 1.5},
    }
    _json(primitive, primitives)
    semantic = root / "tokens" / "semantic" / "text.json"
    data = json.loads(semantic.read_text())
    data["gap"] = {"$type": "dimension"}
    data["gap"].update({k: {"$value": v} for k, v in (("x", "{size.b}"), ("y", "{gap.x}"))})
    data["gap"]["w"] = {"$value": "{size.c}"}
    body = {"fontFamily": "{font.family}", "fontSize": "{gap.y}", "fontWeight": "{font.weight}"}
    body |= {"lineHeight": "{font.leading}", "letterSpacing": "{size.d}"}
    data["type"] = {"body": {"$type": "typography", "$value": body}}
    _json(semantic, data)
    _outputs_equal_a_clean_build(root)
    values = root / "build" / "android" / "res" / "values" / "tokens.xml"

    def unit(name: str) -> str:
        text = values.read_text()
        at = text.index(f'name="encore_size_{name}">') + len(f'name="encore_size_{name}">')
        return text[at : text.index("<", at)][-2:]

    assert (unit("a"), unit("b"), unit("c")) == ("dp", "sp", "dp")
    edits = [
        (data["gap"], "x", "{size.a}"),  # the group's end moves: a is a type size, b not
        (data["gap"], "w", "{size.d}"),  # beside the group: nothing moves
        (data["gap"], "w", "{size.a}"),  # into the group
        (body, "fontSize", "{size.c}"),  # the font size itself
    ]
    expected = [("sp", "dp", "dp"), ("sp", "dp", "dp"), ("sp", "dp", "dp"), ("dp", "dp", "sp")]
    for (holder, key, target), units in zip(edits, expected, strict=True):
        holder[key] = {"$value": target} if key != "fontSize" else target
        _json(semantic, data)
        _outputs_equal_a_clean_build(root)
        assert (unit("a"), unit("b"), unit("c")) == units, (key, target)


def test_warm_views_of_tokens_aliasing_themed_ones_follow_edits(tmp_path: Path) -> None:
    """Formats print a token aliasing a themed token through a view that moves the alias
    down to a token that does not vary (or prints the value). A warm rebuild rewrites
    just the re-evaluated tokens of the last view: they must come out as in a clean build."""
    warm.enable()
    root = make_wide_project(tmp_path)

    def primitives(base: float) -> None:
        data = _wide_primitives({1: base}, {})
        data["space"] = {"$type": "dimension", "two": {"$value": {"value": 2, "unit": "px"}}}
        _json(root / "tokens" / "primitive" / "color.json", data)

    primitives(0.1)
    semantic = root / "tokens" / "semantic" / "text.json"
    data = json.loads(semantic.read_text())
    data["text"]["derived"] = {"$value": "{text.base}"}  # the light theme overrides base
    data["text"]["deeper"] = {"$value": "{text.derived}"}
    shadow = {"color": "{text.derived}", "offsetX": "{space.two}", "offsetY": "{space.two}"}
    shadow |= {"blur": "{space.two}", "spread": "{space.two}"}
    data["glow"] = {"$type": "shadow", "$value": shadow}
    _json(semantic, data)
    _outputs_equal_a_clean_build(root)
    for value in (0.2, 0.7, 0.4):  # base's default value: base, derived, deeper, glow vary
        primitives(value)
        _outputs_equal_a_clean_build(root)
    data["text"]["deeper"] = {"$value": "{color.c5}"}  # out of the themed chain
    _json(semantic, data)
    _outputs_equal_a_clean_build(root)
