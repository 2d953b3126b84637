"""The read side's queries: what the CLI, the API, the pages, the report and export ask of the store.

``rashomon.reads`` answers each question through these; stages read through ``stage_io`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from rashomon.errors import NotFound
from rashomon.records import Article, Attribution, Rejection, Span
from rashomon.store import schema
from rashomon.store.filters import Filter, matching_article_ids, narrowed
from rashomon.store.paging import Page, SqlSortKeys, count, ordered


def article_from_row(row: sa.Row) -> Article:
    return Article(
        id=row.id, identity=row.identity, text=row.text, title=row.title, url=row.url,
        outlet=row.outlet, published=row.published, authors=tuple(row.authors or ()),
        language=row.language, origin=row.origin, content_hash=row.content_hash,
        metadata=row.metadata or {}, copy_of=row.copy_of, copy_similarity=row.copy_similarity,
        revision=row.revision,
    )


def attribution_from_row(row) -> Attribution:
    def spans(pairs) -> tuple[Span, ...]:
        return tuple(Span(row.article_id, start, end) for start, end in pairs)

    return Attribution(row.article_id, row.idx, spans(row.content), spans(row.cue), spans(row.source), row.kind,
                       speaker_entity_id=row.speaker_entity_id, spoken_on=row.spoken_on, confidence=row.confidence)


ArticleFilter = Filter  # the name it had before `quotes`, `stories` and `search` shared it

ARTICLE_SORTS: SqlSortKeys = {
    "date": ((schema.articles.c.published, False), (schema.articles.c.first_seen, False),
             (schema.articles.c.id, False)),
    "outlet": ((sa.func.lower(schema.articles.c.outlet), False), (schema.articles.c.published, False),
               (schema.articles.c.id, False)),
    "title": ((sa.func.lower(schema.articles.c.title), False), (schema.articles.c.id, False)),
    "language": ((schema.articles.c.language, False), (schema.articles.c.published, False),
                 (schema.articles.c.id, False)),
    "seen": ((schema.articles.c.first_seen, False), (schema.articles.c.id, False)),
}


def outlet_names(connection: sa.Connection) -> list[str]:
    """Every outlet name stored, the first stored first (an unknown outlet keeps its first spelling)."""
    table = schema.articles
    query = (sa.select(table.c.outlet).where(table.c.outlet.is_not(None)).group_by(table.c.outlet)
             .order_by(sa.func.min(table.c.first_seen)))
    return list(connection.scalars(query))


def articles(connection: sa.Connection, where: Filter = Filter(), limit: int | None = None,
             page: Page = Page()) -> Iterator[Article]:
    """Articles matching ``where``, by the page's sort key (oldest first by default, undated last)."""
    if limit is not None:
        page = Page(limit, page.offset, page.sort)
    query = ordered(narrowed(sa.select(schema.articles), where), page, ARTICLE_SORTS, "date", "articles")
    for row in connection.execute(query):
        yield article_from_row(row)


def count_articles(connection: sa.Connection, where: Filter = Filter()) -> int:
    return count(connection, narrowed(sa.select(schema.articles.c.id), where))


AMBIGUOUS_SHOWN = 5  # the matches an ambiguous id prefix lists


def find_article(connection: sa.Connection, key: str) -> Article:
    """An article by id, unique id prefix, or URL."""
    table = schema.articles
    rows = connection.execute(sa.select(table).where(
        (table.c.id == key) | (table.c.url == key))).all()
    if not rows and key:
        rows = connection.execute(sa.select(table.c.id, table.c.title).where(table.c.id.startswith(key, autoescape=True))
                                  .order_by(table.c.id).limit(AMBIGUOUS_SHOWN + 1)).all()
        if len(rows) == 1:
            rows = connection.execute(sa.select(table).where(table.c.id == rows[0].id)).all()
    if not rows:
        raise NotFound(f"no article with id or URL {key!r}")
    if len(rows) > 1:
        shown = "; ".join(f"{row.id} ({(row.title or 'no title')[:40]!r})" for row in rows[:AMBIGUOUS_SHOWN])
        more = " and more" if len(rows) > AMBIGUOUS_SHOWN else ""
        raise NotFound(f"{key!r} is the start of more than one article id: {shown}{more}; give more of the id")
    return article_from_row(rows[0])


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

    def as_dict(self) -> dict:
        return {"input": self.rejection.origin, "stage": self.rejection.stage, "reason": self.rejection.reason,
                "times": self.times, "last_seen": self.last_seen.isoformat()}


def rejections(connection: sa.Connection) -> list[StoredRejection]:
    table = schema.rejections
    rows = connection.execute(sa.select(table).order_by(table.c.last_seen, table.c.id))
    return [StoredRejection(Rejection(row.origin, row.reason, row.stage), row.times,
                            row.first_seen, row.last_seen) for row in rows]


# -- entities and annotations ---------------------------------------------------------------------

ANNOTATION_ROWS = {"sentences": schema.sentences, "quotations": schema.quotations,
                   "date_mentions": schema.date_mentions}


def annotation_rows(connection: sa.Connection, kind: str, article_id: str) -> list[sa.Row]:
    """An article's sentences, quotations or date mentions, in order."""
    table = ANNOTATION_ROWS[kind]
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


def dated_mentions(connection: sa.Connection, kind: str = "DATE") -> list[sa.Row]:
    """Every date expression with its article's publication date, in order of the date it names."""
    dates, articles = schema.date_mentions, schema.articles
    query = (sa.select(dates.c.article_id, dates.c.text, dates.c.value, dates.c.qualifier,
                       articles.c.published, dates.c.start, dates.c.end)
             .join(articles, articles.c.id == dates.c.article_id)
             .where(dates.c.kind == kind).order_by(dates.c.value, dates.c.article_id, dates.c.start))
    return connection.execute(query).all()


@dataclass(frozen=True)
class QuoteFilter(Filter):
    """The shared filter, and what only attributions have: their speaker is the one named (not merely quoted
    in the same article), their article, kind and confidence."""

    article: str | None = None  # id or id prefix
    kind: str | None = None
    min_confidence: float | None = None  # attributions judged less likely than this to have the right source are left out


QUOTE_SORTS: SqlSortKeys = {
    "date": ((schema.articles.c.published, False), (schema.attributions.c.article_id, False),
             (schema.attributions.c.idx, False)),
    "outlet": ((sa.func.lower(schema.articles.c.outlet), False), (schema.articles.c.published, False),
               (schema.attributions.c.article_id, False), (schema.attributions.c.idx, False)),
    "speaker": ((sa.func.lower(schema.entities.c.name), False), (schema.articles.c.published, False),
                (schema.attributions.c.article_id, False), (schema.attributions.c.idx, False)),
    "confidence": ((schema.attributions.c.confidence, True), (schema.attributions.c.article_id, False),
                   (schema.attributions.c.idx, False)),
    "kind": ((schema.attributions.c.kind, False), (schema.articles.c.published, False),
             (schema.attributions.c.article_id, False), (schema.attributions.c.idx, False)),
}


def _quotes_query(columns: list, where: QuoteFilter) -> sa.Select:
    table, entities, articles = schema.attributions, schema.entities, schema.articles
    query = (sa.select(*columns).select_from(table)
             .join(articles, articles.c.id == table.c.article_id)
             .outerjoin(entities, entities.c.id == table.c.speaker_entity_id))
    query = narrowed(query, where, speaker=False)
    if where.speaker:
        query = query.where(_lower_contains(entities.c.name, where.speaker))
    if where.article:
        query = query.where(table.c.article_id.startswith(where.article, autoescape=True))
    if where.kind:
        query = query.where(table.c.kind == where.kind)
    if where.min_confidence is not None:  # an attribution without a source was not judged: it stays
        query = query.where(table.c.confidence.is_(None) | (table.c.confidence >= where.min_confidence))
    return query


def _lower_contains(column: sa.ColumnElement, part: str) -> sa.ColumnElement:
    return sa.func.lower(column).contains(part.lower(), autoescape=True)


def quotes(connection: sa.Connection, where: QuoteFilter = QuoteFilter(), page: Page = Page()) -> list[sa.Row]:
    """Attributions with their speaker's name and article, by the page's sort key (article then text order
    by default)."""
    table, entities, articles = schema.attributions, schema.entities, schema.articles
    query = _quotes_query([table, entities.c.name.label("speaker"), articles.c.outlet, articles.c.published,
                           articles.c.title, articles.c.text], where)
    return connection.execute(ordered(query, page, QUOTE_SORTS, "date", "quotes")).all()


def count_quotes(connection: sa.Connection, where: QuoteFilter = QuoteFilter()) -> int:
    return count(connection, _quotes_query([schema.attributions.c.article_id], where))


def quote_group_members(connection: sa.Connection, speaker: str | None = None) -> list[sa.Row]:
    """Members of groups that span two or more articles, with what is needed to show them."""
    units, groups, articles, entities = schema.quote_units, schema.quote_groups, schema.articles, schema.entities
    attributions = schema.attributions
    spread = (sa.select(units.c.group_id).where(units.c.group_id.is_not(None)).group_by(units.c.group_id)
              .having(sa.func.count(sa.distinct(units.c.article_id)) >= 2).subquery())
    group_speaker = entities.alias("group_speaker")
    member_speaker = entities.alias("member_speaker")
    query = (sa.select(units.c.group_id, units.c.article_id, units.c.attribution_idx, units.c.start, units.c.end,
                       units.c.similarity, articles.c.outlet, articles.c.published, articles.c.text,
                       group_speaker.c.name.label("group_speaker"), member_speaker.c.name.label("speaker"),
                       attributions.c.kind)
             .join(spread, spread.c.group_id == units.c.group_id)
             .join(attributions, (attributions.c.article_id == units.c.article_id)
                   & (attributions.c.idx == units.c.attribution_idx))
             .join(groups, groups.c.id == units.c.group_id)
             .join(articles, articles.c.id == units.c.article_id)
             .outerjoin(group_speaker, group_speaker.c.id == groups.c.speaker_entity_id)
             .outerjoin(member_speaker, member_speaker.c.id == units.c.speaker_entity_id)
             .order_by(units.c.group_id, articles.c.published.is_(None), articles.c.published, units.c.article_id,
                       units.c.start))
    if speaker:
        query = query.where(sa.func.lower(group_speaker.c.name).contains(speaker.lower()))
    return connection.execute(query).all()


def quotation_spans(connection: sa.Connection, article_id: str) -> list[tuple[int, int]]:
    """The stretches of an article within quotation marks."""
    table = schema.quotations
    return [(row.start, row.end) for row in connection.execute(
        sa.select(table.c.start, table.c.end).where(table.c.article_id == article_id))]


def entities_between(connection: sa.Connection, article_id: str, start: int, end: int) -> frozenset[tuple[str, str]]:
    """(label, entity id) of the names mentioned in a stretch of an article."""
    mentions, entities = schema.mentions, schema.entities
    rows = connection.execute(sa.select(entities.c.label, mentions.c.entity_id)
                              .join(entities, entities.c.id == mentions.c.entity_id).where(
        (mentions.c.article_id == article_id) & (mentions.c.start >= start) & (mentions.c.end <= end)
        & (mentions.c.kind == "name")))
    return frozenset((row.label, row.entity_id) for row in rows)


# -- stories and events ---------------------------------------------------------------------------

def stories_overview(connection: sa.Connection, where: Filter = Filter()) -> list[sa.Row]:
    """Every story with its counts of events, articles and outlets, and its first and last publication dates;
    with a filter, the stories that have a matching article (counted whole)."""
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
    if where.narrows_articles():
        query = query.where(events.c.story_id.in_(_stories_of(where)))
    return connection.execute(query).all()


OPENING_CHARS = 240  # of an article's text, read to name it when it has no title (reads.labels cuts it to 120)
def _stories_of(where: Filter) -> sa.Select:
    members, events = schema.cluster_members, schema.events
    return (sa.select(events.c.story_id).join(members, members.c.event_id == events.c.id)
            .where(members.c.article_id.in_(matching_article_ids(where))))


def story_articles(connection: sa.Connection, story_id: int) -> list[sa.Row]:
    """A story's articles with their event, oldest first, each with the opening of its text."""
    members, events, articles = schema.cluster_members, schema.events, schema.articles
    query = (sa.select(members.c.event_id, articles.c.id, articles.c.outlet, articles.c.published,
                       articles.c.title, articles.c.origin,
                       sa.func.substr(articles.c.text, 1, OPENING_CHARS).label("opening"))
             .join(events, events.c.id == members.c.event_id)
             .join(articles, articles.c.id == members.c.article_id)
             .where(events.c.story_id == story_id)
             .order_by(members.c.event_id, articles.c.published.is_(None), articles.c.published, members.c.seq))
    rows = connection.execute(query).all()
    if not rows:
        raise NotFound(f"story {story_id}: no such story (`rashomon stories` lists them)")
    return rows


def story_members(connection: sa.Connection) -> list[sa.Row]:
    """Every clustered article's story, title, opening characters and vector (None when not annotated)."""
    members, events, articles, annotations = (schema.cluster_members, schema.events, schema.articles,
                                              schema.annotations)
    query = (sa.select(events.c.story_id, articles.c.id, articles.c.title,
                       sa.func.substr(articles.c.text, 1, OPENING_CHARS).label("opening"),
                       annotations.c.article_vector)
             .select_from(members.join(events, events.c.id == members.c.event_id)
                          .join(articles, articles.c.id == members.c.article_id)
                          .outerjoin(annotations, annotations.c.article_id == articles.c.id))
             .order_by(events.c.story_id, members.c.seq))
    return connection.execute(query).all()


def story_entity_counts(connection: sa.Connection, labels: tuple[str, ...]) -> list[sa.Row]:
    """For each story, each entity of these labels its articles mention: in how many articles, how often."""
    members, events, mentions, entities = (schema.cluster_members, schema.events, schema.mentions,
                                           schema.entities)
    query = (sa.select(events.c.story_id, entities.c.id, entities.c.name,
                       sa.func.count(sa.distinct(mentions.c.article_id)).label("articles"),
                       sa.func.count().label("mentions"))
             .select_from(mentions.join(members, members.c.article_id == mentions.c.article_id)
                          .join(events, events.c.id == members.c.event_id)
                          .join(entities, entities.c.id == mentions.c.entity_id))
             .where(entities.c.label.in_(labels))
             .group_by(events.c.story_id, entities.c.id, entities.c.name))
    return connection.execute(query).all()


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


def revision_origins(connection: sa.Connection) -> list[tuple[str, str]]:
    """(origin, article id) of every stored revision: where each version of each article came from."""
    revisions = schema.article_revisions
    return [tuple(row) for row in connection.execute(sa.select(revisions.c.origin, revisions.c.article_id))]


def placements(connection: sa.Connection) -> dict[str, tuple[int, int]]:
    """Every clustered article's event and story."""
    members, events = schema.cluster_members, schema.events
    rows = connection.execute(sa.select(members.c.article_id, members.c.event_id, events.c.story_id)
                              .join(events, events.c.id == members.c.event_id))
    return {row.article_id: (row.event_id, row.story_id) for row in rows}


def article_vectors(connection: sa.Connection) -> dict[str, bytes]:
    """Each annotated article's vector, as stored."""
    annotations = schema.annotations
    return dict(connection.execute(sa.select(annotations.c.article_id, annotations.c.article_vector)).all())
