"""Time Encore, Style Dictionary 5 and Terrazzo 2 on the generated token sets.

    npm ci --prefix benchmarks          # Style Dictionary and Terrazzo, from the lock file
    python3 benchmarks/run.py           # 1,000, 10,000 and 100,000 tokens; writes RESULTS.md

Every figure is the whole process (start-up included) building from a clean output
folder: the median wall time of ``--runs`` runs and the highest peak resident memory
(``wait4``'s ``ru_maxrss``). Terrazzo runs ``--terrazzo-runs`` times and only up to
``--terrazzo-max`` tokens, because its cost grows much faster than the token count.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, write_project  # noqa: E402

NODE_MODULES = HERE / "node_modules"
STYLE_DICTIONARY = NODE_MODULES / "style-dictionary" / "bin" / "style-dictionary.js"
TERRAZZO = NODE_MODULES / "@terrazzo" / "cli" / "bin" / "cli.js"
CLEAN = ("build", "build-sd", "build-css", "build-tz", "sd-build", "tz-build", ".encore")


@dataclass
class Row:
    """One measured command."""

    size: int
    tool: str
    outputs: str
    seconds: list[float]
    peak_mb: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def measure(command: list[str], cwd: Path, runs: int) -> tuple[list[float], float]:
    """Wall times of ``runs`` clean runs and the highest peak memory in MB."""
    times, peak = [], 0
    for _ in range(runs):
        for name in CLEAN:
            shutil.rmtree(cwd / name, ignore_errors=True)
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"benchmark command failed in {cwd}: {' '.join(command)}")
        peak = max(peak, usage.ru_maxrss)
    return times, peak / 1024


def parse_floor(folder: Path, runs: int) -> float:
    """Reading and parsing every token file with the json module, in this process."""
    files = sorted((folder / "tokens").rglob("*.json"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for file in files:
            json.loads(file.read_bytes())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_size(size: int, work: Path, args: argparse.Namespace) -> tuple[list[Row], float]:
    folder = work / str(size)
    files = generate(size)
    for ext in ("json", "yaml"):
        write_project(folder / ext, files, ext)
    js, runs = folder / "json", args.runs
    encore = [sys.executable, "-m", "encore", "build", "--quiet"]
    node = shutil.which("node") or "node"
    rows: list[Row] = []

    def add(tool: str, outputs: str, command: list[str], cwd: Path, n: int = runs) -> None:
        seconds, peak = measure(command, cwd, n)
        rows.append(Row(size, tool, outputs, seconds, peak))
        print(f"{size:>7} {tool:<18} {outputs:<34} {statistics.median(seconds):7.3f} s", flush=True)

    everything = "every platform and format, 2 themes"
    add("Encore (JSON)", everything, encore, js)
    add("Encore (YAML)", everything, encore, folder / "yaml")
    if not args.encore_only:
        sd = [node, str(STYLE_DICTIONARY), "build", "--config"]
        add(
            "Encore",
            "CSS, SCSS, Swift, Android, Compose",
            [*encore, "--project", "encore-sd.yaml"],
            js,
        )
        add("Style Dictionary 5", "CSS, SCSS, Swift, Android, Compose", [*sd, "sd.config.json"], js)
        add("Encore", "CSS", [*encore, "--project", "encore-css.yaml"], js)
        add("Style Dictionary 5", "CSS", [*sd, "sd-css.config.json"], js)
        if size <= args.terrazzo_max:
            link = js / "node_modules"
            if not link.exists():
                link.symlink_to(NODE_MODULES)
            tz = [node, str(TERRAZZO), "build", "-c", "terrazzo.config.mjs"]
            add("Encore", "CSS, JS, TypeScript", [*encore, "--project", "encore-tz.yaml"], js)
            add("Terrazzo 2", "CSS, JS, TypeScript", tz, js, args.terrazzo_runs)
    return rows, parse_floor(js, runs)


def bench_watch(size: int, work: Path, edits: int) -> list[str]:
    """Rows of the warm rebuild table: `watch_edits.py` on the JSON and YAML projects."""
    rows = []
    for ext in ("json", "yaml"):
        found = subprocess.run(
            [
                sys.executable,
                str(HERE / "watch_edits.py"),
                str(work / str(size) / ext),
                "--edits",
                str(edits),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(found.stdout.strip().splitlines()[-1])
        for kind, figures in result.items():
            if isinstance(figures, dict):
                rows.append(
                    f"| {size:,} | {ext.upper()} | {kind} | {figures['median'] * 1000:.0f} ms "
                    f"| {figures['p90'] * 1000:.0f} ms | {edits} |"
                )
        same = "yes" if result["outputs equal a clean build"] else "**no**"
        rows.append(f"| {size:,} | {ext.upper()} | (outputs equal a clean build: {same}) | | | |")
        print(rows[-2], flush=True)
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo")
    if info.exists():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}; {platform.platform()}; "
        f"Python {platform.python_version()}; Node {node or 'not found'}"
    )


def table(rows: list[Row], floors: dict[int, float]) -> list[str]:
    out = [
        "| tokens | tool | outputs | median | runs | peak memory | Encore is |",
        "|---:|---|---|---:|---:|---:|---|",
    ]
    encore = {(r.size, r.outputs): r.median for r in rows if r.tool == "Encore"}
    for r in rows:
        ratio = ""
        if r.tool not in ("Encore", "Encore (JSON)", "Encore (YAML)"):
            ratio = f"{r.median / encore[r.size, r.outputs]:.1f}x faster"
        elif r.tool == "Encore (YAML)":
            json_row = next(x for x in rows if x.size == r.size and x.tool == "Encore (JSON)")
            ratio = f"YAML/JSON {r.median / json_row.median:.2f}"
        out.append(
            f"| {r.size:,} | {r.tool} | {r.outputs} | {r.median:.3f} s | {len(r.seconds)} "
            f"| {r.peak_mb:.0f} MB | {ratio} |"
        )
    out += ["", "Parsing the JSON token files with Python's json module (the floor):", ""]
    out += [f"- {size:,} tokens: {floor:.3f} s" for size, floor in floors.items()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--terrazzo-runs", type=int, default=2)
    parser.add_argument("--terrazzo-max", type=int, default=10000)
    parser.add_argument("--encore-only", action="store_true", help="skip the other tools")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--results", type=Path, help="write this Markdown table (e.g. a file)")
    parser.add_argument(
        "--watch-edits", type=int, default=20, help="one-token edits of each kind (0: skip)"
    )
    args = parser.parse_args()
    if not args.encore_only and not STYLE_DICTIONARY.exists():
        raise SystemExit("Style Dictionary is missing: run `npm ci --prefix benchmarks` first")
    rows: list[Row] = []
    floors: dict[int, float] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        found, floors[size] = bench_size(size, args.work, args)
        rows += found
    lines = [f"Machine: {machine()}", "", *table(rows, floors)]
    if args.watch_edits:
        lines += [
            "",
            "One-token edits in a warm `encore watch` process (the rebuild time it prints):",
            "",
            "| tokens | input | edit | median | p90 | edits |",
            "|---:|---|---|---:|---:|---:|",
        ]
        for size in (int(s) for s in args.sizes.split(",")):
            lines += bench_watch(size, args.work, args.watch_edits)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.results:
        args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
