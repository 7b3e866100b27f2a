"""Dependencies the routes share: a database connection per request, the request's
market (the query's, else the signed-in user's country), path parameters and paging
parameters with their limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from backend_stub.auth import users
from backend_stub.auth.guard import token_user_id
from backend_stub.catalogue.markets import MarketQuery, request_market
from backend_stub.catalogue.shapes import Shaper
from backend_stub.db import Connection
from backend_stub.ids import ID_PATTERN
from backend_stub.settings import Settings


def _connection(request: Request) -> Iterator[Connection]:
    with request.app.state.db.connect() as conn:
        yield conn


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _market(
    request: Request, conn: Annotated[Connection, Depends(_connection)], market: MarketQuery = None
) -> str | None:
    def user_country() -> str | None:
        user_id = token_user_id(request)
        user = users.by_id(conn, user_id) if user_id else None
        return str(user["country"]) if user else None

    return request_market(market, user_country)


def _shaper(request: Request, market: Annotated[str | None, Depends(_market)]) -> Shaper:
    return Shaper(str(request.base_url), market)


# "function": commit before the answer is sent, so a client's next request sees its write.
Conn = Annotated[Connection, Depends(_connection, scope="function")]
AppSettings = Annotated[Settings, Depends(_settings)]
Market = Annotated[str | None, Depends(_market)]
Shape = Annotated[Shaper, Depends(_shaper)]
ItemId = Annotated[str, Path(pattern=ID_PATTERN, description="A 22-character base-62 id.")]
Limit = Annotated[int, Query(ge=1, le=50, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Index of the first item.")]
IdList = Annotated[
    str,
    Query(
        pattern=r"^[0-9A-Za-z]{22}(,[0-9A-Za-z]{22}){0,49}$",
        description="Up to 50 comma-separated ids.",
    ),
]
