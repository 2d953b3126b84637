"""Annotate throughput on full-length articles: articles/s, words/s and peak memory on all cores.

Usage: python benchmarks/annotate_throughput.py ../shared/data/attributions/polnear-train.jsonl [--limit N]
The file is ingested into a temporary store first (not timed); then `analyze` is timed. A second,
serial pass over a sample times each part of the stage, to show where the time goes.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rashomon.analysis import analyze, save_annotation
from rashomon.annotate import _annotation, _parse
from rashomon.ingest.session import ingest
from rashomon.nlp import models
from rashomon.settings import Settings
from rashomon.store import Store, queries


def _peak_mb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"parent_peak_mb": round(own), "largest_worker_peak_mb": round(children)}


def _profile(store: Store, sample: int) -> dict:
    """Serial, in this process: seconds per article in each part of the stage."""
    with store.read() as connection:
        pending = queries.articles_to_annotate(connection)[:sample]
    encoder = models.sentence_encoder(threads=1)
    parts: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    docs = _parse(pending)
    parts["spacy (tagger, parser, NER)"] = time.perf_counter() - started
    import rashomon.annotate as stage
    for name in ("sentence_spans", "quotation_spans", "find_entities", "find_temporal_expressions"):
        original = getattr(stage, name)
        setattr(stage, name, _timed(original, parts, name))
    encode = encoder.encode
    encoder.encode = _timed(encode, parts, "sentence embeddings")
    annotations = [_annotation(article, doc, pipeline, encoder) for article, (doc, pipeline) in zip(pending, docs)]
    started = time.perf_counter()
    with store.transaction() as connection:
        for annotation in annotations:
            save_annotation(connection, annotation)
    parts["store writes + canonical entities"] = time.perf_counter() - started
    return {name: round(seconds / len(pending) * 1000, 1) for name, seconds in
            sorted(parts.items(), key=lambda item: -item[1])}


def _timed(function, parts, name):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            parts[name] += time.perf_counter() - started
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--profile-sample", type=int, default=40)
    args = parser.parse_args()
    settings = Settings.load()
    with tempfile.TemporaryDirectory() as folder:
        source = args.path
        if args.limit:
            source = Path(folder) / "sample.jsonl"
            source.write_text("".join(args.path.open().readlines()[:args.limit]))
        store = Store.open(str(Path(folder) / "bench.db"))
        ingest(store, [str(source)], settings)
        with store.read() as connection:
            words = sum(len(a.text.split()) for a in queries.articles(connection))
        started = time.perf_counter()
        report = analyze(store, settings)
        seconds = time.perf_counter() - started
        profile_store = Store.open(str(Path(folder) / "profile.db"))
        ingest(profile_store, [str(source)], settings)
        profile = _profile(profile_store, args.profile_sample)
    result = {"articles": report.annotated, "words": words, "seconds": round(seconds, 1),
              "articles_per_second": round(report.annotated / seconds, 2),
              "words_per_second": round(words / seconds), "workers": settings.workers or "all cores",
              **_peak_mb(), "milliseconds_per_article_serial": profile}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
