"""``/healthz`` (the database answers and its schema is current) and ``/metrics``
(Prometheus text format)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from backend_stub.catalogue import repository as repo
from backend_stub.errors import error_responses
from backend_stub.routes.deps import Conn
from backend_stub.schemas import Health

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health, responses=error_responses())
def healthz(conn: Conn) -> Health:
    """The database answers; its schema version and track count."""
    version = int(conn.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
    return Health(
        status="ok", database=conn.dialect, schema_version=version, tracks=repo.count_tracks(conn)
    )


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
def metrics(request: Request) -> Response:
    """Request counts, error counts and latency histograms by route template."""
    registry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
