"""`rashomon analyze`: run the stage table over what is new in the store.

Article stages: workers annotate batches of articles (spaCy, dates, embeddings; one model load each);
the parent runs the later article stages (canonical entities) and writes each batch in one
transaction, so an interrupted run keeps what it wrote and a second run does only what is left. A
revised article is annotated again. Corpus stages then run once each over what is new.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rashomon.cluster.similarity import ClusterModel
from rashomon.nlp import models
from rashomon.pipeline.executors import ordered_map
from rashomon.pipeline.interrupts import InterruptWatch
from rashomon.pipeline import stages as stage_table
from rashomon.pipeline.stages import RunContext, Stage, check_stages
from rashomon.records import (Article, ArticleAnnotation, EventComparison, Placement, QuoteGroup, QuoteUnit,
                              Rejection)
from rashomon.settings import Settings
from rashomon.store import Store, writes
from rashomon.store.stage_io.annotations import articles_to_annotate

ARTICLES_PER_TASK = 4
CLUSTER_COUNTS = ("clustered", "new_events", "new_stories", "merges")


@dataclass
class AnalyzeReport:
    annotated: int = 0
    not_covered: int = 0  # annotated without a full pipeline for their language
    interrupted: bool = False
    languages: dict[str, int] = field(default_factory=dict)
    failures: list[Rejection] = field(default_factory=list)
    quote_units: int = 0  # sentences and clauses of new attributions, placed in quote groups
    quote_groups: int = 0  # new quote groups among them
    clusters: Counter = field(default_factory=Counter)  # clustered, new_events, new_stories, merges
    compared: Counter = field(default_factory=Counter)  # events compared, their facts and divergences

    def count_annotation(self, annotation: ArticleAnnotation) -> None:
        self.annotated += 1
        self.not_covered += not annotation.covered
        language = annotation.language or "unknown"
        self.languages[language] = self.languages.get(language, 0) + 1

    def count(self, produced: Iterable) -> None:
        """What a corpus stage produced: quote units placed, articles clustered."""
        for record in produced:
            if isinstance(record, QuoteUnit) and record.span is not None:
                self.quote_units += 1
            elif isinstance(record, QuoteGroup):
                self.quote_groups += 1
            elif isinstance(record, EventComparison) and record.signature:
                self.compared.update(events=1, facts=len(record.facts), divergences=len(record.divergences))
            elif isinstance(record, Placement):
                self.clusters.update(clustered=1, new_events=record.new_event, new_stories=record.new_story,
                                     merges=len(record.merged_events))

    def as_dict(self) -> dict:
        return {"annotated": self.annotated, "not_covered": self.not_covered, "languages": self.languages,
                "failed": [{"article": f.origin, "reason": f.reason} for f in self.failures],
                "quote_units": self.quote_units, "quote_groups": self.quote_groups,
                "clusters": {key: self.clusters[key] for key in CLUSTER_COUNTS},
                "compared": {key: self.compared[key] for key in ("events", "facts", "divergences")},
                "interrupted": self.interrupted}


def analyze(store: Store, settings: Settings, progress=None, cluster_model: ClusterModel | None = None,
            stages: Sequence[Stage] | None = None) -> AnalyzeReport:
    """Run every stage of the stage table (or of ``stages``) over what is new or revised; returns what was done.

    Refuses to start (StageTableError) when the table does not hold together."""
    stages = stage_table.STAGES if stages is None else stages
    check_stages(stages)
    cores = os.cpu_count() or 1
    context = RunContext(settings, cluster_model, threads=cores)
    report = AnalyzeReport()
    article_stages = [stage for stage in stages if stage.scope == "article"]
    try:
        with InterruptWatch() as interrupts:
            if article_stages:
                _run_article_stages(store, article_stages, settings, report, progress, interrupts)
    except KeyboardInterrupt:
        report.interrupted = True
        return report
    for stage in stages:
        if stage.scope == "corpus":
            _run_corpus_stage(store, stage, context, report, progress)
    return report


def _run_article_stages(store: Store, stages: list[Stage], settings: Settings, report: AnalyzeReport,
                        progress, interrupts: InterruptWatch) -> None:
    with store.read() as connection:
        pending = articles_to_annotate(connection)
    if progress:
        progress.add_work(len(pending))
    cores = os.cpu_count() or 1
    workers = 1 if len(pending) < 2 * ARTICLES_PER_TASK else (settings.workers or cores)
    batches = [pending[i:i + ARTICLES_PER_TASK] for i in range(0, len(pending), ARTICLES_PER_TASK)]
    # One worker may use every core for the encoder; several share them, one thread each.
    threads = cores if workers == 1 else 1
    _worker_stage[:] = stages[:1]
    for batch, results in zip(batches, ordered_map(_first_stage_on_batch, batches, workers, setup=_load_models,
                                                   setup_args=(threads,)), strict=False):
        interrupts.check()
        _save(store, stages, batch, results, report, progress)
    interrupts.check()


def _save(store: Store, stages: Sequence[Stage], articles: list[Article], results: list, report: AnalyzeReport,
          progress) -> None:
    """The later article stages on each result, and what the last one produced, in one transaction."""
    with store.transaction() as connection:
        for article, result in zip(articles, results, strict=True):
            if isinstance(result, Rejection):
                writes.save_rejection(connection, result)
                continue
            index = None
            for stage in stages[1:]:
                index = stage.read(connection)
                result = stage.run(result, index)
            stages[-1].write(connection, article, result, index)
    for result in results:
        if isinstance(result, Rejection):
            report.failures.append(result)
        else:
            report.count_annotation(result)
        if progress:
            progress.advance(result.origin if isinstance(result, Rejection) else result.article_id)


def _run_corpus_stage(store: Store, stage: Stage, context: RunContext, report: AnalyzeReport, progress) -> None:
    """The stage over what its reader gives, written in transactions of ``stage.batch`` records, its
    progress shown item by item as the records are made (not when they are written)."""
    with store.read() as connection:
        pending = stage.read(connection)
    shown = _StageProgress(progress, stage, pending)
    chunk: list = []
    for record in stage.run(pending, context):
        chunk.append(record)
        shown.saw(record)
        if stage.batch is not None and len(chunk) == stage.batch:
            _write(store, stage, chunk, report)
            chunk = []
    if chunk:
        _write(store, stage, chunk, report)


def _write(store: Store, stage: Stage, chunk: list, report: AnalyzeReport) -> None:
    with store.transaction() as connection:
        stage.write(connection, chunk)
    report.count(chunk)


class _StageProgress:
    """A corpus stage's own bar, when the progress given can open one (``phase(verb, total)``)."""

    def __init__(self, progress, stage: Stage, pending):
        open_phase = getattr(progress, "phase", None)
        self.bar = open_phase(stage.work.verb, stage.work.size(pending)) if open_phase and stage.work else None
        self.finishes = stage.work.finishes if stage.work else None
        self.done: set = set()

    def saw(self, record) -> None:
        if self.bar is None:
            return
        item = self.finishes(record)
        if item is not None and item not in self.done:
            self.done.add(item)
            self.bar.advance()


_embedder = None
_worker_stage: list[Stage] = []  # the first article stage, set before the workers fork


def _load_models(threads: int) -> None:
    """Once per worker: the sentence encoder and the English pipeline."""
    global _embedder
    _embedder = models.sentence_encoder(threads=threads)
    models.spacy_pipeline("en")


def _first_stage_on_batch(batch: list[Article]) -> list[ArticleAnnotation | Rejection]:
    """The batch's results; an article that breaks the stage is reported, not the whole run."""
    stage = _worker_stage[0]
    try:
        return stage.run(batch, _embedder)
    except Exception:  # noqa: BLE001 - one bad article must not stop the corpus
        return [_alone(stage, article) for article in batch]


def _alone(stage: Stage, article: Article) -> ArticleAnnotation | Rejection:
    try:
        return stage.run([article], _embedder)[0]
    except Exception as error:  # noqa: BLE001
        return Rejection(article.id, f"annotation failed: {type(error).__name__}: {error}", stage=stage.name)
