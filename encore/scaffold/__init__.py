"""``encore init``: scaffold a new design-system repository from the files in ``template/``.

The template is package data: a small foundation (primitives, semantic tokens, a dark
theme selected by a DTCG resolver), the web, iOS and Android platform systems (tokens and
component code), one local system with a component spec, and governance roles. File
names and contents may hold placeholders, replaced from the project's name:
``__NAME__`` (as given), ``__SLUG__`` (``acme-ds``), ``__SNAKE__`` (``acme_ds``),
``__PASCAL__`` (``AcmeDs``) and ``__PACKAGE__`` (``com.example.acmeds``). A template
file named ``_gitignore`` becomes ``.gitignore``.

Nothing is written when a file already exists (unless ``force``); every file is written
atomically, and a failure part way removes the files this run created.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation
from encore.write import atomic_write

RENAMED = {"_gitignore": ".gitignore"}


@dataclass(frozen=True, slots=True)
class Names:
    """The spellings of a project name the template needs."""

    name: str
    slug: str
    snake: str
    pascal: str
    package: str

    @classmethod
    def of(cls, name: str) -> Names:
        words = re.findall(r"[A-Za-z0-9]+", name) or ["tokens"]
        slug = "-".join(w.lower() for w in words)
        if slug[0].isdigit():
            slug = "ds-" + slug
        snake = slug.replace("-", "_")
        pascal = "".join(w[:1].upper() + w[1:] for w in slug.split("-"))
        return cls(name, slug, snake, pascal, "com.example." + slug.replace("-", ""))

    def fill(self, text: str) -> str:
        """``text`` with every placeholder replaced."""
        for key, value in (
            ("__NAME__", self.name),
            ("__SLUG__", self.slug),
            ("__SNAKE__", self.snake),
            ("__PASCAL__", self.pascal),
            ("__PACKAGE__", self.package),
        ):
            text = text.replace(key, value)
        return text


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        rel = f"{prefix}{RENAMED.get(entry.name, entry.name)}"
        if entry.is_dir():
            found += _walk(entry, rel + "/")
        else:
            found.append((rel, entry))
    return found


def render(names: Names) -> dict[str, bytes]:
    """Every file of the scaffold (relative path → bytes), placeholders filled."""
    template = resources.files("encore.scaffold").joinpath("template")
    return {
        names.fill(rel): names.fill(entry.read_text(encoding="utf-8")).encode("utf-8")
        for rel, entry in _walk(template)
    }


def init_project(target: Path, name: str | None = None, *, force: bool = False) -> list[str]:
    """Write the scaffold into ``target``; the relative paths written, in order.

    Raises `EncoreError` (and writes nothing) when ``target`` is a file, or when files
    exist where the scaffold would write and ``force`` is not set."""
    if target.exists() and not target.is_dir():
        raise EncoreError(
            [
                Diagnostic(
                    "init/target",
                    f"{target} is a file, not a folder",
                    fixed_location=SourceLocation(str(target)),
                    help="name a new or existing folder: encore init my-design-system",
                )
            ]
        )
    names = Names.of(name or target.resolve().name)
    files = render(names)
    conflicts = [rel for rel in files if (target / rel).exists()]
    if conflicts and not force:
        raise EncoreError(
            [
                Diagnostic(
                    "init/exists",
                    f"{rel} already exists; encore init writes nothing over existing files",
                    fixed_location=SourceLocation(str(target / rel)),
                    help="init into a new folder, move the file away, or pass --force "
                    "to overwrite the scaffold's files",
                )
                for rel in conflicts
            ]
        )
    created: list[Path] = []
    try:
        for rel, data in files.items():
            path = target / rel
            existed = path.exists()
            atomic_write(path, data)
            if not existed:
                created.append(path)
    except OSError as exc:
        for path in reversed(created):
            path.unlink(missing_ok=True)
        raise EncoreError(
            [
                Diagnostic(
                    "init/write",
                    f"cannot write the scaffold: {exc}",
                    fixed_location=SourceLocation(str(target)),
                    help="check the folder's permissions and free space",
                )
            ]
        ) from None
    return list(files)
