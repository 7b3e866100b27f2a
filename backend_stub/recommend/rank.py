"""Ranking with a model: tracks scored by their similarity to weighted seed tracks, each
with the seed that contributed most (its "because you played"), topped up with the most
popular tracks when similarity runs out (new users have no seeds at all). Only tracks
licensed in the market, when there is one, and none of the excluded ones."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from backend_stub.recommend.model import Model


@dataclass(frozen=True, slots=True)
class Pick:
    track_id: str
    seed: str | None  # the seed track it is most like; None for a popular pick


def rank(
    model: Model,
    seeds: Mapping[str, float],
    *,
    limit: int,
    market: str | None,
    exclude: Collection[str] = (),
) -> list[Pick]:
    """Up to ``limit`` picks for ``seeds`` (track id -> weight), best first."""
    size = len(model.track_ids)
    allowed = np.ones(size, dtype=bool)
    for track_id in exclude:
        if track_id in model.index:
            allowed[model.index[track_id]] = False
    if market is not None:
        allowed &= np.array([market in m for m in model.markets], dtype=bool)
    scores = np.zeros(size)
    strongest = np.zeros(size)
    best_seed = np.full(size, -1)
    for track_id, weight in seeds.items():
        row = model.index.get(track_id)
        if row is None:
            continue
        start, end = model.similarity.indptr[row], model.similarity.indptr[row + 1]
        columns = model.similarity.indices[start:end]
        values = weight * model.similarity.data[start:end]
        scores[columns] += values
        better = values > strongest[columns]
        strongest[columns[better]] = values[better]
        best_seed[columns[better]] = row
    picks: list[Pick] = []
    for column in np.argsort(-scores, kind="stable"):
        if len(picks) == limit or scores[column] <= 0:
            break
        if allowed[column]:
            seed = model.track_ids[best_seed[column]]
            picks.append(Pick(model.track_ids[column], seed))
            allowed[column] = False
    for column in np.argsort(-model.popularity, kind="stable"):
        if len(picks) == limit:
            break
        if allowed[column]:
            picks.append(Pick(model.track_ids[column], None))
    return picks
