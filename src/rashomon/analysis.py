"""`rashomon analyze`: annotate every article not yet annotated, over the cores, and store the result.

Workers annotate batches of articles (spaCy, dates, embeddings); the parent resolves entities to
canonical ones and writes each batch in one transaction, so an interrupted run keeps what it wrote
and a second run does only what is left. A revised article is annotated again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon import embed
from rashomon.align import update_quote_groups
from rashomon.annotate import Annotation, annotate
from rashomon.canonical import resolve_chains
from rashomon.cluster import ClusterReport, update_clusters
from rashomon.cluster.similarity import ClusterModel
from rashomon.nlp import models
from rashomon.pipeline.executors import ordered_map
from rashomon.pipeline.interrupts import InterruptWatch
from rashomon.records import Rejection
from rashomon.settings import Settings
from rashomon.store import Store, queries, schema, writes
from rashomon.store.queries import Pending

ARTICLES_PER_TASK = 4


@dataclass
class AnalyzeReport:
    annotated: int = 0
    not_covered: int = 0  # annotated without a full pipeline for their language
    interrupted: bool = False
    languages: dict[str, int] = field(default_factory=dict)
    failures: list[Rejection] = field(default_factory=list)
    quote_units: int = 0  # sentences and clauses of new attributions, placed in quote groups
    clusters: ClusterReport = field(default_factory=ClusterReport)  # articles placed in events and stories

    def as_dict(self) -> dict:
        return {"annotated": self.annotated, "not_covered": self.not_covered, "languages": self.languages,
                "failed": [{"article": f.origin, "reason": f.reason} for f in self.failures],
                "quote_units": self.quote_units, "clusters": self.clusters.as_dict(),
                "interrupted": self.interrupted}


def analyze(store: Store, settings: Settings, progress=None, cluster_model: ClusterModel | None = None,
            ) -> AnalyzeReport:
    """Annotate what is new or revised, then place it in events and stories; returns what was done."""
    with store.read() as connection:
        pending = queries.articles_to_annotate(connection)
    if progress:
        progress.add_work(len(pending))
    report = AnalyzeReport()
    cores = os.cpu_count() or 1
    workers = 1 if len(pending) < 2 * ARTICLES_PER_TASK else (settings.workers or cores)
    batches = [pending[i:i + ARTICLES_PER_TASK] for i in range(0, len(pending), ARTICLES_PER_TASK)]
    # One worker may use every core for the encoder; several share them, one thread each.
    threads = cores if workers == 1 else 1
    try:
        with InterruptWatch() as interrupts:
            for results in ordered_map(_annotate_batch, batches, workers, setup=_load_models,
                                       setup_args=(threads,)):
                interrupts.check()
                _save(store, results, report, progress)
            interrupts.check()
    except KeyboardInterrupt:
        report.interrupted = True
        return report
    report.quote_units = update_quote_groups(store, models.sentence_encoder(threads=cores))
    report.clusters = update_clusters(store, cluster_model)
    return report


def _save(store: Store, results: Sequence[Annotation | Rejection], report: AnalyzeReport, progress) -> None:
    with store.transaction() as connection:
        for result in results:
            if isinstance(result, Rejection):
                writes.save_rejection(connection, result)
            else:
                save_annotation(connection, result, queries.article_text(connection, result.article_id))
    for result in results:
        _count(report, result)
        if progress:
            progress.advance(result.origin if isinstance(result, Rejection) else result.article_id)


def _count(report: AnalyzeReport, result: Annotation | Rejection) -> None:
    if isinstance(result, Rejection):
        report.failures.append(result)
        return
    report.annotated += 1
    report.not_covered += not result.covered
    language = result.language or "unknown"
    report.languages[language] = report.languages.get(language, 0) + 1


_embedder = None


def _load_models(threads: int) -> None:
    """Once per worker: the sentence encoder and the English pipeline."""
    global _embedder
    _embedder = models.sentence_encoder(threads=threads)
    models.spacy_pipeline("en")


def _annotate_batch(batch: list[Pending]) -> list[Annotation | Rejection]:
    """The batch's annotations; an article that breaks the stage is reported, not the whole run."""
    try:
        return annotate(batch, _embedder)
    except Exception:  # noqa: BLE001 - one bad article must not stop the corpus
        return [_annotate_alone(article) for article in batch]


def _annotate_alone(article: Pending) -> Annotation | Rejection:
    try:
        return annotate([article], _embedder)[0]
    except Exception as error:  # noqa: BLE001
        return Rejection(article.id, f"annotation failed: {type(error).__name__}: {error}", stage="annotate")


def save_annotation(connection: sa.Connection, annotation: Annotation, text: str) -> None:
    """Replace the article's annotations with these, resolving entities to canonical ones."""
    article_id = annotation.article_id
    writes.clear_annotations(connection, article_id)
    entity_of_chain = resolve_chains(connection, annotation.entities.chains)
    writes.save_rows(connection, schema.annotations, [{
        "article_id": article_id, "content_hash": annotation.content_hash, "language": annotation.language,
        "pipeline": annotation.pipeline, "covered": annotation.covered, "embedder": annotation.embedder,
        "article_vector": embed.to_bytes(annotation.article_vector),
        "annotated_at": datetime.now(timezone.utc)}])
    writes.save_rows(connection, schema.sentences, [
        {"article_id": article_id, "idx": i, "start": s, "end": e, "vector": embed.to_bytes(vector)}
        for i, ((s, e), vector) in enumerate(zip(annotation.sentences, annotation.sentence_vectors))])
    writes.save_rows(connection, schema.quotations, [
        {"article_id": article_id, "idx": i, "start": s, "end": e} for i, (s, e) in enumerate(annotation.quotations)])
    writes.save_rows(connection, schema.mentions, list(_mention_rows(annotation, entity_of_chain)))
    writes.save_rows(connection, schema.attributions, [
        {"article_id": article_id, "idx": i, "kind": a.kind, "content": [list(p) for p in a.content],
         "cue": [list(p) for p in a.cue], "source": [list(p) for p in a.source],
         "content_text": " … ".join(text[s:e] for s, e in a.content),
         "speaker_entity_id": entity_of_chain.get(a.speaker_chain) if a.speaker_chain is not None else None,
         "spoken_on": a.spoken_on, "confidence": a.confidence} for i, a in enumerate(annotation.attributions)])
    writes.save_rows(connection, schema.date_mentions, [
        {"article_id": article_id, "idx": i, "start": d.start, "end": d.end, "text": d.text, "value": d.value,
         "kind": d.kind, "qualifier": d.qualifier} for i, d in enumerate(annotation.dates)])


def _mention_rows(annotation: Annotation, entity_of_chain: dict[int, str]) -> Iterator[dict]:
    for i, mention in enumerate(annotation.entities.mentions):
        yield {"article_id": annotation.article_id, "idx": i, "start": mention.start, "end": mention.end,
               "text": mention.text, "label": mention.label, "chain": mention.chain, "kind": mention.kind,
               "entity_id": entity_of_chain.get(mention.chain)}
