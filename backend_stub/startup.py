"""Everything ``serve`` does before it listens: the design system built if needed, the
schema migrated, the demo catalogue seeded into an empty database (and the demo users
into one that lacks them)."""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from backend_stub import design
from backend_stub.auth.users import seed_demo_users
from backend_stub.db import Database
from backend_stub.migrate import migrate
from backend_stub.seed import seed_if_empty
from backend_stub.settings import Settings

log = logging.getLogger("backend_stub.startup")


def prepare(settings: Settings) -> Settings:
    """Make the server ready to start; the settings with ``design_dir`` filled in."""
    started = time.perf_counter()
    folder = design.ensure_built(settings.project)
    db = Database(settings.database_url)
    try:
        applied = migrate(db)
        if applied:
            log.info("applied migrations %s", ", ".join(f"{v:04d}" for v in applied))
        if settings.seed:
            seed_if_empty(db, settings.media_root, duration_s=settings.seed_seconds)
            seed_demo_users(db)  # also into a database seeded before auth existed
    finally:
        db.close()
    log.info("ready in %.1f s", time.perf_counter() - started)
    return replace(settings, design_dir=folder)
