"""Plugins: output formats, rules and value transforms from other installed packages.

A package extends Encore without a fork by declaring entry points in one of three groups
(``[project.entry-points."encore.formats"]`` in its ``pyproject.toml``):

- ``encore.formats``: an `encore.formats.Format`, named in a ``platform.yaml``'s
  ``formats:`` like a built-in format;
- ``encore.rules``: an `encore.rules.Rule`, run when ``encore.yaml``'s ``rules:`` names it
  with a severity (a plugin never changes a build it is not named in);
- ``encore.transforms``: an `encore.transforms.Transform`, applied to a platform's tokens
  before its formats when its ``platform.yaml`` lists it under ``transforms:``.

The entry point's name is the name a project uses, and must equal the object's ``name``.
Built-in names win; plugins are looked up (and imported) only when a project names
something Encore does not have, so projects without plugins pay nothing. A plugin that
fails to import, or exports the wrong kind of object, is reported where the project names
it. The build cache fingerprints the plugin packages a project uses (their files, as their
installation record lists them), so upgrading a plugin rebuilds.
"""

from __future__ import annotations

import functools
import hashlib
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # importlib.metadata costs milliseconds: loaded only to look plugins up
    from importlib.metadata import Distribution, EntryPoint

T = TypeVar("T")

GROUPS = ("encore.formats", "encore.rules", "encore.transforms")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """One plugin object, or why it could not be loaded."""

    name: str
    value: T | None
    problem: str | None
    package: str  # the distribution that provides it, e.g. "encore-example-plugin 1.0"


@functools.cache
def _entry_points(group: str) -> dict[str, EntryPoint]:
    from importlib.metadata import entry_points

    found: dict[str, EntryPoint] = {}
    for point in sorted(entry_points(group=group), key=lambda p: (p.name, p.value)):
        found.setdefault(point.name, point)
    return found


def _package(point: EntryPoint) -> str:
    dist = point.dist
    return f"{dist.name} {dist.version}" if dist is not None else point.value


class Registry(Generic[T]):
    """Built-in objects of one kind, then the installed plugins of its entry-point group."""

    def __init__(self, group: str, kind: type[T], builtins: Callable[[], Mapping[str, T]]) -> None:
        self.group = group
        self.kind = kind
        self._builtins = builtins
        self._loaded: dict[str, Loaded[T]] = {}

    @property
    def builtins(self) -> Mapping[str, T]:
        return self._builtins()

    def is_builtin(self, name: str) -> bool:
        return name in self._builtins()

    def load(self, name: str) -> Loaded[T] | None:
        """The plugin called ``name``, imported on first use; None if none is installed."""
        if name in self._loaded:
            return self._loaded[name]
        point = _entry_points(self.group).get(name)
        if point is None:
            return None
        package = _package(point)
        try:
            value = point.load()
        except Exception as exc:  # a broken plugin is the plugin's error, reported as such
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            loaded: Loaded[T] = Loaded(name, None, f"it failed to import: {detail}", package)
        else:
            loaded = self._check(name, value, package)
        self._loaded[name] = loaded
        return loaded

    def _check(self, name: str, value: object, package: str) -> Loaded[T]:
        if not isinstance(value, self.kind):
            return Loaded(
                name,
                None,
                f"its entry point {self.group}:{name} gives a {type(value).__name__}, "
                f"not an encore {self.kind.__name__}",
                package,
            )
        own = getattr(value, "name", getattr(value, "id", name))
        if own != name:
            return Loaded(
                name,
                None,
                f'its entry point is "{name}" but the object calls itself "{own}"',
                package,
            )
        return Loaded(name, value, None, package)

    def get(self, name: str) -> T | None:
        """A built-in or a loadable plugin object by name."""
        found = self._builtins().get(name)
        if found is not None:
            return found
        loaded = self.load(name)
        return loaded.value if loaded is not None else None

    def names(self) -> list[str]:
        """Every name a project may use: built-ins, then installed plugins."""
        plugins = [n for n in _entry_points(self.group) if n not in self._builtins()]
        return [*self._builtins(), *plugins]

    def problem(self, name: str) -> str | None:
        """Why ``name`` cannot be used (unknown, or a broken plugin); None when it can."""
        if self.get(name) is not None:
            return None
        loaded = self.load(name)
        if loaded is not None and loaded.problem is not None:
            return f'the plugin "{name}" from {loaded.package} cannot be used: {loaded.problem}'
        return None

    def used_packages(self, names: Iterable[str]) -> list[Distribution]:
        """The distributions providing the plugin objects among ``names``."""
        found = []
        for name in names:
            point = None if self.is_builtin(name) else _entry_points(self.group).get(name)
            if point is not None and point.dist is not None:
                found.append(point.dist)
        return found


def digest(packages: Iterable[Distribution]) -> str:
    """A digest of the given plugin packages: name, version and every installed file."""
    hashed = hashlib.sha256()
    seen = set()
    for dist in sorted(packages, key=lambda d: d.name):
        if dist.name in seen:
            continue
        seen.add(dist.name)
        hashed.update(f"{dist.name}\0{dist.version}\0".encode())
        for file in sorted(dist.files or [], key=str):
            path = Path(str(dist.locate_file(file)))
            if path.suffix in {".py", ".json", ".yaml", ".yml", ".j2", ".jinja"} and path.is_file():
                hashed.update(str(file).encode() + b"\0")
                hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.hexdigest()


def forget() -> None:
    """Look for installed plugins again (after installing one in this process)."""
    _entry_points.cache_clear()


__all__ = ["GROUPS", "Loaded", "Registry", "digest", "forget"]
