"""Canonical entities across the corpus, with how many articles name each."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.records import Entity
from rashomon.store import Store, reads


@dataclass(frozen=True)
class EntityCount:
    entity: Entity
    articles: int  # articles that mention it
    mentions: int

    def as_dict(self) -> dict:
        """``{"id", "label", "name", "articles", "mentions"}``."""
        return {"id": self.entity.id, "label": self.entity.label, "name": self.entity.name,
                "articles": self.articles, "mentions": self.mentions}


def entities(store: Store, label: str | None = None, limit: int | None = None) -> list[EntityCount]:
    """Entities (of one label, if given), most covered first."""
    with store.read() as connection:
        rows = reads.entity_article_counts(connection, label.upper() if label else None)[:limit]
    return [EntityCount(Entity(row.id, row.name, row.label), row.articles, row.mentions) for row in rows]
