"""Commands that fill the store or report on it as a whole: ingest, analyze, demo, rejections."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon import reads, samples
from rashomon.cli.app import (
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    DbOption,
    JsonOption,
    answer,
    err,
    errors,
    opened,
    out,
    print_json,
    progress_bar,
    store_at,
)
from rashomon.cli.render import runs
from rashomon.ingest.session import IngestReport, ingest
from rashomon.pipeline.runner import analyze


def _finish_ingest(report: IngestReport) -> None:
    if report.interrupted:
        err.print("Interrupted: every committed batch is kept; run the same command again "
                  "to ingest the rest.")
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.rejections:
        raise typer.Exit(EXIT_REJECTED)


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, JSONL dumps, WARC files, RSS/Atom feeds (files or URLs), article URLs.")],
    db: DbOption = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Fetch URLs on private, loopback and link-local addresses.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles from every input and store each once; explain every input that cannot be used."""
    with errors():
        store, settings = opened(db, allow_private=allow_private or None)
        with progress_bar("ingesting", quiet=as_json) as bar:
            report = ingest(store, inputs, settings, bar)
        if as_json:
            print_json(report.as_dict())
        else:
            runs.ingest_summary(out, report)
    _finish_ingest(report)


def analyze_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Annotate every article not yet annotated: sentences, entities, dates, embeddings (over all cores)."""
    with errors():
        store, settings = opened(db)
        with progress_bar("annotating", quiet=as_json) as bar:
            report = analyze(store, settings, bar)
        if as_json:
            print_json(report.as_dict())
        else:
            runs.analyze_summary(out, report)
    if report.interrupted:
        err.print("Interrupted: annotations written so far are kept; run analyze again to finish.")
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.failures:
        raise typer.Exit(EXIT_REJECTED)


def rejections_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List every input that could not be used, and why."""
    with errors():
        answer(reads.rejections(store_at(db)), as_json, runs.rejections_table)


def demo_command(
    db: Annotated[str, typer.Option("--db", help="Store to create afresh for the demo.")] = "rashomon-demo.db",
) -> None:
    """Ingest the bundled sample corpus (five articles on NATO enlargement) into a fresh store and show it."""
    with errors():
        with progress_bar("ingesting and annotating") as bar:
            run = samples.demo(db, bar)
        runs.demo(out, run.ingested, run.overview, db)
    _finish_ingest(run.ingested)
