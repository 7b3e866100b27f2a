"""``encore watch``: 100 mixed good and bad edits through a real watchdog observer, the
outputs checked after each against a clean build (or the last good outputs), and the
command itself started, fed a save and stopped."""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

from encore import warm
from encore.build import build, reset_caches
from encore.config import load_project
from encore.diagnostics import EncoreError
from encore.watch import Outcome, Watcher
from tests.test_cache import PROJECT, _color, _snapshot, make_project

EDITS = 100


def _expected(root: Path) -> dict[str, bytes] | None:
    """The outputs a clean build of the current files gives; None when it fails."""
    try:
        reset_caches()  # independent of what the watcher's builds left behind
        result = build(load_project(root), write=False)
    except EncoreError:
        return None
    if result.failed():
        return None
    return {f"{d}/{n}": data for d, files in result.outputs.items() for n, data in files.items()}


class Editor:
    """Edits a project the ways people and editors do, remembering what it broke."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.primitive = root / "tokens" / "primitive" / "color.json"
        self.semantic = root / "tokens" / "semantic" / "text.json"
        self.colors = {f"c{i}": i / 10 for i in range(5)}
        self.broken: set[str] = set()

    def step(self) -> str:
        """One edit: often a repair of something broken, else any edit; returns its name."""
        repairs = {"file": self.restore, "ref": self.good_reference, "config": self.fix_config}
        if self.broken and self.rng.random() < 0.6:
            repair = repairs[self.rng.choice(sorted(self.broken))]
            repair()
            return repair.__name__
        actions = [
            self.good_value,
            self.atomic_save,
            self.syntax_error,
            self.bad_reference,
            self.good_reference,
            self.delete,
            self.rename,
            self.burst,
            self.break_config,
        ]
        action = self.rng.choice(actions)
        action()
        return action.__name__

    def _primitives(self) -> str:
        data = {"color": {name: _color(value) for name, value in sorted(self.colors.items())}}
        return json.dumps(data, indent=2)

    def restore(self) -> None:
        self.primitive.write_text(self._primitives())
        self.broken.discard("file")

    def good_value(self) -> None:
        self.colors[self.rng.choice(sorted(self.colors))] = self.rng.randrange(11) / 10
        self.restore()

    def atomic_save(self) -> None:  # write a temporary file, then rename it over the target
        self.colors[f"c{self.rng.randrange(8)}"] = self.rng.randrange(11) / 10
        tmp = self.primitive.with_name(".color.json.tmp")
        tmp.write_text(self._primitives())
        os.replace(tmp, self.primitive)
        self.broken.discard("file")

    def syntax_error(self) -> None:
        self.primitive.write_text('{"color": {"c0": ')
        self.broken.add("file")

    def _alias(self, target: str) -> None:
        data = {"text": {"$type": "color", "base": {"$value": f"{{color.{target}}}"}}}
        self.semantic.write_text(json.dumps(data))

    def bad_reference(self) -> None:
        self._alias("missing")
        self.broken.add("ref")

    def good_reference(self) -> None:
        self._alias(self.rng.choice(sorted(self.colors)))
        self.broken.discard("ref")

    def delete(self) -> None:
        self.primitive.unlink(missing_ok=True)
        self.broken.add("file")

    def rename(self) -> None:  # the file moves; the glob still matches
        if "file" in self.broken:
            self.restore()
            return
        name = "palette.json" if self.primitive.name == "color.json" else "color.json"
        other = self.primitive.with_name(name)
        os.replace(self.primitive, other)
        self.primitive = other

    def burst(self) -> None:  # several saves in a row; the last one counts
        for _ in range(5):
            self.good_value()
            time.sleep(0.005)

    def break_config(self) -> None:
        (self.root / "encore.yaml").write_text("version: 1\ntiers: [")
        self.broken.add("config")

    def fix_config(self) -> None:
        (self.root / "encore.yaml").write_text(PROJECT)
        self.broken.discard("config")


def test_a_hundred_mixed_edits(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    outcomes: list[Outcome] = []
    watcher = Watcher(root, debounce=0.05, emit=outcomes.append)
    first = watcher.rebuild()
    assert first.ok, first.summary
    good = _snapshot(root / "build")
    watcher.start()
    editor = Editor(root, seed=5)
    results = {"good": 0, "bad": 0}
    try:
        for step in range(EDITS):
            before = watcher.builds
            action = editor.step()
            assert watcher.wait_for_build(before), f"no rebuild after edit {step}: {action}"
            with watcher.building:  # no rebuild while the oracle resets the caches
                expected = _expected(root)
                outputs = _snapshot(root / "build")
            if expected is None:  # a bad edit: the last good outputs stay
                results["bad"] += 1
                assert not outcomes[-1].ok, (step, action, outcomes[-1].summary)
                assert outputs == good, (step, action)
            else:
                results["good"] += 1
                assert outcomes[-1].ok, (step, action, outcomes[-1].summary)
                for name, data in expected.items():
                    assert outputs[name] == data, (step, action, name)
                good = outputs
    finally:
        watcher.stop()
    assert results["good"] >= 20 and results["bad"] >= 20, results
    assert all(o.changed for o in outcomes[1:])  # every rebuild names the files that changed


def test_changes_outside_the_inputs_are_ignored(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    watcher = Watcher(root)
    assert watcher.relevant(str(root / "tokens" / "primitive" / "color.json"))
    assert watcher.relevant(str(root / "encore.yaml"))
    assert watcher.relevant(str(root / "platforms" / "web" / "platform.yaml"))
    assert not watcher.relevant(str(root / "build" / "web" / "encore.css"))  # our own output
    assert not watcher.relevant(str(root / "tokens" / "primitive" / ".color.json.swp"))
    assert not watcher.relevant(str(root / "README.md"))
    assert not watcher.relevant("/elsewhere/tokens/x.json")


def test_the_command_rebuilds_on_save_and_stops_on_interrupt(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "encore", "--verbose", "watch", "--debounce", "50"],
        cwd=root,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    try:
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "watching" in line:
                break
        assert any("built 6 tokens" in line for line in lines), lines
        primitive = root / "tokens" / "primitive" / "color.json"
        data = json.loads(primitive.read_text())
        data["color"]["c0"] = _color(0.9)
        primitive.write_text(json.dumps(data))
        for line in process.stderr:
            lines.append(line)
            if "changed)" in line or "failed" in line:
                break
        text = "".join(lines)
        assert "changed: tokens/primitive/color.json" in text, text
        assert "build/web/encore.css" in lines[-1], text
        for line in process.stderr:  # --verbose: each stage's time after the summary
            lines.append(line)
            if line.strip().startswith("total"):
                break
        text = "".join(lines)
        assert "render formats" in text and "read encore.yaml" in text, text
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
        assert process.returncode == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_command_starts_on_a_broken_project_and_recovers(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    good = (root / "encore.yaml").read_text()
    (root / "encore.yaml").write_text("version: 1\ntiers: [")
    process = subprocess.Popen(
        [sys.executable, "-m", "encore", "--verbose", "watch", "--debounce", "50"],
        cwd=root,
        env={**os.environ, "NO_COLOR": "1"},
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    try:
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "watching" in line:
                break
        assert any("configuration error; kept the last good outputs" in x for x in lines), lines
        (root / "encore.yaml").write_text(good)
        for line in process.stderr:
            lines.append(line)
            if "built 6 tokens" in line:
                break
        assert (root / "build" / "web" / "encore.css").is_file(), "".join(lines)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_folders_moved_away_and_inputs_outside_tokens_are_watched(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    outcomes: list[object] = []
    watcher = Watcher(root, debounce=0.05, emit=outcomes.append)
    assert watcher.rebuild().ok
    watcher.start()
    try:
        before = watcher.builds
        shutil.move(
            str(root / "tokens" / "semantic"), str(tmp_path.parent / f"{tmp_path.name}-gone")
        )
        assert watcher.wait_for_build(before), "a folder moved out of the project went unseen"
        assert "text-base" not in (root / "build" / "web" / "encore.css").read_text()
    finally:
        watcher.stop()
    (root / "design.resolver.json").write_text("{}")
    layout = Watcher(root)
    assert not layout.relevant(str(root / "design.resolver.json"))  # not this project's


class _Node:
    partner: object = None


def test_settling_after_rebuilds_freezes_the_heap_and_still_reclaims_cycles() -> None:
    """A warm process freezes what is alive after each rebuild (collections then skip
    it), and a periodic full collection still frees cycles among discarded objects."""
    node = _Node()
    node.partner = node  # a cycle: only the cyclic collector can free it
    alive = weakref.ref(node)
    del node
    try:
        warm.settle()
        assert gc.get_freeze_count() > 0
        for _ in range(warm.FULL_COLLECTION_EVERY):
            warm.settle()
        assert alive() is None
    finally:
        gc.unfreeze()
