"""The read side of the store: every query the CLI, the API and the pages ask, in one place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from rashomon.errors import NotFound
from rashomon.records import Article, Rejection
from rashomon.store import schema


def article_from_row(row: sa.Row) -> Article:
    return Article(
        id=row.id, identity=row.identity, text=row.text, title=row.title, url=row.url,
        outlet=row.outlet, published=row.published, authors=tuple(row.authors or ()),
        language=row.language, origin=row.origin, content_hash=row.content_hash,
        metadata=row.metadata or {}, copy_of=row.copy_of, copy_similarity=row.copy_similarity,
        revision=row.revision,
    )


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    copies: bool = True  # include articles that copy another


def _filtered(query: sa.Select, where: ArticleFilter) -> sa.Select:
    table = schema.articles
    if where.outlet:
        query = query.where(sa.func.lower(table.c.outlet) == where.outlet.lower())
    if where.since:
        query = query.where(table.c.published >= where.since)
    if where.until:
        query = query.where(table.c.published <= where.until)
    if where.language:
        query = query.where(table.c.language == where.language)
    if not where.copies:
        query = query.where(table.c.copy_of.is_(None))
    return query


def articles(connection: sa.Connection, where: ArticleFilter = ArticleFilter(),
             limit: int | None = None) -> Iterator[Article]:
    table = schema.articles
    query = _filtered(sa.select(table), where).order_by(
        table.c.published.is_(None), table.c.published, table.c.first_seen, table.c.id)
    if limit is not None:
        query = query.limit(limit)
    for row in connection.execute(query):
        yield article_from_row(row)


def count_articles(connection: sa.Connection, where: ArticleFilter = ArticleFilter()) -> int:
    query = _filtered(sa.select(sa.func.count()).select_from(schema.articles), where)
    return connection.scalar(query)


def find_article(connection: sa.Connection, key: str) -> Article:
    """An article by id, unique id prefix, or URL."""
    table = schema.articles
    rows = connection.execute(sa.select(table).where(
        (table.c.id == key) | (table.c.url == key))).all()
    if not rows and len(key) >= 4:
        rows = connection.execute(sa.select(table).where(table.c.id.startswith(key)).limit(2)).all()
    if not rows:
        raise NotFound(f"no article with id or URL {key!r}")
    if len(rows) > 1:
        raise NotFound(f"{key!r} matches more than one article; give more of the id")
    return article_from_row(rows[0])


def articles_with_content_hash(connection: sa.Connection, content_hash: str,
                               excluding: str) -> list[Article]:
    table = schema.articles
    query = (sa.select(table).where((table.c.content_hash == content_hash) & (table.c.id != excluding))
             .order_by(table.c.first_seen))
    return [article_from_row(row) for row in connection.execute(query)]


def article_dates(connection: sa.Connection, ids: list[str]) -> dict[str, tuple[date | None, str | None]]:
    """Publication date and copy_of of each id, for deciding which of two copies came first."""
    table = schema.articles
    rows = connection.execute(sa.select(table.c.id, table.c.published, table.c.copy_of)
                              .where(table.c.id.in_(ids)))
    return {row.id: (row.published, row.copy_of) for row in rows}


def fingerprints(connection: sa.Connection) -> Iterator[tuple[str, bytes]]:
    table = schema.fingerprints
    for row in connection.execute(sa.select(table.c.article_id, table.c.minhash)):
        yield row.article_id, row.minhash


def revisions(connection: sa.Connection, article_id: str) -> list[sa.Row]:
    table = schema.article_revisions
    return connection.execute(sa.select(table).where(table.c.article_id == article_id)
                              .order_by(table.c.revision)).all()


def copies_of(connection: sa.Connection, article_id: str) -> list[Article]:
    table = schema.articles
    return [article_from_row(row) for row in
            connection.execute(sa.select(table).where(table.c.copy_of == article_id))]


@dataclass(frozen=True)
class StoredRejection:
    rejection: Rejection
    times: int
    first_seen: datetime
    last_seen: datetime


def rejections(connection: sa.Connection) -> list[StoredRejection]:
    table = schema.rejections
    rows = connection.execute(sa.select(table).order_by(table.c.last_seen, table.c.id))
    return [StoredRejection(Rejection(row.origin, row.reason, row.stage), row.times,
                            row.first_seen, row.last_seen) for row in rows]


def seen_feed_entries(connection: sa.Connection, feed: str) -> set[str]:
    table = schema.feed_entries
    return set(connection.scalars(sa.select(table.c.entry).where(table.c.feed == feed)))
