"""The annotate stage: sentences, quotations, entities, dates, attributions and vectors of a batch of articles.

A plain function over records, run in worker processes (one model load each). Articles in a
language without a full pipeline are still split into sentences, embedded (the encoder is
multilingual) and dated where the date rules find something, and marked ``covered=False``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rashomon.embed import Embedder, article_vector
from rashomon.nlp import models
from rashomon.nlp.attributions import FoundAttribution, find_attributions
from rashomon.nlp.dates import find_temporal_expressions
from rashomon.nlp.entities import ArticleEntities, find_entities
from rashomon.nlp.sentences import quotation_spans, sentence_spans
from rashomon.records import (
    Article,
    ArticleAnnotation,
    Attribution,
    DateMention,
    Mention,
    Sentence,
    Span,
)

_PIPE_BATCH = 8
_MAX_SENTENCE_CHARS_EMBEDDED = 2000  # the encoder reads a bounded number of tokens anyway


def annotate(articles: Sequence[Article], embedder: Embedder) -> list[ArticleAnnotation]:
    """Annotate a batch; English goes through spaCy in one ``nlp.pipe`` call."""
    docs = parse(articles)
    return [annotate_parsed(article, doc, pipeline, embedder) for article, (doc, pipeline) in zip(articles, docs)]


def parse(articles: Sequence[Article]) -> list[tuple[object, str]]:
    """Each article's spaCy Doc and the name of the pipeline that made it."""
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


def annotate_parsed(article: Article, doc, pipeline: str, embedder: Embedder) -> ArticleAnnotation:
    """One parsed article's annotation, its spans pointing into ``article.text``."""
    covered = models.has_pipeline(article.language)
    sentences = tuple(span for span in sentence_spans(doc) if not _is_furniture(article, *span))
    vectors = embedder.encode([article.text[s:e][:_MAX_SENTENCE_CHARS_EMBEDDED] for s, e in sentences])
    quotations = tuple(quotation_spans(article.text))
    entities = find_entities(doc) if covered else ArticleEntities((), ())
    dates = tuple(_outside_furniture(find_temporal_expressions(doc, article.published), article))
    found = tuple(find_attributions(doc, entities, quotations, dates, models.cue_model(),
                                    models.confidence_model())) if covered else ()

    def span(start: int, end: int) -> Span:
        return Span(article.id, start, end)

    return ArticleAnnotation(
        article_id=article.id, content_hash=article.content_hash, language=article.language,
        pipeline=pipeline, covered=covered, embedder=embedder.name,
        sentences=tuple(Sentence(span(s, e), i, vectors[i]) for i, (s, e) in enumerate(sentences)),
        quotations=tuple(span(s, e) for s, e in quotations),
        mentions=tuple(Mention(span(m.start, m.end), m.text, m.label, m.chain, m.kind) for m in entities.mentions),
        chains=entities.chains,
        dates=tuple(DateMention(span(d.start, d.end), d.text, d.value, d.kind, d.qualifier) for d in dates),
        attributions=tuple(_attribution(article.id, i, a) for i, a in enumerate(found)),
        article_vector=article_vector(vectors),
    )


def _is_furniture(article: Article, start: int, end: int) -> bool:
    """A sentence wholly made of the page's furniture (a masthead, a tagline, a photo credit): not the
    article's words, so neither a statement it makes nor part of its meaning."""
    words = list(article.text[start:end])
    for first, last in article.metadata.get("furniture", ()):
        for position in range(max(first, start), min(last, end)):
            words[position - start] = " "
    return not "".join(words).strip()


def _outside_furniture(dates, article: Article) -> list:
    """Dates outside the page's furniture (masthead lines, photo credits: see ``extract.front_matter``),
    where a number is an image size or a stamp of the page, not a date the article names."""
    furniture = article.metadata.get("furniture", ())
    return [found for found in dates if not any(start <= found.start and found.end <= end for start, end in furniture)]


def _attribution(article_id: str, index: int, found: FoundAttribution) -> Attribution:
    def spans(pieces) -> tuple[Span, ...]:
        return tuple(Span(article_id, start, end) for start, end in pieces)

    return Attribution(article_id, index, spans(found.content), spans(found.cue), spans(found.source), found.kind,
                       speaker_chain=found.speaker_chain, spoken_on=found.spoken_on, confidence=found.confidence)
