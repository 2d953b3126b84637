"""Annotate throughput on full-length articles: articles/s, words/s and peak memory on all cores.

Usage: python benchmarks/annotate_throughput.py ../shared/data/attributions/polnear-train.jsonl [--limit N]
The file is ingested into a temporary store first (not timed); then `rashomon analyze` is timed as a
user runs it, with the memory of its whole process tree sampled (PSS: shared pages counted once). A
second, serial pass over a sample times each part of the stage, to show where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rashomon import reads
from rashomon.entities import EntityBook, resolve_entities
from rashomon.ingest.session import ingest
from rashomon.nlp import models
from rashomon.nlp.annotate import annotate_parsed, parse
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.stage_io.annotations import StoredEntities, articles_to_annotate, save_resolved


def _tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and all its descendants: shared pages counted once."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
        pending.extend(int(child) for child in children)
    return total / 1024


def _timed_analyze(db: Path) -> tuple[dict, float, float]:
    """`rashomon analyze` as a user runs it, sampling the memory of its whole process tree."""
    command = [sys.executable, "-m", "rashomon", "analyze", "--db", str(db), "--json"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _tree_pss_mb(process.pid))
        time.sleep(0.25)
    seconds = time.perf_counter() - started
    return json.loads(process.stdout.read()), seconds, peak


def _profile(store: Store, sample: int) -> dict:
    """Serial, in this process: seconds per article in each part of the stage."""
    with store.read() as connection:
        pending = articles_to_annotate(connection)[:sample]
    encoder = models.sentence_encoder(threads=1)
    parts: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    docs = parse(pending)
    parts["spacy (tagger, parser, NER)"] = time.perf_counter() - started
    import rashomon.nlp.annotate as stage
    for name in ("sentence_spans", "quotation_spans", "find_entities", "find_temporal_expressions",
                 "find_attributions"):
        original = getattr(stage, name)
        setattr(stage, name, _timed(original, parts, name))
    encode = encoder.encode
    encoder.encode = _timed(encode, parts, "sentence embeddings")
    annotations = [annotate_parsed(article, doc, pipeline, encoder) for article, (doc, pipeline) in zip(pending, docs)]
    started = time.perf_counter()
    with store.transaction() as connection:
        for annotation, article in zip(annotations, pending, strict=True):
            book = EntityBook(StoredEntities(connection))
            save_resolved(connection, article, resolve_entities(annotation, book), book)
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
        words = sum(len(a.text.split()) for a in reads.articles(store).articles)
        store.close()
        report, seconds, peak_mb = _timed_analyze(Path(folder) / "bench.db")
        profile_store = Store.open(str(Path(folder) / "profile.db"))
        ingest(profile_store, [str(source)], settings)
        profile = _profile(profile_store, args.profile_sample)
    result = {"articles": report["annotated"], "words": words, "seconds": round(seconds, 1),
              "articles_per_second": round(report["annotated"] / seconds, 2),
              "words_per_second": round(words / seconds), "workers": settings.workers or os.cpu_count(),
              "peak_memory_mb_all_processes": round(peak_mb), "milliseconds_per_article_serial": profile}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
