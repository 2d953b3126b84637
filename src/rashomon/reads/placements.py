"""Where every input went: the article each stored revision came from, each article's event and vector.

What evaluations and training read after a run, to score the run's results against gold labels.
"""

from __future__ import annotations

import numpy as np

from rashomon import embed
from rashomon.store import Store, reads


def revision_origins(store: Store) -> list[tuple[str, str]]:
    """(origin, article id) of every stored revision: ``dump.jsonl:12`` became article ``3fa2…``."""
    with store.read() as connection:
        return reads.revision_origins(connection)


def placements(store: Store) -> dict[str, tuple[int, int]]:
    """Every clustered article's (event, story)."""
    with store.read() as connection:
        return reads.placements(connection)


def article_vectors(store: Store) -> dict[str, np.ndarray]:
    """Every annotated article's vector."""
    with store.read() as connection:
        return {article_id: embed.from_bytes(data) for article_id, data in reads.article_vectors(connection).items()}
