"""The store's side of search: full-text matches (SQLite FTS5, or PostgreSQL's own text search), the
stored sentence vectors for the semantic side, and what a hit needs to be shown.

A document is an article (``attribution_idx`` -1: its title and text) or one attribution (its words). On
SQLite the index is the FTS5 table of migration m0010 (words stemmed by Porter's rules, accents folded),
ranked by BM25 with the title weighing double; on PostgreSQL, ``to_tsvector('simple', …)`` over the same
words (no stemming), ranked by ``ts_rank``, through the GIN indexes of the same migration.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from rashomon import embed
from rashomon.store import schema
from rashomon.store.filters import Filter, article_conditions, matching_article_ids, speaker_named

ARTICLE = -1  # the attribution_idx of a document that is a whole article

_documents = sa.table("search_documents", sa.column("id"), sa.column("article_id"), sa.column("attribution_idx"))


@dataclass(frozen=True)
class Match:
    article_id: str
    attribution_idx: int  # ARTICLE for the article itself


def full_text(connection: sa.Connection, terms: list[str], where: Filter, limit: int) -> list[Match]:
    """The documents holding any of ``terms`` (words, not syntax), best first, as far as ``limit``."""
    if not terms:
        return []
    if connection.dialect.name == "sqlite":
        return _fts5(connection, terms, where, limit)
    return _tsvector(connection, terms, where, limit)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts5(connection: sa.Connection, terms: list[str], where: Filter, limit: int) -> list[Match]:
    rank = sa.func.bm25(sa.literal_column("search_index"), 2.0, 1.0)  # lower is better
    matching = sa.text("search_index MATCH :match").bindparams(match=" OR ".join(map(_quoted, terms)))
    rowid = sa.literal_column("search_index.rowid")
    if where.narrows_articles():
        query = (sa.select(_documents.c.article_id, _documents.c.attribution_idx)
                 .select_from(sa.table("search_index").join(_documents, _documents.c.id == rowid))
                 .where(matching, _allowed(_documents.c.article_id, _documents.c.attribution_idx, where))
                 .order_by(rank).limit(limit))
    else:  # the best documents first, and only they are looked up
        best = (sa.select(rowid.label("id"), rank.label("rank")).select_from(sa.table("search_index"))
                .where(matching).order_by(rank).limit(limit).subquery())
        query = (sa.select(_documents.c.article_id, _documents.c.attribution_idx)
                 .join(best, best.c.id == _documents.c.id).order_by(best.c.rank))
    return [Match(row.article_id, row.attribution_idx) for row in connection.execute(query)]


def _tsvector(connection: sa.Connection, terms: list[str], where: Filter, limit: int) -> list[Match]:
    articles, attributions = schema.articles, schema.attributions
    query = sa.func.to_tsquery(sa.literal_column("'simple'"), " | ".join(terms))
    # written out as the GIN indexes of m0010 are, so that the planner uses them
    article_words = sa.literal_column("to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text)")
    quote_words = sa.literal_column("to_tsvector('simple', attributions.content_text)")
    found = sa.union_all(
        sa.select(articles.c.id.label("article_id"), sa.literal(ARTICLE).label("attribution_idx"),
                  sa.func.ts_rank(article_words, query).label("rank"))
        .where(article_words.op("@@")(query)),
        sa.select(attributions.c.article_id, attributions.c.idx.label("attribution_idx"),
                  sa.func.ts_rank(quote_words, query).label("rank"))
        .where(quote_words.op("@@")(query))).subquery()
    rows = connection.execute(sa.select(found.c.article_id, found.c.attribution_idx)
                              .where(_allowed(found.c.article_id, found.c.attribution_idx, where))
                              .order_by(found.c.rank.desc(), found.c.article_id, found.c.attribution_idx)
                              .limit(limit))
    return [Match(row.article_id, row.attribution_idx) for row in rows]


def _allowed(article_id: sa.ColumnElement, attribution_idx: sa.ColumnElement, where: Filter) -> sa.ColumnElement:
    """A document passes the filter: its article matches (an attribution: its own speaker is the one)."""
    if not where.narrows_articles():
        return sa.true()
    articles, attributions = schema.articles, schema.attributions
    article_matches = sa.exists().where(articles.c.id == article_id, *article_conditions(where, speaker=False))
    if not where.speaker:
        return article_matches
    as_article = (attribution_idx == ARTICLE) & sa.exists().where(
        articles.c.id == article_id, *article_conditions(where))
    as_quote = (attribution_idx != ARTICLE) & article_matches & sa.exists().where(
        (attributions.c.article_id == article_id) & (attributions.c.idx == attribution_idx)
        & speaker_named(attributions.c.speaker_entity_id, where.speaker))
    return as_article | as_quote


@dataclass(frozen=True)
class SentenceVectors:
    """Every stored sentence vector, one row each, with the article and characters of its sentence."""

    article_ids: np.ndarray  # of str
    starts: np.ndarray
    ends: np.ndarray
    matrix: np.ndarray  # float32, one unit-length row per sentence


def annotations_signature(connection: sa.Connection) -> tuple:
    """Changes whenever an article is annotated (again): what a cache of vectors or attributions is kept by."""
    annotations = schema.annotations
    return tuple(connection.execute(sa.select(sa.func.count(), sa.func.max(annotations.c.annotated_at))
                                    .select_from(annotations)).one())


def sentence_vectors(connection: sa.Connection, embedder: str) -> SentenceVectors:
    """The vectors of the articles annotated with ``embedder`` (others cannot be compared with its query)."""
    sentences, annotations = schema.sentences, schema.annotations
    rows = connection.execute(sa.select(sentences.c.article_id, sentences.c.start, sentences.c.end,
                                        sentences.c.vector)
                              .join(annotations, annotations.c.article_id == sentences.c.article_id)
                              .where(annotations.c.embedder == embedder)
                              .order_by(sentences.c.article_id, sentences.c.idx)).all()
    matrix = (np.frombuffer(b"".join(row.vector for row in rows), dtype=embed.VECTOR_DTYPE)
              .reshape(len(rows), -1) if rows else np.zeros((0, 0), embed.VECTOR_DTYPE))
    return SentenceVectors(np.array([row.article_id for row in rows], dtype=object),
                           np.array([row.start for row in rows], dtype=np.int64),
                           np.array([row.end for row in rows], dtype=np.int64), matrix)


def allowed_articles(connection: sa.Connection, where: Filter) -> set[str] | None:
    """The ids of the articles that match ``where`` (with a speaker: that quote the speaker); None when it
    leaves none out."""
    if not where.narrows_articles():
        return None
    return set(connection.scalars(matching_article_ids(where)))


def hit_articles(connection: sa.Connection, article_ids: list[str]) -> dict[str, sa.Row]:
    """What a hit shows of its article: id, outlet, published, language, title, text, and its story."""
    articles, members, events = schema.articles, schema.cluster_members, schema.events
    query = (sa.select(articles.c.id, articles.c.outlet, articles.c.published, articles.c.language,
                       articles.c.title, articles.c.text, events.c.story_id.label("story"))
             .outerjoin(members, members.c.article_id == articles.c.id)
             .outerjoin(events, events.c.id == members.c.event_id)
             .where(articles.c.id.in_(article_ids)))
    return {row.id: row for row in connection.execute(query)}


def attributions_with_speakers(connection: sa.Connection) -> list[sa.Row]:
    """Every attribution's article, index, kind, words (spans) and speaker's canonical name."""
    attributions, entities = schema.attributions, schema.entities
    query = (sa.select(attributions.c.article_id, attributions.c.idx, attributions.c.kind, attributions.c.content,
                       entities.c.name.label("speaker"))
             .outerjoin(entities, entities.c.id == attributions.c.speaker_entity_id))
    return connection.execute(query).all()
