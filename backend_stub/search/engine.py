"""One search: full text per requested kind; when nothing at all matches, the closest
name by rapidfuzz becomes the query (and the ``did_you_mean``) and full text runs again
with it. If even that finds nothing of a kind, the fuzzy matches of that kind are the
results, so a typo always finds what it is near."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from backend_stub.db import Connection
from backend_stub.search import fulltext
from backend_stub.search.fuzzy import FuzzyIndex
from backend_stub.textnorm import normalise, words

KINDS = ("album", "artist", "track")


@dataclass(frozen=True, slots=True)
class Hits:
    """Per kind: a page of ids, best first, and the total; and the suggestion if used."""

    pages: dict[str, tuple[list[str], int]] = field(default_factory=dict)
    did_you_mean: str | None = None


class SearchEngine:
    def __init__(self) -> None:
        self.fuzzy = FuzzyIndex()

    def search(
        self, conn: Connection, query: str, kinds: Sequence[str], limit: int, offset: int
    ) -> Hits:
        kinds = tuple(k for k in KINDS if k in kinds)
        terms = words(query)
        pages = {k: fulltext.search(conn, k, terms, limit, offset) for k in kinds}
        if not terms or any(total for _, total in pages.values()):
            return Hits(pages)
        suggestions = self.fuzzy.closest(conn, normalise(query), kinds)
        if not suggestions:
            return Hits(pages)
        best = suggestions[0]
        retry = words(best.name)
        pages = {k: fulltext.search(conn, k, retry, limit, offset) for k in kinds}
        for kind in kinds:
            if not pages[kind][1]:
                ids = [s.item_id for s in suggestions if s.kind == kind]
                pages[kind] = (ids[offset : offset + limit], len(ids))
        return Hits(pages, did_you_mean=best.name)
