"""The annotate stage: sentences, quotations, entities, dates and embeddings for a batch of articles.

A plain function over records, run in worker processes (one model load each). Articles in a
language without a full pipeline are still split into sentences, embedded (the encoder is
multilingual) and dated where the date rules find something, and marked ``covered=False``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from rashomon.embed import Embedder, article_vector
from rashomon.nlp.attributions import FoundAttribution, find_attributions
from rashomon.nlp import models
from rashomon.nlp.dates import TemporalExpression, find_temporal_expressions
from rashomon.nlp.entities import ArticleEntities, find_entities
from rashomon.nlp.sentences import quotation_spans, sentence_spans
from rashomon.store.queries import Pending

_PIPE_BATCH = 8
_MAX_SENTENCE_CHARS_EMBEDDED = 2000  # the encoder reads a bounded number of tokens anyway


@dataclass(frozen=True)
class Annotation:
    article_id: str
    content_hash: str
    language: str | None
    pipeline: str
    covered: bool
    sentences: tuple[tuple[int, int], ...]
    quotations: tuple[tuple[int, int], ...]
    entities: ArticleEntities
    dates: tuple[TemporalExpression, ...]
    attributions: tuple[FoundAttribution, ...]
    sentence_vectors: np.ndarray
    article_vector: np.ndarray
    embedder: str


def annotate(articles: Sequence[Pending], embedder: Embedder) -> list[Annotation]:
    """Annotate a batch; English goes through spaCy in one ``nlp.pipe`` call."""
    docs = _parse(articles)
    return [_annotation(article, doc, pipeline, embedder) for article, (doc, pipeline) in zip(articles, docs)]


def _parse(articles: Sequence[Pending]) -> list[tuple[object, str]]:
    parsed: list[tuple[object, str] | None] = [None] * len(articles)
    by_pipeline: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        language = article.language if models.has_pipeline(article.language) else None
        by_pipeline.setdefault(language or "", []).append(index)
    for language, indexes in by_pipeline.items():
        nlp = models.spacy_pipeline(language) if language else models.fallback_pipeline()
        name = models.pipeline_name(nlp)
        for index, doc in zip(indexes, nlp.pipe((articles[i].text for i in indexes), batch_size=_PIPE_BATCH)):
            parsed[index] = (doc, name)
    return parsed


def _annotation(article: Pending, doc, pipeline: str, embedder: Embedder) -> Annotation:
    covered = models.has_pipeline(article.language)
    sentences = tuple(sentence_spans(doc))
    vectors = embedder.encode([article.text[s:e][:_MAX_SENTENCE_CHARS_EMBEDDED] for s, e in sentences])
    quotations = tuple(quotation_spans(article.text))
    entities = find_entities(doc) if covered else ArticleEntities((), ())
    dates = tuple(_dates(doc, article.published))
    attributions = tuple(find_attributions(doc, entities, quotations, dates, models.cue_model(),
                                           models.confidence_model())) if covered else ()
    return Annotation(
        article_id=article.id, content_hash=article.content_hash, language=article.language,
        pipeline=pipeline, covered=covered, sentences=sentences, quotations=quotations, entities=entities,
        dates=dates, attributions=attributions, sentence_vectors=vectors, article_vector=article_vector(vectors),
        embedder=embedder.name,
    )


def _dates(doc, published: date | None) -> list[TemporalExpression]:
    return find_temporal_expressions(doc, published)
