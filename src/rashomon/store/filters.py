"""The one filter that `articles`, `quotes`, `stories` and `search` share, and how it narrows each query.

A criterion about the article (outlet, dates, language, story, entity, copies) keeps what comes from a
matching article: the article itself, its attributions, the stories it is in, its search hits. The speaker
keeps the attributions of that speaker, and the articles (and stories and hits) that quote that speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from rashomon.store import schema


@dataclass(frozen=True)
class Filter:
    outlet: str | None = None  # the outlet's name, any case
    since: date | None = None  # published on or after
    until: date | None = None  # published on or before
    language: str | None = None  # ISO 639-1 code
    story: int | None = None  # as `rashomon stories` numbers them
    speaker: str | None = None  # part of the speaker's canonical name, any case
    entity: str | None = None  # part of the name of an entity the article mentions, any case
    copies: bool = True  # include articles that copy another

    def narrows_articles(self) -> bool:
        """Whether any criterion leaves articles out (else every article matches)."""
        return any(value is not None for value in (self.outlet, self.since, self.until, self.language,
                                                   self.story, self.speaker, self.entity)) or not self.copies


def _named(column: sa.ColumnElement, part: str) -> sa.ColumnElement:
    return sa.func.lower(column).contains(part.lower(), autoescape=True)


# The subqueries below read their own aliases of the tables, so that a query that already reads a table
# (quotes read entities for the speaker's name) does not swallow the subquery's reading of it.

def in_story(article_id: sa.ColumnElement, story: int) -> sa.ColumnElement:
    members, events = schema.cluster_members.alias("story_members"), schema.events.alias("story_events")
    return sa.exists().where((members.c.article_id == article_id) & (events.c.id == members.c.event_id)
                             & (events.c.story_id == story))


def mentions_entity(article_id: sa.ColumnElement, name: str) -> sa.ColumnElement:
    mentions, entities = schema.mentions.alias("mentioned"), schema.entities.alias("mentioned_entities")
    return sa.exists().where((mentions.c.article_id == article_id) & (entities.c.id == mentions.c.entity_id)
                             & _named(entities.c.name, name))


def quotes_speaker(article_id: sa.ColumnElement, name: str) -> sa.ColumnElement:
    attributions, entities = schema.attributions.alias("quoted"), schema.entities.alias("quoted_speakers")
    return sa.exists().where((attributions.c.article_id == article_id)
                             & (entities.c.id == attributions.c.speaker_entity_id) & _named(entities.c.name, name))


def speaker_named(speaker_entity_id: sa.ColumnElement, name: str) -> sa.ColumnElement:
    entities = schema.entities.alias("named_speakers")
    return sa.exists().where((entities.c.id == speaker_entity_id) & _named(entities.c.name, name))


def article_conditions(where: Filter, articles: sa.Table = schema.articles,
                       speaker: bool = True) -> list[sa.ColumnElement]:
    """What an article must satisfy; with ``speaker=False`` the caller applies the speaker itself."""
    conditions = []
    if where.outlet:
        conditions.append(sa.func.lower(articles.c.outlet) == where.outlet.lower())
    if where.since:
        conditions.append(articles.c.published >= where.since)
    if where.until:
        conditions.append(articles.c.published <= where.until)
    if where.language:
        conditions.append(sa.func.lower(articles.c.language) == where.language.lower())
    if where.story is not None:
        conditions.append(in_story(articles.c.id, where.story))
    if where.entity:
        conditions.append(mentions_entity(articles.c.id, where.entity))
    if where.speaker and speaker:
        conditions.append(quotes_speaker(articles.c.id, where.speaker))
    if not where.copies:
        conditions.append(articles.c.copy_of.is_(None))
    return conditions


def narrowed(query: sa.Select, where: Filter, articles: sa.Table = schema.articles,
             speaker: bool = True) -> sa.Select:
    """``query`` (which reads ``articles``) keeping only rows of articles that match ``where``."""
    for condition in article_conditions(where, articles, speaker):
        query = query.where(condition)
    return query


def matching_article_ids(where: Filter) -> sa.Select:
    """The ids of the articles that match ``where``."""
    return narrowed(sa.select(schema.articles.c.id), where)
