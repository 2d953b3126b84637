"""The write side of the store: idempotent upserts, each run inside the caller's transaction."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import Literal

import sqlalchemy as sa

from rashomon.records import Article, CopyEdge, Rejection
from rashomon.store import schema

SaveOutcome = Literal["added", "revised", "unchanged"]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _article_values(article: Article) -> dict:
    values = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
    values["authors"] = list(article.authors)
    values["metadata"] = dict(article.metadata)
    return values


def save_article(connection: sa.Connection, article: Article) -> tuple[SaveOutcome, Article]:
    """Store ``article`` once per identity; a changed text becomes the next revision.

    Returns what happened and the article as it is now stored (with its stored id and revision).
    """
    table = schema.articles
    row = connection.execute(
        sa.select(table.c.id, table.c.content_hash, table.c.revision)
        .where(table.c.identity == article.identity)
    ).first()
    now = _now()
    if row is None:
        connection.execute(table.insert().values(
            **_article_values(article), first_seen=now, updated_at=now))
        _record_revision(connection, article, now)
        return "added", article
    stored = dataclasses.replace(article, id=row.id, revision=row.revision)
    if row.content_hash == article.content_hash:
        return "unchanged", stored
    revised = dataclasses.replace(stored, revision=row.revision + 1)
    values = _article_values(revised)
    for kept in ("id", "identity", "copy_of", "copy_similarity"):
        values.pop(kept)
    connection.execute(table.update().where(table.c.id == row.id).values(**values, updated_at=now))
    _record_revision(connection, revised, now)
    return "revised", revised


def _record_revision(connection: sa.Connection, article: Article, now: datetime) -> None:
    connection.execute(schema.article_revisions.insert().values(
        article_id=article.id, revision=article.revision, title=article.title, text=article.text,
        content_hash=article.content_hash, origin=article.origin, recorded_at=now))


def save_fingerprint(connection: sa.Connection, article_id: str, minhash: bytes) -> None:
    table = schema.fingerprints
    connection.execute(table.delete().where(table.c.article_id == article_id))
    connection.execute(table.insert().values(article_id=article_id, minhash=minhash))


def link_copy(connection: sa.Connection, copy_id: str, original_id: str, similarity: float) -> None:
    table = schema.articles
    connection.execute(table.update().where(table.c.id == copy_id)
                       .values(copy_of=original_id, copy_similarity=similarity))


def save_rejection(connection: sa.Connection, rejection: Rejection) -> None:
    """Record a rejection; the same input rejected again for the same reason is counted, not repeated."""
    table = schema.rejections
    key = ((table.c.origin == rejection.origin) & (table.c.stage == rejection.stage)
           & (table.c.reason == rejection.reason))
    now = _now()
    updated = connection.execute(table.update().where(key)
                                 .values(times=table.c.times + 1, last_seen=now))
    if updated.rowcount == 0:
        connection.execute(table.insert().values(
            origin=rejection.origin, stage=rejection.stage, reason=rejection.reason,
            times=1, first_seen=now, last_seen=now))


def mark_feed_entry(connection: sa.Connection, feed: str, entry: str, link: str | None,
                    article_id: str | None) -> None:
    table = schema.feed_entries
    connection.execute(table.delete().where((table.c.feed == feed) & (table.c.entry == entry)))
    connection.execute(table.insert().values(
        feed=feed, entry=entry, link=link, article_id=article_id, seen_at=_now()))


def save_copy_edge(connection: sa.Connection, edge: CopyEdge) -> None:
    """``edge.copy_id`` copies ``edge.original_id``; whatever copied the copy now copies the original too."""
    table = schema.articles
    connection.execute(table.update().where(table.c.copy_of == edge.copy_id).values(copy_of=edge.original_id))
    link_copy(connection, edge.copy_id, edge.original_id, edge.similarity)


def save_entity(connection: sa.Connection, entity_id: str, label: str, name: str) -> None:
    table = schema.entities
    exists = connection.scalar(sa.select(table.c.id).where(table.c.id == entity_id))
    if exists is None:
        connection.execute(table.insert().values(id=entity_id, label=label, name=name))


def save_entity_name(connection: sa.Connection, key: str, entity_id: str) -> None:
    table = schema.entity_names
    if connection.scalar(sa.select(table.c.entity_id).where(table.c.key == key)) is None:
        connection.execute(table.insert().values(key=key, entity_id=entity_id))


def clear_annotations(connection: sa.Connection, article_id: str) -> None:
    """Remove an article's annotations before it is annotated again (a new revision)."""
    for table in (schema.quote_units, *schema.ANNOTATION_TABLES, schema.annotations):
        connection.execute(table.delete().where(table.c.article_id == article_id))


def save_rows(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        connection.execute(table.insert(), rows)
