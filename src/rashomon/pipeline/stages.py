"""The stage table: every stage of ``rashomon analyze``, what it requires and produces, in running order.

A stage is a plain function from records to records. Where its records come from and where what it
produces goes is the runner's business: each row names the ``stage_io`` functions that read its input
and write its output. Adding a stage is one function and one row here.

- ``article`` stages run per article. The first reads nothing but the article (it runs in worker
  processes, with the models loaded once in each); each next one takes the previous one's result and an
  index the runner reads for it from the store (``read``). The runner writes what the last one produced
  with the last one's ``write(connection, article, result, index)``.
- ``corpus`` stages run once per ``analyze`` over what is new in the corpus: the runner reads their input
  (``read``), calls them, and writes what they yield in transactions of ``batch`` records (``write``).

The table is checked before a run, as spaCy's ``analyze_pipes`` does: every name a stage requires must be
produced by an earlier stage (or be ``articles``, the input), no name is produced twice, and every stage
after the first article stage has a reader and the last article stage and every corpus stage a writer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from rashomon.align.comparing import compare_events
from rashomon.align.quote_groups import group_quotes
from rashomon.cluster.placing import place_articles
from rashomon.cluster.similarity import ClusterModel
from rashomon.entities import EntityBook, resolve_entities
from rashomon.errors import StageTableError
from rashomon.nlp import models
from rashomon.nlp.annotate import annotate
from rashomon.records import QuoteGroup, QuoteUnit
from rashomon.settings import Settings
from rashomon.store.stage_io import annotations, clusters, comparisons, quotes

INPUT = "articles"


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[..., Any]
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    scope: Literal["article", "corpus"] = "corpus"
    read: Callable[..., Any] | None = None  # connection → the stage's input (or the index it consults)
    write: Callable[..., None] | None = None  # (connection, what it produced) → stored
    batch: int | None = None  # corpus stages: records written per transaction (None: all in one)
    work: Work | None = None  # corpus stages: how their progress is shown


@dataclass(frozen=True)
class Work:
    """How a corpus stage's progress is counted: what it is doing, how many items its input holds, and the
    item a record it yields finishes (None when it finishes none, such as a new quote group)."""

    verb: str
    size: Callable[[Any], int]
    finishes: Callable[[Any], Hashable | None]


def _attribution_of(record: QuoteGroup | QuoteUnit) -> tuple[str, int] | None:
    return (record.article_id, record.attribution_index) if isinstance(record, QuoteUnit) else None


def _entity_book(connection) -> EntityBook:
    return EntityBook(annotations.StoredEntities(connection))


STAGES: tuple[Stage, ...] = (
    Stage("annotate", annotate, requires=(INPUT,),
          produces=("sentences", "quotations", "mentions", "name_chains", "dates", "attributions", "vectors"),
          scope="article"),
    Stage("entities", resolve_entities, requires=("mentions", "name_chains", "attributions"),
          produces=("entities",), scope="article", read=_entity_book, write=annotations.save_resolved),
    Stage("quote_groups", group_quotes, requires=("attributions", "sentences", "entities", "vectors"),
          produces=("quote_groups",), read=quotes.quotes_to_group, write=quotes.save_grouped_quotes,
          work=Work("grouping quotes", lambda pending: len(pending.attributions), _attribution_of)),
    Stage("clusters", place_articles, requires=("vectors", "entities", "dates"), produces=("events", "stories"),
          read=clusters.articles_to_place, write=clusters.save_placements, batch=200,
          work=Work("clustering", lambda pending: len(pending.articles), lambda placement: placement.article_id)),
    Stage("facts", compare_events, requires=("events", "sentences", "attributions", "entities", "dates", "quote_groups"),
          produces=("facts", "divergences"), read=comparisons.events_to_compare, write=comparisons.save_comparisons,
          batch=20, work=Work("comparing events", lambda pending: len(pending.events) + len(pending.gone),
                              lambda comparison: comparison.event_id)),
)


class RunContext:
    """What stages share in one run: the settings and the models, each loaded when first asked for."""

    def __init__(self, settings: Settings, cluster_model: ClusterModel | None = None, threads: int = 1):
        self.settings = settings
        self._cluster_model = cluster_model
        self.threads = threads

    @cached_property
    def encoder(self):
        return models.sentence_encoder(threads=self.threads)

    @cached_property
    def cluster_model(self) -> ClusterModel:
        return self._cluster_model or models.cluster_model()


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise StageTableError naming the first stage that lacks something, and what it lacks."""
    available, seen = {INPUT}, set()
    article_stages = [stage for stage in stages if stage.scope == "article"]
    for position, stage in enumerate(stages):
        if stage.name in seen:
            raise StageTableError(f"stage table: two stages are called {stage.name!r}")
        seen.add(stage.name)
        missing = [name for name in stage.requires if name not in available]
        if missing:
            raise StageTableError(f"stage {stage.name!r} requires {', '.join(map(repr, missing))}, which no "
                                  "earlier stage produces")
        twice = [name for name in stage.produces if name in available]
        if twice:
            raise StageTableError(f"stage {stage.name!r} produces {', '.join(map(repr, twice))}, which an "
                                  "earlier stage already produces")
        _check_io(stage, position, stages, article_stages)
        available.update(stage.produces)


def _check_io(stage: Stage, position: int, stages: Sequence[Stage], article_stages: list[Stage]) -> None:
    if stage.scope == "article" and any(s.scope == "corpus" for s in stages[:position]):
        raise StageTableError(f"stage {stage.name!r} runs per article but comes after a corpus stage")
    needs_read = stage.scope == "corpus" or (article_stages and stage is not article_stages[0])
    if needs_read and stage.read is None:
        raise StageTableError(f"stage {stage.name!r} lacks a reader: nothing says what the runner reads for it")
    needs_write = stage.scope == "corpus" or (article_stages and stage is article_stages[-1])
    if needs_write and stage.write is None:
        raise StageTableError(f"stage {stage.name!r} lacks a writer: what it produces would not be stored")
