"""Clustering cost per article as the corpus grows: 1k, 10k, 100k articles on this machine.

Usage: python benchmarks/cluster_scaling.py ../shared/data/stories/allsides-triplets-train.jsonl
           [more gold JSONL files] [--db ANALYZED_STORE] [--sizes 1000 10000 100000]

The real articles are ingested and analyzed into a temporary store (not timed; `--db` reuses a store
already analyzed). A larger corpus is then built from them by re-dating and recombining: article k is
real article k mod M, published at a steady rate of news (``--per-day``, 50 by default: a corpus grows
by covering more days, not by packing more into the same days), its vector mixed with another real
article's (30%) and a few of that article's words added, so that no two synthetic articles are the
same. With ``--languages N`` article k is said to be written in language k mod N (its words unchanged), so
that every placement also asks the per-language vector indexes for its closest article in each other
language, as a multilingual corpus does. Each is placed by the incremental clusterer (candidates from the indexes, assignment, merges),
in memory; the time of the last thousand articles before each size is reported in ms per article.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import ArticleProfile
from rashomon.evaluate.stories import read_records
from rashomon.ingest.session import ingest
from rashomon.nlp import models
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.train.clusters import labelled_profiles

WINDOW = 1000
PER_DAY = 50


def real_profiles(paths: list[Path], db: str | None) -> list[ArticleProfile]:
    if db:
        return _profiles(Store.open(db), paths)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as folder:
        target = str(Path(folder) / "bench.db")
        store, settings = Store.open(target), Settings.load(db=target)
        ingest(store, [str(path) for path in paths], settings)
        analyze(store, settings)
        return _profiles(store, paths)


def _profiles(store: Store, paths: list[Path]) -> list[ArticleProfile]:
    found = []
    for path in paths:
        found += labelled_profiles(store, path, read_records(path))[0]
    return found


def synthetic(profiles: list[ArticleProfile], count: int, per_day: int = PER_DAY, seed: int = 7,
              languages: int = 1) -> list[ArticleProfile]:
    chooser = random.Random(seed)
    start = date(2015, 1, 1)
    result = []
    for k in range(count):
        base, other = profiles[k % len(profiles)], chooser.choice(profiles)
        vector = base.vector + 0.3 * other.vector
        extra = dict(list(other.terms.items())[:3])
        result.append(replace(base, article_id=f"{base.article_id}-{k}", vector=vector / np.linalg.norm(vector),
                              terms={**extra, **base.terms}, mentioned=None,
                              published=start + timedelta(days=k // per_day),
                              language=f"l{k % languages}" if languages > 1 else base.language))
    return result


def measure(profiles: list[ArticleProfile], sizes: list[int]) -> dict:
    model = models.cluster_model()
    index, ids = ClusterIndex(model), Ids(1, 1)
    results, started, window_start = {}, time.perf_counter(), time.perf_counter()
    for k, profile in enumerate(profiles, start=1):
        assign(index, profile, model, ids)
        if k % WINDOW == 0:
            now = time.perf_counter()
            if k in sizes:
                results[k] = {"ms_per_article_last_1000": round((now - window_start) * 1000 / WINDOW, 2),
                              "seconds_total": round(now - started, 1), "events": len(index.events),
                              "stories": len(index.stories)}
                print(k, results[k], flush=True)
            window_start = now
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--per-day", type=int, default=PER_DAY, help="synthetic articles published a day")
    parser.add_argument("--languages", type=int, default=1, help="synthetic articles spread over this many languages")
    args = parser.parse_args()
    real = real_profiles(args.paths, args.db)
    print(f"{len(real)} real articles; building {max(args.sizes)} by re-dating and recombining", flush=True)
    corpus = synthetic(real, max(args.sizes), args.per_day, languages=args.languages)
    print(json.dumps(measure(corpus, sorted(args.sizes)), indent=1))


if __name__ == "__main__":
    main()
