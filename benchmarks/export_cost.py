"""What `rashomon export` costs on an analyzed store: seconds, bytes written and the peak of Python memory
it allocates, for every kind in both formats.

Usage:
    rashomon ingest ../shared/data/stories/basil.jsonl --db basil.db && rashomon analyze --db basil.db
    python benchmarks/export_cost.py basil.db [--json]

The export streams (one record at a time), so its peak traced memory should stay near the size of the
largest record and far below the bytes it writes; a peak that grows with the output would mean it does not.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from rashomon import reads
from rashomon.reads.export_formats import WRITERS
from rashomon.reads.export_schema import SCHEMAS
from rashomon.store import open_store


def measure(db: str) -> list[dict]:
    store = open_store(db, create=False)
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, schema in SCHEMAS.items():
            for fmt, write in WRITERS.items():
                path = Path(folder) / f"{kind}.{fmt}"
                tracemalloc.start()
                started = time.perf_counter()
                with path.open("w", encoding="utf-8", newline="") as stream:
                    records = write(schema, reads.export_rows(store, kind), stream)
                seconds = time.perf_counter() - started
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                found.append({"kind": kind, "format": fmt, "records": records, "seconds": round(seconds, 2),
                              "bytes": os.path.getsize(path), "peak_traced_bytes": peak})
    store.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="an analyzed store (SQLite file or postgresql:// URL)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    arguments = parser.parse_args()
    rows = measure(arguments.db)
    if arguments.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'kind':<14}{'format':<7}{'records':>8}{'seconds':>9}{'MB written':>12}{'peak MB':>9}")
    for row in rows:
        print(f"{row['kind']:<14}{row['format']:<7}{row['records']:>8}{row['seconds']:>9.2f}"
              f"{row['bytes'] / 1e6:>12.2f}{row['peak_traced_bytes'] / 1e6:>9.2f}")


if __name__ == "__main__":
    main()
