"""Commands that fill the store or report on it as a whole: ingest, analyze, demo, rejections."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

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


def _published_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: write it YYYY-MM-DD, e.g. 2021-12-23",
                                 param_hint="--published") from None


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, JSONL dumps, WARC files, RSS/Atom feeds (files or URLs), article URLs.")],
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option(
        "--outlet", help="The outlet of every article in this run that does not name its own (a sidecar "
                         "FILE.json or the page's metadata wins; a masthead read from the text does not).")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", metavar="YYYY-MM-DD",
        help="The publication date of every article in this run that does not state its own.")] = None,
    title_only: Annotated[Optional[str], typer.Option(
        "--title-only", metavar="reject|keep",
        help="A record with a title but no text: reject it (listed by `rashomon rejections`) or keep it "
             "marked title-only [default: reject, or $RASHOMON_TITLE_ONLY].")] = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Fetch URLs on private, loopback and link-local addresses.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles from every input and store each once; explain every input that cannot be used."""
    day = _published_date(published)
    if title_only not in (None, "reject", "keep"):
        raise typer.BadParameter(f"{title_only!r}: choose reject or keep", param_hint="--title-only")
    with errors():
        store, settings = opened(db, allow_private=allow_private or None, title_only=title_only)
        with progress_bar("ingesting", quiet=as_json) as bar:
            report = ingest(store, inputs, settings, bar, outlet=outlet, published=day)
        if as_json:
            print_json(report.as_dict())
        else:
            runs.ingest_summary(out, report)
    _finish_ingest(report)


def analyze_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Annotate every new article (sentences, entities, dates, embeddings; over all cores), then group quotes,
    cluster into events and stories and compare events: a bar for each phase, and a line saying what was made."""
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
