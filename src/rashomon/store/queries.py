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


# -- entities and annotations ---------------------------------------------------------------------

def entity_for_keys(connection: sa.Connection, keys: list[str]) -> str | None:
    """The entity that the first known of these name keys belongs to."""
    table = schema.entity_names
    rows = dict(connection.execute(sa.select(table.c.key, table.c.entity_id).where(table.c.key.in_(keys))).all())
    return next((rows[key] for key in keys if key in rows), None)


def people_with_surname(connection: sa.Connection, surname: str) -> list[str]:
    """People whose full name ends with this surname ("Stoltenberg" → Jens Stoltenberg)."""
    table = schema.entities
    rows = connection.execute(sa.select(table.c.id, table.c.name).where(
        (table.c.label == "PERSON") & table.c.name.like(f"% {surname}")))
    return [row.id for row in rows if row.name.split()[-1].lower() == surname.lower()]


def people_named(connection: sa.Connection, name: str) -> list[str]:
    table = schema.entities
    rows = connection.execute(sa.select(table.c.id, table.c.name).where(table.c.label == "PERSON")
                              .where(sa.func.lower(table.c.name) == name.lower()))
    return [row.id for row in rows]


def entity_name(connection: sa.Connection, entity_id: str) -> str | None:
    return connection.scalar(sa.select(schema.entities.c.name).where(schema.entities.c.id == entity_id))


@dataclass(frozen=True)
class Pending:
    """An article waiting to be annotated (new, or revised since it was)."""

    id: str
    text: str
    published: date | None
    language: str | None
    content_hash: str


def articles_to_annotate(connection: sa.Connection) -> list[Pending]:
    articles, annotations = schema.articles, schema.annotations
    query = (sa.select(articles.c.id, articles.c.text, articles.c.published, articles.c.language,
                       articles.c.content_hash)
             .outerjoin(annotations, annotations.c.article_id == articles.c.id)
             .where(annotations.c.article_id.is_(None) | (annotations.c.content_hash != articles.c.content_hash))
             .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id))
    return [Pending(*row) for row in connection.execute(query)]


def annotation_rows(connection: sa.Connection, table: sa.Table, article_id: str) -> list[sa.Row]:
    return connection.execute(sa.select(table).where(table.c.article_id == article_id)
                              .order_by(table.c.idx)).all()


def annotation(connection: sa.Connection, article_id: str) -> sa.Row | None:
    table = schema.annotations
    return connection.execute(sa.select(table).where(table.c.article_id == article_id)).first()


def mentions_with_entities(connection: sa.Connection, article_id: str) -> list[sa.Row]:
    mentions, entities = schema.mentions, schema.entities
    query = (sa.select(mentions, entities.c.name.label("entity_name"))
             .outerjoin(entities, entities.c.id == mentions.c.entity_id)
             .where(mentions.c.article_id == article_id).order_by(mentions.c.idx))
    return connection.execute(query).all()


def entity_article_counts(connection: sa.Connection, label: str | None = None) -> list[sa.Row]:
    """Each entity with the number of articles and mentions it appears in, most covered first."""
    mentions, entities = schema.mentions, schema.entities
    query = (sa.select(entities.c.id, entities.c.label, entities.c.name,
                       sa.func.count(sa.distinct(mentions.c.article_id)).label("articles"),
                       sa.func.count().label("mentions"))
             .join(mentions, mentions.c.entity_id == entities.c.id)
             .group_by(entities.c.id, entities.c.label, entities.c.name)
             .order_by(sa.desc("articles"), sa.desc("mentions"), entities.c.name))
    if label:
        query = query.where(entities.c.label == label)
    return connection.execute(query).all()


def article_annotations(connection: sa.Connection, article_id: str) -> dict | None:
    """Everything the annotate stage stored for one article, as plain data (None if not annotated)."""
    header = annotation(connection, article_id)
    if header is None:
        return None
    return {
        "language": header.language, "pipeline": header.pipeline, "covered": header.covered,
        "embedder": header.embedder,
        "sentences": [[row.start, row.end] for row in annotation_rows(connection, schema.sentences, article_id)],
        "quotations": [[row.start, row.end] for row in annotation_rows(connection, schema.quotations, article_id)],
        "mentions": [{"start": row.start, "end": row.end, "text": row.text, "label": row.label,
                      "chain": row.chain, "kind": row.kind, "entity_id": row.entity_id,
                      "entity": row.entity_name} for row in mentions_with_entities(connection, article_id)],
        "dates": [{"start": row.start, "end": row.end, "text": row.text, "value": row.value, "kind": row.kind,
                   "qualifier": row.qualifier}
                  for row in annotation_rows(connection, schema.date_mentions, article_id)],
    }


def dated_mentions(connection: sa.Connection, kind: str = "DATE") -> list[sa.Row]:
    """Every date expression with its article's publication date, in order of the date it names."""
    dates, articles = schema.date_mentions, schema.articles
    query = (sa.select(dates.c.article_id, dates.c.text, dates.c.value, dates.c.qualifier,
                       articles.c.published, dates.c.start, dates.c.end)
             .join(articles, articles.c.id == dates.c.article_id)
             .where(dates.c.kind == kind).order_by(dates.c.value, dates.c.article_id, dates.c.start))
    return connection.execute(query).all()


def article_text(connection: sa.Connection, article_id: str) -> str:
    return connection.scalar(sa.select(schema.articles.c.text).where(schema.articles.c.id == article_id))


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None  # part of the speaker's canonical name, any case
    article: str | None = None  # id or id prefix
    kind: str | None = None
    min_confidence: float | None = None  # attributions judged less likely than this to have the right source are left out


def quotes(connection: sa.Connection, where: QuoteFilter = QuoteFilter()) -> list[sa.Row]:
    """Attributions with their speaker's name and article, in article then text order."""
    table, entities, articles = schema.attributions, schema.entities, schema.articles
    query = (sa.select(table, entities.c.name.label("speaker"), articles.c.outlet, articles.c.published,
                       articles.c.title, articles.c.text)
             .join(articles, articles.c.id == table.c.article_id)
             .outerjoin(entities, entities.c.id == table.c.speaker_entity_id)
             .order_by(articles.c.published.is_(None), articles.c.published, table.c.article_id, table.c.idx))
    if where.speaker:
        query = query.where(sa.func.lower(entities.c.name).contains(where.speaker.lower()))
    if where.article:
        query = query.where(table.c.article_id.startswith(where.article))
    if where.kind:
        query = query.where(table.c.kind == where.kind)
    if where.min_confidence is not None:  # an attribution without a source was not judged: it stays
        query = query.where(table.c.confidence.is_(None) | (table.c.confidence >= where.min_confidence))
    return connection.execute(query).all()


def attributions_without_units(connection: sa.Connection) -> list[sa.Row]:
    """Attributions not yet cut into quote units, oldest article first."""
    table, units, articles = schema.attributions, schema.quote_units, schema.articles
    done = sa.select(units.c.article_id, units.c.attribution_idx).distinct().subquery()
    query = (sa.select(table.c.article_id, table.c.idx, table.c.content, table.c.speaker_entity_id)
             .join(articles, articles.c.id == table.c.article_id)
             .outerjoin(done, (done.c.article_id == table.c.article_id) & (done.c.attribution_idx == table.c.idx))
             .where(done.c.article_id.is_(None))
             .order_by(articles.c.published.is_(None), articles.c.published, table.c.article_id, table.c.idx))
    return connection.execute(query).all()


def quote_group_representatives(connection: sa.Connection) -> tuple[list, list, list]:
    from rashomon.embed import from_bytes

    rows = connection.execute(sa.select(schema.quote_groups).order_by(schema.quote_groups.c.id)).all()
    return [r.id for r in rows], [r.speaker_entity_id for r in rows], [from_bytes(r.representative) for r in rows]


def quote_group_members(connection: sa.Connection, speaker: str | None = None) -> list[sa.Row]:
    """Members of groups that span two or more articles, with what is needed to show them."""
    units, groups, articles, entities = schema.quote_units, schema.quote_groups, schema.articles, schema.entities
    spread = (sa.select(units.c.group_id).where(units.c.group_id.is_not(None)).group_by(units.c.group_id)
              .having(sa.func.count(sa.distinct(units.c.article_id)) >= 2).subquery())
    group_speaker = entities.alias("group_speaker")
    member_speaker = entities.alias("member_speaker")
    query = (sa.select(units.c.group_id, units.c.article_id, units.c.attribution_idx, units.c.start, units.c.end,
                       units.c.similarity, articles.c.outlet, articles.c.published, articles.c.text,
                       group_speaker.c.name.label("group_speaker"), member_speaker.c.name.label("speaker"))
             .join(spread, spread.c.group_id == units.c.group_id)
             .join(groups, groups.c.id == units.c.group_id)
             .join(articles, articles.c.id == units.c.article_id)
             .outerjoin(group_speaker, group_speaker.c.id == groups.c.speaker_entity_id)
             .outerjoin(member_speaker, member_speaker.c.id == units.c.speaker_entity_id)
             .order_by(units.c.group_id, articles.c.published.is_(None), articles.c.published, units.c.article_id,
                       units.c.start))
    if speaker:
        query = query.where(sa.func.lower(group_speaker.c.name).contains(speaker.lower()))
    return connection.execute(query).all()


def entities_between(connection: sa.Connection, article_id: str, start: int, end: int) -> frozenset[tuple[str, str]]:
    """(label, entity id) of the names mentioned in a stretch of an article."""
    mentions, entities = schema.mentions, schema.entities
    rows = connection.execute(sa.select(entities.c.label, mentions.c.entity_id)
                              .join(entities, entities.c.id == mentions.c.entity_id).where(
        (mentions.c.article_id == article_id) & (mentions.c.start >= start) & (mentions.c.end <= end)
        & (mentions.c.kind == "name")))
    return frozenset((row.label, row.entity_id) for row in rows)


def quote_group_articles(connection: sa.Connection) -> dict[int, set[str]]:
    units = schema.quote_units
    found: dict[int, set[str]] = {}
    for row in connection.execute(sa.select(units.c.group_id, units.c.article_id).where(units.c.group_id.is_not(None))):
        found.setdefault(row.group_id, set()).add(row.article_id)
    return found


# -- stories and events ---------------------------------------------------------------------------

def articles_to_cluster(connection: sa.Connection, unclustered_only: bool = True) -> list[sa.Row]:
    """Annotated articles (by default only those not yet in an event), with what the clusterer reads of them."""
    articles, annotations, members = schema.articles, schema.annotations, schema.cluster_members
    query = (sa.select(articles.c.id, articles.c.title, articles.c.text, articles.c.published, articles.c.origin,
                       annotations.c.article_vector)
             .join(annotations, annotations.c.article_id == articles.c.id))
    if unclustered_only:
        query = (query.outerjoin(members, members.c.article_id == articles.c.id)
                 .where(members.c.article_id.is_(None)))
    return connection.execute(query).all()


def entity_ids_by_article(connection: sa.Connection, article_ids: list[str]) -> dict[str, frozenset[str]]:
    mentions = schema.mentions
    found: dict[str, set[str]] = {article_id: set() for article_id in article_ids}
    for start in range(0, len(article_ids), 500):
        query = (sa.select(mentions.c.article_id, mentions.c.entity_id).distinct()
                 .where(mentions.c.article_id.in_(article_ids[start:start + 500]), mentions.c.entity_id.is_not(None)))
        for article_id, entity_id in connection.execute(query):
            found[article_id].add(entity_id)
    return {article_id: frozenset(ids) for article_id, ids in found.items()}


def date_values_by_article(connection: sa.Connection, article_ids: list[str]) -> dict[str, list[str]]:
    dates = schema.date_mentions
    found: dict[str, list[str]] = {article_id: [] for article_id in article_ids}
    for start in range(0, len(article_ids), 500):
        query = (sa.select(dates.c.article_id, dates.c.value)
                 .where(dates.c.article_id.in_(article_ids[start:start + 500]), dates.c.kind == "DATE"))
        for article_id, value in connection.execute(query):
            found[article_id].append(value)
    return found


def clustered_members(connection: sa.Connection) -> list[sa.Row]:
    """Every clustered article in the order it was clustered, with its event, story, vector and profile."""
    members, events, annotations, articles = (schema.cluster_members, schema.events, schema.annotations,
                                              schema.articles)
    query = (sa.select(members.c.article_id, members.c.seq, members.c.event_id, events.c.story_id,
                       articles.c.published, annotations.c.article_vector, members.c.profile)
             .join(events, events.c.id == members.c.event_id)
             .join(articles, articles.c.id == members.c.article_id)
             .join(annotations, annotations.c.article_id == members.c.article_id)
             .order_by(members.c.seq))
    return connection.execute(query).all()


def cluster_counters(connection: sa.Connection) -> tuple[int, int, int]:
    """The next free event id, story id and clustering sequence number."""
    return (connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.events.c.id), 0))) + 1,
            connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.stories.c.id), 0))) + 1,
            connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.cluster_members.c.seq), 0))) + 1)


def stories_overview(connection: sa.Connection) -> list[sa.Row]:
    """Every story with its counts of events, articles and outlets, and its first and last publication dates."""
    members, events, articles = schema.cluster_members, schema.events, schema.articles
    query = (sa.select(events.c.story_id.label("story"),
                       sa.func.count(sa.distinct(events.c.id)).label("events"),
                       sa.func.count(members.c.article_id).label("articles"),
                       sa.func.count(sa.distinct(articles.c.outlet)).label("outlets"),
                       sa.func.min(articles.c.published).label("first"),
                       sa.func.max(articles.c.published).label("last"))
             .select_from(members.join(events, events.c.id == members.c.event_id)
                          .join(articles, articles.c.id == members.c.article_id))
             .group_by(events.c.story_id)
             .order_by(sa.desc("articles"), events.c.story_id))
    return connection.execute(query).all()


def story_articles(connection: sa.Connection, story_id: int) -> list[sa.Row]:
    """A story's articles with their event, oldest first."""
    members, events, articles = schema.cluster_members, schema.events, schema.articles
    query = (sa.select(members.c.event_id, articles.c.id, articles.c.outlet, articles.c.published,
                       articles.c.title)
             .join(events, events.c.id == members.c.event_id)
             .join(articles, articles.c.id == members.c.article_id)
             .where(events.c.story_id == story_id)
             .order_by(members.c.event_id, articles.c.published.is_(None), articles.c.published, members.c.seq))
    rows = connection.execute(query).all()
    if not rows:
        raise NotFound(f"story {story_id}: no such story (`rashomon stories` lists them)")
    return rows


def cluster_placement(connection: sa.Connection, article_id: str) -> sa.Row:
    """An article's event and story, and the explanation recorded when it was placed."""
    members, events = schema.cluster_members, schema.events
    row = connection.execute(sa.select(members.c.article_id, members.c.event_id, events.c.story_id,
                                       members.c.explanation)
                             .join(events, events.c.id == members.c.event_id)
                             .where(members.c.article_id == article_id)).first()
    if row is None:
        raise NotFound(f"article {article_id}: not clustered yet (run `rashomon analyze`)")
    return row


def cluster_moves(connection: sa.Connection, article_id: str) -> list[sa.Row]:
    moves = schema.cluster_moves
    return connection.execute(sa.select(moves).where(moves.c.article_id == article_id)
                              .order_by(moves.c.id)).all()


def entity_names(connection: sa.Connection, entity_ids: list[str]) -> dict[str, str]:
    entities = schema.entities
    return dict(connection.execute(sa.select(entities.c.id, entities.c.name)
                                   .where(entities.c.id.in_(entity_ids))).all()) if entity_ids else {}
