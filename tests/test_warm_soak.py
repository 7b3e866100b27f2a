"""A warm `encore watch` process on the benchmark's tiered token set (aliases four deep,
chains thirty deep, every composite, a light theme, all eight formats), after random
edits of every kind a designer makes, equals a clean build byte for byte each time."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from encore import warm
from encore.build import build
from encore.config import load_project
from encore.watch import Watcher
from tests.conftest import REPO
from tests.test_cache import cold

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate, write_project

Tree = dict[str, Any]
KINDS = ("value", "retarget", "retarget anywhere", "describe", "deprecate", "remove", "add")


def _tokens(tree: Tree, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Tree, Tree]]:
    for key, value in tree.items():
        if isinstance(value, dict):
            if "$value" in value:
                yield (*path, key), value, tree
            elif not key.startswith("$"):
                yield from _tokens(value, (*path, key))


class _Designer:
    """Saves one random edit at a time to the project's token files."""

    def __init__(self, root: Path, ext: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ext = ext
        self.files = sorted(
            p for p in (root / "tokens").rglob(f"*.{ext}") if "resolver" not in p.name
        )
        self.saved = {path: path.read_text() for path in self.files}

    def load(self, path: Path) -> Tree:
        text = path.read_text()
        data: Tree = json.loads(text) if self.ext == "json" else yaml.safe_load(text)
        return data

    def save(self, path: Path, tree: Tree) -> None:
        if self.ext == "json":
            path.write_text(json.dumps(tree, indent=2))
        else:
            path.write_text(yaml.dump(tree, Dumper=yaml.CSafeDumper, sort_keys=False, width=200))

    def names(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for path in self.files:
            for name, _, _ in _tokens(self.load(path)):
                groups.setdefault(".".join(name[:-1]), []).append(".".join(name))
        return groups

    def edit(self) -> tuple[Path, str]:
        path = self.rng.choice(self.files)
        tree = self.load(path)
        name, token, parent = self.rng.choice(list(_tokens(tree)))
        kind = self.rng.choice(KINDS)
        value = token["$value"]
        if kind == "value" and isinstance(value, dict) and "components" in value:
            value["components"][self.rng.randrange(3)] = round(self.rng.random(), 3)
            value.pop("hex", None)
        elif kind == "value" and isinstance(value, dict) and "unit" in value:
            value["value"] = self.rng.randrange(0, 64)
        elif kind.startswith("retarget") and isinstance(value, str) and value.startswith("{"):
            groups = self.names()
            group = value[1:-1].rpartition(".")[0]
            every = [name for names in groups.values() for name in names]
            pool = groups.get(group, []) if kind == "retarget" else every
            token["$value"] = "{" + self.rng.choice(pool) + "}"
        elif kind == "describe":
            token["$description"] = self.rng.choice(["", "A note.", "Two\nlines", "*/ @ -- <"])
        elif kind == "deprecate":
            token["$deprecated"] = self.rng.choice([True, "Use another.", False])
        elif kind == "remove":
            del parent[name[-1]]
        elif kind == "add":
            parent[f"{name[-1]}-copy{self.rng.randrange(100)}"] = json.loads(json.dumps(token))
        self.save(path, tree)
        return path, kind

    def undo(self, path: Path) -> None:
        path.write_text(self.saved[path])

    def keep(self, path: Path) -> None:
        self.saved[path] = path.read_text()


@pytest.mark.parametrize("ext", ["json", "yaml"])
def test_random_edits_of_every_kind_equal_a_clean_build(tmp_path: Path, ext: str) -> None:
    root = tmp_path / ext
    write_project(root, generate(1000), ext)
    warm.enable()
    watcher = Watcher(root, emit=lambda outcome: None)
    assert watcher.rebuild().ok
    designer = _Designer(root, ext, seed=11)
    compared = 0
    for number in range(40):
        path, kind = designer.edit()
        if not watcher.rebuild([str(path)]).ok:  # an edit the rules refuse: undo it
            designer.undo(path)
            assert watcher.rebuild([str(path)]).ok
            continue
        designer.keep(path)
        with cold():
            clean = build(load_project(root), write=False)
        for folder, files in clean.outputs.items():
            for name, data in files.items():
                written = (root / "build" / folder / name).read_bytes()
                assert written == data, f"edit {number} ({kind} in {path.name}): {folder}/{name}"
        compared += 1
    assert compared >= 25  # most edits are good ones: the comparison is not vacuous
