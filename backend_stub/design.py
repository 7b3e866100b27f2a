"""The design system the backend serves: built with Encore when its web output is missing.

The backend depends on the toolchain, never the reverse: this module imports ``encore``
and calls the same build ``encore build`` runs, for the web platform only.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("backend_stub.design")


def ensure_built(project_file: Path) -> Path | None:
    """``build/web`` of the project at ``project_file``, built first if it has no
    ``encore.css``; ``None`` when there is no project there or the build fails."""
    if not project_file.is_file():
        log.warning("no %s: the design system is not served", project_file)
        return None
    from encore.config import load_project
    from encore.rebuild import run_build

    project = load_project(project_file)
    web = next((p for p in project.platforms if p.name == "web"), None)
    if web is None:
        log.warning("%s has no web platform: the design system is not served", project_file)
        return None
    folder = project.output / web.output
    if (folder / "encore.css").is_file():
        return folder
    log.info("building the design system (%s)", project_file)
    run = run_build(project, ["web"])
    log.info("%s", run.summary)
    if run.result.failed(False):
        log.error("the design-system build failed: see `encore build`")
        return None
    return folder
