"""Search latency on 1,000 stored articles: BASIL (300) and PolNeAR dev (84) and train (the first 616).

Usage: python benchmarks/search_latency.py ../shared/data [--store built.db] [--repeats 20]

The articles are ingested into a store (the full-text index is kept by the store as they are written) and
analyzed with `rashomon analyze` (search needs the sentence vectors and the attributions; the analysis
makes the rest too). Neither is timed. Then each query is timed through ``reads.search`` in one process,
as the web app or a notebook would run it, in three kinds: by words only, by words and meaning, and by
words and meaning under a filter (outlet and dates). The first search by meaning loads the encoder and
reads the store's sentence vectors once; that cost is reported apart (as `rashomon search` pays it on
every call), and every later query is timed warm. With --store, an analyzed store is reused as it is.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from rashomon import reads
from rashomon.store import Store

SAMPLE = (("stories/basil.jsonl", 300), ("attributions/polnear-dev.jsonl", 84),
          ("attributions/polnear-train.jsonl", 616))
QUERIES = ("founding treaty", "Obama birth certificate", "Hillary Clinton emails", "health care reform vote",
           "said the election was rigged", "immigration border wall", "tax cuts for the wealthy",
           "Supreme Court nomination", "Trump rally protesters", "the economy added jobs last month")
KINDS = {
    "words": {"meaning": False},
    "words+meaning": {"meaning": True},
    "filtered": {"meaning": True, "where": reads.Filter(outlet="fox", since=date(2012, 1, 1))},
}


def write_sample(data: Path, folder: Path) -> Path:
    """The 1,000 articles as one JSONL file in the schema ingest reads."""
    sample = folder / "sample.jsonl"
    with sample.open("w", encoding="utf-8") as out:
        for name, count in SAMPLE:
            with (data / name).open(encoding="utf-8") as lines:
                for line in itertools.islice(lines, count):
                    record = json.loads(line)
                    record.pop("attributions", None)
                    record.pop("annotations", None)
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return sample


def build(data: Path, db: Path) -> None:
    sample = write_sample(data, db.parent)
    for command in (["ingest", str(sample)], ["analyze"]):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rashomon", *command, "--db", str(db), "--json"], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"{command[0]}: {time.perf_counter() - started:.0f} s", file=sys.stderr)


def timed(store: Store, query: str, meaning: bool, where: reads.Filter = reads.Filter()) -> tuple[float, int]:
    started = time.perf_counter()
    listing = reads.search(store, query, where, reads.Page(limit=10), meaning=meaning)
    return (time.perf_counter() - started) * 1000, listing.total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(store: Store, repeats: int) -> dict:
    cold_ms, _ = timed(store, QUERIES[0], meaning=True)
    result = {"cold_first_query_ms": round(cold_ms, 1), "kinds": {}}
    for kind, options in KINDS.items():
        times, hits = [], []
        for _ in range(repeats):
            for query in QUERIES:
                ms, total = timed(store, query, options["meaning"], options.get("where", reads.Filter()))
                times.append(ms)
                hits.append(total)
        result["kinds"][kind] = {"queries": len(times), "median_ms": round(statistics.median(times), 1),
                                 "p95_ms": round(percentile(times, 0.95), 1), "max_ms": round(max(times), 1),
                                 "mean_hits": round(statistics.mean(hits), 1)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (holds stories/ and attributions/)")
    parser.add_argument("--store", type=Path, help="an analyzed store to reuse, or where to build one")
    parser.add_argument("--repeats", type=int, default=20, help="times each query is run per kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.store or Path(folder) / "search.db"
        if not db.exists():
            build(args.data, db)
        store = Store.open(str(db))
        with store.read() as connection:
            counts = {table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                      for table in ("articles", "sentences", "attributions", "search_documents")}
        figures = {"store": counts, **measure(store, args.repeats)}
        store.close()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
