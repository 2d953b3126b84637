"""Comparing speed: one event of 10 full articles, and what one more article costs in a stored corpus.

Usage: python benchmarks/compare_speed.py ../shared/data/stories/ecbplus-dev.jsonl [--db ANALYZED_STORE]

The file is ingested and analyzed into a temporary store (not timed; ``--db`` reuses a store analyzed
before). Then:
- every event of at least 10 articles is compared from its stored annotations, 10 of its articles at a
  time (statements, their vectors, facts, divergences), and the seconds of each are reported;
- a copy of one article of the largest event, one sentence changed, is ingested, and ``analyze`` run: the
  number of events the comparing stage recomputed (one: the copy's) and the seconds it took are reported.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rashomon import reads
from rashomon.align.comparing import compare_event
from rashomon.ingest.session import ingest
from rashomon.nlp import models
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.stage_io.comparisons import annotated_article

EVENT_ARTICLES = 10


def _events(store: Store) -> dict[int, list[str]]:
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, (event, _) in sorted(reads.placements(store).items()):
        members[event].append(article_id)
    return members


def time_events(store: Store) -> list[dict]:
    encoder = models.sentence_encoder(threads=2)
    encoder.encode(["warm up"])
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


def time_one_more(store: Store, folder: Path) -> dict:
    event, members = max(_events(store).items(), key=lambda item: len(item[1]))
    original = reads.article(store, members[0]).article
    first = original.text.split(". ", 1)
    changed = first[0] + " (updated). " + first[1] if len(first) > 1 else original.text + " Updated."
    path = folder / "one-more.jsonl"
    path.write_text(json.dumps({"outlet": "one more", "title": original.title, "text": changed,
                                "published": original.published.isoformat() if original.published else None}) + "\n")
    settings = Settings.load(db=store.target)
    ingest(store, [str(path)], settings)
    started = time.perf_counter()
    report = analyze(store, settings)
    return {"event_size": len(members), "events_compared": report.compared["events"],
            "analyze_seconds": round(time.perf_counter() - started, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--db", help="a store the file was analyzed into before")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as folder:
        target = args.db or str(Path(folder) / "bench.db")
        store = Store.open(target)
        if not args.db:
            settings = Settings.load(db=target)
            ingest(store, [str(args.path)], settings)
            analyze(store, settings)
        events = time_events(store)
        one_more = time_one_more(store, Path(folder))
    seconds = sorted(e["seconds"] for e in events)
    print(json.dumps({"events_of_10": len(events), "median_seconds": seconds[len(seconds) // 2] if seconds else None,
                      "max_seconds": seconds[-1] if seconds else None, "events": events, "one_more_article": one_more},
                     indent=2))


if __name__ == "__main__":
    main()
