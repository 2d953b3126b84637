"""The export's queries: every row of one kind, streamed in the order the export writes them.

Each query yields rows as the database hands them over (a server-side cursor on PostgreSQL), so an export
of any size holds one record at a time; rows of one record (an entity's mentions, an event's articles) come
together, for ``itertools.groupby``.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from rashomon.store import schema

_BATCH = 100  # rows fetched at a time: a batch of whole articles stays around a megabyte


def _streamed(connection: sa.Connection, query: sa.Select) -> Iterator[sa.Row]:
    yield from connection.execute(query.execution_options(yield_per=_BATCH))


def _count(connection: sa.Connection, query: sa.Select) -> int:
    return connection.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()


def _undated_last(articles: sa.Table) -> tuple:
    return articles.c.published.is_(None), articles.c.published


def articles(connection: sa.Connection) -> Iterator[sa.Row]:
    """Every stored article, oldest first (undated last), as `rashomon articles` lists them."""
    table = schema.articles
    yield from _streamed(connection, sa.select(table).order_by(*_undated_last(table), table.c.first_seen,
                                                               table.c.id))


def count_articles(connection: sa.Connection) -> int:
    return _count(connection, sa.select(schema.articles.c.id))


def entity_mentions(connection: sa.Connection) -> Iterator[sa.Row]:
    """Every mention of a canonical entity, entity by entity (by label and name), then in article and text order."""
    mentions, entities = schema.mentions, schema.entities
    yield from _streamed(connection, sa.select(
        entities.c.id.label("entity"), entities.c.label, entities.c.name, mentions.c.article_id,
        mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.kind)
        .join(mentions, mentions.c.entity_id == entities.c.id)
        .order_by(entities.c.label, entities.c.name, entities.c.id, mentions.c.article_id, mentions.c.start))


def count_entities(connection: sa.Connection) -> int:
    return _count(connection, sa.select(schema.mentions.c.entity_id).where(schema.mentions.c.entity_id.is_not(None))
                  .distinct())


def attributions(connection: sa.Connection) -> Iterator[sa.Row]:
    """Every attribution with its speaker's name and its article's outlet, date and title, in article then text
    order (as `rashomon quotes` lists them); the article's text is ``article_text``, asked once per article."""
    table, entities, articles = schema.attributions, schema.entities, schema.articles
    yield from _streamed(connection, sa.select(
        table, entities.c.name.label("speaker"), articles.c.outlet, articles.c.published, articles.c.title)
        .join(articles, articles.c.id == table.c.article_id)
        .outerjoin(entities, entities.c.id == table.c.speaker_entity_id)
        .order_by(*_undated_last(articles), table.c.article_id, table.c.idx))


def article_text(connection: sa.Connection, article_id: str) -> str:
    table = schema.articles
    return connection.execute(sa.select(table.c.text).where(table.c.id == article_id)).scalar_one()


def count_attributions(connection: sa.Connection) -> int:
    return _count(connection, sa.select(schema.attributions.c.article_id))


def _spread_groups() -> sa.Subquery:
    units = schema.quote_units
    return (sa.select(units.c.group_id).where(units.c.group_id.is_not(None)).group_by(units.c.group_id)
            .having(sa.func.count(sa.distinct(units.c.article_id)) >= 2).subquery())


def quote_group_renderings(connection: sa.Connection) -> Iterator[sa.Row]:
    """The renderings of every group rendered in two or more articles, group by group, earliest published first;
    each with its words (not its article's whole text)."""
    units, groups, articles, entities = schema.quote_units, schema.quote_groups, schema.articles, schema.entities
    spread = _spread_groups()
    group_speaker, rendering_speaker = entities.alias("group_speaker"), entities.alias("rendering_speaker")
    yield from _streamed(connection, sa.select(
        units.c.group_id, groups.c.speaker_entity_id.label("group_speaker_entity"),
        group_speaker.c.name.label("group_speaker"), units.c.article_id, articles.c.outlet, articles.c.published,
        units.c.attribution_idx, units.c.start, units.c.end,
        sa.func.substr(articles.c.text, units.c.start + 1, units.c.end - units.c.start).label("words"),
        rendering_speaker.c.name.label("speaker"), units.c.similarity)
        .join(spread, spread.c.group_id == units.c.group_id)
        .join(groups, groups.c.id == units.c.group_id)
        .join(articles, articles.c.id == units.c.article_id)
        .outerjoin(group_speaker, group_speaker.c.id == groups.c.speaker_entity_id)
        .outerjoin(rendering_speaker, rendering_speaker.c.id == units.c.speaker_entity_id)
        .order_by(units.c.group_id, *_undated_last(articles), units.c.article_id, units.c.start))


def count_quote_groups(connection: sa.Connection) -> int:
    return _count(connection, sa.select(_spread_groups()))


def cluster_members(connection: sa.Connection) -> Iterator[sa.Row]:
    """Every clustered article with its event and story and its text's length, story by story, event by event,
    oldest first within an event (undated last, then in the order they were clustered)."""
    members, events, articles = schema.cluster_members, schema.events, schema.articles
    yield from _streamed(connection, sa.select(
        events.c.story_id, members.c.event_id, members.c.article_id, articles.c.outlet, articles.c.published,
        articles.c.title, sa.func.length(articles.c.text).label("length"))
        .join(events, events.c.id == members.c.event_id)
        .join(articles, articles.c.id == members.c.article_id)
        .order_by(events.c.story_id, members.c.event_id, *_undated_last(articles), members.c.seq))


def count_clusters(connection: sa.Connection, level: str) -> int:
    """How many events (``level="event"``) or stories (``"story"``) have articles."""
    members, events = schema.cluster_members, schema.events
    column = events.c.id if level == "event" else events.c.story_id
    return _count(connection, sa.select(column).join(members, members.c.event_id == events.c.id).distinct())
