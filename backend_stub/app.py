"""The FastAPI application: ``create_app(settings)`` wires the database, search, error
envelope, request context and routes. Starting it migrates the schema; seeding and the
design-system build happen before, in ``startup.prepare`` (the command line runs it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from backend_stub import __version__, errors
from backend_stub.auth import routes as auth_routes
from backend_stub.auth.state import AuthState
from backend_stub.db import Database
from backend_stub.migrate import migrate
from backend_stub.observability import Metrics, RequestContext
from backend_stub.routes import route_modules
from backend_stub.search import SearchEngine
from backend_stub.settings import Settings

DESCRIPTION = """Encore's reference music-streaming backend. Spotify Web API shapes
(objects with `id`, `type`, `uri`, `href`; paging objects; `{"error": {"status",
"message"}}` for every error), licensing by `market`, progressive and HLS streaming of an
AAC ladder, and typo-tolerant search. Auth: OAuth 2 authorization code with PKCE (S256) at
`/authorize` and `/token` (a `password` grant for the demo and tests), JWT bearer tokens
with scopes."""


def design_folder(settings: Settings) -> Path:
    """Where the design system's web output is (default: ``build/web`` beside
    ``encore.yaml``)."""
    return settings.design_dir or settings.project.resolve().parent / "build" / "web"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    db = Database(settings.database_url, pool_size=8)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        migrate(db)
        try:
            async with AsyncExitStack() as stack:
                for module in hooks:
                    await stack.enter_async_context(module.lifespan(app))
                yield
        finally:
            db.close()

    app = FastAPI(
        title="Encore reference backend",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.search = SearchEngine()
    app.state.metrics = Metrics()
    app.state.auth = AuthState.from_settings(settings)
    errors.install(app)
    app.add_middleware(RequestContext, metrics=app.state.metrics)
    modules = route_modules()
    hooks = [module for module in modules if hasattr(module, "lifespan")]
    for module in (*modules, auth_routes):
        app.include_router(module.router)
    app.include_router(auth_routes.me_router)
    design = design_folder(settings)
    if design.is_dir():
        app.mount("/design", StaticFiles(directory=design), name="design")
    return app
