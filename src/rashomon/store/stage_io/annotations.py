"""The annotate and entities stages' store side: articles to annotate, the entity registry, annotations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon import embed
from rashomon.nlp.person_names import has_surname
from rashomon.records import Article, ArticleAnnotation, Entity, Span
from rashomon.store import schema, writes
from rashomon.store.reads import article_from_row


def articles_to_annotate(connection: sa.Connection) -> list[Article]:
    """Articles never annotated, or revised since they were, oldest first (undated last)."""
    articles, annotations = schema.articles, schema.annotations
    query = (sa.select(articles)
             .outerjoin(annotations, annotations.c.article_id == articles.c.id)
             .where(annotations.c.article_id.is_(None) | (annotations.c.content_hash != articles.c.content_hash))
             .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id))
    return [article_from_row(row) for row in connection.execute(query)]


class StoredEntities:
    """The entity registry as the store holds it, read through one connection (see ``entities.EntityBook``)."""

    def __init__(self, connection: sa.Connection):
        self.connection = connection

    def entities_for_keys(self, keys: list[str]) -> dict[str, str]:
        """name key → entity id, for the keys already known."""
        table = schema.entity_names
        query = sa.select(table.c.key, table.c.entity_id).where(table.c.key.in_(keys))
        return dict(self.connection.execute(query).all())

    def people_with_surname(self, surname: str) -> list[str]:
        """People with a first name and this surname ("Stoltenberg" → Jens Stoltenberg, "Biden" → Joseph R.
        Biden Jr.)."""
        table = schema.entities
        rows = self.connection.execute(sa.select(table.c.id, table.c.name).where(
            (table.c.label == "PERSON") & table.c.name.like(f"% {surname}%")))
        return [row.id for row in rows if has_surname(row.name, surname)]

    def entity(self, entity_id: str) -> Entity | None:
        table = schema.entities
        row = self.connection.execute(sa.select(table).where(table.c.id == entity_id)).first()
        return Entity(row.id, row.name, row.label) if row is not None else None


def save_resolved(connection: sa.Connection, article: Article, annotation: ArticleAnnotation, book) -> None:
    """What the entities stage added to the registry (its ``EntityBook``), then the article's annotation."""
    save_entity_book(connection, book)
    save_annotation(connection, article.text, annotation)


def save_entity_book(connection: sa.Connection, book) -> None:
    """An ``EntityBook``'s additions: entities first seen and name keys learnt."""
    for entity in book.new.values():
        writes.save_entity(connection, entity.id, entity.label, entity.name)
    for key, entity_id in book.names.items():
        writes.save_entity_name(connection, key, entity_id)


def save_annotation(connection: sa.Connection, text: str, annotation: ArticleAnnotation) -> None:
    """Replace the article's annotations with these (their entities already stored)."""
    article_id = annotation.article_id
    writes.clear_annotations(connection, article_id)
    writes.save_rows(connection, schema.annotations, [{
        "article_id": article_id, "content_hash": annotation.content_hash, "language": annotation.language,
        "pipeline": annotation.pipeline, "covered": annotation.covered, "embedder": annotation.embedder,
        "article_vector": embed.to_bytes(annotation.article_vector),
        "annotated_at": datetime.now(timezone.utc)}])
    writes.save_rows(connection, schema.sentences, [
        {"article_id": article_id, "idx": s.index, "start": s.span.start, "end": s.span.end,
         "vector": embed.to_bytes(s.vector)} for s in annotation.sentences])
    writes.save_rows(connection, schema.quotations, [
        {"article_id": article_id, "idx": i, "start": q.start, "end": q.end}
        for i, q in enumerate(annotation.quotations)])
    writes.save_rows(connection, schema.mentions, list(_mention_rows(annotation)))
    writes.save_rows(connection, schema.attributions, [
        {"article_id": article_id, "idx": a.index, "kind": a.kind, "content": _pairs(a.content),
         "cue": _pairs(a.cue), "source": _pairs(a.source),
         "content_text": " … ".join(text[s.start:s.end] for s in a.content),
         "speaker_entity_id": a.speaker_entity_id, "spoken_on": a.spoken_on, "confidence": a.confidence}
        for a in annotation.attributions])
    writes.save_rows(connection, schema.date_mentions, [
        {"article_id": article_id, "idx": i, "start": d.span.start, "end": d.span.end, "text": d.text,
         "value": d.value, "kind": d.kind, "qualifier": d.qualifier} for i, d in enumerate(annotation.dates)])


def _pairs(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[span.start, span.end] for span in spans]


def _mention_rows(annotation: ArticleAnnotation) -> Iterator[dict]:
    for i, mention in enumerate(annotation.mentions):
        yield {"article_id": annotation.article_id, "idx": i, "start": mention.span.start,
               "end": mention.span.end, "text": mention.text, "label": mention.label, "chain": mention.chain,
               "kind": mention.kind, "entity_id": mention.entity_id}
