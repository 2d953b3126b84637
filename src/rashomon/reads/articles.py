"""Articles: lists by filter, one article in full, and every article as the JSONL that ingest reads back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rashomon.reads.labels import headline, outlet_as_stored, outlet_label
from rashomon.reads.paging import Listing
from rashomon.records import Article
from rashomon.store import Store, reads
from rashomon.store.filters import Filter
from rashomon.store.paging import Page
from rashomon.store.reads import ArticleFilter

__all__ = ["ArticleDetail", "ArticleFilter", "ArticleList", "article", "article_record", "article_summary",
           "articles", "articles_page", "export_records"]


def article_summary(article: Article) -> dict:
    """An article in a list: ``{"id", "published", "outlet", "language", "title", "url", "words", "copy_of",
    "headline", "outlet_label"}`` (the last two as a person reads them: see ``labels``)."""
    return {"id": article.id, "published": article.published, "outlet": article.outlet,
            "language": article.language, "title": article.title, "url": article.url,
            "words": len(article.text.split()), "copy_of": article.copy_of,
            "headline": headline(article.title, article.text), "outlet_label": outlet_label(article.outlet,
                                                                                             article.origin)}


def article_record(article: Article) -> dict:
    """An article in the JSONL schema that ingest reads (its own metadata fields kept alongside)."""
    return {**article.metadata, "id": article.id, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title, "text": article.text, "authors": list(article.authors),
            "language": article.language, "copy_of": article.copy_of,
            "copy_similarity": article.copy_similarity, "revision": article.revision,
            "origin": article.origin}


@dataclass(frozen=True)
class ArticleList:
    articles: tuple[Article, ...]

    def as_dict(self) -> list[dict]:
        """``[article_summary, …]``."""
        return [article_summary(article) for article in self.articles]


def articles(store: Store, where: Filter = Filter(), limit: int | None = None) -> ArticleList:
    """Stored articles matching ``where``, oldest first (undated last); ``where.outlet`` in any spelling
    of the outlet ("nyt", "nytimes.com", "The New York Times")."""
    with store.read() as connection:
        return ArticleList(tuple(reads.articles(connection, outlet_as_stored(connection, where), limit)))


def articles_page(store: Store, where: Filter = Filter(), page: Page = Page()) -> Listing:
    """One page of the articles matching ``where``, sorted by date (default), outlet, title, language or seen
    (when first stored): an ``ArticleList`` of its rows, and how many match in all."""
    with store.read() as connection:
        where = outlet_as_stored(connection, where)
        found = ArticleList(tuple(reads.articles(connection, where, page=page)))
        return Listing(found, len(found.articles), reads.count_articles(connection, where), page.offset)


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    revisions: int  # how many versions of it were stored
    copies: tuple[str, ...]  # ids of the articles that copy it
    annotations: dict | None  # what the annotate stage found; None when not annotated yet

    def as_dict(self) -> dict:
        """``{**article_record, "revisions": n, "copies": [id, …], "annotations": {"language", "pipeline",
        "covered", "embedder", "sentences": [[start, end], …], "quotations": […], "mentions": [{"start", "end",
        "text", "label", "chain", "kind", "entity_id", "entity"}, …], "dates": [{"start", "end", "text", "value",
        "kind", "qualifier"}, …]} | null}``."""
        return {**article_record(self.article), "revisions": self.revisions, "copies": list(self.copies),
                "annotations": self.annotations}


def article(store: Store, key: str) -> ArticleDetail:
    """One article by id, unique id prefix, or URL: its revisions, copies and annotations (NotFound if none)."""
    with store.read() as connection:
        found = reads.find_article(connection, key)
        return ArticleDetail(found, len(reads.revisions(connection, found.id)),
                             tuple(copy.id for copy in reads.copies_of(connection, found.id)),
                             _annotations(connection, found.id))


def _annotations(connection, article_id: str) -> dict | None:
    header = reads.annotation(connection, article_id)
    if header is None:
        return None
    return {
        "language": header.language, "pipeline": header.pipeline, "covered": header.covered,
        "embedder": header.embedder,
        "sentences": [[row.start, row.end] for row in reads.annotation_rows(connection, "sentences", article_id)],
        "quotations": [[row.start, row.end] for row in reads.annotation_rows(connection, "quotations", article_id)],
        "mentions": [{"start": row.start, "end": row.end, "text": row.text, "label": row.label,
                      "chain": row.chain, "kind": row.kind, "entity_id": row.entity_id,
                      "entity": row.entity_name} for row in reads.mentions_with_entities(connection, article_id)],
        "dates": [{"start": row.start, "end": row.end, "text": row.text, "value": row.value, "kind": row.kind,
                   "qualifier": row.qualifier}
                  for row in reads.annotation_rows(connection, "date_mentions", article_id)],
    }


def export_records(store: Store) -> Iterator[dict]:
    """Every stored article, oldest first, as ``article_record``: the JSONL schema ingest reads back."""
    with store.read() as connection:
        for found in reads.articles(connection):
            yield article_record(found)
