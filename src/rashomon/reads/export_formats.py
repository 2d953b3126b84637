"""How exported rows are written: JSONL lines, and CSV that opens safely in a spreadsheet.

JSONL: one record a line, UTF-8, members as lists; an article's ``metadata`` keys are fields of its line (the
schema `rashomon ingest` reads back). CSV (RFC 4180, through the csv module: cells with commas, quotes or line
breaks are quoted): UTF-8 with a byte-order mark, so that Excel reads it as UTF-8 and not in the local code
page; one row per member for kinds with members (the record's own fields repeated on each), a record without
members on one row with empty member cells; lists and objects as their JSON text; null as an empty cell. Text
comes from untrusted articles, so a cell that starts with = + - @ tab or carriage return, which a spreadsheet
would run as a formula, gets a leading apostrophe (OWASP's rule for CSV injection).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from rashomon.reads.export_schema import Schema

BYTE_ORDER_MARK = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """The text as a spreadsheet shows it and never runs it: a leading apostrophe before a formula start."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    return neutralised(value) if isinstance(value, str) else value


def jsonl_line(schema: Schema, row: dict) -> str:
    if schema.spread:  # (articles: the schema ingest reads, what the input said beside rashomon's own fields)
        row = {**row[schema.spread], **{key: value for key, value in row.items() if key != schema.spread}}
    return json.dumps(row, ensure_ascii=False) + "\n"


def csv_rows(schema: Schema, row: dict) -> Iterator[list]:
    """A record's CSV rows in the order of ``schema.csv_columns()``: one per member, or one when it has none."""
    own = [csv_cell(row[name]) for name in schema.names() if name != schema.members]
    members = row[schema.members] if schema.members else []
    if not members:
        yield own + [""] * len(schema.member_fields)
    for member in members:
        yield own + [csv_cell(member[name]) for name in schema.member_names()]


def write_jsonl(schema: Schema, rows: Iterable[dict], stream: TextIO,
                written: Callable[[], None] = lambda: None) -> int:
    """Each row as one JSON line; returns how many were written (``written`` is called after each)."""
    count = 0
    for row in rows:
        stream.write(jsonl_line(schema, row))
        count += 1
        written()
    return count


def write_csv(schema: Schema, rows: Iterable[dict], stream: TextIO,
              written: Callable[[], None] = lambda: None) -> int:
    """A byte-order mark, the header, then each record's rows; returns how many records were written.
    ``stream`` must be opened with ``newline=""`` (the csv module writes its own line ends, CR LF)."""
    stream.write(BYTE_ORDER_MARK)
    writer = csv.writer(stream)
    writer.writerow(schema.csv_columns())
    count = 0
    for row in rows:
        writer.writerows(csv_rows(schema, row))
        count += 1
        written()
    return count


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
