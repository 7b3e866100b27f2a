"""The ``serve`` command, shared by ``python -m backend_stub`` and ``encore serve``."""

from __future__ import annotations

from pathlib import Path

import click

from backend_stub.settings import Settings


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on [ENCORE_BACKEND_HOST; 127.0.0.1].")
@click.option(
    "--port", type=int, default=None, help="Port to listen on [ENCORE_BACKEND_PORT; 8000]."
)
@click.option(
    "--db",
    "database_url",
    default=None,
    help="sqlite:///PATH or postgresql://... "
    "[ENCORE_BACKEND_DATABASE_URL; sqlite:///build/backend/encore.db].",
)
@click.option(
    "--media",
    "media_root",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for encoded media [ENCORE_BACKEND_MEDIA; build/backend/media].",
)
@click.option(
    "--project",
    type=click.Path(path_type=Path),
    default=None,
    help="The design system's encore.yaml, built if needed and served under /design/.",
)
@click.option("--no-seed", is_flag=True, help="Do not seed the demo catalogue.")
@click.option("--log-level", default="info", show_default=True)
def serve(
    host: str | None,
    port: int | None,
    database_url: str | None,
    media_root: Path | None,
    project: Path | None,
    no_seed: bool,
    log_level: str,
) -> None:
    """Start the reference streaming backend (builds, migrates and seeds first).

    \b
    Examples:
      encore serve                                  http://127.0.0.1:8000
      encore serve --port 8080 --db sqlite:////tmp/encore.sqlite3
    """
    try:
        import uvicorn

        from backend_stub.app import create_app
    except ImportError as exc:
        raise click.ClickException(
            f"the backend needs its extra: pip install -e '.[backend]' ({exc})"
        ) from exc
    from backend_stub.observability import configure_logging
    from backend_stub.startup import prepare

    configure_logging(log_level)
    settings = Settings.from_env(
        host=host,
        port=port,
        database_url=database_url,
        media_root=media_root,
        project=project,
        seed=False if no_seed else None,
        log_level=log_level,
    )
    settings = prepare(settings)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        log_level=log_level,
    )
