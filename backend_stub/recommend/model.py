"""The recommendation model: one item-item similarity matrix over every track, blending

- collaborative similarity: the cosine between tracks' columns of the listener x track
  matrix of plays (``log1p`` of the count; a play counts from 30 s or half the track), and
- content similarity: the cosine between tracks' standardised audio features (only
  positive values),

as ``(1 - CONTENT_WEIGHT) * collaborative + CONTENT_WEIGHT * content``, each row kept to
its ``NEIGHBOURS`` strongest entries (scipy sparse), plus a popularity score for the
fallback: half the share of plays, half the catalogue's popularity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]  # no stubs installed

from backend_stub.db import Connection, Row
from backend_stub.recommend.features import every

CONTENT_WEIGHT = 0.3
# When a listening event (e, of track t) is a play rather than a skip.
COUNTS = "e.ms_played >= 30000 OR 2 * e.ms_played >= t.duration_ms"
NEIGHBOURS = 50
_BLOCK_CELLS = 4_000_000  # the dense content similarity is computed this many cells at a time
Vector = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Model:
    track_ids: tuple[str, ...]
    index: dict[str, int]
    similarity: sparse.csr_matrix  # tracks x tracks, zero diagonal
    popularity: Vector  # per track, 0 to 1
    markets: tuple[frozenset[str], ...]  # per track, where it is licensed
    marker: tuple[int, int]  # (the newest event id, the catalogue version) it was built at
    built_at: float
    content: sparse.csr_matrix  # the content part, reused while the catalogue is the same


def build(
    conn: Connection, marker: tuple[int, int], now: float, previous: Model | None = None
) -> Model:
    """A model of the catalogue and the listening events now in the database; the content
    similarity of ``previous`` is reused when it was built at the same catalogue version
    (it depends on the tracks only, and is the costly part)."""
    tracks = conn.all("SELECT id, popularity FROM tracks ORDER BY id")
    ids = tuple(str(t["id"]) for t in tracks)
    index = {track_id: i for i, track_id in enumerate(ids)}
    markets: list[set[str]] = [set() for _ in ids]
    for row in conn.all("SELECT track_id, market FROM track_markets"):
        if row["track_id"] in index:
            markets[index[row["track_id"]]].add(row["market"])
    plays = conn.all(
        "SELECT e.listener, e.track_id, COUNT(*) AS plays FROM listening_events e"
        f" JOIN tracks t ON t.id = e.track_id WHERE {COUNTS} GROUP BY e.listener, e.track_id"
    )
    collaborative, counts = _collaborative(plays, index)
    if previous is not None and previous.marker[1] == marker[1] and previous.track_ids == ids:
        content = previous.content
    else:
        content = _content(conn, index)
    blended = _top_k((1 - CONTENT_WEIGHT) * collaborative + CONTENT_WEIGHT * content)
    catalogue = np.array([float(t["popularity"]) for t in tracks]) / 100
    share = counts / counts.max() if len(counts) and counts.max() > 0 else np.zeros(len(ids))
    return Model(
        track_ids=ids,
        index=index,
        similarity=blended,
        popularity=0.5 * share + 0.5 * catalogue,
        markets=tuple(frozenset(m) for m in markets),
        marker=marker,
        built_at=now,
        content=content,
    )


def _collaborative(plays: list[Row], index: dict[str, int]) -> tuple[sparse.csr_matrix, Vector]:
    """The cosine similarity of tracks' listener columns, and each track's play count."""
    listeners: dict[str, int] = {}
    rows, cols, values = [], [], []
    counts = np.zeros(len(index))
    for play in plays:
        column = index.get(str(play["track_id"]))
        if column is None:
            continue
        count = float(play["plays"])
        rows.append(listeners.setdefault(play["listener"], len(listeners)))
        cols.append(column)
        values.append(np.log1p(count))
        counts[column] += count
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(listeners), len(index)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=0)).ravel())
    scale = sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0))
    unit = matrix @ scale
    similarity = sparse.csr_matrix(unit.T @ unit)
    similarity.setdiag(0)
    similarity.eliminate_zeros()
    return similarity, counts


def _content(conn: Connection, index: dict[str, int]) -> sparse.csr_matrix:
    """The positive cosine similarity of tracks' standardised audio features (tracks
    without features have none), each row's ``NEIGHBOURS`` strongest only."""
    features = np.zeros((len(index), 5))
    known = np.zeros(len(index), dtype=bool)
    for track_id, found in every(conn).items():
        if track_id in index:
            features[index[track_id]] = found.vector()
            known[index[track_id]] = True
    if known.sum() < 2:
        return sparse.csr_matrix((len(index), len(index)))
    mean = features[known].mean(axis=0)
    spread = features[known].std(axis=0)
    spread[spread == 0] = 1.0
    unit = np.where(known[:, None], (features - mean) / spread, 0.0)
    lengths = np.linalg.norm(unit, axis=1)
    unit = np.divide(unit, lengths[:, None], out=np.zeros_like(unit), where=lengths[:, None] > 0)
    size = len(index)
    keep = min(NEIGHBOURS, size)
    rows: list[npt.NDArray[np.int64]] = []
    cols: list[npt.NDArray[np.int64]] = []
    values: list[Vector] = []
    step = max(1, _BLOCK_CELLS // size)
    for start in range(0, size, step):
        block = np.clip(unit[start : start + step] @ unit.T, 0.0, None)
        here = np.arange(block.shape[0])
        block[here, start + here] = 0.0
        strongest = np.argpartition(block, size - keep, axis=1)[:, size - keep :]
        rows.append(np.repeat(start + here, keep))
        cols.append(strongest.ravel())
        values.append(np.take_along_axis(block, strongest, axis=1).ravel())
    matrix = sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(size, size)
    )
    matrix.eliminate_zeros()
    return matrix


def _top_k(matrix: sparse.spmatrix, k: int = NEIGHBOURS) -> sparse.csr_matrix:
    """``matrix`` with only each row's ``k`` largest entries."""
    result = sparse.csr_matrix(matrix)
    for row in range(result.shape[0]):
        start, end = result.indptr[row], result.indptr[row + 1]
        if end - start > k:
            values = result.data[start:end]
            values[np.argsort(values)[: end - start - k]] = 0.0
    result.eliminate_zeros()
    return result
