"""The clusters stage's store side: articles to place, what is placed already, and each new placement."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon import embed
from rashomon.records import ArticleFacts, ArticlesToPlace, ClusteredArticle, Placement
from rashomon.store import schema

_CHUNK = 500  # ids per IN (…) list


def articles_to_place(connection: sa.Connection) -> ArticlesToPlace:
    next_event, next_story, next_sequence = _counters(connection)
    return ArticlesToPlace(tuple(article_facts(connection)), tuple(_clustered(connection)),
                           next_event, next_story, next_sequence)


def article_facts(connection: sa.Connection, unclustered_only: bool = True) -> list[ArticleFacts]:
    """Annotated articles (by default only those not yet in an event), with what the clusterer reads of them."""
    articles, annotations, members = schema.articles, schema.annotations, schema.cluster_members
    query = (sa.select(articles.c.id, articles.c.title, articles.c.text, articles.c.published, articles.c.origin,
                       articles.c.outlet, annotations.c.article_vector, annotations.c.language)
             .join(annotations, annotations.c.article_id == articles.c.id))
    if unclustered_only:
        query = (query.outerjoin(members, members.c.article_id == articles.c.id)
                 .where(members.c.article_id.is_(None)))
    rows = connection.execute(query).all()
    ids = [row.id for row in rows]
    entities, dates = _entity_ids(connection, ids), _date_values(connection, ids)
    return [ArticleFacts(row.id, row.title, row.text, row.published, row.origin,
                         embed.from_bytes(row.article_vector), entities[row.id], tuple(dates[row.id]), row.language,
                         row.outlet)
            for row in rows]


def _entity_ids(connection: sa.Connection, article_ids: list[str]) -> dict[str, frozenset[str]]:
    mentions = schema.mentions
    found: dict[str, set[str]] = {article_id: set() for article_id in article_ids}
    for start in range(0, len(article_ids), _CHUNK):
        query = (sa.select(mentions.c.article_id, mentions.c.entity_id).distinct()
                 .where(mentions.c.article_id.in_(article_ids[start:start + _CHUNK]),
                        mentions.c.entity_id.is_not(None)))
        for article_id, entity_id in connection.execute(query):
            found[article_id].add(entity_id)
    return {article_id: frozenset(ids) for article_id, ids in found.items()}


def _date_values(connection: sa.Connection, article_ids: list[str]) -> dict[str, list[str]]:
    dates = schema.date_mentions
    found: dict[str, list[str]] = {article_id: [] for article_id in article_ids}
    for start in range(0, len(article_ids), _CHUNK):
        query = (sa.select(dates.c.article_id, dates.c.value)
                 .where(dates.c.article_id.in_(article_ids[start:start + _CHUNK]), dates.c.kind == "DATE"))
        for article_id, value in connection.execute(query):
            found[article_id].append(value)
    return found


def _clustered(connection: sa.Connection) -> list[ClusteredArticle]:
    """Every clustered article in the order it was clustered, with its event, story, vector and profile."""
    members, events, annotations, articles = (schema.cluster_members, schema.events, schema.annotations,
                                              schema.articles)
    query = (sa.select(members.c.article_id, members.c.seq, members.c.event_id, events.c.story_id,
                       articles.c.published, annotations.c.article_vector, members.c.profile)
             .join(events, events.c.id == members.c.event_id)
             .join(articles, articles.c.id == members.c.article_id)
             .join(annotations, annotations.c.article_id == members.c.article_id)
             .order_by(members.c.seq))
    return [ClusteredArticle(row.article_id, row.seq, row.event_id, row.story_id, row.published,
                             embed.from_bytes(row.article_vector), row.profile) for row in connection.execute(query)]


def _counters(connection: sa.Connection) -> tuple[int, int, int]:
    """The next free event id, story id and clustering sequence number."""
    def next_of(column) -> int:
        return connection.scalar(sa.select(sa.func.coalesce(sa.func.max(column), 0))) + 1

    return next_of(schema.events.c.id), next_of(schema.stories.c.id), next_of(schema.cluster_members.c.seq)


def save_placements(connection: sa.Connection, placements: list[Placement]) -> None:
    for placement in placements:
        _save_placement(connection, placement)


def _save_placement(connection: sa.Connection, placement: Placement) -> None:
    """One article's place, with the new event or story it opened and the merges and splits it caused."""
    now = datetime.now(timezone.utc)
    if placement.new_story:
        connection.execute(schema.stories.insert().values(id=placement.story_id))
    if placement.new_event:
        connection.execute(schema.events.insert().values(id=placement.event_id, story_id=placement.story_id))
    for _, opened, story in placement.split_events:
        connection.execute(schema.events.insert().values(id=opened, story_id=story))
    for event_id, _, to_story in placement.moved_events:
        connection.execute(schema.events.update().where(schema.events.c.id == event_id).values(story_id=to_story))
    members = schema.cluster_members
    for article_id, from_event, to_event in placement.moved_articles:
        connection.execute(members.update().where(members.c.article_id == article_id).values(event_id=to_event))
        connection.execute(schema.cluster_moves.insert().values(
            article_id=article_id, from_event=from_event, to_event=to_event, because=placement.article_id,
            moved_at=now))
    for gone, _ in placement.merged_events:
        connection.execute(schema.events.delete().where(schema.events.c.id == gone))
    connection.execute(members.insert().values(
        article_id=placement.article_id, seq=placement.sequence, event_id=placement.event_id,
        profile=dict(placement.profile), explanation=dict(placement.explanation), clustered_at=now))
    if placement.merged_events:
        stories, events = schema.stories, schema.events
        connection.execute(stories.delete().where(~sa.exists().where(events.c.story_id == stories.c.id)))
