"""A deterministic tiered token set for the benchmark, as JSON and as YAML.

``python3 benchmarks/generate.py 10000 --out benchmarks/work/10000`` writes two Encore
projects with the same tokens, ``json/`` and ``yaml/``, each with:

- ``tokens/primitive/*.{json,yaml}``: raw values of every DTCG type (colour ramps,
  dimensions, durations, numbers, font families and weights, cubic Béziers);
- ``tokens/semantic/*``: aliases in three levels (level 1 names a primitive, level 2 a
  level-1 token, level 3 a level-2 token) and composites whose every part is a reference
  (shadow, border, typography, transition, gradient, stroke style), plus three chains 30
  deep;
- ``tokens/component/*``: aliases of semantic tokens (so chains reach 4 deep);
- ``tokens/themes/light.*``: a light theme overriding one level-1 colour in ten;
- ``tokens/encore.resolver.*``: the resolver document (theme: dark | light);
- ``encore.yaml`` and ``platforms/``: every platform and format Encore has.

The same seed and size always give the same bytes. 45 % of the tokens are primitives,
35 % semantic and 20 % component.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import yaml

FILE_SIZE = 1000  # tokens per file
HUES = ("red", "orange", "yellow", "green", "teal", "blue", "indigo", "violet", "pink", "gray")
STEPS = (50, 100, 200, 300, 400, 500, 600, 700, 800, 900)
PRIMITIVE_KINDS = ["color"] * 10 + ["dimension"] * 4 + ["duration", "number", "fontWeight"]
PRIMITIVE_KINDS += ["fontFamily", "cubicBezier", "position", "strokeStyle"]
TYPES = {"position": "number"}  # pseudo-kinds: a number from 0 to 1 for gradient stops
SEMANTIC_KINDS = ["color"] * 10 + ["dimension"] * 3 + ["shadow", "border", "typography"]
SEMANTIC_KINDS += ["transition", "gradient", "strokeStyle", "duration"]
DEEP_CHAINS, DEEP_LENGTH = 3, 30

Tree = dict[str, Any]


def _color(rng: random.Random) -> dict[str, Any]:
    components = [round(rng.random(), 4) for _ in range(3)]
    hex_text = "#" + "".join(f"{round(c * 255):02x}" for c in components)
    return {"colorSpace": "srgb", "components": components, "alpha": 1, "hex": hex_text}


def _primitive(kind: str, rng: random.Random) -> Any:
    if kind == "color":
        return _color(rng)
    if kind == "dimension":
        return {"value": rng.randrange(0, 129), "unit": "px"}
    if kind == "duration":
        return {"value": rng.randrange(0, 1001, 25), "unit": "ms"}
    if kind == "number":
        return round(rng.uniform(0, 2), 3)
    if kind == "fontWeight":
        return rng.randrange(100, 1000, 100)
    if kind == "position":
        return round(rng.random(), 3)
    if kind == "strokeStyle":
        return rng.choice(("solid", "dashed", "dotted"))
    if kind == "fontFamily":
        return [rng.choice(("Inter", "Circular", "Mix")), "Helvetica", "sans-serif"]
    return [round(rng.random(), 3), round(rng.uniform(-1, 2), 3), round(rng.random(), 3), 1]


class TokenSet:
    """Token files being generated: name lists per type and tier for choosing references."""

    def __init__(self, size: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.files: dict[str, Tree] = {}
        self.by_type: dict[tuple[str, str], list[str]] = {}  # (tier, type) -> names
        self.levels: dict[int, dict[str, list[str]]] = {1: {}, 2: {}, 3: {}}

    def add(self, tier: str, group: str, index: int, name: str, token: Tree) -> None:
        file = f"{tier}/{group}-{index // FILE_SIZE:03d}"
        node = self.files.setdefault(file, {})
        parts = name.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = token

    def pick(self, tier: str, kind: str) -> str:
        return self.rng.choice(self.by_type[tier, kind])


def _primitives(out: TokenSet, count: int) -> None:
    for i in range(count):
        kind = PRIMITIVE_KINDS[i % len(PRIMITIVE_KINDS)]
        if kind == "color":
            block = i // len(PRIMITIVE_KINDS)
            hue = HUES[block % len(HUES)]
            name = f"color.{hue}-{block // len(HUES)}.c{i % len(PRIMITIVE_KINDS)}"
        else:
            name = f"{kind.lower()}.p{i}"
        token = {"$type": TYPES.get(kind, kind), "$value": _primitive(kind, out.rng)}
        out.add("primitive", "base", i, name, token)
        out.by_type.setdefault(("primitive", kind), []).append(name)


def _ref(name: str) -> str:
    return "{" + name + "}"


def _composite(out: TokenSet, kind: str) -> Any:
    p = out.pick
    if kind == "shadow":
        layer = {
            "color": _ref(p("primitive", "color")),
            "offsetX": _ref(p("primitive", "dimension")),
            "offsetY": _ref(p("primitive", "dimension")),
            "blur": _ref(p("primitive", "dimension")),
            "spread": _ref(p("primitive", "dimension")),
        }
        return [layer, dict(layer, color=_ref(p("primitive", "color")))]
    if kind == "border":
        return {
            "color": _ref(p("primitive", "color")),
            "width": _ref(p("primitive", "dimension")),
            "style": _ref(p("primitive", "strokeStyle")),
        }
    if kind == "typography":
        return {
            "fontFamily": _ref(p("primitive", "fontFamily")),
            "fontSize": _ref(p("primitive", "dimension")),
            "fontWeight": _ref(p("primitive", "fontWeight")),
            "letterSpacing": _ref(p("primitive", "dimension")),
            "lineHeight": _ref(p("primitive", "number")),
        }
    if kind == "transition":
        return {
            "duration": _ref(p("primitive", "duration")),
            "delay": _ref(p("primitive", "duration")),
            "timingFunction": _ref(p("primitive", "cubicBezier")),
        }
    if kind == "gradient":
        return [
            {"color": _ref(p("primitive", "color")), "position": _ref(p("primitive", "position"))},
            {"color": _ref(p("primitive", "color")), "position": _ref(p("primitive", "position"))},
        ]
    return {"dashArray": [_ref(p("primitive", "dimension"))] * 2, "lineCap": "round"}


def _semantic(out: TokenSet, count: int) -> None:
    deep = DEEP_CHAINS * DEEP_LENGTH
    for i in range(count - deep):
        kind = SEMANTIC_KINDS[i % len(SEMANTIC_KINDS)]
        composite = kind not in ("color", "dimension", "duration")
        level = 1 if composite else 1 + (i // len(SEMANTIC_KINDS)) % 3
        below = out.levels[level - 1].get(kind) if level > 1 else None
        if composite:
            value: Any = _composite(out, kind)
        elif below:
            value = _ref(out.rng.choice(below))
        else:
            level, value = 1, _ref(out.pick("primitive", kind))
        name = f"{kind.lower()}.level{level}.s{i}"
        out.add("semantic", "semantic", i, name, {"$type": kind, "$value": value})
        out.by_type.setdefault(("semantic", kind), []).append(name)
        out.levels[level].setdefault(kind, []).append(name)
    for chain in range(DEEP_CHAINS):
        target = out.pick("primitive", "color")
        for step in range(DEEP_LENGTH):
            name = f"deep.chain{chain}.step{step}"
            index = count - deep + chain * DEEP_LENGTH + step
            out.add("semantic", "semantic", index, name, {"$type": "color", "$value": _ref(target)})
            target = name
        out.by_type["semantic", "color"].append(target)


def _component(out: TokenSet, count: int) -> None:
    kinds = sorted({k for tier, k in out.by_type if tier == "semantic"})
    for i in range(count):
        kind = kinds[i % len(kinds)]
        target = out.pick("semantic", kind)
        name = f"component.c{i // 50}.{kind.lower()}-{i}"
        out.add("component", "component", i, name, {"$type": kind, "$value": _ref(target)})


def _light_theme(out: TokenSet) -> Tree:
    theme: Tree = {}
    for name in out.levels[1].get("color", [])[::10]:
        node = theme
        parts = name.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = {"$type": "color", "$value": _ref(out.pick("primitive", "color"))}
    return theme


def generate(size: int, seed: int = 2026) -> dict[str, Tree]:
    """File stem (``primitive/base-000``) → token tree, for ``size`` tokens in all."""
    out = TokenSet(size, seed)
    primitives = size * 45 // 100
    semantic = size * 35 // 100
    _primitives(out, primitives)
    _semantic(out, semantic)
    _component(out, size - primitives - semantic)
    out.files["themes/light"] = _light_theme(out)
    return out.files


def _resolver(stems: list[str], ext: str) -> Tree:
    sources = [{"$ref": f"{stem}.{ext}"} for stem in stems if not stem.startswith("themes/")]
    return {
        "version": "2025.10",
        "name": "Benchmark",
        "sets": {"all": {"sources": sources}},
        "modifiers": {
            "theme": {
                "contexts": {"dark": [], "light": [{"$ref": f"themes/light.{ext}"}]},
                "default": "dark",
            }
        },
        "resolutionOrder": [{"$ref": "#/sets/all"}, {"$ref": "#/modifiers/theme"}],
    }


PROJECT = """\
version: 1
name: Benchmark ({size} tokens, {ext})
tiers:
  primitive: tokens/primitive/**/*.{ext}
  semantic: [tokens/semantic/**/*.{ext}, tokens/themes/**/*.{ext}]
  component: tokens/component/**/*.{ext}
themes:
  resolver: tokens/encore.resolver.{ext}
  appearance: {{modifier: theme, light: light, dark: dark}}
output: build
platforms: [platforms/web, platforms/ios, platforms/android]
"""
PLATFORMS = {
    "web": [
        ("css", "encore.css"),
        ("scss", "_encore.scss"),
        ("es-module", "encore.js"),
        ("typescript-declarations", "encore.d.ts"),
    ],
    "ios": [("swift", "EncoreTokens.swift")],
    "android": [
        ("kotlin", "kotlin/EncoreTokens.kt"),
        ("compose", "compose/EncoreTokens.kt"),
        ("android-xml", "res/values/encore_tokens.xml"),
    ],
}


def _dump(tree: Tree, ext: str) -> str:
    if ext == "json":
        return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(tree, Dumper=dumper, sort_keys=False, allow_unicode=True, width=200)
    return text


def write_project(folder: Path, files: dict[str, Tree], ext: str) -> None:
    """An Encore project over the generated files, in JSON or YAML; the JSON one also gets
    configurations for the comparison builds (see `COMPARED`)."""
    size = sum(_count(tree) for stem, tree in files.items() if not stem.startswith("themes/"))
    for stem, tree in files.items():
        _write(folder / "tokens" / f"{stem}.{ext}", _dump(tree, ext))
    resolver = _resolver(sorted(files), ext)
    _write(folder / "tokens" / f"encore.resolver.{ext}", _dump(resolver, ext))
    _write(folder / "encore.yaml", PROJECT.format(size=size, ext=ext))
    for platform, formats in PLATFORMS.items():
        _platform(folder / "platforms" / platform, platform, formats)
    if ext != "json":
        return
    stems = [s for s in sorted(files) if not s.startswith("themes/")]
    for name, formats in COMPARED.items():
        _platform(folder / "compare" / name, name, formats)
        _write(folder / f"encore-{name}.yaml", PLAIN_PROJECT.format(size=size, name=name))
    _write(folder / "sd.config.json", json.dumps(_style_dictionary(), indent=2) + "\n")
    _write(folder / "sd-css.config.json", json.dumps(_style_dictionary(["css"]), indent=2) + "\n")
    _write(
        folder / "terrazzo.config.mjs",
        TERRAZZO.format(files=json.dumps([f"./tokens/{stem}.json" for stem in stems])),
    )


def _platform(folder: Path, name: str, formats: list[tuple[str, str]]) -> None:
    lines = [f"name: {name}", f"output: {name}", "formats:"]
    lines += [f"  - {{format: {fmt}, file: {file}}}" for fmt, file in formats]
    _write(folder / "platform.yaml", "\n".join(lines) + "\n")


# Encore builds matching what each other tool builds, from the same files without themes:
# "sd" the Style Dictionary outputs (CSS, SCSS, Swift, Android XML, Compose), "css" CSS
# alone, "tz" Terrazzo's (CSS and JS with TypeScript declarations).
COMPARED = {
    "sd": [
        ("css", "encore.css"),
        ("scss", "_encore.scss"),
        ("swift", "EncoreTokens.swift"),
        ("android-xml", "res/values/encore_tokens.xml"),
        ("compose", "EncoreTokens.kt"),
    ],
    "css": [("css", "encore.css")],
    "tz": [
        ("css", "encore.css"),
        ("es-module", "encore.js"),
        ("typescript-declarations", "encore.d.ts"),
    ],
}
PLAIN_PROJECT = """\
version: 1
name: Benchmark ({size} tokens, json, {name} outputs, no themes)
tiers:
  primitive: tokens/primitive/**/*.json
  semantic: tokens/semantic/**/*.json
  component: tokens/component/**/*.json
output: build-{name}
platforms: [compare/{name}]
"""
SD_PLATFORMS = {
    "css": ("css", "css/variables", "variables.css", {"outputReferences": True}),
    "scss": ("scss", "scss/variables", "_variables.scss", {"outputReferences": True}),
    "ios": ("ios-swift", "ios-swift/class.swift", "Tokens.swift", {"className": "Tokens"}),
    "android": ("android", "android/resources", "tokens.xml", {}),
    "compose": (
        "compose",
        "compose/object",
        "Tokens.kt",
        {"className": "Tokens", "packageName": "com.example.tokens"},
    ),
}


def _style_dictionary(only: list[str] | None = None) -> Tree:
    platforms = {}
    for name, (group, fmt, file, options) in SD_PLATFORMS.items():
        if only is None or name in only:
            platforms[name] = {
                "transformGroup": group,
                "buildPath": f"sd-build/{name}/",
                "files": [{"destination": file, "format": fmt, "options": options}],
            }
    return {
        "source": [f"tokens/{tier}/**/*.json" for tier in ("primitive", "semantic", "component")],
        "log": {"verbosity": "silent", "warnings": "disabled"},
        "platforms": platforms,
    }


TERRAZZO = """\
import {{ defineConfig }} from "@terrazzo/cli";
import css from "@terrazzo/plugin-css";
import js from "@terrazzo/plugin-js";

export default defineConfig({{
  tokens: {files},
  outDir: "./tz-build/",
  plugins: [css({{ filename: "tokens.css" }}), js({{ filename: "tokens.js" }})],
}});
"""


def _count(tree: Tree) -> int:
    if "$value" in tree:
        return 1
    return sum(_count(v) for k, v in tree.items() if isinstance(v, dict) and k[:1] != "$")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of tokens, e.g. 10000")
    parser.add_argument("--out", type=Path, required=True, help="folder for json/ and yaml/")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    files = generate(args.size, args.seed)
    for ext in ("json", "yaml"):
        write_project(args.out / ext, files, ext)


if __name__ == "__main__":
    main()
