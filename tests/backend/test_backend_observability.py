"""Request ids, metrics, health and the 500 envelope."""

from __future__ import annotations

import io
import logging
import re

from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.observability import LOG_FORMAT, RequestIdFilter
from backend_stub.routes import deps
from tests.backend.conftest import Seeded, settings_for
from tests.backend.helpers import assert_error


def test_request_ids_are_made_or_kept(client: TestClient) -> None:
    made = client.get("/healthz").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    odd = client.get("/healthz", headers={"X-Request-ID": "no spaces\tor tabs"})
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["x-request-id"])
    # Errors carry it too.
    missing = client.get("/nowhere", headers={"X-Request-ID": "e-404"})
    assert missing.status_code == 404 and missing.headers["x-request-id"] == "e-404"


def test_log_lines_carry_the_request_id(client: TestClient) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("backend_stub.access")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        client.get("/healthz", headers={"X-Request-ID": "log-me-1"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert "INFO [log-me-1] backend_stub.access: GET /healthz 200" in stream.getvalue()


def test_health(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == ("sqlite" if seeded.url.startswith("sqlite") else "postgresql")
    assert body["schema_version"] >= 1 and body["tracks"] == seeded.report.tracks


def test_metrics_in_prometheus_text(client: TestClient) -> None:
    client.get(f"/v1/tracks/{'0' * 22}")
    client.get("/healthz")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    text = response.text
    assert "# TYPE encore_http_request_duration_seconds histogram" in text
    assert re.search(
        r'encore_http_request_duration_seconds_bucket\{le="0.1",method="GET",'
        r'route="/healthz",status="200"\} [1-9]',
        text,
    )
    # Route templates, not raw paths: the id does not become a label.
    assert re.search(
        r'encore_http_errors_total\{method="GET",route="/v1/tracks/\{id\}",status="404"\} [1-9]',
        text,
    )
    assert "0" * 22 not in text


def test_an_unexpected_error_is_a_500_envelope(seeded: Seeded) -> None:
    app = create_app(settings_for(seeded))

    def broken() -> None:
        raise RuntimeError("the database fell over")

    app.dependency_overrides[deps._connection] = broken
    with TestClient(app) as test_client:
        response = test_client.get("/healthz", headers={"X-Request-ID": "boom-1"})
        error = assert_error(response, 500)
        assert error["message"] == "internal server error"  # no internals leak
        assert response.headers["x-request-id"] == "boom-1"
        metrics = test_client.get("/metrics").text
        assert 'encore_http_errors_total{method="GET",route="/healthz",status="500"} 1.0' in metrics
