"""``encore watch``: rebuild on every save, never die, keep the last good outputs.

A watchdog observer reports file events under the project folder; those that can change
a build (``encore.yaml``, and anything under ``tokens/``, ``platforms/``,
``local_systems/``, the tier globs' folders or the component folders, but never the
output folder or editors' swap files) start a quiet period of ``debounce`` seconds that
every further event restarts, so a burst of saves or an editor's write-to-temp-and-rename
gives one rebuild. Each rebuild reloads ``encore.yaml``, runs `encore.rebuild.run_build`
(the build cache makes an unchanged tree cost almost nothing) and prints the changed
inputs, the located errors or the summary with the rebuild time. A failed build writes
nothing, so the last good outputs stay until the next good save. Nothing raised while
rebuilding stops the loop.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from encore import warm
from encore.config import PROJECT_FILE, ProjectConfig, load_project
from encore.diagnostics import Diagnostic, EncoreError, has_errors
from encore.rebuild import run_build

WATCHED_FOLDERS = ("tokens", "platforms", "local_systems")
_SWAP = (".swp", ".swx", "~", ".tmp", ".part", ".crdownload")  # editors' transient files


@dataclass(frozen=True, slots=True)
class Outcome:
    """One rebuild: what triggered it, whether it succeeded, and what was printed."""

    changed: tuple[str, ...]
    ok: bool
    summary: str
    diagnostics: tuple[Diagnostic, ...]
    seconds: float
    timings: tuple[tuple[str, float], ...] = ()  # each build stage's time


class Watcher:
    """Watches a project and rebuilds after each quiet period; `start` and `stop` it, or
    `run` it until interrupted."""

    def __init__(
        self,
        root: Path,
        *,
        platforms: Sequence[str] = (),
        inputs: Mapping[str, str] | None = None,
        debounce: float = 0.1,
        emit: Callable[[Outcome], None] | None = None,
    ) -> None:
        warm.enable()  # a long-lived process: each rebuild reuses what the last one made
        self.root = root.resolve()
        self.platforms = tuple(platforms)
        self.inputs = dict(inputs) if inputs else None
        self.debounce = debounce
        self.emit = emit or (lambda outcome: None)
        self.builds = 0  # finished rebuilds, for callers waiting on the next one
        self._pending: set[str] = set()
        self._last_event = 0.0
        self._lock = threading.Condition()
        self.building = threading.Lock()  # one rebuild at a time (the first may race events)
        self._stopping = False
        self._observer: Observer | None = None  # type: ignore[valid-type]
        self._thread: threading.Thread | None = None
        self._output: Path | None = None
        self._folders: set[str] = set(WATCHED_FOLDERS)
        self._everything = False
        try:
            self._layout(load_project(self.root))
        except EncoreError:
            self._output = (self.root / "build").resolve()

    # -- events -------------------------------------------------------------------------

    def _layout(self, project: ProjectConfig) -> None:
        """The output folder (ignored) and the top folders inputs live in (watched)."""
        self._output = project.output.resolve()
        patterns = [g for globs in project.tiers.values() for g in globs]
        patterns += list(project.components)
        tops = [Path(p).parts[0] for p in patterns if Path(p).parts]
        places = [p.folder for p in project.platforms]
        if project.themes is not None:
            places.append(project.themes.resolver)
        for place in places:
            try:
                tops.append(place.resolve().relative_to(self.root).parts[0])
            except (ValueError, IndexError):
                continue
        self._everything = any("*" in top for top in tops)  # e.g. **/*.tokens.json
        self._folders = set(WATCHED_FOLDERS) | {t for t in tops if "*" not in t}

    def relevant(self, path: str) -> bool:
        """Whether a change to ``path`` can change the build."""
        target = Path(path)
        if not target.is_absolute():
            target = self.root / target
        try:
            relative = target.resolve().relative_to(self.root)
        except ValueError:
            return False
        if self._output is not None and target.resolve().is_relative_to(self._output):
            return False
        name = relative.name
        if name.startswith((".#", "#")) or name.endswith(_SWAP) or "__pycache__" in relative.parts:
            return False
        if relative.as_posix() == PROJECT_FILE:
            return True
        if any(part.startswith(".") for part in relative.parts):
            return False
        return bool(relative.parts) and (self._everything or relative.parts[0] in self._folders)

    def notice(self, *paths: str) -> None:
        """Record changed paths (called by the observer; tests may call it directly)."""
        found = {p for p in paths if p and self.relevant(p)}
        if not found:
            return
        with self._lock:
            self._pending |= {self._shown(p) for p in found}
            self._last_event = time.monotonic()
            self._lock.notify_all()

    def _shown(self, path: str) -> str:
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path

    # -- rebuilding ---------------------------------------------------------------------

    def rebuild(self, changed: Sequence[str] = ()) -> Outcome:
        """One rebuild; every failure becomes an outcome, never an exception."""
        with self.building:
            return self._rebuild(changed)

    def _rebuild(self, changed: Sequence[str]) -> Outcome:
        started = time.perf_counter()
        timings: tuple[tuple[str, float], ...] = ()
        try:
            project = load_project(self.root)
            self._layout(project)
            run_started = time.perf_counter()
            run = run_build(project, self.platforms, inputs=self.inputs)
            diagnostics = tuple(run.result.diagnostics)
            timings = (("read encore.yaml", run_started - started), *run.result.timings)
            ok = not has_errors(diagnostics)
            summary = run.summary if ok else "encore: build failed; kept the last good outputs"
        except EncoreError as exc:
            diagnostics = tuple(exc.diagnostics)
            ok, summary = False, "encore: configuration error; kept the last good outputs"
        except Exception as exc:
            # the watcher must survive anything; the message says what happened
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            diagnostics = ()
            ok = False
            summary = f"encore: internal error while rebuilding ({detail}); still watching"
        seconds = time.perf_counter() - started
        outcome = Outcome(tuple(sorted(changed)), ok, summary, diagnostics, seconds, timings)
        self.emit(outcome)
        if warm.ENABLED:
            warm.settle()  # after the outputs are written and reported
        with self._lock:
            self.builds += 1
            self._lock.notify_all()
        return outcome

    def _loop(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                while True:  # the quiet period: every new event restarts it
                    remaining = self._last_event + self.debounce - time.monotonic()
                    if remaining <= 0 or self._stopping:
                        break
                    self._lock.wait(remaining)
                if self._stopping:
                    return
                changed, self._pending = sorted(self._pending), set()
            self.rebuild(changed)

    def idle(self) -> bool:
        """True when no change is waiting for a rebuild."""
        with self._lock:
            return not self._pending

    def wait_for_build(self, after: int, timeout: float = 30.0) -> bool:
        """Wait until more than ``after`` rebuilds finished and nothing is pending."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self.builds <= after or self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._lock.wait(remaining)
            return True

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start observing and the rebuild thread."""
        handler = _Handler(self)
        observer = Observer()
        observer.schedule(handler, str(self.root), recursive=True)
        observer.start()
        self._observer = observer
        self._thread = threading.Thread(target=self._loop, name="encore-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the observer and the rebuild thread."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=30)


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a file inside changed: that file's own event says which
        paths = [os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")]
        self.watcher.notice(*paths)


__all__ = ["WATCHED_FOLDERS", "Outcome", "Watcher"]
