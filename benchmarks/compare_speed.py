"""Comparing speed: one event of 10 full articles, and what one more article costs in a stored corpus.

Usage: python benchmarks/compare_speed.py ../shared/data/stories/ecbplus-dev.jsonl [--db ANALYZED_STORE]
           [--min-event N] [--event-threshold T]

The file is ingested and analyzed into a temporary store (not timed; ``--db`` reuses a store analyzed
before). Then:
- every event of at least 10 articles is compared from its stored annotations, 10 of its articles at a
  time (statements, their vectors, facts, divergences), and the seconds of each are reported;
- the largest event is compared whole, from scratch, the same way (its size and seconds reported; when
  it has more than 50 articles, its oldest 50 are also compared alone);
- a copy of one article of the largest event, one sentence changed, is ingested, and ``analyze`` run: the
  number of events the comparing stage recomputed (one: the copy's), the event the copy was placed in and
  its size after, and the seconds of the comparing stage (reading its input, comparing, writing) and of
  the whole ``analyze`` are reported. The sentence encoder is loaded before (its load is reported apart),
  as in a process that keeps it; the article stages' workers load their models within ``analyze``.

``--min-event N`` stops with a message when the largest event the clusterer made has fewer than N articles
(for the figure "one more article in a stored event of 50"). No corpus of ../shared/data gets an event of
50 from the shipped cluster model (the largest: 23 articles in ECB+ dev, 16 in the AllSides triplets, 6 in
BASIL, 4 in PolNeAR train; no gold story there has more than 22), so ``--event-threshold T`` runs the
clusterer with its event threshold at T instead of the shipped one, in every ``analyze`` of the run (a
``--db`` store must have been clustered so too); the gold stories of the largest event are reported. With
``meantime-parallel-airbus.jsonl --event-threshold 0.01 --min-event 50`` the clusterer makes one event of
85 Wikinews articles on Airbus (29 of its 30 stories, in English, Italian and Spanish): a large event of
real articles, though not one happening. ECB+ dev at 0.02 still makes none larger than 28.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from rashomon import reads
from rashomon.align.comparing import compare_event
from rashomon.cluster.similarity import ClusterModel
from rashomon.ingest.session import ingest
from rashomon.nlp import models
from rashomon.pipeline import stages as stage_table
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store, compared
from rashomon.store.stage_io.comparisons import annotated_article

EVENT_ARTICLES = 10
LARGE_EVENT = 50


def _events(store: Store) -> dict[int, list[str]]:
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, (event, _) in sorted(reads.placements(store).items()):
        members[event].append(article_id)
    return members


def load_encoder() -> float:
    """Seconds to load the sentence encoder (with as many threads as ``analyze`` gives it) and encode once."""
    started = time.perf_counter()
    models.sentence_encoder(threads=os.cpu_count() or 1).encode(["warm up"])
    return round(time.perf_counter() - started, 2)


def time_events(store: Store) -> list[dict]:
    encoder = models.sentence_encoder(threads=os.cpu_count() or 1)
    results = []
    for event, members in sorted(_events(store).items()):
        if len(members) < EVENT_ARTICLES:
            continue
        with store.read() as connection:
            articles = [annotated_article(connection, a) for a in members[:EVENT_ARTICLES]]
        started = time.perf_counter()
        comparison = compare_event(event, articles, encoder)
        results.append({"event": event, "articles": EVENT_ARTICLES, "facts": len(comparison.facts),
                        "seconds": round(time.perf_counter() - started, 3)})
    return results


def time_whole_event(store: Store) -> dict:
    """The largest event compared from scratch: its stored annotations read, then compared."""
    event, members = max(_events(store).items(), key=lambda item: len(item[1]))
    stored = [reads.article(store, a).article for a in members]
    stories = Counter(str(article.metadata.get("story")) for article in stored)
    languages = Counter(str(article.language) for article in stored)
    encoder = models.sentence_encoder(threads=os.cpu_count() or 1)
    started = time.perf_counter()
    with store.read() as connection:  # oldest first, as the comparing stage gives them
        articles = [annotated_article(connection, row.id) for row in compared.event_members(connection, event)]
    loaded = time.perf_counter()
    comparison = compare_event(event, articles, encoder)
    result = {"event": event, "articles": len(members), "languages": dict(languages.most_common()),
              "gold_stories": dict(stories.most_common()),
              "facts": len(comparison.facts), "divergences": len(comparison.divergences),
              "read_seconds": round(loaded - started, 2), "compare_seconds": round(time.perf_counter() - loaded, 2)}
    if len(articles) > LARGE_EVENT:  # its oldest 50 alone, for the figure at 50
        started = time.perf_counter()
        compare_event(event, articles[:LARGE_EVENT], encoder)
        result[f"compare_seconds_oldest_{LARGE_EVENT}"] = round(time.perf_counter() - started, 2)
    return result


class StageClock:
    """The seconds a stage spends in its reader, its run (consumed as the runner consumes it) and its writer."""

    def __init__(self):
        self.seconds = 0.0

    def timed(self, function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
        return run

    def timed_iter(self, function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            produced = iter(function(*args, **kwargs))
            self.seconds += time.perf_counter() - started
            while True:
                started = time.perf_counter()
                try:
                    item = next(produced)
                except StopIteration:
                    self.seconds += time.perf_counter() - started
                    return
                self.seconds += time.perf_counter() - started
                yield item
        return run


def time_one_more(store: Store, folder: Path, cluster_model: ClusterModel | None = None) -> dict:
    event, members = max(_events(store).items(), key=lambda item: len(item[1]))
    original = reads.article(store, members[0]).article
    first = original.text.split(". ", 1)
    changed = first[0] + " (updated). " + first[1] if len(first) > 1 else original.text + " Updated."
    path = folder / "one-more.jsonl"
    path.write_text(json.dumps({"outlet": "one more", "title": original.title, "text": changed,
                                "published": original.published.isoformat() if original.published else None}) + "\n")
    settings = Settings.load(db=store.target)
    before = set(reads.placements(store))
    ingest(store, [str(path)], settings)
    clock = StageClock()
    stages = [replace(stage, read=clock.timed(stage.read), run=clock.timed_iter(stage.run),
                      write=clock.timed(stage.write)) if stage.name == "facts" else stage
              for stage in stage_table.STAGES]
    started = time.perf_counter()
    report = analyze(store, settings, cluster_model=cluster_model, stages=stages)
    seconds = time.perf_counter() - started
    placements = reads.placements(store)
    added = [a for a in placements if a not in before]
    placed = placements[added[0]][0] if len(added) == 1 else None
    return {"event": event, "event_size": len(members), "added_articles": len(added), "placed_in_event": placed,
            "event_size_after": sum(1 for e, _ in placements.values() if e == placed) if placed else None,
            "events_compared": report.compared["events"], "facts_stage_seconds": round(clock.seconds, 2),
            "analyze_seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--db", help="a store the file was analyzed into before")
    parser.add_argument("--min-event", type=int, default=0,
                        help="stop unless the largest event has at least this many articles")
    parser.add_argument("--event-threshold", type=float,
                        help="cluster with this event threshold instead of the shipped model's")
    args = parser.parse_args()
    cluster_model = None
    if args.event_threshold is not None:
        cluster_model = replace(models.cluster_model(), event_threshold=args.event_threshold)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as folder:
        target = args.db or str(Path(folder) / "bench.db")
        store = Store.open(target)
        encoder_seconds = load_encoder()
        if not args.db:
            settings = Settings.load(db=target)
            ingest(store, [str(args.path)], settings)
            analyze(store, settings, cluster_model=cluster_model)
        largest = max((len(m) for m in _events(store).values()), default=0)
        if largest < args.min_event:
            sys.exit(f"the largest event has {largest} articles, fewer than {args.min_event}")
        events = time_events(store)
        whole = time_whole_event(store)
        one_more = time_one_more(store, Path(folder), cluster_model)
    seconds = sorted(e["seconds"] for e in events)
    print(json.dumps({"event_threshold": (cluster_model or models.cluster_model()).event_threshold,
                      "encoder_load_seconds": encoder_seconds, "events_of_10": len(events),
                      "median_seconds": seconds[len(seconds) // 2] if seconds else None,
                      "max_seconds": seconds[-1] if seconds else None, "events": events,
                      "largest_event_from_scratch": whole, "one_more_article": one_more}, indent=2))


if __name__ == "__main__":
    main()
