"""A store built by hand: two articles ingested from a dump, their annotations, quote group and placements
written as records through ``stage_io``, with no model run, so that the read side and every view can be
tested on exact, known contents (and on hostile text in every field a view shows)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from rashomon.entities import EntityBook, entity_id, resolve_entities
from rashomon.ingest.session import ingest
from rashomon.records import (
    Article,
    ArticleAnnotation,
    Attribution,
    DateMention,
    Divergence,
    EventComparison,
    Fact,
    FactReport,
    Mention,
    NameChain,
    Placement,
    QuoteGroup,
    QuoteUnit,
    Sentence,
    Span,
)
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.stage_io import annotations, clusters, comparisons, quotes
from rashomon.store.stage_io.annotations import StoredEntities

SPEAKER = "Jens Stoltenberg"


@dataclass(frozen=True)
class Built:
    store: Store
    first: Article  # published 2021-12-23, the quote's first rendering
    second: Article  # published 2021-12-25
    event: int = 1
    story: int = 1
    group: int = 1


def build(store: Store, settings: Settings, folder: Path, outlet: str = "Example Wire",
          title: str = "NATO never promised", speaker: str = SPEAKER) -> Built:
    """Two reports of one quote, by ``outlet`` and "Example Herald", in one event of one story."""
    first_text = f"{speaker} said NATO never promised not to expand. The talks resume on December 23."
    second_text = f"{speaker} told reporters that NATO has never promised not to expand."
    dump = folder / "built.jsonl"
    dump.write_text("\n".join(json.dumps(record) for record in (
        {"outlet": outlet, "title": title, "published": "2021-12-23", "text": first_text},
        {"outlet": "Example Herald", "title": "Second report", "published": "2021-12-25", "text": second_text},
    )) + "\n")
    ingest(store, [str(dump)], settings)
    from rashomon import reads

    first, second = reads.articles(store).articles
    _annotate(store, first, speaker, content="NATO never promised not to expand", cue="said",
              date=("December 23", "2021-12-23"))
    _annotate(store, second, speaker, content="NATO has never promised not to expand", cue="told reporters")
    _group_and_place(store, first, second, speaker)
    return Built(store, first, second)


def _span(article: Article, words: str) -> Span:
    start = article.text.index(words)
    return Span(article.id, start, start + len(words))


def _annotate(store: Store, article: Article, speaker: str, content: str, cue: str,
              date: tuple[str, str] | None = None) -> None:
    vector = np.ones(4, np.float32) / 2
    sentence = Span(article.id, 0, article.text.index(".") + 1)
    annotation = ArticleAnnotation(
        article_id=article.id, content_hash=article.content_hash, language="en", pipeline="by hand",
        covered=True, embedder="by hand", sentences=(Sentence(sentence, 0, vector),), quotations=(),
        mentions=(Mention(_span(article, speaker), speaker, "PERSON", 0),
                  Mention(_span(article, "NATO"), "NATO", "ORG", 1)),
        chains=(NameChain(0, "PERSON", speaker, names=(speaker,)), NameChain(1, "ORG", "NATO", names=("NATO",))),
        dates=(DateMention(_span(article, date[0]), date[0], date[1]),) if date else (),
        attributions=(Attribution(article.id, 0, (_span(article, content),), (_span(article, cue),),
                                  (_span(article, speaker),), "indirect", speaker_chain=0, confidence=0.9),),
        article_vector=vector)
    with store.transaction() as connection:
        book = EntityBook(StoredEntities(connection))
        annotations.save_resolved(connection, article, resolve_entities(annotation, book), book)


def _group_and_place(store: Store, first: Article, second: Article, speaker_name: str) -> None:
    speaker = entity_id("PERSON", speaker_name)
    grouped = [QuoteGroup(1, speaker, np.ones(4, np.float32) / 2)]
    for article, words, similarity in ((first, "NATO never promised not to expand", 1.0),
                                       (second, "NATO has never promised not to expand", 0.93)):
        grouped.append(QuoteUnit(article.id, 0, _span(article, words), speaker, 1, similarity))
    explanation = {"decision": "joined", "event_threshold": 0.1, "story_threshold": 0.05, "event_window_days": 7,
                   "merged_events": [], "candidates": [
                       {"event": 1, "story": 1, "score": 0.5, "features": {"words_mean": 0.4, "days": 2},
                        "closest": first.id, "shared_entities": [speaker], "shared_words": ["nato"],
                        "in_event_window": True}]}
    placements = [
        Placement(first.id, 1, 1, 1, "new story", new_event=True, new_story=True,
                  profile={"terms": {"nato": 1}, "entities": [], "mentioned": None},
                  explanation={**explanation, "decision": "new story", "candidates": []}),
        Placement(second.id, 2, 1, 1, "joined", profile={"terms": {"nato": 1}, "entities": [], "mentioned": None},
                  explanation=explanation),
    ]
    first_words, second_words = "NATO never promised not to expand", "NATO has never promised not to expand"
    shared = Fact(1, 1, "quote", (FactReport(_span(first, first_words), 0, 0.93),
                                  FactReport(_span(second, second_words), 0, 0.93)))
    alone = Fact(2, 1, "statement", (FactReport(_span(first, "The talks resume on December 23")),))
    verb = Divergence(1, "verb", (shared.reports[0].span, shared.reports[1].span), "said ≠ told reporters", 1.0)
    with store.transaction() as connection:
        quotes.save_grouped_quotes(connection, grouped)
        clusters.save_placements(connection, placements)
        comparisons.save_comparisons(connection, [EventComparison(1, "signature", (shared, alone), (verb,))])


PUBLISHED = (date(2021, 12, 23), date(2021, 12, 25))
