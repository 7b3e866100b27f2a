"""Licensing: which market a request is in, and whether a track may play there.

A market is an ISO 3166-1 alpha-2 code: ``?market=XX`` wins; ``market=from_token``, or no
``market`` with a valid bearer token, is the signed-in user's country; otherwise there is
none. Streaming needs a market even when the request names none: it uses the server's
default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Query

from backend_stub.catalogue.repository import TrackRow
from backend_stub.errors import ApiError

FROM_TOKEN = "from_token"
MARKET_PATTERN = r"^([A-Za-z]{2}|from_token)$"

MarketQuery = Annotated[
    str | None,
    Query(
        pattern=MARKET_PATTERN,
        description="An ISO 3166-1 alpha-2 country code, or `from_token` for the user's "
        "country (also the default with a bearer token). When known, tracks carry "
        "`is_playable` and, where they cannot play, `restrictions`.",
        examples=["SE"],
    ),
]


def request_market(
    market: str | None, user_country: Callable[[], str | None] = lambda: None
) -> str | None:
    """The market of a request: the ``market`` query parameter, upper-cased, else (for
    ``from_token`` or none) the signed-in user's country, asked of ``user_country``."""
    if market and market != FROM_TOKEN:
        return market.upper()
    return user_country()


def restriction(track: TrackRow, market: str) -> str | None:
    """Why ``track`` cannot play in ``market`` (``"market"``), or ``None`` when it can."""
    if market not in track.markets:
        return "market"
    return None


def require_playable(track: TrackRow, market: str) -> None:
    """Raise the 403 a client gets when it streams ``track`` where it is not licensed."""
    if restriction(track, market) == "market":
        raise ApiError(403, f"track {track.id} is not licensed in market {market}", reason="market")
