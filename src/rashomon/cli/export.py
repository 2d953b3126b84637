"""`rashomon export`: every record of one kind as JSONL or CSV, to a file or to stdout, progress on stderr."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from rashomon import reads
from rashomon.cli.app import DbOption, errors, progress_bar, store_at
from rashomon.errors import SettingError
from rashomon.reads.export_formats import WRITERS
from rashomon.reads.export_schema import FORMATS, KIND_NAMES

KindOption = Annotated[str, typer.Option(
    "--kind", help=f"What to export: {', '.join(KIND_NAMES)} (quotes is attributions).")]
FormatOption = Annotated[str, typer.Option(
    "--format", help=f"{' or '.join(FORMATS)}; CSV is UTF-8 with a byte-order mark, one row per member.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="File to write, replaced only once the export is complete (default: stdout).")]


def export_command(db: DbOption = None, kind: KindOption = "articles", format: FormatOption = "jsonl",
                   output: OutputOption = None) -> None:
    """Write every record of a kind, each pointing to the article spans it rests on (schemas: docs/export.md).
    Articles as JSONL are in the schema `rashomon ingest` reads back."""
    with errors():
        schema, chosen = reads.export_schema(kind), reads.export_format(format)
        store = store_at(db)
        total = reads.export_count(store, schema.kind)
        with _opened(output) as stream, progress_bar(f"exporting {schema.kind}", total=total) as bar:
            WRITERS[chosen](schema, reads.export_rows(store, schema.kind), stream, bar.advance)


@contextmanager
def _opened(output: Path | None) -> Iterator[TextIO]:
    """UTF-8 text with the line ends the writer gives; a file is written beside its name and moved in place
    once complete, so that a failed or interrupted export never leaves half a file under that name."""
    if output is None:
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()
        return
    partial = output.with_name(output.name + ".partial")
    try:
        opened = partial.open("w", encoding="utf-8", newline="")
    except OSError as error:
        raise SettingError(f"--output {output}: cannot be written ({error.strerror or error})") from None
    try:
        with opened as stream:
            yield stream
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
