"""The quote-groups stage's store side: attributions not yet grouped, the groups so far, new units and groups."""

from __future__ import annotations

import sqlalchemy as sa

from rashomon import embed
from rashomon.records import Attribution, QuoteGroup, QuotesToGroup, QuoteUnit, Span
from rashomon.store import schema, writes
from rashomon.store.reads import attribution_from_row


def quotes_to_group(connection: sa.Connection) -> QuotesToGroup:
    attributions = _attributions_without_units(connection)
    article_ids = list(dict.fromkeys(a.article_id for a in attributions))
    groups = connection.execute(sa.select(schema.quote_groups).order_by(schema.quote_groups.c.id)).all()
    return QuotesToGroup(
        attributions=tuple(attributions),
        texts={article_id: _text(connection, article_id) for article_id in article_ids},
        sentences={article_id: _sentences(connection, article_id) for article_id in article_ids},
        groups=tuple(QuoteGroup(row.id, row.speaker_entity_id, embed.from_bytes(row.representative))
                     for row in groups),
        group_articles=_group_articles(connection),
        next_group=connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.quote_groups.c.id), 0))) + 1)


def _attributions_without_units(connection: sa.Connection) -> list[Attribution]:
    """Attributions not yet cut into quote units, oldest article first."""
    table, units, articles = schema.attributions, schema.quote_units, schema.articles
    done = sa.select(units.c.article_id, units.c.attribution_idx).distinct().subquery()
    query = (sa.select(table)
             .join(articles, articles.c.id == table.c.article_id)
             .outerjoin(done, (done.c.article_id == table.c.article_id) & (done.c.attribution_idx == table.c.idx))
             .where(done.c.article_id.is_(None))
             .order_by(articles.c.published.is_(None), articles.c.published, table.c.article_id, table.c.idx))
    return [attribution_from_row(row) for row in connection.execute(query)]


def _text(connection: sa.Connection, article_id: str) -> str:
    return connection.scalar(sa.select(schema.articles.c.text).where(schema.articles.c.id == article_id))


def _sentences(connection: sa.Connection, article_id: str) -> tuple[Span, ...]:
    table = schema.sentences
    rows = connection.execute(sa.select(table.c.start, table.c.end).where(table.c.article_id == article_id)
                              .order_by(table.c.idx))
    return tuple(Span(article_id, row.start, row.end) for row in rows)


def _group_articles(connection: sa.Connection) -> dict[int, frozenset[str]]:
    units = schema.quote_units
    found: dict[int, set[str]] = {}
    for row in connection.execute(sa.select(units.c.group_id, units.c.article_id).where(units.c.group_id.is_not(None))):
        found.setdefault(row.group_id, set()).add(row.article_id)
    return {group: frozenset(articles) for group, articles in found.items()}


def save_grouped_quotes(connection: sa.Connection, grouped: list[QuoteGroup | QuoteUnit]) -> None:
    """New groups, then the units (a unit without a span is stored as -1..-1, without a group)."""
    writes.save_rows(connection, schema.quote_groups, [
        {"id": g.id, "speaker_entity_id": g.speaker_entity_id, "representative": embed.to_bytes(g.representative)}
        for g in grouped if isinstance(g, QuoteGroup)])
    writes.save_rows(connection, schema.quote_units, [
        {"article_id": u.article_id, "attribution_idx": u.attribution_index,
         "start": u.span.start if u.span else -1, "end": u.span.end if u.span else -1,
         "speaker_entity_id": u.speaker_entity_id, "group_id": u.group_id, "similarity": u.similarity}
        for u in grouped if isinstance(u, QuoteUnit)])
