"""Licensing: which market a request is in, and whether a track may play there.

A market is an ISO 3166-1 alpha-2 code. Today it comes from ``?market=``; when accounts
land, ``request_market`` is the one place to fall back to the signed-in user's country.
Streaming needs a market even when the request names none: it uses the server's default.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from backend_stub.catalogue.repository import TrackRow
from backend_stub.errors import ApiError

MARKET_PATTERN = r"^[A-Za-z]{2}$"

MarketQuery = Annotated[
    str | None,
    Query(
        pattern=MARKET_PATTERN,
        description="An ISO 3166-1 alpha-2 country code. When given, tracks carry "
        "`is_playable` and, where they cannot play, `restrictions`.",
        examples=["SE"],
    ),
]


def request_market(market: str | None) -> str | None:
    """The market of a request: the ``market`` query parameter, upper-cased.

    The next source, once there are users, is the user's country from the access token."""
    return market.upper() if market else None


def restriction(track: TrackRow, market: str) -> str | None:
    """Why ``track`` cannot play in ``market`` (``"market"``), or ``None`` when it can."""
    if market not in track.markets:
        return "market"
    return None


def require_playable(track: TrackRow, market: str) -> None:
    """Raise the 403 a client gets when it streams ``track`` where it is not licensed."""
    if restriction(track, market) == "market":
        raise ApiError(403, f"track {track.id} is not licensed in market {market}", reason="market")
