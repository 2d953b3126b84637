"""What names a story in a list: its headline (the title of its most central article) and the entities its
articles name most."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from rashomon import embed
from rashomon.reads.labels import headline
from rashomon.store import reads

TOP_ENTITIES = 3
ENTITY_LABELS = ("PERSON", "ORG", "PLACE")


def headlines(connection) -> dict[int, str]:
    """Each story's headline: the title of the titled member whose vector is closest (cosine) to the mean of
    its members' unit vectors (the opening words of the most central member when none has a title; the
    first clustered member when none is annotated)."""
    members: dict[int, list] = defaultdict(list)
    for row in reads.story_members(connection):
        members[row.story_id].append(row)
    return {story: headline(central.title, central.opening) for story, rows in members.items()
            for central in [_most_central(rows)]}


def _most_central(rows: list):
    vectors = [(row, embed.from_bytes(row.article_vector)) for row in rows if row.article_vector is not None]
    if not vectors:
        return rows[0]
    unit = np.stack([vector / (np.linalg.norm(vector) or 1.0) for _, vector in vectors])
    closeness = unit @ unit.mean(axis=0)
    titled = np.array([bool(row.title and row.title.strip()) for row, _ in vectors])
    if titled.any():
        closeness = np.where(titled, closeness, -np.inf)
    return vectors[int(np.argmax(closeness))][0]


def top_entities(connection, shown: int = TOP_ENTITIES) -> dict[int, tuple[str, ...]]:
    """Each story's most named people, organisations and places: by the number of its articles naming each,
    then by mentions, then by name."""
    counted: dict[int, list] = defaultdict(list)
    for row in reads.story_entity_counts(connection, ENTITY_LABELS):
        counted[row.story_id].append(row)
    return {story: tuple(row.name for row in sorted(rows, key=lambda r: (-r.articles, -r.mentions, r.name))[:shown])
            for story, rows in counted.items()}
