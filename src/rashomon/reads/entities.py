"""Canonical entities across the corpus, with how many articles name each."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.entities import STORED_LABELS, label_family
from rashomon.errors import SettingError
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
    """Entities (of one label, if given: spaCy's GPE and LOC name PLACE), most covered first."""
    wanted = label_family(label.strip().upper()) if label else None
    if wanted is not None and wanted not in STORED_LABELS:
        raise SettingError(f"label {label!r}: not a kind of entity rashomon keeps (one of {', '.join(STORED_LABELS)}; "
                           "GPE and LOC are read as PLACE)")
    with store.read() as connection:
        rows = reads.entity_article_counts(connection, wanted)[:limit]
    return [EntityCount(Entity(row.id, row.name, row.label), row.articles, row.mentions) for row in rows]
