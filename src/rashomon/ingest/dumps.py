"""JSONL dumps in the schema of the benchmark corpora: one article a line, one Page a line."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from rashomon.records import Page, Rejection


def _open(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def count_lines(path: Path) -> int:
    with _open(path) as stream:
        return sum(1 for line in stream if line.strip())


def pages_from_jsonl(path: Path) -> Iterator[Page | Rejection]:
    """Each non-blank line as a record Page named ``path:line``; unusable lines as Rejections."""
    try:
        stream = _open(path)
    except OSError as error:
        yield Rejection(str(path), f"cannot be read ({error.strerror or error})")
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            origin = f"{path}:{number}"
            item = _record(origin, raw)
            if isinstance(item, Rejection):
                yield item
            else:
                yield Page(origin=origin, kind="record", body=b"", url=None, fields=item)


def _record(origin: str, raw: bytes) -> dict | Rejection:
    try:
        value = json.loads(raw.strip())
    except UnicodeDecodeError as error:
        return Rejection(origin, f"broken text encoding: invalid UTF-8 byte at position {error.start}")
    except json.JSONDecodeError as error:
        return Rejection(origin, f"not valid JSON: {error.msg} (column {error.colno})")
    if not isinstance(value, dict):
        kind = {list: "an array", str: "a string"}.get(type(value), type(value).__name__)
        return Rejection(origin, f"expected a JSON object, found {kind}")
    return value
