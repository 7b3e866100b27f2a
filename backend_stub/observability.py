"""Request ids, logs and Prometheus metrics.

``RequestContext`` is plain ASGI middleware (it never buffers a streamed file): it takes
the client's ``X-Request-ID`` when it is a sane token or makes one, puts it in a context
variable that every log line prints, returns it as a response header, logs one access
line, and records the request in the app's own Prometheus registry (one registry per app,
so several apps in one process, as in the tests, do not collide).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("backend_stub.access")
error_log = logging.getLogger("backend_stub.errors")

_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}\Z")
LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` (``-`` outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with the request id on every line, uvicorn's loggers included."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True


class Metrics:
    """The app's Prometheus metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.latency = Histogram(
            "encore_http_request_duration_seconds",
            "Time from request to the end of the response, by route template.",
            ["method", "route", "status"],
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.requests = Counter(
            "encore_http_requests",
            "Requests answered, by route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.errors = Counter(
            "encore_http_errors",
            "Answers with a 4xx or 5xx status, by route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "encore_http_requests_in_flight", "Requests being answered.", registry=self.registry
        )
        self.event_queue_depth = Gauge(
            "encore_listening_event_queue_depth",
            "Listening events accepted and not yet written.",
            registry=self.registry,
        )
        self.listening_events = Counter(
            "encore_listening_events",
            "Listening events offered: accepted, or dropped (503) because the queue was full.",
            ["outcome"],
            registry=self.registry,
        )


async def _send_crash(send: Send) -> None:
    body = json.dumps({"error": {"status": 500, "message": "internal server error"}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _route_template(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContext:
    """ASGI middleware: request id, access log line, metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        rid = given if _SANE_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500
        responded = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status, responded = int(message["status"]), True
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Logged here, inside the request's context, so the traceback has its id.
            error_log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if responded:
                raise
            await _send_crash(send_with_id)
        finally:
            self.metrics.in_flight.dec()
            seconds = time.perf_counter() - started
            labels = (scope["method"], _route_template(scope), str(status))
            self.metrics.latency.labels(*labels).observe(seconds)
            self.metrics.requests.labels(*labels).inc()
            if status >= 400:
                self.metrics.errors.labels(*labels).inc()
            access_log.info(
                "%s %s %d %.1f ms", scope["method"], scope["path"], status, seconds * 1000
            )
            request_id.reset(token)
