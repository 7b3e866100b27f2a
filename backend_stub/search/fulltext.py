"""Full-text queries, one function per database, over the same folded documents.

Queries are built from ``textnorm.words`` only (word characters), so user input never
becomes FTS5 or tsquery syntax. Every term is a prefix: ``angs`` finds ``Ångström``.

* SQLite: FTS5 ``MATCH '"w1"* "w2"*'`` ranked by ``bm25`` with the name weighted 10 to
  the context's 2 (the context of a track is its artists and album).
* PostgreSQL: ``to_tsquery('simple', 'w1:* & w2:*')`` over a generated ``tsvector`` (name
  weight A, context B) with a GIN index, ranked by ``ts_rank``.
"""

from __future__ import annotations

from backend_stub.db import Connection


def _fts5_query(terms: list[str]) -> str:
    return " ".join(f'"{term}"*' for term in terms)


def _tsquery(terms: list[str]) -> str:
    return " & ".join(f"'{term}':*" for term in terms)


def search(
    conn: Connection, kind: str, terms: list[str], limit: int, offset: int
) -> tuple[list[str], int]:
    """Ids of ``kind`` matching every term (best first, a page of them) and the total."""
    if not terms:
        return [], 0
    if conn.dialect == "sqlite":
        params = {"q": _fts5_query(terms), "kind": kind, "limit": limit, "offset": offset}
        where = "FROM search_fts WHERE search_fts MATCH :q AND kind = :kind"
        total = int(conn.scalar(f"SELECT COUNT(*) {where}", params))
        rows = conn.all(
            f"SELECT item_id {where} ORDER BY bm25(search_fts, 0, 0, 10.0, 2.0), item_id"
            " LIMIT :limit OFFSET :offset",
            params,
        )
    else:
        params = {"q": _tsquery(terms), "kind": kind, "limit": limit, "offset": offset}
        where = "FROM search_documents WHERE kind = :kind AND document @@ to_tsquery('simple', :q)"
        total = int(conn.scalar(f"SELECT COUNT(*) {where}", params))
        rows = conn.all(
            f"SELECT item_id {where} ORDER BY"
            " ts_rank(document, to_tsquery('simple', :q)) DESC, item_id"
            " LIMIT :limit OFFSET :offset",
            params,
        )
    return [r["item_id"] for r in rows], total
