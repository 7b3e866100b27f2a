"""The backend's settings: command-line options over ``ENCORE_BACKEND_*`` variables over
defaults. Relative paths are relative to the working directory (the project folder)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("build") / "backend"


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str = f"sqlite:///{DEFAULT_DATA / 'encore.db'}"
    media_root: Path = DEFAULT_DATA / "media"
    project: Path = Path("encore.yaml")  # the design system served under /design/
    design_dir: Path | None = None  # its web output; found beside ``project`` when None
    default_market: str = "SE"  # streaming's market when a request names none
    seed: bool = True  # seed the demo catalogue into an empty database
    seed_seconds: float | None = None  # every demo track this long (default: 8 to 20 s)
    log_level: str = "info"
    # HS256 key for access tokens; a random one per process unless set (tokens then end
    # with the process). At least 32 bytes.
    jwt_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    access_token_seconds: int = 900
    refresh_token_seconds: int = 30 * 24 * 3600
    event_queue_size: int = 10_000  # listening events accepted, not yet written; more: 503
    event_batch_size: int = 500  # listening events written per transaction
    event_flush_seconds: float = 0.25  # the longest an accepted event waits to be written
    recommend_rebuild_events: int = 100  # the similarity model is rebuilt after this many
    recommend_rebuild_seconds: float = 300.0  # new events, or this long after any change
    upload_max_bytes: int = 200 * 1024 * 1024  # larger uploads answer 413
    upload_workers: int = 2  # ingest job threads; 0: this process only queues jobs
    upload_stop_seconds: float = 30.0  # a stop waits this long for running jobs
    offline_seconds: int = 30 * 24 * 3600  # an offline download's lifetime

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``ENCORE_BACKEND_*`` variables, then non-``None`` ``overrides``."""
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        if "ENCORE_BACKEND_HOST" in env:
            values["host"] = env["ENCORE_BACKEND_HOST"]
        if "ENCORE_BACKEND_PORT" in env:
            values["port"] = int(env["ENCORE_BACKEND_PORT"])
        if "ENCORE_BACKEND_DATABASE_URL" in env:
            values["database_url"] = env["ENCORE_BACKEND_DATABASE_URL"]
        if "ENCORE_BACKEND_MEDIA" in env:
            values["media_root"] = Path(env["ENCORE_BACKEND_MEDIA"])
        if "ENCORE_BACKEND_MARKET" in env:
            values["default_market"] = env["ENCORE_BACKEND_MARKET"].upper()
        if "ENCORE_BACKEND_SEED_SECONDS" in env:
            values["seed_seconds"] = float(env["ENCORE_BACKEND_SEED_SECONDS"])
        if "ENCORE_BACKEND_EVENT_QUEUE" in env:
            values["event_queue_size"] = int(env["ENCORE_BACKEND_EVENT_QUEUE"])
        if "ENCORE_BACKEND_EVENT_BATCH" in env:
            values["event_batch_size"] = int(env["ENCORE_BACKEND_EVENT_BATCH"])
        if "ENCORE_BACKEND_EVENT_FLUSH_SECONDS" in env:
            values["event_flush_seconds"] = float(env["ENCORE_BACKEND_EVENT_FLUSH_SECONDS"])
        if "ENCORE_BACKEND_UPLOAD_WORKERS" in env:
            values["upload_workers"] = int(env["ENCORE_BACKEND_UPLOAD_WORKERS"])
        if "ENCORE_BACKEND_JWT_SECRET" in env:
            values["jwt_secret"] = env["ENCORE_BACKEND_JWT_SECRET"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(cls(), **values)
        if len(settings.jwt_secret.encode()) < 32:
            raise ValueError("ENCORE_BACKEND_JWT_SECRET must be at least 32 bytes")
        return settings
