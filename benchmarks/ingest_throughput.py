"""Ingest throughput: articles per second for JSONL dumps and for HTML pages, each into a fresh store.

Usage: python benchmarks/ingest_throughput.py ../shared/data [--json]
Reads stories/basil.jsonl, stories/allsides-triplets-train.jsonl and extraction/aeb/html.
The language detector is loaded before timing starts, so the figures are steady-state throughput;
its one-off load time is reported separately.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from rashomon.ingest.session import ingest
from rashomon.extract.language import detect_language
from rashomon.settings import Settings
from rashomon.store import Store


def _timed_ingest(inputs: list[Path], settings: Settings) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        report = ingest(store, [str(path) for path in inputs], settings)
        seconds = time.perf_counter() - started
        store.close()
    stored = report.counts["added"]
    return {"inputs": [path.name for path in inputs], "articles": stored,
            "rejected": report.counts["rejected"], "copies": report.counts["copies"],
            "seconds": round(seconds, 2), "articles_per_second": round(stored / seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder ../shared/data")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = Settings.load()
    started = time.perf_counter()
    detect_language("warm up the language detector", settings.language_codes)
    results = {
        "cpus": os.cpu_count(),
        "language_detector_load_seconds": round(time.perf_counter() - started, 2),
        "jsonl_basil": _timed_ingest([args.data / "stories" / "basil.jsonl"], settings),
        "jsonl_allsides": _timed_ingest([args.data / "stories" / "allsides-triplets-train.jsonl"], settings),
        "html_aeb": _timed_ingest([args.data / "extraction" / "aeb" / "html"], settings),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, value in results.items():
        print(f"{name:32} {value}")


if __name__ == "__main__":
    sys.exit(main())
