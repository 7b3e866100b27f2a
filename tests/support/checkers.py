"""Check generated platform code with the real compilers and parsers.

Each ``check`` function takes file paths and returns one string per error, each
starting with the file (and line, where the tool gives one); an empty list means
every file passed. See ``shared/design/tooling.md`` for how each checker was chosen.
A missing tool skips the calling test locally and fails it under ``CI=true``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.parsers import expat

import pytest

from tests.support.node_tools import tools_dir

NPM_HINT = "npm ci --prefix tools"
APT_HINT = "apt-get install -y aapt libxml2-utils default-jre-headless"
PIP_HINT = "pip install -e '.[test]'"
NODE_HINT = "apt-get install -y nodejs npm"

KOTLIN_TIMEOUT_SECONDS = 300
TOOL_TIMEOUT_SECONDS = 120

COMPOSE_STUBS = Path(__file__).resolve().parent / "compose_stubs"

# Encore's rule for Android value resource names: aapt2 accepts `a-b` and `a.b` but
# maps both to the R field `a_b`, silently merging distinct tokens.
_ANDROID_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
# Styles may use dots (parent inheritance); attrs and styleables are camelCase.
_ANDROID_LOOSE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_ANDROID_STYLE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.]*\Z")
_ANDROID_MANIFEST = (
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android" '
    'package="dev.encore.check"/>\n'
)


def require_tool(name: str, available: bool, install_hint: str) -> None:
    """Skip the calling test when ``name`` is missing; fail it instead under ``CI=true``."""
    if available:
        return
    message = f"{name} is not installed; install it with `{install_hint}`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def compose_stub_files() -> list[Path]:
    """The Kotlin files stubbing Jetpack Compose's public API, compiled with every check."""
    return sorted(COMPOSE_STUBS.glob("*.kt"))


def _node_tool(relative: str) -> Path:
    """Require ``node`` and an installed file under ``tools/node_modules``."""
    require_tool("node", shutil.which("node") is not None, NODE_HINT)
    path = tools_dir() / "node_modules" / relative
    require_tool(str(path), path.is_file(), NPM_HINT)
    return path


def _split_readable(files: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Files that exist, and an error for each one that does not."""
    present = [path for path in files if path.is_file()]
    errors = [f"{path}: cannot read file" for path in files if not path.is_file()]
    return present, errors


def _namer(files: Sequence[Path], cwd: Path) -> Callable[[str], str]:
    """Map a path as a tool printed it (maybe relative to ``cwd``) back to the caller's spelling."""
    spelled = {os.path.realpath(path): str(path) for path in files}

    def name(reported: str) -> str:
        full = os.path.realpath(os.path.join(cwd, reported))
        return spelled.get(full, os.path.normpath(os.path.join(cwd, reported)))

    return name


def _run(command: list[str], cwd: Path | None, timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unexpected(tool: str, result: subprocess.CompletedProcess[str]) -> RuntimeError:
    output = (result.stderr.strip() or result.stdout.strip())[-2000:]
    return RuntimeError(f"{tool} exited with {result.returncode} but reported no error: {output}")


# Kotlin


def compile_kotlin(files: list[Path]) -> list[str]:
    """Compile ``.kt`` files with the Compose stubs in ONE kotlinc (JVM) run.

    Errors read ``file:line:col: error: message``; warnings are not reported.
    """
    require_tool("java", shutil.which("java") is not None, APT_HINT)
    kotlinc = tools_dir() / "node_modules" / "kotlin-compiler" / "bin" / "kotlinc"
    require_tool(str(kotlinc), kotlinc.is_file(), NPM_HINT)
    present, errors = _split_readable(files)
    if not present:
        return errors
    sources = [*compose_stub_files(), *present]
    with tempfile.TemporaryDirectory(prefix="check_kotlin_") as temp:
        command = [
            str(kotlinc),
            # The XML renderer gives whole multi-line messages and absolute paths.
            "-J-Dorg.jetbrains.kotlin.cliMessageRenderer=XML",
            "-d",
            str(Path(temp) / "classes"),
            "-nowarn",
            "-Xsuppress-version-warnings",
            *(str(path.resolve()) for path in sources),
        ]
        result = _run(command, Path(temp), KOTLIN_TIMEOUT_SECONDS)
        name = _namer(sources, Path(temp))
    errors += _kotlin_errors(result.stdout + result.stderr, name)
    if result.returncode != 0 and not errors:
        raise _unexpected("kotlinc", result)
    return errors


def _kotlin_errors(output: str, name: Callable[[str], str]) -> list[str]:
    start, end = output.find("<MESSAGES>"), output.rfind("</MESSAGES>")
    if start < 0 or end < 0:
        return []
    root = ElementTree.fromstring(output[start : end + len("</MESSAGES>")])
    errors: list[str] = []
    for message in root:
        if message.tag not in ("error", "exception"):
            continue
        where = name(message.get("path", "")) if message.get("path") else "kotlinc"
        for key in ("line", "column"):
            if message.get(key):
                where += f":{message.get(key)}"
        errors.append(f"{where}: {message.tag}: {_one_line(message.text or '')}")
    return errors


# Android XML


def check_android_xml(files: list[Path]) -> list[str]:
    """Check Android ``res/values*`` XML: xmllint, ``aapt2 compile`` each, one ``aapt2 link``.

    A file keeps its parent folder when that is named ``values*``, else goes to ``values/``.
    The link step catches duplicates and dangling ``@type/name`` references across the
    files; it has no Android framework, so ``@android:`` references are not checked.
    Value resource names must also match ``[a-z][a-z0-9_]*`` (Encore's rule).
    """
    require_tool("aapt2", shutil.which("aapt2") is not None, APT_HINT)
    require_tool("xmllint", shutil.which("xmllint") is not None, APT_HINT)
    present, errors = _split_readable(files)
    if not present:
        return errors
    with tempfile.TemporaryDirectory(prefix="check_android_") as temp_name:
        temp = Path(temp_name)
        renames: dict[str, str] = {}
        flats: list[Path] = []
        for index, path in enumerate(present):
            file_errors = _xmllint(path) or _android_names(path)
            errors += file_errors
            if file_errors:
                continue
            folder = path.parent.name if path.parent.name.startswith("values") else "values"
            copy = temp / str(index) / "res" / folder / path.name
            copy.parent.mkdir(parents=True)
            shutil.copyfile(path, copy)
            out = temp / "flat" / str(index)
            out.mkdir(parents=True)
            result = _run(
                ["aapt2", "compile", "-o", str(out), str(copy)], temp, TOOL_TIMEOUT_SECONDS
            )
            renames[str(copy)] = str(path)
            file_errors = _aapt2_errors(result.stdout + result.stderr, renames)
            if result.returncode != 0 and not file_errors:
                raise _unexpected("aapt2 compile", result)
            errors += file_errors
            for flat in sorted(out.iterdir()):
                renames[str(flat)] = str(path)
                flats.append(flat)
        if flats and not errors:
            errors += _aapt2_link(temp, flats, renames)
    return errors


def _xmllint(path: Path) -> list[str]:
    result = _run(["xmllint", "--noout", str(path)], None, TOOL_TIMEOUT_SECONDS)
    if result.returncode == 0:
        return []
    found = re.compile(r"(?P<file>.+?):(?P<line>\d+): (?P<message>.*)")
    errors = []
    for line in result.stderr.splitlines():
        match = found.match(line)
        if match and match["file"] == str(path):
            errors.append(f"{path}:{match['line']}: xmllint: {match['message'].strip()}")
    if not errors:
        raise _unexpected("xmllint", result)
    return errors


def _android_names(path: Path) -> list[str]:
    """Names of top-level resources (direct children of ``<resources>``) break no Encore rule."""
    parser = expat.ParserCreate()
    depth = 0
    errors: list[str] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        name = attributes.get("name")
        if depth != 2 or name is None:
            return
        if tag == "style":
            pattern = _ANDROID_STYLE_NAME
        elif tag in ("attr", "declare-styleable"):
            pattern = _ANDROID_LOOSE_NAME
        else:
            pattern = _ANDROID_NAME
        if not pattern.match(name):
            rule = pattern.pattern.removesuffix(r"\Z")
            line = parser.CurrentLineNumber
            errors.append(f"{path}:{line}: invalid {tag} name {name!r}: must match {rule}")

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with path.open("rb") as stream:
        parser.ParseFile(stream)
    return errors


_AAPT2_SUMMARY = re.compile(
    r"error: (file failed to compile|failed parsing input|failed linking references"
    r"|failed to merge resource table)\.$"
)
_FRAMEWORK_NOT_FOUND = re.compile(r"\bandroid:\S+ not found\.$")


def _aapt2_errors(output: str, renames: dict[str, str]) -> list[str]:
    """aapt2's ``file:line: error: ...`` lines, with the temp copies renamed to the inputs.

    Summary lines (``file failed to compile.``) are dropped when a specific error is given.
    """
    errors = []
    for line in output.splitlines():
        if "error:" not in line:
            continue
        for temp, original in sorted(renames.items(), key=lambda item: -len(item[0])):
            line = line.replace(temp, original)
        errors.append(line.strip())
    specific = [error for error in errors if not _AAPT2_SUMMARY.search(error)]
    return specific or errors


def _aapt2_link(temp: Path, flats: list[Path], renames: dict[str, str]) -> list[str]:
    manifest = temp / "AndroidManifest.xml"
    manifest.write_text(_ANDROID_MANIFEST, encoding="utf-8")
    command = ["aapt2", "link", "-o", str(temp / "out.apk"), "--manifest", str(manifest)]
    result = _run([*command, *map(str, flats)], temp, TOOL_TIMEOUT_SECONDS)
    if result.returncode == 0:
        return []
    errors = _aapt2_errors(result.stdout + result.stderr, renames)
    if not errors:
        raise _unexpected("aapt2 link", result)
    # Linked without the Android framework (no android.jar here): its resources are unknown.
    errors = [error for error in errors if not _FRAMEWORK_NOT_FOUND.search(error)]
    return [] if all(map(_AAPT2_SUMMARY.search, errors)) else errors


# SCSS


def check_scss(files: list[Path], load_paths: Sequence[Path] = ()) -> list[str]:
    """Compile each SCSS file with dart-sass, all in one run; errors read ``file:line:col: ...``."""
    sass = _node_tool("sass/sass.js")
    present, errors = _split_readable(files)
    if not present:
        return errors
    with tempfile.TemporaryDirectory(prefix="check_scss_") as temp_name:
        temp = Path(temp_name)
        command = [
            "node",
            str(sass),
            "--no-source-map",
            "--no-error-css",
            "--no-unicode",
            "--no-color",
            *(f"--load-path={path.resolve()}" for path in load_paths),
            *(f"{path.resolve()}:{temp / f'{index}.css'}" for index, path in enumerate(present)),
        ]
        result = _run(command, temp, TOOL_TIMEOUT_SECONDS)
    errors += _sass_errors(result.stderr, _namer(present, temp))
    if result.returncode != 0 and not errors:
        raise _unexpected("sass", result)
    return errors


_SASS_TRACE = re.compile(r"  (?P<file>[^\s|,'].*?) (?P<line>\d+):(?P<column>\d+)  \S.*")


def _sass_errors(output: str, name: Callable[[str], str]) -> list[str]:
    """Each ``Error: message`` block; its first stack line is where the error is."""
    errors = []
    blocks = re.split(r"^(?=Error: )", output, flags=re.MULTILINE)
    for block in blocks:
        if not block.startswith("Error: "):
            continue
        lines = block.splitlines()
        message = lines[0].removeprefix("Error: ")
        trace = next((m for m in map(_SASS_TRACE.fullmatch, lines[1:]) if m), None)
        if trace is None:
            errors.append(f"sass: {message}")
        else:
            where = f"{name(trace['file'])}:{trace['line']}:{trace['column']}"
            errors.append(f"{where}: {message}")
    return errors


# TypeScript


TYPESCRIPT_OPTIONS = (
    "--noEmit",
    "--strict",
    "--allowJs",
    "--checkJs",
    "--module",
    "esnext",
    "--target",
    "es2022",
    "--moduleResolution",
    "bundler",
    "--skipLibCheck",
    "false",
    "--pretty",
    "false",
    # TS 7 refuses command-line files when a tsconfig.json is found (TS5112).
    "--ignoreConfig",
)


def check_typescript(files: list[Path]) -> list[str]:
    """Type check ``.ts``/``.d.ts``/``.js`` files in one strict ``tsc --noEmit`` run.

    Declaration files are checked too (``--skipLibCheck false``). Errors read
    ``file:line:col: error TSnnnn: message``.
    """
    tsc = _node_tool("typescript/bin/tsc")
    present, errors = _split_readable(files)
    if not present:
        return errors
    with tempfile.TemporaryDirectory(prefix="check_typescript_") as temp_name:
        temp = Path(temp_name)
        command = ["node", str(tsc), *TYPESCRIPT_OPTIONS, *(str(p.resolve()) for p in present)]
        result = _run(command, temp, TOOL_TIMEOUT_SECONDS)
    errors += _tsc_errors(result.stdout, _namer(present, temp))
    if result.returncode != 0 and not errors:
        raise _unexpected("tsc", result)
    return errors


_TSC_ERROR = re.compile(r"(?P<file>.+)\((?P<line>\d+),(?P<column>\d+)\): (?P<message>error .*)")


def _tsc_errors(output: str, name: Callable[[str], str]) -> list[str]:
    """``file(line,col): error TS...`` lines; indented lines continue the previous message."""
    errors: list[str] = []
    for line in output.splitlines():
        match = _TSC_ERROR.fullmatch(line)
        if match:
            where = f"{name(match['file'])}:{match['line']}:{match['column']}"
            errors.append(f"{where}: {match['message']}")
        elif line.startswith("error "):
            errors.append(f"tsc: {line}")
        elif line.startswith(" ") and errors and line.strip():
            errors[-1] += f" {line.strip()}"
    return errors


# Swift


def parse_swift(files: list[Path]) -> list[str]:
    """Parse Swift files with tree-sitter: syntax only, no type checking.

    Errors read ``file:line:col: syntax error near <text>`` (or ``missing <token>``).
    """
    available = all(
        importlib.util.find_spec(module) is not None
        for module in ("tree_sitter", "tree_sitter_swift")
    )
    require_tool("tree-sitter and tree-sitter-swift", available, PIP_HINT)
    import tree_sitter
    import tree_sitter_swift

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    present, errors = _split_readable(files)
    for path in present:
        tree = parser.parse(path.read_bytes())
        errors += [f"{path}:{problem}" for problem in _syntax_problems(tree.root_node)]
    return errors


def _syntax_problems(node: Any) -> Iterator[str]:
    """Innermost ERROR nodes and every MISSING node, as ``line:col: ...``."""
    if not node.has_error and not node.is_missing:
        return
    row, column = node.start_point
    where = f"{row + 1}:{column + 1}"
    if node.is_missing:
        yield f"{where}: syntax error: missing {node.type}"
        return
    inner = [problem for child in node.children for problem in _syntax_problems(child)]
    yield from inner
    if node.is_error and not inner:
        text = (node.text or b"").decode("utf-8", "replace").strip().splitlines()
        near = text[0][:60] if text else ""
        yield f"{where}: syntax error near {near!r}"
