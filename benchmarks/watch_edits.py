"""Time one-token edits in a warm ``encore watch`` process.

    python3 benchmarks/watch_edits.py benchmarks/work/10000/json --edits 20

Copies a generated project (``benchmarks/generate.py``) to a scratch folder, builds it once
in a process where `encore.warm` is on (as ``encore watch`` runs), then for each kind of
edit saves ``--edits`` files one after another, each changing one token as a designer
would, and times the watcher's rebuild (`encore.watch.Watcher.rebuild`, what ``encore
watch`` prints): reading ``encore.yaml``, the cache check, the build and the writes. The
debounce before a rebuild is not included. After the edits the outputs are compared with
a clean build of the same files in a fresh process, byte for byte. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

Tree = dict[str, Any]


def _tokens(tree: Tree, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Tree]]:
    for key, value in tree.items():
        if isinstance(value, dict):
            if "$value" in value:
                yield (*path, key), value
            elif not key.startswith("$"):
                yield from _tokens(value, (*path, key))


def _load(path: Path) -> Tree:
    text = path.read_text(encoding="utf-8")
    data: Tree = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    return data


def _save(path: Path, tree: Tree) -> None:
    if path.suffix == ".json":
        text = json.dumps(tree, indent=2, ensure_ascii=False) + "\n"
    else:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(tree, Dumper=dumper, sort_keys=False, allow_unicode=True, width=200)
    path.write_text(text, encoding="utf-8")


def _edits(root: Path, rng: random.Random) -> dict[str, Callable[[int], Path]]:
    """Each kind of edit: a function of the edit's number that saves one file."""
    ext = "json" if (root / "tokens" / "encore.resolver.json").exists() else "yaml"
    primitives = sorted((root / "tokens" / "primitive").glob(f"*.{ext}"))
    semantics = sorted((root / "tokens" / "semantic").glob(f"*.{ext}"))
    light = root / "tokens" / "themes" / f"light.{ext}"

    def colour_value(number: int) -> Path:
        path = rng.choice(primitives)
        tree = _load(path)
        colours = [
            t for _, t in _tokens(tree) if isinstance(t["$value"], dict) and "hex" in t["$value"]
        ]
        token = rng.choice(colours)
        channel = (number % 3, (number * 7 % 100) / 100)
        token["$value"]["components"][channel[0]] = channel[1]
        token["$value"].pop("hex", None)
        _save(path, tree)
        return path

    def index() -> dict[str, list[str]]:
        """Every token of the primitive and semantic files by group: targets of a kind."""
        groups: dict[str, list[str]] = {}
        for path in (*primitives, *semantics):
            for name, _ in _tokens(_load(path)):
                groups.setdefault(".".join(name[:-1]), []).append(".".join(name))
        return groups

    targets = index()

    def retarget(path: Path) -> Path:
        """Point one alias at another token of the group it points into (same kind)."""
        tree = _load(path)
        choices = []
        for name, token in _tokens(tree):
            value = token["$value"]
            if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
                target = value[1:-1]
                group = target.rpartition(".")[0]
                others = [t for t in targets.get(group, []) if t != target]
                own = ".".join(name[:-1])
                if others and not group.startswith(own) and not own.startswith(group):
                    choices.append((token, others))
        token, others = rng.choice(choices)
        token["$value"] = "{" + rng.choice(others) + "}"
        _save(path, tree)
        return path

    def alias_retarget(number: int) -> Path:
        return retarget(rng.choice(semantics))

    def theme_override(number: int) -> Path:
        return retarget(light)

    def unchanged_save(number: int) -> Path:
        path = rng.choice(primitives)
        path.write_bytes(path.read_bytes())
        return path

    return {
        "primitive colour value": colour_value,
        "semantic alias retargeted": alias_retarget,
        "theme override retargeted": theme_override,
        "file saved unchanged": unchanged_save,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a folder written by generate.py")
    parser.add_argument("--edits", type=int, default=20, help="edits of each kind")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from encore import warm
    from encore.watch import Watcher

    scratch = Path(tempfile.mkdtemp(prefix="encore-watch-bench-"))
    root = scratch / "project"
    shutil.copytree(
        args.project, root, ignore=shutil.ignore_patterns("build", "node_modules", "compare")
    )
    warm.enable()
    watcher = Watcher(root, emit=lambda outcome: None)
    first = watcher.rebuild()
    if not first.ok:
        raise SystemExit(f"the first build failed: {first.summary}")
    rng = random.Random(args.seed)
    results: dict[str, Any] = {"first build": round(first.seconds, 4)}
    for kind, edit in _edits(root, rng).items():
        seconds = []
        for number in range(args.edits):
            changed = edit(number)
            outcome = watcher.rebuild([str(changed)])
            if not outcome.ok:
                raise SystemExit(f"{kind}: the rebuild failed: {outcome.summary}")
            seconds.append(outcome.seconds)
        ordered = sorted(seconds)
        results[kind] = {
            "median": round(statistics.median(seconds), 4),
            "p90": round(ordered[int(0.9 * (len(ordered) - 1))], 4),
            "max": round(ordered[-1], 4),
        }
    results["outputs equal a clean build"] = _same_as_clean(root, scratch)
    print(json.dumps(results))
    shutil.rmtree(scratch, ignore_errors=True)


def _same_as_clean(root: Path, scratch: Path) -> bool:
    """Whether the watched outputs equal those of a clean build in a fresh process."""
    clean = scratch / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("build"))
    subprocess.run(
        [sys.executable, "-m", "encore", "build", "--quiet", "--no-cache"], cwd=clean, check=True
    )

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".encore-cache.json"
        }

    return files(root / "build") == files(clean / "build")


if __name__ == "__main__":
    main()
