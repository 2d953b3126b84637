"""The ingest runner's reads: feed entries already seen, fingerprints, exact copies, copy roots, outlet names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import sqlalchemy as sa

from rashomon.records import Article
from rashomon.store import schema
from rashomon.store.reads import article_from_row, outlet_names  # noqa: F401 (the ingest runner reads it here)


def seen_feed_entries(connection: sa.Connection, feed: str) -> set[str]:
    table = schema.feed_entries
    return set(connection.scalars(sa.select(table.c.entry).where(table.c.feed == feed)))


def fingerprints(connection: sa.Connection) -> Iterator[tuple[str, bytes]]:
    """(article id, MinHash signature) of every fingerprinted article."""
    table = schema.fingerprints
    for row in connection.execute(sa.select(table.c.article_id, table.c.minhash)):
        yield row.article_id, row.minhash


def exact_copies(connection: sa.Connection, content_hash: str, excluding: str) -> list[Article]:
    """Other articles with the same text, the first seen first."""
    table = schema.articles
    query = (sa.select(table).where((table.c.content_hash == content_hash) & (table.c.id != excluding))
             .order_by(table.c.first_seen))
    return [article_from_row(row) for row in connection.execute(query)]


def copy_root(connection: sa.Connection, article_id: str) -> tuple[str, date | None]:
    """The article that ``article_id`` copies (itself if it copies none), and when that one was published."""
    published, copy_of = _published_and_copy_of(connection, article_id)
    if copy_of is None:
        return article_id, published
    return copy_of, _published_and_copy_of(connection, copy_of)[0]


def _published_and_copy_of(connection: sa.Connection, article_id: str) -> tuple[date | None, str | None]:
    table = schema.articles
    row = connection.execute(sa.select(table.c.published, table.c.copy_of).where(table.c.id == article_id)).one()
    return row.published, row.copy_of

