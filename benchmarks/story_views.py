"""Provenance, timeline and a story's coverage over every story of an analyzed store: what they find and
what they cost.

Usage:
    rashomon ingest ../shared/data/stories/basil.jsonl --db basil.db && rashomon analyze --db basil.db
    python benchmarks/story_views.py basil.db [--json]

Both answers are worked out when asked (``reads.provenance``, ``reads.timeline``); this times each story's
and counts origin citations by kind, ties, pairs sharing passages (directed or not), and timeline entries
by how they are placed (a day, month, year, decade; a bound; unknown), and the facts of the coverage
matrix stated in more than one event (``align.across_events``). For a store ingested from a JSONL with
gold labels (its articles' origins are ``path:line``), it also counts how many of those cross-event facts
join articles of one gold event (which the clustering split) and how many join different gold events.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from rashomon import reads
from rashomon.store import Store


def measure(store: Store) -> dict:
    found: dict = {"stories": 0, "citations": Counter(), "ties": 0, "copies": Counter(), "entries": Counter()}
    found["across_events"] = Counter()
    gold = _gold_labels(store)
    seconds: dict[str, list[tuple[float, int]]] = {"provenance": [], "timeline": [], "compare": []}
    for summary in reads.stories(store):
        found["stories"] += 1
        started = time.perf_counter()
        traced = reads.provenance(store, summary.story)
        seconds["provenance"].append((time.perf_counter() - started, summary.articles))
        started = time.perf_counter()
        placed = reads.timeline(store, summary.story)
        seconds["timeline"].append((time.perf_counter() - started, summary.articles))
        found["citations"].update(c.kind for c in traced.citations)
        found["ties"] += len(traced.ties)
        found["copies"].update("directed" if c.directed else "order open" for c in traced.copies)
        found["entries"].update(e.place.precision for e in placed.entries)
        started = time.perf_counter()
        coverage = reads.compare(store, story=summary.story)
        seconds["compare"].append((time.perf_counter() - started, summary.articles))
        for fact in coverage.facts:
            if fact.also:
                labels = {gold.get(r.article_id) for r in fact.reports.values()}
                found["across_events"]["facts"] += 1
                if gold:
                    found["across_events"]["one gold event" if len(labels) == 1 else "gold events differ"] += 1
    for name, timed in seconds.items():
        slowest = max(timed, default=(0.0, 0))
        found[f"{name}_seconds"] = {"all": round(sum(s for s, _ in timed), 2), "slowest": round(slowest[0], 3),
                                    "slowest_story_articles": slowest[1]}
    return {key: dict(value) if isinstance(value, Counter) else value for key, value in found.items()}


def _gold_labels(store: Store) -> dict[str, str]:
    """article id → its gold ``story`` label, read from the JSONL line its origin names (where it does)."""
    lines: dict[str, list[str]] = {}
    found = {}
    for article in reads.articles(store).articles:
        path, _, number = (article.origin or "").rpartition(":")
        if path.endswith(".jsonl") and number.isdigit() and Path(path).exists():
            lines.setdefault(path, Path(path).read_text(encoding="utf-8").splitlines())
            found[article.id] = str(json.loads(lines[path][int(number) - 1]).get("story"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="an analyzed store")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store = Store.open(args.db)
    try:
        result = measure(store)
    finally:
        store.close()
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
